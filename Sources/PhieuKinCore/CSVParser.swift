/// One CSV record and the line it starts on (1-based), for error messages.
public struct CSVRecord: Sendable, Hashable {
    /// 1-based line where the record starts (a quoted field may carry it over several lines).
    public var line: Int
    public var fields: [String]
    /// Set only by a parser made with `tolerateInvalidUTF8`, when a field of this record is not
    /// UTF-8: the record's raw field bytes joined by commas (its `fields` are then lossy).
    public var invalidUTF8Bytes: [UInt8]?

    public init(line: Int, fields: [String], invalidUTF8Bytes: [UInt8]? = nil) {
        self.line = line
        self.fields = fields
        self.invalidUTF8Bytes = invalidUTF8Bytes
    }
}

/// Why CSV could not be read. Names the line; never quotes field contents (they may be ballots).
public struct CSVError: Error, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case invalidUTF8, unterminatedQuote, quoteInUnquotedField, textAfterClosingQuote, fieldTooLong
    }
    private let code: Code
    /// 1-based line of the problem.
    public let line: Int
    public let reason: String

    private init(_ code: Code, line: Int, _ reason: String) {
        self.code = code
        self.line = line
        self.reason = reason
    }

    static func invalidUTF8(line: Int, field: Int) -> Self {
        .init(
            .invalidUTF8, line: line,
            "field \(field) is not valid UTF-8 text; save the file as \"CSV UTF-8\" and import it again")
    }
    static func unterminatedQuote(line: Int) -> Self {
        .init(
            .unterminatedQuote, line: line,
            "a quoted field starting here is never closed; add the missing \" (write \"\" for a quote inside)")
    }
    static func quoteInUnquotedField(line: Int, field: Int) -> Self {
        .init(
            .quoteInUnquotedField, line: line,
            "field \(field) contains a \" but does not start with one; quote the whole field and double the inner \"")
    }
    static func textAfterClosingQuote(line: Int, field: Int) -> Self {
        .init(
            .textAfterClosingQuote, line: line,
            "field \(field) has text after its closing \"; write \"\" for a quote inside a quoted field")
    }
    static func fieldTooLong(line: Int, field: Int, limit: Int) -> Self {
        .init(.fieldTooLong, line: line, "field \(field) is longer than \(limit) bytes")
    }

    public var description: String { "line \(line): \(reason)" }
}

/// An incremental RFC 4180 CSV reader: comma separator, optional double quotes with `""` escapes
/// and embedded line breaks, CRLF, LF (or a lone CR) line ends, an optional UTF-8 BOM at the start.
///
/// Streaming because ballot files can hold a million rows: feed it chunks of any size (a chunk
/// may end mid-field or mid-character) and it calls `emit` for every complete record; call
/// `finish` at end of input. Completely empty lines are skipped. Every field is validated as
/// UTF-8. After an error the parser stays failed and rethrows it.
public struct CSVParser: Sendable {
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A field longer than this is an error: protects memory against a file with a stray quote.
    public let maxFieldBytes: Int
    /// When true, a field that is not UTF-8 does not stop the parser: its record is emitted with
    /// `invalidUTF8Bytes` set (ballot import rejects that one row and goes on).
    public let tolerateInvalidUTF8: Bool
    private var invalidBytes: [UInt8]?
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var line = 1
    private var recordLine = 1
    private var fieldLine = 1
    private var lastWasCR = false
    private var bomChecked = false
    private var bomPrefix: [UInt8] = []
    private var failure: CSVError?

    public init(maxFieldBytes: Int = 1 << 20, tolerateInvalidUTF8: Bool = false) {
        self.maxFieldBytes = maxFieldBytes
        self.tolerateInvalidUTF8 = tolerateInvalidUTF8
        field.reserveCapacity(256)
    }

