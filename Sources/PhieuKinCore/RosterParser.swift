import Foundation
public import PhieuKinMessages

/// A parsed roster file: its units (in order of first appearance) and officials.
public struct RosterFile: Sendable, Hashable {
    public var units: [Unit]
    /// Grouped by unit (units in file order), then by `order` within the unit.
    public var officials: [Official]
    /// The header's line (CSV) or row (spreadsheet).
    public var headerLine: Int
    /// Rows with content above the header (a title, a date), skipped.
    public var skippedTitleRows: Int

    public init(units: [Unit], officials: [Official], headerLine: Int = 1, skippedTitleRows: Int = 0) {
        self.units = units
        self.officials = officials
        self.headerLine = headerLine
        self.skippedTitleRows = skippedTitleRows
    }
}

/// Why a roster file was refused: names the file, the line and what to fix.
public struct RosterError: Error, Equatable, CustomStringConvertible, MessageConvertible {
    /// What kind of failure this is; new kinds may be added, so switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The file is not valid CSV text (see `underlying`, a `CSVError`).
        public static let encoding = Kind("encoding")
        /// The header row is missing a column, names one twice or names an unknown one.
        public static let header = Kind("header")
        /// A row has more or fewer fields than the header.
        public static let fieldCount = Kind("fieldCount")
        /// A row has a value in a column the header leaves unnamed.
        public static let unnamedColumn = Kind("unnamedColumn")
        /// A required cell is empty.
        public static let emptyField = Kind("emptyField")
        /// An id uses characters other than A-Z a-z 0-9 _ -.
        public static let invalidID = Kind("invalidID")
        /// An official id appears twice.
        public static let duplicateOfficial = Kind("duplicateOfficial")
        /// One unit id is given two names.
        public static let unitNameConflict = Kind("unitNameConflict")
        /// An `order` cell is not a whole number in range.
        public static let invalidOrder = Kind("invalidOrder")
        /// Two officials of a unit have the same `order`.
        public static let duplicateOrder = Kind("duplicateOrder")
        /// The file holds no officials.
        public static let empty = Kind("empty")
        /// A cell contains an invisible text-direction control.
        public static let invisibleControl = Kind("invisibleControl")
    }

    /// What failed, for a caller to switch on.
    public let kind: Kind
    public let fileName: String
    /// 1-based line (a spreadsheet's row number); the header is often line 1.
    public let line: Int
    /// What is wrong, without the location.
    public let why: Message
    /// The reason in English.
    public var reason: String { why.description }
    /// The `CSVError` behind an `.encoding` error.
    public let underlying: (any Error)?

    private init(_ kind: Kind, _ fileName: String, _ line: Int, _ reason: Message, underlying: (any Error)? = nil) {
        self.kind = kind
        self.fileName = fileName
        self.line = line
        self.why = reason
        self.underlying = underlying
    }

    /// Equal when kind, file, line and reason are (the underlying error is not compared).
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.kind == rhs.kind && lhs.fileName == rhs.fileName && lhs.line == rhs.line && lhs.reason == rhs.reason
    }

    /// "file:line: reason", the reason translated.
    public var message: Message { "\(fileName):\(line): \(why)" }
    public var description: String { message.description }

    static func csv(_ error: CSVError, file: String) -> Self {
        .init(.encoding, file, error.line, error.why, underlying: error)
    }
    static func header(_ reason: Message, file: String, line: Int) -> Self { .init(.header, file, line, reason) }
    static func fieldCount(expected: Int, found: Int, file: String, line: Int) -> Self {
        .init(.fieldCount, file, line, "expected \(expected) fields like the header, found \(found)")
    }
    static func unnamedColumn(_ field: Int, headerLine: Int, file: String, line: Int) -> Self {
        .init(
            .unnamedColumn, file, line,
            "field \(field) holds a value but its column has no name in the header (line \(headerLine)); name the "
                + "column or empty it")
    }
    static func emptyField(_ column: String, file: String, line: Int) -> Self {
        .init(.emptyField, file, line, "\(column) is empty")
    }
    static func invalidID(_ column: String, _ value: String, file: String, line: Int) -> Self {
        .init(.invalidID, file, line, "\(column) \"\(value)\" may only use the characters A-Z a-z 0-9 _ -")
    }
    static func duplicateOfficial(_ id: String, firstLine: Int, file: String, line: Int) -> Self {
        .init(.duplicateOfficial, file, line, "official_id \"\(id)\" appears twice (first on line \(firstLine))")
    }
    static func unitNameConflict(
        _ id: String, _ first: String, firstLine: Int, _ second: String, file: String, line: Int
    )
        -> Self
    {
        .init(
            .unitNameConflict, file, line,
            "unit_id \"\(id)\" is named \"\(second)\" here but \"\(first)\" on line \(firstLine); use one name per unit"
        )
    }
    static func invalidOrder(_ value: String, file: String, line: Int) -> Self {
        .init(.invalidOrder, file, line, "order \"\(value)\" is not a whole number from 1 to 100000")
    }
    static func duplicateOrder(_ order: Int, unit: String, firstLine: Int, file: String, line: Int) -> Self {
        .init(
            .duplicateOrder, file, line, "order \(order) is used twice in unit \"\(unit)\" (first on line \(firstLine))"
        )
    }
    static func invisibleControl(_ column: String, _ scalar: Unicode.Scalar, file: String, line: Int) -> Self {
        .init(
            .invisibleControl, file, line,
            "\(column) contains the invisible text-direction control \(BidiControls.name(scalar)), which can make a "
                + "name display differently from what is stored; delete it and type the text again")
    }
    static func empty(file: String, line: Int) -> Self {
        .init(.empty, file, line, "no officials in the file; add one row per official under the header")
    }
}

