import Foundation
import Hummingbird
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

/// Every response passes here: a thrown error becomes the API's JSON error (Vietnamese unless
/// `?lang=en`), and the security headers a voting page needs are set on everything.
struct FrontMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let state: ServerState

    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    static let permissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    func handle(
        _ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response
    )
        async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let apiError = Self.apiError(error, context: context)
            state.refusals.count(apiError.code.rawValue)
            response = Self.errorResponse(apiError, request: request)
        }
        var headers = response.headers
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        headers[FieldName.referrerPolicy] = "no-referrer"
        headers[.xContentTypeOptions] = "nosniff"
        headers[FieldName.frameOptions] = "DENY"
        headers[FieldName.permissionsPolicy] = Self.permissionsPolicy
        headers[FieldName.openerPolicy] = "same-origin"
        headers[FieldName.resourcePolicy] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
        if state.options.behindTLS { headers[.strictTransportSecurity] = "max-age=31536000" }
        response.headers = headers
        return request.method == .head ? Self.withoutBody(response) : response
    }

    /// A response to `HEAD` (routed like `GET`, `Pages`): the body dropped, its length kept
    /// (RFC 9110, 9.3.2) — errors too.
    static func withoutBody(_ response: Response) -> Response {
        var response = response
        let length = response.body.contentLength
        response.body = ResponseBody()
        response.headers[.contentLength] = length.map(String.init)
        return response
    }

    /// What the client is told about a thrown error.
    static func apiError(_ error: any Error, context: ServerContext) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as CastError:
            return APIError(error)
        case let error as any HTTPResponseError:
            switch error.status.code {
            case 404: return APIError(.notFound)
            case 405: return APIError(.methodNotAllowed)
            case 413: return APIError(.payloadTooLarge)
            case 415: return APIError(.unsupportedMediaType)
            case 400..<500: return APIError(.badRequest)
            default: return APIError(.internalError)
            }
        default:
            // The service's own errors say what went wrong without codes, tokens or ballot content.
            context.logger.error("request failed: \(String(describing: type(of: error))): \(error)")
            return APIError(.internalError)
        }
    }

    static func language(_ request: Request) -> Language {
        request.uri.queryParameters.get("lang") == "en" ? .en : .vi
    }

    static func errorResponse(_ error: APIError, request: Request) -> Response {
        let language = language(request)
        let body: [String: String] = ["error": error.code.rawValue, "message": error.message(language)]
        var response = API.json(body, status: error.status)
        if let retry = error.retryAfter { response.headers[.retryAfter] = String(retry) }
        if error.code == .methodNotAllowed { response.headers[.allow] = "POST" }
        return response
    }
}

/// Header names HTTPTypes does not spell.
typealias FieldName = HTTPFields.Element.Name

extension FieldName {
    static let referrerPolicy = FieldName("Referrer-Policy")!
    static let frameOptions = FieldName("X-Frame-Options")!
    static let permissionsPolicy = FieldName("Permissions-Policy")!
    static let openerPolicy = FieldName("Cross-Origin-Opener-Policy")!
    static let resourcePolicy = FieldName("Cross-Origin-Resource-Policy")!
    static let forwardedFor = FieldName("X-Forwarded-For")!
}
