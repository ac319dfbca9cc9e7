import Foundation
import Hummingbird
import HummingbirdTesting
import PhieuKin
import PhieuKinTestSupport
import Testing

@testable import PhieuKinServer

/// What the server does before the service is asked anything: pages, assets, headers, limits.
@Suite("Server: pages, headers and limits")
struct BasicsTests {
    static let csp =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    @Test func pagesAreServedWithTheSecurityHeaders() async throws {
        let (workspace, _) = try ServerFixture.empty()
        try await makeApp(workspace).test(.router) { client in
            for (path, marker) in [("/phieu", "booth.js"), ("/phieu?lang=en", "booth.js"), ("/kiosk", "kiosk.js")] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.text.contains(marker))
                    #expect(response.headers[.contentSecurityPolicy] == Self.csp)
                    #expect(response.headers[FieldName.referrerPolicy] == "no-referrer")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.headers[.cacheControl] == "no-store")
                    #expect(response.headers[FieldName.permissionsPolicy]?.contains("camera=()") == true)
                    #expect(response.headers[.strictTransportSecurity] == nil)
                }
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/phieu")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok && response.text == "ok\n")
            }
        }
    }

    @Test func behindTLSPagesCarryHSTS() async throws {
        let (workspace, _) = try ServerFixture.empty()
        try await makeApp(workspace, .testing(behindTLS: true)).test(.router) { client in
            for path in ["/phieu", "/static/style.css", "/api/nothing"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.headers[.strictTransportSecurity] == "max-age=31536000")
                }
            }
        }
    }

    @Test func staticAssetsAreTheEmbeddedFiles() async throws {
        let (workspace, _) = try ServerFixture.empty()
        try await makeApp(workspace).test(.router) { client in
            for (name, type) in [
                ("booth.js", "text/javascript"), ("kiosk.js", "text/javascript"), ("seal.js", "text/javascript"),
                ("style.css", "text/css"),
            ] {
                try await client.execute(uri: "/static/" + name, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == type + "; charset=utf-8")
                    #expect(response.text == WebAssets.files.first { $0.name == name }?.text)
                    #expect(response.headers[.contentSecurityPolicy] == Self.csp)
                }
            }
            for missing in ["/static/nothing.js", "/static/booth.html", "/static/..%2Fbooth.html", "/nowhere"] {
                try await client.execute(uri: missing, method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.object["error"] as? String == "not-found")
                    #expect(response.object["message"] as? String == "Không tìm thấy trang này.")
                    #expect(response.headers[.contentSecurityPolicy] == Self.csp)
                }
            }
        }
    }

    /// No inline script or style anywhere (the CSP would block it); the form contract's hooks are there.
    @Test func pagesNeedNoCSPException() throws {
        for file in WebAssets.files where file.name.hasSuffix(".html") {
            #expect(!file.text.contains("<script>"), "\(file.name) has an inline script")
            #expect(!file.text.contains("<style"), "\(file.name) has a style element")
            #expect(!file.text.contains(" style="), "\(file.name) has a style attribute")
            #expect(
                file.text.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil,
                "\(file.name) has an inline handler")
            #expect(
                !file.text.contains("http://") && !file.text.contains("https://"), "\(file.name) loads from elsewhere")
        }
        for file in WebAssets.files where file.name.hasSuffix(".js") {
            #expect(!file.text.contains("innerHTML"), "\(file.name) writes HTML")
            #expect(!file.text.contains("eval("), "\(file.name) evaluates code")
        }
        let booth = try #require(WebAssets.files.first { $0.name == "booth.html" }).text
        #expect(booth.contains(#"name="code""#))
        for action in ["open", "previous", "next", "skip-rest", "edit", "confirm"] {
            #expect(booth.contains(#"data-action="\#(action)""#))
        }
        #expect(booth.contains("data-receipt") && booth.contains(#"role="alert""#))
    }

    /// WebAssets.swift is generated from web/ by scripts/embed-web; they must not drift apart.
    @Test func embeddedAssetsMatchTheWebDirectory() throws {
        let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("web")
        let names = try FileManager.default.contentsOfDirectory(atPath: web.path)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".css") || $0.hasSuffix(".js") }.sorted()
        #expect(WebAssets.files.map(\.name) == names, "web/ and WebAssets.swift differ: run scripts/embed-web")
        for name in names {
            let onDisk = try String(contentsOf: web.appendingPathComponent(name), encoding: .utf8)
            #expect(
                WebAssets.files.first { $0.name == name }?.text == onDisk,
                "web/\(name) differs from WebAssets.swift: run scripts/embed-web")
        }
    }

    @Test func badRequestsAreRefusedInJSONBeforeTheServiceIsAsked() async throws {
        let (workspace, _) = try ServerFixture.empty()
        try await makeApp(workspace).test(.router) { client in
            // Not JSON.
            try await client.execute(
                uri: "/api/code", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: #"{"code":"x"}"#)
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.object["error"] as? String == "unsupported-media-type")
                #expect(response.object["message"] as? String == "Dữ liệu gửi lên phải ở dạng JSON.")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            }
            try await client.execute(uri: "/api/code", method: .post, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            // Broken JSON, wrong shape, wrong types — in Vietnamese, or English on request.
            for body in ["{", "[]", #"{"kod":"x"}"#, #"{"code":12}"#, "\u{FEFF}{}"] {
                try await client.execute(
                    uri: "/api/code", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .badRequest)
                    #expect(response.object["error"] as? String == "bad-request")
                    #expect((response.object["message"] as? String)?.hasPrefix("Yêu cầu không hợp lệ") == true)
                }
            }
            try await client.execute(
                uri: "/api/ballots?lang=en", method: .post, headers: [.contentType: "application/json; charset=utf-8"],
                body: ByteBuffer(string: #"{"code":"x","round":"r"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(
                    response.object["message"] as? String
                        == "The request is not valid. Please reload the page and try again.")
            }
            // Over 64 KiB, with or without a Content-Length the server can trust.
            let big = ByteBuffer(string: #"{"code":""# + String(repeating: "A", count: 70_000) + #""}"#)
            try await client.execute(uri: "/api/code", method: .post, headers: jsonHeaders, body: big) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.object["error"] as? String == "payload-too-large")
            }
            // A sealed blob that is not a version-1 box.
            for sealed in ["not base64!", "AQID", Data(repeating: 2, count: 80).base64EncodedString()] {
                try await client.execute(
                    uri: "/api/ballots", method: .post, headers: jsonHeaders,
                    body: json(["code": "K7PQ-4M2X", "round": "r", "sealed": sealed])
                ) { response in
                    #expect(response.status == .badRequest)
                    #expect(response.object["error"] as? String == "malformed-sealed")
                }
            }
            try await client.execute(
                uri: "/api/kiosk/ballots", method: .post, headers: jsonHeaders,
                body: json(["kiosk": "k", "id": "short", "sealed": Data(repeating: 1, count: 80).base64EncodedString()])
            ) { response in
                #expect(response.status == .badRequest)
            }
            // The API is POST only.
            try await client.execute(uri: "/api/code", method: .get) { response in
                #expect(response.status.code == 404 || response.status.code == 405)
                #expect(response.object["error"] != nil)
            }
        }
    }

    @Test func theBrakeCountsFailuresPerClientInAWindow() {
        let limiter = AttemptLimiter(limit: 3, window: 600)
        for _ in 0..<3 {
            #expect(limiter.retryAfter(1, now: 1000) == nil)
            limiter.recordFailure(1, now: 1000)
        }
        #expect(limiter.retryAfter(1, now: 1000) == 600)
        #expect(limiter.retryAfter(1, now: 1300) == 300)
        #expect(limiter.retryAfter(2, now: 1300) == nil)
        #expect(limiter.retryAfter(1, now: 1600) == nil)
    }

    @Test func listenAddressesParse() {
        #expect(ServerOptions.parseListen("127.0.0.1:8080")! == ("127.0.0.1", 8080))
        #expect(ServerOptions.parseListen("[::1]:9000")! == ("::1", 9000))
        #expect(ServerOptions.parseListen("localhost") == nil)
        #expect(ServerOptions.parseListen(":80") == nil)
        #expect(ServerOptions.parseListen("h:70000") == nil)
    }

    /// Every error code the service can throw has a status and both messages.
    @Test func everyServiceRefusalHasAStatusAndMessages() {
        for code in CastError.Code.allCases {
            let error = APIError(CastError(code, "test"))
            #expect(error.code.rawValue == code.rawValue)
            #expect((400..<500).contains(error.status))
            #expect(!error.message(.vi).isEmpty && !error.message(.en).isEmpty)
            #expect(error.message(.vi) != error.message(.en))
        }
        #expect(APIError(CastError(.unknownCode, "")).status == 404)
        #expect(APIError(CastError(.codeUsed, "")).status == 409)
        #expect(APIError(CastError(.roundClosed, "")).status == 409)
        #expect(APIError(CastError(.unknownKiosk, "")).status == 403)
    }
}