/// Reads rosters: CSV files, and the rows of a spreadsheet (Sources/PhieuKin reads `.xlsx`).
///
/// The header is the first row naming at least two known columns, by id (`unit_id`…) or by the
/// Vietnamese name people type (`Mã đơn vị`…), compared without case, diacritics or extra
/// spaces; rows above it (a title, a date) are skipped and counted. Columns may come in any
/// order; unknown columns are refused so a misspelt `order` is not silently ignored. Every cell
/// is NFC, trimmed, its white-space runs (no-break spaces too) one space. `order` (optional
/// column, or an empty cell) defaults to the official's position among the unit's rows. Empty
/// rows are skipped. The whole file is checked before anything is returned: all-or-nothing.
public enum RosterParser {
    public static let requiredColumns = ["unit_id", "unit_name", "official_id", "full_name", "position"]
    public static let optionalColumns = ["order"]

    /// The Vietnamese names of each column, the first as the template writes it.
    public static let vietnameseNames: [String: [String]] = [
        "unit_id": ["Mã đơn vị", "Mã ĐV"],
        "unit_name": ["Tên đơn vị", "Đơn vị"],
        "official_id": ["Mã cán bộ", "Mã CB", "Mã số cán bộ"],
        "full_name": ["Họ và tên", "Họ tên", "Họ và tên cán bộ"],
        "position": ["Chức vụ", "Chức danh", "Chức vụ, chức danh"],
        "order": ["Thứ tự", "STT", "Số thứ tự", "TT"],
    ]

    /// Folded header name → column id: the ids themselves and every Vietnamese name.
    static let columnNames: [String: String] = {
        var names: [String: String] = [:]
        for id in requiredColumns + optionalColumns {
            names[fold(id)] = id
            for name in vietnameseNames[id] ?? [] { names[fold(name)] = id }
        }
        return names
    }()

    /// "unit_id (Mã đơn vị), …, order (Thứ tự)": what a header may say, in both languages.
    static let columnList = (requiredColumns + optionalColumns).map { "\($0) (\(vietnameseNames[$0]![0]))" }
        .joined(separator: ", ")

