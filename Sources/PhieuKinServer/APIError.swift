import Foundation
public import PhieuKin
public import PhieuKinCore

/// An error the JSON API answers with: `{"error": <code>, "message": <sentence>}` (docs/WEB.md,
/// "Errors"). The service's `CastError` codes plus the server's own (limits, media type, routing).
public struct APIError: Error, Sendable, Equatable {
    public enum Code: String, Sendable, CaseIterable {
        case badRequest = "bad-request"
        case malformedSealed = "malformed-sealed"
        case unknownCode = "unknown-code"
        case codeUsed = "code-used"
        case alreadyCast = "already-cast"
        case wrongKey = "wrong-key"
        case unknownRound = "unknown-round"
        case roundClosed = "round-closed"
        case unknownKiosk = "unknown-kiosk"
        case enrolmentUsed = "enrolment-used"
        case kioskTooFast = "kiosk-too-fast"
        case kioskDailyCap = "kiosk-daily-cap"
        case roundFull = "round-full"
        case tooManyAttempts = "too-many-attempts"
        case payloadTooLarge = "payload-too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case notFound = "not-found"
        case methodNotAllowed = "method-not-allowed"
        case internalError = "internal-error"
    }

    public var code: Code
    /// Seconds before the client may try again (`Retry-After`), for `too-many-attempts`.
    public var retryAfter: Int?

    public init(_ code: Code, retryAfter: Int? = nil) {
        self.code = code
        self.retryAfter = retryAfter
    }

    /// The service's refusal as the API's error (the raw values are the same strings).
    public init(_ error: CastError) {
        self.init(Code(rawValue: error.code.rawValue) ?? .badRequest)
    }

    public var status: Int {
        switch code {
        case .badRequest, .malformedSealed: 400
        case .unknownKiosk: 403
        case .unknownCode, .unknownRound, .notFound: 404
        case .methodNotAllowed: 405
        case .codeUsed, .alreadyCast, .wrongKey, .roundClosed, .enrolmentUsed, .roundFull: 409
        case .payloadTooLarge: 413
        case .unsupportedMediaType: 415
        case .kioskTooFast, .kioskDailyCap, .tooManyAttempts: 429
        case .internalError: 500
        }
    }

    /// The sentence a voter reads, in the page's language (Vietnamese by default).
    public func message(_ language: Language) -> String {
        let (vi, en) = Self.messages[code]!
        return language == .en ? en : vi
    }

    static let messages: [Code: (vi: String, en: String)] = [
        .badRequest: (
            "Yêu cầu không hợp lệ. Vui lòng tải lại trang và thử lại.",
            "The request is not valid. Please reload the page and try again."
        ),
        .malformedSealed: (
            "Phiếu gửi lên không đúng định dạng. Vui lòng tải lại trang và bỏ phiếu lại.",
            "The ballot sent is not in the right format. Please reload the page and vote again."
        ),
        .unknownCode: (
            "Mã không đúng hoặc không thuộc đợt bỏ phiếu nào đang mở. Vui lòng kiểm tra lại mã trên phiếu mã.",
            "This code is not right, or not for any open round. Please check the code on your slip."
        ),
        .codeUsed: (
            "Mã này đã được dùng để bỏ phiếu. Mỗi mã chỉ dùng được một lần.",
            "This code has already been used to vote. Each code works only once."
        ),
        .alreadyCast: (
            "Phiếu này đã được gửi và ghi nhận trước đó; không nhận lại lần nữa.",
            "This ballot was sent and recorded before; it is not taken again."
        ),
        .wrongKey: (
            "Phiếu được niêm phong cho một đợt bỏ phiếu khác. Vui lòng tải lại trang và bỏ phiếu lại.",
            "This ballot was sealed for another voting round. Please reload the page and vote again."
        ),
        .unknownRound: (
            "Không tìm thấy đợt bỏ phiếu này cho mã của bạn.",
            "This voting round was not found for your code."
        ),
        .roundClosed: (
            "Đợt bỏ phiếu này đã kết thúc; không nhận thêm phiếu.",
            "This voting round has closed; no more ballots are taken."
        ),
        .unknownKiosk: (
            "Máy đánh giá này chưa được đăng ký hoặc đợt đánh giá đã kết thúc. Vui lòng báo cán bộ phụ trách.",
            "This kiosk is not enrolled, or its round has ended. Please tell a member of staff."
        ),
        .enrolmentUsed: (
            "Mã đăng ký máy này đã được dùng. Vui lòng xin mã đăng ký mới.",
            "This enrolment code has already been used. Please ask for a new one."
        ),
        .kioskTooFast: (
            "Vui lòng chờ một chút trước lượt đánh giá tiếp theo.",
            "Please wait a moment before the next rating."
        ),
        .kioskDailyCap: (
            "Máy này đã nhận đủ số lượt đánh giá cho hôm nay.",
            "This kiosk has taken all the ratings it may take today."
        ),
        .roundFull: (
            "Đợt này đã nhận đủ số phiếu dự kiến; không nhận thêm. Vui lòng báo cán bộ phụ trách.",
            "This round has taken all the ballots it was opened for. Please tell a member of staff."
        ),
        .tooManyAttempts: (
            "Nhập sai quá nhiều lần. Vui lòng chờ một lát rồi thử lại.",
            "Too many wrong attempts. Please wait a while and try again."
        ),
        .payloadTooLarge: (
            "Dữ liệu gửi lên quá lớn.",
            "What was sent is too large."
        ),
        .unsupportedMediaType: (
            "Dữ liệu gửi lên phải ở dạng JSON.",
            "What is sent must be JSON."
        ),
        .notFound: (
            "Không tìm thấy trang này.",
            "This page was not found."
        ),
        .methodNotAllowed: (
            "Phương thức không được hỗ trợ.",
            "This method is not allowed."
        ),
        .internalError: (
            "Máy chủ gặp sự cố; phiếu chưa được ghi nhận. Vui lòng thử lại sau ít phút.",
            "The server had a problem; nothing was recorded. Please try again in a few minutes."
        ),
    ]
}
