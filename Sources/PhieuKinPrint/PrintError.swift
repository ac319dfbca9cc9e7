public import PhieuKinMessages

/// Why a PDF could not be printed, with what to do next.
///
/// Errors compare by kind only (the reason text carries paths and counts), so callers and
/// tests match `PrintError.cannotWrite` etc. Reasons never contain ballot contents or serials.
public struct PrintError: Error, Equatable, CustomStringConvertible, MessageConvertible {
    /// What kind of failure this is; new kinds may be added, so switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The output file could not be created or written.
        public static let cannotWrite = Kind("cannotWrite")
        /// The document or a sheet is not printable.
        public static let invalidDocument = Kind("invalidDocument")
        /// A QR payload is too long to print at a scannable module size.
        public static let payloadTooLong = Kind("payloadTooLong")
        /// cairo, pango or libqrencode reported an error while drawing.
        public static let renderingFailed = Kind("renderingFailed")
    }

    /// What failed, for a caller to switch on.
    public let kind: Kind
    /// Human-readable reason, ending with what to do next.
    public let message: Message
    /// The message in English.
    public var reason: String { message.description }

    private init(_ kind: Kind, _ message: Message) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "PrintError: \(reason)" }

    public static func == (lhs: PrintError, rhs: PrintError) -> Bool { lhs.kind == rhs.kind }

    /// The output file could not be created or written (missing folder, no permission, full disk).
    public static let cannotWrite = PrintError(.cannotWrite, "cannot write the PDF file")
    /// The document or a sheet is not printable (no rows, too many columns, non-ASCII id…).
    public static let invalidDocument = PrintError(.invalidDocument, "the document cannot be printed")
    /// A QR payload is too long to print at a scannable module size.
    public static let payloadTooLong = PrintError(.payloadTooLong, "a QR payload is too long")
    /// cairo, pango or libqrencode reported an error while drawing.
    public static let renderingFailed = PrintError(.renderingFailed, "drawing the PDF failed")

    static func cannotWrite(path: String, cairoStatus: String) -> PrintError {
        PrintError(
            .cannotWrite,
            "cannot write PDF '\(path)' (cairo: \(cairoStatus)). Check that the folder exists and is "
                + "writable and that the disk is not full, then run the command again.")
    }

    static func invalidDocument(_ what: Message) -> PrintError {
        PrintError(.invalidDocument, "cannot print: \(what). Fix the survey or roster and run the command again.")
    }

    static func payloadTooLong(bytes: Int, limit: Int) -> PrintError {
        PrintError(
            .payloadTooLong,
            "QR payload is \(bytes) bytes, more than the \(limit) that fit a scannable code. "
                + "Use shorter survey, round or layout ids or shorter serials.")
    }

    static func renderingFailed(_ what: String) -> PrintError {
        PrintError(
            .renderingFailed,
            "drawing the PDF failed (\(what)). Check that cairo, pango, libqrencode and the DejaVu fonts "
                + "are installed (scripts/install-deps) and run the command again.")
    }
}