    /// A header cell as compared: NFC, lowercase, without diacritics (đ is d), `_` a space, white
    /// space collapsed. "Họ và tên", "HO VA TEN" and "ho  va ten" are one name.
    static func fold(_ text: String) -> String {
        let decomposed = text.collapsingWhitespace.lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111: scalars.append("d")
            case 0x5F: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars).collapsingWhitespace
    }

    /// A CSV roster. The separator is the one its first line suggests, else `,` `;` or tab,
    /// whichever finds a header (a title line above the header may hold no separator at all).
    public static func parse(bytes: [UInt8], fileName: String) throws -> RosterFile {
        let detected = CSVParser.detectDelimiter(bytes[...])
        let others = [",", ";", "\t"].map { UInt8(ascii: $0) }.filter { $0 != detected }
        var firstRecords: [CSVRecord] = []
        for (attempt, delimiter) in ([detected] + others).enumerated() {
            do {
                var records = try CSVParser.parse(bytes: bytes, delimiter: delimiter)
                // A roster saved by Excel may use `;` or tabs (docs/EXCEL.md), and may start `sep=;`.
                if let first = records.first, first.fields.count <= 2, first.fields[0].lowercased().hasPrefix("sep="),
                    first.fields.dropFirst().allSatisfy(\.isEmpty)
                {
                    records.removeFirst()
                }
                if headerPosition(records) != nil { return try parse(records: records, fileName: fileName) }
                if attempt == 0 { firstRecords = records }
            } catch let error as CSVError {
                if attempt == 0 { throw RosterError.csv(error, file: fileName) }
            }
        }
        return try parse(records: firstRecords, fileName: fileName)
    }

    /// The rows of a spreadsheet (each row's `line` the number Excel shows): like CSV, except
    /// that a row may be shorter than the header (Excel does not store trailing empty cells).
    public static func parse(sheetRows: [CSVRecord], fileName: String) throws -> RosterFile {
        try parse(records: sheetRows, fileName: fileName, spreadsheet: true)
    }

    /// The index of the header: the first record naming at least two known columns.
    static func headerPosition(_ records: [CSVRecord]) -> Int? {
        records.firstIndex { record in record.fields.count(where: { columnNames[fold($0)] != nil }) >= 2 }
    }

    static func isBlank(_ record: CSVRecord) -> Bool {
        record.fields.allSatisfy { $0.collapsingWhitespace.isEmpty }
    }

    static func parse(records: [CSVRecord], fileName: String, spreadsheet: Bool = false) throws -> RosterFile {
        guard let firstLine = records.first(where: { !isBlank($0) })?.line else {
            throw RosterError.empty(file: fileName, line: 1)
        }
        guard let position = headerPosition(records) else {
            throw RosterError.header(
                "no header row naming the columns was found; the header row names the columns \(columnList) "
                    + "(order is optional), in English or in Vietnamese",
                file: fileName, line: firstLine)
        }
        let header = records[position]
        let columns = try columnIndex(header, fileName: fileName)
        var builder = RosterBuilder(fileName: fileName, columns: columns)
        for record in records[(position + 1)...] where !isBlank(record) {
            var record = record
            if spreadsheet {
                let width = header.fields.count
                let used = (record.fields.lastIndex { !$0.collapsingWhitespace.isEmpty } ?? -1) + 1
                if used > width {
                    throw RosterError.fieldCount(expected: width, found: used, file: fileName, line: record.line)
                }
                record.fields = Array(record.fields.prefix(width))
                record.fields += [String](repeating: "", count: width - record.fields.count)
            }
            guard record.fields.count == header.fields.count else {
                throw RosterError.fieldCount(
                    expected: header.fields.count, found: record.fields.count, file: fileName, line: record.line)
            }
            for (index, field) in record.fields.enumerated()
            where !columns.values.contains(index) && !field.collapsingWhitespace.isEmpty {
                throw RosterError.unnamedColumn(index + 1, headerLine: header.line, file: fileName, line: record.line)
            }
            try builder.add(record)
        }
        guard !builder.officials.isEmpty else { throw RosterError.empty(file: fileName, line: header.line + 1) }
        var roster = builder.roster
        roster.headerLine = header.line
        roster.skippedTitleRows = records[..<position].count { !isBlank($0) }
        return roster
    }

    /// Roster ids (unit and official): 1–64 ASCII letters, digits, `_` and `-`. They appear in
    /// question ids (`<official>.<criterion>`, so never a `.`), round ids and file names.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64
            && id.utf8.allSatisfy { b in
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
                    || b == 0x2D
            }
    }

    /// Column id → field index. An empty header cell names no column: its fields must stay empty.
    private static func columnIndex(_ header: CSVRecord, fileName: String) throws -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, raw) in header.fields.enumerated() {
            let folded = fold(raw)
            if folded.isEmpty { continue }
            guard let name = columnNames[folded] else {
                throw RosterError.header(
                    "unknown column \"\(raw.collapsingWhitespace)\"; the columns are \(columnList) (order is optional)",
                    file: fileName, line: header.line)
            }
            guard index[name] == nil else {
                throw RosterError.header("column \(name) appears twice", file: fileName, line: header.line)
            }
            index[name] = i
        }
        let missing = requiredColumns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { "\($0) (\(vietnameseNames[$0]![0]))" }.joined(separator: ", ")
            throw RosterError.header(
                "header is missing \(names); the header row names the columns \(columnList) (order is optional)",
                file: fileName, line: header.line)
        }
        return index
    }
}