    /// Parses the next chunk, emitting every record it completes.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: (CSVRecord) throws -> Void) throws {
        if let failure { throw failure }
        do {
            try run(bytes, emit)
        } catch let error as CSVError {
            failure = error
            throw error
        }
    }

    /// Ends the input: emits the last record if the file does not end with a line break.
    public mutating func finish(_ emit: (CSVRecord) throws -> Void) throws {
        if let failure { throw failure }
        do {
            if !bomChecked {
                bomChecked = true
                let pending = bomPrefix
                bomPrefix = []
                for byte in pending { try step(byte, emit) }
            }
            switch state {
            case .quoted:
                throw CSVError.unterminatedQuote(line: fieldLine)
            case .fieldStart where fields.isEmpty:
                break
            case .fieldStart, .unquoted, .quoteInQuoted:
                try endField()
                try endRecord(emit)
            }
        } catch let error as CSVError {
            failure = error
            throw error
        }
    }

    /// Parses a small, complete input held in memory.
    public static func parse(bytes: [UInt8]) throws -> [CSVRecord] {
        var parser = CSVParser()
        var records: [CSVRecord] = []
        try bytes.withUnsafeBytes { buffer in
            try parser.feed(buffer) { records.append($0) }
        }
        try parser.finish { records.append($0) }
        return records
    }

    /// Parses a small, complete text held in memory.
    public static func parse(_ text: String) throws -> [CSVRecord] {
        try parse(bytes: Array(text.utf8))
    }

    private mutating func run(_ bytes: UnsafeRawBufferPointer, _ emit: (CSVRecord) throws -> Void) throws {
        var i = 0
        let n = bytes.count
        while !bomChecked && i < n {
            let byte = bytes[i]
            i += 1
            if byte == Self.bom[bomPrefix.count] {
                bomPrefix.append(byte)
                if bomPrefix.count == Self.bom.count {
                    bomChecked = true
                    bomPrefix = []
                }
            } else {
                bomChecked = true
                let pending = bomPrefix
                bomPrefix = []
                for b in pending { try step(b, emit) }
                try step(byte, emit)
            }
        }
        while i < n {
            // Fast path: copy a run of ordinary bytes inside a field in one go.
            if state == .unquoted || state == .quoted {
                let quoted = state == .quoted
                var j = i
                while j < n {
                    let b = bytes[j]
                    if b == Self.quote || b == Self.lf || b == Self.cr || (!quoted && b == Self.comma) { break }
                    j += 1
                }
                if j > i {
                    field.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<j]))
                    if field.count > maxFieldBytes {
                        throw CSVError.fieldTooLong(line: fieldLine, field: fields.count + 1, limit: maxFieldBytes)
                    }
                    lastWasCR = false
                    i = j
                    if i == n { break }
                }
            }
            try step(bytes[i], emit)
            i += 1
        }
    }

    private mutating func step(_ byte: UInt8, _ emit: (CSVRecord) throws -> Void) throws {
        if lastWasCR {
            lastWasCR = false
            if byte == Self.lf {
                // Second half of CRLF: the line was already counted (and ended) at the CR.
                if state == .quoted { field.append(byte) }
                return
            }
        }
        switch state {
        case .fieldStart:
            switch byte {
            case Self.quote:
                state = .quoted
                fieldLine = line
            case Self.comma:
                try endField()
            case Self.cr, Self.lf:
                if fields.isEmpty {
                    newLine(byte)  // blank line: skipped
                    recordLine = line
                } else {
                    try endField()
                    try endRecord(emit)
                    newLine(byte)
                    recordLine = line
                }
            default:
                state = .unquoted
                fieldLine = line
                try append(byte)
            }
        case .unquoted:
            switch byte {
            case Self.comma:
                try endField()
            case Self.cr, Self.lf:
                try endField()
                try endRecord(emit)
                newLine(byte)
                recordLine = line
            case Self.quote:
                throw CSVError.quoteInUnquotedField(line: line, field: fields.count + 1)
            default:
                try append(byte)
            }
        case .quoted:
            if byte == Self.quote {
                state = .quoteInQuoted
            } else {
                try append(byte)
                if byte == Self.cr || byte == Self.lf { newLine(byte) }
            }
        case .quoteInQuoted:
            switch byte {
            case Self.quote:
                try append(byte)
                state = .quoted
            case Self.comma:
                try endField()
            case Self.cr, Self.lf:
                try endField()
                try endRecord(emit)
                newLine(byte)
                recordLine = line
            default:
                throw CSVError.textAfterClosingQuote(line: line, field: fields.count + 1)
            }
        }
    }

    private mutating func newLine(_ byte: UInt8) {
        line += 1
        lastWasCR = byte == Self.cr
    }

    private mutating func append(_ byte: UInt8) throws {
        field.append(byte)
        if field.count > maxFieldBytes {
            throw CSVError.fieldTooLong(line: fieldLine, field: fields.count + 1, limit: maxFieldBytes)
        }
    }

    private mutating func endField() throws {
        if field.isEmpty {
            // Most cells of a keyed ballot grid are blank: no validation, no allocation.
            fields.append("")
            if invalidBytes != nil { invalidBytes!.append(UInt8(ascii: ",")) }
        } else if let text = Self.decodeUTF8(field) {
            fields.append(text)
            if invalidBytes != nil {
                invalidBytes!.append(UInt8(ascii: ","))
                invalidBytes!.append(contentsOf: field)
            }
        } else {
            guard tolerateInvalidUTF8 else { throw CSVError.invalidUTF8(line: fieldLine, field: fields.count + 1) }
            if invalidBytes == nil {
                invalidBytes = Array(fields.map { Array($0.utf8) }.joined(separator: [UInt8(ascii: ",")]))
            }
            if !fields.isEmpty { invalidBytes!.append(UInt8(ascii: ",")) }
            invalidBytes!.append(contentsOf: field)
            fields.append(String(decoding: field, as: UTF8.self))
        }
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
        fieldLine = line
    }

    /// Valid UTF-8 as a String, nil otherwise; ASCII (ids, codes, serials) skips the validator.
    @inline(__always)
    private static func decodeUTF8(_ bytes: [UInt8]) -> String? {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    private mutating func endRecord(_ emit: (CSVRecord) throws -> Void) throws {
        let record = CSVRecord(line: recordLine, fields: fields, invalidUTF8Bytes: invalidBytes)
        fields.removeAll(keepingCapacity: true)
        invalidBytes = nil
        try emit(record)
    }
}
