import Foundation
import Hummingbird
import NIOCore
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

/// The JSON API of docs/WEB.md. Every request is a POST of at most 64 KiB of `application/json`;
/// every refusal is an `APIError` (the middleware writes it); nothing here stores anything — the
/// service does, in one transaction, or not at all.
struct API {
    static let maxBody = 64 * 1024
    let state: ServerState

    var electronic: ElectronicService { state.workspace.electronic }

    func register(on group: RouterGroup<ServerContext>) {
        group.post("code") { request, context in
            try await guarded(request, context) {
                let body = try await Self.decode(CodeRequest.self, request)
                let definition = try electronic.ballot(forCode: body.code, language: FrontMiddleware.language(request))
                return Self.json(definition, status: 200)
            }
        }
        group.post("ballots") { request, context in
            try await guarded(request, context) {
                let body = try await Self.decode(CastRequest.self, request)
                let sealed = try Self.sealedBytes(body.sealed)
                let receipt = try await electronic.cast(
                    code: body.code, roundID: RoundID(body.round), sealed: sealed, sealedTo: try Self.keyBytes(body.key)
                )
                return Self.json(ReceiptResponse(receipt), status: receipt.duplicate ? 200 : 201)
            }
        }
        group.post("kiosk/enrol") { request, context in
            try await guarded(request, context) {
                let body = try await Self.decode(EnrolRequest.self, request)
                let enrolment = try electronic.enrolKiosk(token: body.token)
                return Self.json(
                    EnrolResponse(
                        kiosk: enrolment.kioskToken, desk: enrolment.desk, round: enrolment.roundID.rawValue,
                        minIntervalSeconds: enrolment.minIntervalSeconds), status: 200)
            }
        }
        group.post("kiosk/ballot") { request, context in
            try await guarded(request, context) {
                let body = try await Self.decode(KioskRequest.self, request)
                let definition = try electronic.kioskBallot(
                    kioskToken: body.kiosk, language: FrontMiddleware.language(request))
                return Self.json(definition, status: 200)
            }
        }
        group.post("kiosk/ballots") { request, context in
            try await guarded(request, context) {
                let body = try await Self.decode(KioskCastRequest.self, request)
                guard body.id.count == 32, body.id.allSatisfy(\.isHexDigit) else { throw APIError(.badRequest) }
                let sealed = try Self.sealedBytes(body.sealed)
                let receipt = try await electronic.castFromKiosk(
                    kioskToken: body.kiosk, submissionID: body.id.lowercased(), sealed: sealed,
                    sealedTo: try Self.keyBytes(body.key))
                return Self.json(ReceiptResponse(receipt), status: receipt.duplicate ? 200 : 201)
            }
        }
    }

    /// Runs a handler behind the wrong-code brake: a client over its limit is refused before the
    /// service is asked; a refusal that looks like guessing counts against it.
    private func guarded(
        _ request: Request, _ context: ServerContext, _ body: () async throws -> Response
    )
        async throws -> Response
    {
        let key = context.clientKey(request, trusting: state.options.trustedProxies)
        if let wait = state.limiter.retryAfter(key) { throw APIError(.tooManyAttempts, retryAfter: wait) }
        do {
            return try await body()
        } catch let error as CastError {
            switch error.code {
            case .unknownCode, .unknownRound, .unknownKiosk: state.limiter.recordFailure(key)
            default: break
            }
            throw error
        }
    }

    // MARK: Bodies

    struct CodeRequest: Decodable { var code: String }
    struct CastRequest: Decodable {
        var code: String
        var round: String
        var sealed: String
        /// Hex of the tally public key the page sealed to (optional; the pages send it).
        var key: String?
    }
    struct EnrolRequest: Decodable { var token: String }
    struct KioskRequest: Decodable { var kiosk: String }
    struct KioskCastRequest: Decodable {
        var kiosk: String
        var id: String
        var sealed: String
        var key: String?
    }
    struct ReceiptResponse: Encodable {
        var receipt: String
        var duplicate: Bool?
        init(_ receipt: CastReceipt) {
            self.receipt = receipt.receipt
            self.duplicate = receipt.duplicate ? true : nil
        }
    }
    struct EnrolResponse: Encodable {
        var kiosk: String
        var desk: String
        var round: String
        var minIntervalSeconds: Int
    }

    /// Reads a JSON body: `application/json` (415 otherwise), at most 64 KiB (413), well-formed and
    /// of the expected shape (400).
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        guard let contentType = request.headers[.contentType],
            contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
                == "application/json"
        else { throw APIError(.unsupportedMediaType) }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBody {
            throw APIError(.payloadTooLarge)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBody)
        } catch is NIOTooManyBytesError {
            throw APIError(.payloadTooLarge)
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch {
            throw APIError(.badRequest)
        }
    }

    /// The `sealed` field: standard base64 of a version-1 sealed box of plausible size.
    static func sealedBytes(_ text: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: text), data.count >= 61, data.first == 0x01 else {
            throw APIError(.malformedSealed)
        }
        return [UInt8](data)
    }

    /// The optional `key` field: 64 hexadecimal digits (a 32-byte X25519 public key).
    static func keyBytes(_ text: String?) throws -> [UInt8]? {
        guard let text else { return nil }
        guard text.utf8.count == 64, text.allSatisfy(\.isHexDigit) else { throw APIError(.badRequest) }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ value: some Encodable, status: Int) -> Response {
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"internal-error"}"#.utf8)
        return Response(
            status: .init(code: status),
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
