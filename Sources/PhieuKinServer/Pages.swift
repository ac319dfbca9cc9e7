import Hummingbird
import NIOCore
import PhieuKinMessages

/// The booth, the kiosk and their assets, all from `WebAssets` (compiled in from web/).
enum Pages {
    struct Asset: Sendable {
        var contentType: String
        var body: ByteBuffer
    }

    static let assets: [String: Asset] = {
        var assets: [String: Asset] = [:]
        for file in WebAssets.files {
            assets[file.name] = Asset(contentType: contentType(file.name), body: ByteBuffer(string: file.text))
        }
        return assets
    }()

    static func contentType(_ name: String) -> String {
        if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        return "application/octet-stream"
    }

    /// Every page and asset answers `GET` and `HEAD` (the middleware drops a `HEAD`'s body).
    static func register(on router: Router<ServerContext>) {
        func get(
            _ path: RouterPath, _ handler: @escaping @Sendable (Request, ServerContext) async throws -> Response
        ) {
            router.get(path, use: handler)
            router.head(path, use: handler)
        }
        get("/") { request, _ -> Response in
            let english = request.uri.queryParameters.get("lang") == "en"
            return Response(status: .seeOther, headers: [.location: english ? "/phieu?lang=en" : "/phieu"])
        }
        get("phieu") { _, _ in try page("booth.html") }
        get("kiosk") { _, _ in try page("kiosk.html") }
        get("healthz") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        get("static/:file") { _, context in
            let name = context.parameters.get("file") ?? ""
            guard !name.hasSuffix(".html"), let asset = assets[name] else { throw HTTPError(.notFound) }
            // Assets change only with the binary; a revalidation is cheap and never stale.
            return Response(
                status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
                body: .init(byteBuffer: asset.body))
        }
    }

    static func page(_ name: String) throws -> Response {
        guard let asset = assets[name] else { throw HTTPError(.notFound) }
        return Response(
            status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "no-store"],
            body: .init(byteBuffer: asset.body))
    }
}