/// Builds a roster from its data records, one at a time, checking each against those before.
private struct RosterBuilder {
    let fileName: String
    let columns: [String: Int]
    var units: [Unit] = []
    var unitLines: [String: (index: Int, line: Int)] = [:]
    var officialLines: [String: Int] = [:]
    var orderLines: [String: [Int: Int]] = [:]  // unit → order → line
    var rowsInUnit: [String: Int] = [:]
    var officials: [(official: Official, unitIndex: Int)] = []

    init(fileName: String, columns: [String: Int]) {
        self.fileName = fileName
        self.columns = columns
    }

    /// Units in file order; officials by unit, then `order`, then file order.
    var roster: RosterFile {
        let sorted = officials.enumerated().sorted { a, b in
            (a.element.unitIndex, a.element.official.order, a.offset)
                < (b.element.unitIndex, b.element.official.order, b.offset)
        }
        return RosterFile(units: units, officials: sorted.map(\.element.official))
    }

    mutating func add(_ record: CSVRecord) throws {
        let line = record.line
        func cell(_ column: String) -> String {
            guard let index = columns[column] else { return "" }
            return record.fields[index].collapsingWhitespace
        }
        var values: [String: String] = [:]
        for column in RosterParser.requiredColumns {
            let value = cell(column)
            guard !value.isEmpty else { throw RosterError.emptyField(column, file: fileName, line: line) }
            values[column] = value
        }
        let unitID = values["unit_id"]!
        let officialID = values["official_id"]!
        for (column, id) in [("unit_id", unitID), ("official_id", officialID)] where !RosterParser.isValidID(id) {
            throw RosterError.invalidID(column, id, file: fileName, line: line)
        }
        for column in ["unit_name", "full_name", "position"] {
            if let scalar = BidiControls.first(in: values[column]!) {
                throw RosterError.invisibleControl(column, scalar, file: fileName, line: line)
            }
        }
        let unitIndex = try unit(unitID, named: values["unit_name"]!, line: line)
        if let firstLine = officialLines[officialID] {
            throw RosterError.duplicateOfficial(officialID, firstLine: firstLine, file: fileName, line: line)
        }
        officialLines[officialID] = line

        let position = rowsInUnit[unitID, default: 0] + 1
        rowsInUnit[unitID] = position
        let orderText = cell("order")
        var order = position
        if !orderText.isEmpty {
            guard orderText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(orderText),
                (1...100_000).contains(value)
            else { throw RosterError.invalidOrder(orderText, file: fileName, line: line) }
            order = value
        }
        if let firstLine = orderLines[unitID]?[order] {
            throw RosterError.duplicateOrder(order, unit: unitID, firstLine: firstLine, file: fileName, line: line)
        }
        orderLines[unitID, default: [:]][order] = line
        let official = Official(
            id: OfficialID(officialID), unitID: UnitID(unitID), fullName: values["full_name"]!,
            position: values["position"]!, order: order)
        officials.append((official, unitIndex))
    }

    /// The index of unit `id`, added on its first row; one id with two names is refused.
    private mutating func unit(_ id: String, named name: String, line: Int) throws -> Int {
        if let known = unitLines[id] {
            let firstName = units[known.index].name
            guard firstName == name else {
                throw RosterError.unitNameConflict(
                    id, firstName, firstLine: known.line, name, file: fileName, line: line)
            }
            return known.index
        }
        unitLines[id] = (units.count, line)
        units.append(Unit(id: UnitID(id), name: name))
        return units.count - 1
    }
}

/// Unicode bidirectional formatting controls (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069). Invisible, they can reorder how a name is displayed ("Trojan Source"), so
/// names and titles that reach ballots and reports may not contain them.
public enum BidiControls {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first bidi control in `text`, if any.
    public static func first(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: contains)
    }

    /// `U+202E (RIGHT-TO-LEFT OVERRIDE)`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return scalar.properties.name.map { "\(code) (\($0))" } ?? code
    }
}
