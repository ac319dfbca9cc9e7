public import PhieuKinMessages

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

/// A record as the parser holds it: every field's unescaped bytes back to back, plus where each
/// field ends. Zero-copy: valid only inside the `feedRecords` callback that receives it.
///
/// The ballot import reads a million 141-field rows through this view and builds a `String` only
/// where it needs text (remark, error messages); `record` gives the `CSVRecord` of the same row.
public struct CSVRecordView {
    /// 1-based line where the record starts.
    public let line: Int
    /// The fields' bytes, unescaped, without separators.
    public let bytes: UnsafeRawBufferPointer
    private let ends: UnsafeBufferPointer<Int>
    /// False only for a parser made with `tolerateInvalidUTF8`, when some field is not UTF-8.
    public let isUTF8: Bool

    init(line: Int, bytes: UnsafeRawBufferPointer, ends: UnsafeBufferPointer<Int>, isUTF8: Bool) {
        self.line = line
        self.bytes = bytes
        self.ends = ends
        self.isUTF8 = isUTF8
    }

    /// Number of fields.
    public var count: Int { ends.count }

    /// Byte range of field `i` in `bytes`.
    @inline(__always)
    public func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    /// The bytes of field `i`.
    @inline(__always)
    public func field(_ i: Int) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[range(i)]) }

    /// Field `i` as text (lossy only when the record is not UTF-8).
    public func string(_ i: Int) -> String {
        let r = range(i)
        return r.isEmpty ? "" : String(decoding: UnsafeRawBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    /// The same record with one `String` per field (allocates; the view of choice for small files).
    public var record: CSVRecord {
        var fields: [String] = []
        fields.reserveCapacity(count)
        for i in 0..<count { fields.append(string(i)) }
        var raw: [UInt8]?
        if !isUTF8 {
            var joined: [UInt8] = []
            joined.reserveCapacity(bytes.count + count)
            for i in 0..<count {
                if i > 0 { joined.append(UInt8(ascii: ",")) }
                joined.append(contentsOf: field(i))
            }
            raw = joined
        }
        return CSVRecord(line: line, fields: fields, invalidUTF8Bytes: raw)
    }
}

/// Why CSV could not be read. Names the line; never quotes field contents (they may be ballots).
public struct CSVError: Error, Equatable, CustomStringConvertible, MessageConvertible {
    /// What kind of failure this is; new kinds may be added, so switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A field is not valid UTF-8.
        public static let invalidUTF8 = Kind("invalidUTF8")
        /// A quoted field is never closed.
        public static let unterminatedQuote = Kind("unterminatedQuote")
        /// A field contains a quote but does not start with one.
        public static let quoteInUnquotedField = Kind("quoteInUnquotedField")
        /// A quoted field has text after its closing quote.
        public static let textAfterClosingQuote = Kind("textAfterClosingQuote")
        /// A field is longer than the parser allows.
        public static let fieldTooLong = Kind("fieldTooLong")
        /// A record has more fields than the parser allows.
        public static let tooManyFields = Kind("tooManyFields")
        /// The input has more records than the parser allows.
        public static let tooManyRecords = Kind("tooManyRecords")
    }

    /// What failed, for a caller to switch on.
    public let kind: Kind
    /// 1-based line of the problem.
    public let line: Int
    /// What is wrong, without the line.
    public let why: Message
    /// The reason in English.
    public var reason: String { why.description }

    private init(_ kind: Kind, line: Int, _ reason: Message) {
        self.kind = kind
        self.line = line
        self.why = reason
    }

    static func invalidUTF8(line: Int, field: Int) -> Self {
        .init(
            .invalidUTF8, line: line,
            "field \(field) is not UTF-8 text: the file was saved in another encoding (Windows-1258 or "
                + "Windows-1252, Excel's \"CSV (Comma delimited)\"). In Excel choose File > Save As and the file type "
                + "\"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file")
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
    static func tooManyFields(line: Int, limit: Int) -> Self {
        .init(.tooManyFields, line: line, "more than \(limit) fields (columns) on one line, the most a file may have")
    }
    static func tooManyRecords(line: Int, limit: Int) -> Self {
        .init(
            .tooManyRecords, line: line,
            "more than \(limit) records (rows), the most one file may have; split it into several files")
    }

    /// "line N: reason", the reason translated.
    public var message: Message { "line \(line): \(why)" }
    public var description: String { message.description }
}

/// An incremental RFC 4180 CSV reader: comma separator (or `;` or tab: `detectDelimiter`), optional double quotes with `""` escapes
/// and embedded line breaks, CRLF, LF (or a lone CR) line ends, an optional UTF-8 BOM at the start.
///
/// Streaming because ballot files can hold a million rows: feed it chunks of any size (a chunk
/// may end mid-field or mid-character) and it calls `emit` for every complete record; call
/// `finish` at end of input. Completely empty lines are skipped. Every field is validated as
/// UTF-8. After an error the parser stays failed and rethrows it.
///
/// One parser, two views: `feed`/`finish` emit `CSVRecord`s (a `String` per field), while
/// `feedRecords`/`finishRecords` emit zero-copy `CSVRecordView`s of the same records.
public struct CSVParser: Sendable {
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The limits of an import (docs/EXCEL.md), the same for a CSV file and an `.xlsx` sheet
    /// (Workspace+Import hands them to the workbook reader):
    /// - 1,000 fields: the keying template of a grid round has officials × 7 criteria + 3 columns
    ///   (30 officials: 213), so 1,000 leave room for 142 officials on one ballot. Each unknown
    ///   header column costs an edit-distance search for the nearest id, so the limit also keeps
    ///   a hostile header fast: a million columns took over 240 s before it.
    /// - 1,048,576 records: Excel's own row limit, so every sheet Excel can save is read (the
    ///   import is benchmarked at a million ballots, BENCHMARKS.md).
    /// - 128 KiB a field: Excel's cell holds at most 32,767 characters, at most 4 bytes each.
    public static let defaultMaxFields = 1_000
    public static let defaultMaxRecords = 1_048_576
    public static let defaultMaxFieldBytes = 128 << 10

    /// A field longer than this is an error: protects memory against a file with a stray quote.
    public let maxFieldBytes: Int
    /// A record with more fields is an error, raised as the field after the last allowed ends
    /// (a million-column header is refused at once, not after it is built).
    public let maxFields: Int
    /// More records than this is an error (blank lines, which are skipped, do not count).
    public let maxRecords: Int
    private var records = 0
    /// When true, a field that is not UTF-8 does not stop the parser: its record is emitted with
    /// `invalidUTF8Bytes` set (ballot import rejects that one row and goes on).
    public let tolerateInvalidUTF8: Bool
    /// The field separator: `,` (RFC 4180), or `;` or a tab as Excel writes in some locales.
    public let delimiter: UInt8
    private var recordIsUTF8 = true
    private var state = State.fieldStart
    /// The current record's unescaped field bytes, back to back.
    private var recordBytes: [UInt8] = []
    /// Where each completed field of the current record ends in `recordBytes`.
    private var ends: [Int] = []
    /// Where the current field starts in `recordBytes`.
    private var fieldStart = 0
    private var line = 1
    private var recordLine = 1
    private var fieldLine = 1
    private var lastWasCR = false
    private var bomChecked = false
    private var bomPrefix: [UInt8] = []
    private var failure: CSVError?

    public init(
        maxFieldBytes: Int = defaultMaxFieldBytes, maxFields: Int = defaultMaxFields,
        maxRecords: Int = defaultMaxRecords, tolerateInvalidUTF8: Bool = false, delimiter: UInt8 = UInt8(ascii: ",")
    ) {
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
        self.maxRecords = maxRecords
        self.tolerateInvalidUTF8 = tolerateInvalidUTF8
        self.delimiter = delimiter
        recordBytes.reserveCapacity(1024)
        ends.reserveCapacity(256)
    }

    /// Parses the next chunk, emitting every record it completes.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, _ emit: (CSVRecord) throws -> Void) throws {
        try feedRecords(bytes) { try emit($0.record) }
    }

    /// Ends the input: emits the last record if the file does not end with a line break.
    public mutating func finish(_ emit: (CSVRecord) throws -> Void) throws {
        try finishRecords { try emit($0.record) }
    }

    /// Parses the next chunk, emitting a zero-copy view of every record it completes.
    public mutating func feedRecords(
        _ bytes: UnsafeRawBufferPointer, _ emit: (CSVRecordView) throws -> Void
    ) throws {
        if let failure { throw failure }
        do {
            try run(bytes, emit)
        } catch let error as CSVError {
            failure = error
            throw error
        }
    }

    /// `finish` with the zero-copy view.
    public mutating func finishRecords(_ emit: (CSVRecordView) throws -> Void) throws {
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
            case .fieldStart where ends.isEmpty:
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

    /// The separator a file uses, guessed from its first line (`bytes` holds at least that line,
    /// or the file's start): whichever of `,` `;` and tab occurs most outside quotes; a comma
    /// when none does. Excel writes `;` where the decimal mark is a comma (Vietnamese and most
    /// European settings) and tabs for "Unicode Text". A first line `sep=;` (which Excel reads)
    /// names it outright.
    public static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var start = bytes.startIndex
        // A UTF-8 byte-order mark first.
        if bytes.starts(with: bom) { start = bytes.index(start, offsetBy: 3) }
        let line = bytes[start...].prefix { $0 != lf && $0 != cr }
        if line.count == 5, line.starts(with: Array("sep=".utf8)), let named = line.last {
            return named
        }
        var counts: [UInt8: Int] = [comma: 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in line {
            if byte == quote {
                quoted.toggle()
            } else if !quoted, counts[byte] != nil {
                counts[byte, default: 0] += 1
            }
        }
        let best = counts.max { ($0.value, $0.key == comma ? 1 : 0) < ($1.value, $1.key == comma ? 1 : 0) }!
        return best.value == 0 ? comma : best.key
    }

    /// Parses a small, complete input held in memory.
    public static func parse(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) throws -> [CSVRecord] {
        var parser = CSVParser(delimiter: delimiter)
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

    private mutating func run(_ bytes: UnsafeRawBufferPointer, _ emit: (CSVRecordView) throws -> Void) throws {
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
            // Fast path: a run of blank fields (most cells of a keyed ballot grid) in one go.
            if state == .fieldStart && !lastWasCR && bytes[i] == delimiter {
                let end = recordBytes.count
                repeat {
                    guard ends.count < maxFields else {
                        throw CSVError.tooManyFields(line: recordLine, limit: maxFields)
                    }
                    ends.append(end)
                    i += 1
                } while i < n && bytes[i] == delimiter
                fieldStart = end
                fieldLine = line
                continue
            }
            // Fast path: copy a run of ordinary bytes inside a field in one go.
            if state == .unquoted || state == .quoted {
                let quoted = state == .quoted
                var j = i
                while j < n {
                    let b = bytes[j]
                    if b == Self.quote || b == Self.lf || b == Self.cr || (!quoted && b == delimiter) { break }
                    j += 1
                }
                if j > i {
                    recordBytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<j]))
                    if recordBytes.count - fieldStart > maxFieldBytes {
                        throw CSVError.fieldTooLong(line: fieldLine, field: ends.count + 1, limit: maxFieldBytes)
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

    private mutating func step(_ byte: UInt8, _ emit: (CSVRecordView) throws -> Void) throws {
        if lastWasCR {
            lastWasCR = false
            if byte == Self.lf {
                // Second half of CRLF: the line was already counted (and ended) at the CR.
                if state == .quoted { recordBytes.append(byte) }
                return
            }
        }
        switch state {
        case .fieldStart:
            switch byte {
            case Self.quote:
                state = .quoted
                fieldLine = line
            case delimiter:
                try endField()
            case Self.cr, Self.lf:
                if ends.isEmpty {
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
            case delimiter:
                try endField()
            case Self.cr, Self.lf:
                try endField()
                try endRecord(emit)
                newLine(byte)
                recordLine = line
            case Self.quote:
                throw CSVError.quoteInUnquotedField(line: line, field: ends.count + 1)
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
            case delimiter:
                try endField()
            case Self.cr, Self.lf:
                try endField()
                try endRecord(emit)
                newLine(byte)
                recordLine = line
            default:
                throw CSVError.textAfterClosingQuote(line: line, field: ends.count + 1)
            }
        }
    }

    private mutating func newLine(_ byte: UInt8) {
        line += 1
        lastWasCR = byte == Self.cr
    }

    private mutating func append(_ byte: UInt8) throws {
        recordBytes.append(byte)
        if recordBytes.count - fieldStart > maxFieldBytes {
            throw CSVError.fieldTooLong(line: fieldLine, field: ends.count + 1, limit: maxFieldBytes)
        }
    }

    private mutating func endField() throws {
        let end = recordBytes.count
        if end > fieldStart && !Self.isUTF8(recordBytes, fieldStart..<end) {
            guard tolerateInvalidUTF8 else { throw CSVError.invalidUTF8(line: fieldLine, field: ends.count + 1) }
            recordIsUTF8 = false
        }
        guard ends.count < maxFields else { throw CSVError.tooManyFields(line: recordLine, limit: maxFields) }
        ends.append(end)
        fieldStart = end
        state = .fieldStart
        fieldLine = line
    }

    /// Whether `bytes[range]` is UTF-8; ASCII (ids, codes, serials, blank cells) skips the validator.
    @inline(__always)
    private static func isUTF8(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBytes { raw in
            let field = UnsafeRawBufferPointer(rebasing: raw[range])
            var high: UInt8 = 0
            for byte in field { high |= byte }
            return high < 0x80 || String(validating: field, as: UTF8.self) != nil
        }
    }

    private mutating func endRecord(_ emit: (CSVRecordView) throws -> Void) throws {
        guard records < maxRecords else { throw CSVError.tooManyRecords(line: recordLine, limit: maxRecords) }
        records += 1
        defer {
            recordBytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            fieldStart = 0
            recordIsUTF8 = true
        }
        try recordBytes.withUnsafeBytes { bytes in
            try ends.withUnsafeBufferPointer { ends in
                try emit(CSVRecordView(line: recordLine, bytes: bytes, ends: ends, isUTF8: recordIsUTF8))
            }
        }
    }
}

extension CSVRecord {
    /// A view of this record for code written against `CSVRecordView` (a spreadsheet's rows go
    /// through the same intake as a CSV file's).
    public func withView<T>(_ body: (CSVRecordView) throws -> T) rethrows -> T {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(fields.count)
        for field in fields {
            bytes.append(contentsOf: field.utf8)
            ends.append(bytes.count)
        }
        return try bytes.withUnsafeBytes { raw in
            try ends.withUnsafeBufferPointer { ends in
                try body(CSVRecordView(line: line, bytes: raw, ends: ends, isUTF8: invalidUTF8Bytes == nil))
            }
        }
    }
}

extension CSVRecordView {
    /// True when every field is empty or only spaces and tabs (Excel's `,,,,` rows).
    public var isBlank: Bool {
        for byte in bytes where byte != 0x20 && byte != 0x09 { return false }
        return true
    }
}
