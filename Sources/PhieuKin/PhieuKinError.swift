/// Errors from the workflows. Each says what went wrong and what to do next; none carries
/// ballot contents.
public struct PhieuKinError: Error, CustomStringConvertible, Equatable {
    private enum Code: Equatable {
        case workspace
        case keyFile
        case input
        case state
        case notFound
    }
    private let code: Code
    public let reason: String

    public var description: String { reason }

    public static func workspace(_ reason: String) -> Self { .init(code: .workspace, reason: reason) }
    public static func keyFile(_ reason: String) -> Self { .init(code: .keyFile, reason: reason) }
    public static func input(_ reason: String) -> Self { .init(code: .input, reason: reason) }
    public static func state(_ reason: String) -> Self { .init(code: .state, reason: reason) }
    public static func notFound(_ reason: String) -> Self { .init(code: .notFound, reason: reason) }
}
