import PhieuKinMessages

/// How much of a sheet a reader takes: beyond these a file is refused with a clear reason, not
/// read into memory. The ballot import passes the CSV parser's limits (one rule for both formats).
package struct SheetLimits: Sendable, Hashable {
    /// Columns from A; a non-empty cell beyond them refuses the sheet (an empty one is ignored).
    package var columns: Int
    /// The last row number read; a non-empty row beyond it refuses the sheet.
    package var rows: Int
    /// Bytes (UTF-8) of one cell's text.
    package var cellBytes: Int

    package init(columns: Int, rows: Int, cellBytes: Int) {
        self.columns = columns
        self.rows = rows
        self.cellBytes = cellBytes
    }

    /// Excel's own sheet size (16,384 columns, 1,048,576 rows) and its cell size (32,767
    /// characters, at most 4 bytes each).
    package static let excel = SheetLimits(columns: 16_384, rows: 1_048_576, cellBytes: 128 << 10)
}

/// Reads a worksheet of an `.xlsx` workbook (the first, or one named) as rows of text.
///
/// Every cell comes back as the text a person typed: shared and inline strings as they are, a
/// number Excel stored as a number in its shortest form ("1", not "1.0"; "12345678901", not
/// "1.2345678901E10"), a formula by its cached value. Rows missing from the file (empty in Excel)
/// are not returned; a row's gaps (cells Excel did not store) are "".
///
/// The parts are read by `ZipArchive` (size and ratio guards) and `XMLScanner` (strict, pure Swift):
/// every damaged or oversized file throws `SheetError`, never traps.
package enum XLSXReader {
    /// Throws `SheetError` (untyped, as before: callers catch it by type).
    package static func firstSheet(path: String, limits: SheetLimits = .excel) throws -> [SheetRow] {
        try sheet(named: nil, path: path, limits: limits)
    }

    /// The sheet called `name` (nil: the first sheet), as `firstSheet` reads it. A name is matched
    /// as typed, then ignoring case and surrounding spaces, then as a 1-based position ("2");
    /// a workbook without it is refused with the names it has.
    package static func sheet(named name: String?, path: String, limits: SheetLimits = .excel) throws -> [SheetRow] {
        guard let archive = ZipArchive(path: path) else {
            throw SheetError(
                .notWorkbook, "the file is not an Excel workbook (.xlsx): it is not a zip archive")
        }
        guard let workbook = try archive.part("xl/workbook.xml") else {
            throw SheetError(.notWorkbook, "the file is not an Excel workbook (.xlsx): it has no xl/workbook.xml")
        }
        let sheetPath = try sheetPath(
            named: name, workbook: workbook, rels: try archive.part("xl/_rels/workbook.xml.rels"))
        let strings = try archive.part("xl/sharedStrings.xml").map(sharedStrings) ?? []
        guard let sheet = try archive.part(sheetPath) else {
            guard name != nil else {
                throw SheetError(.damaged, "the workbook names a first sheet \(sheetPath) that it does not hold")
            }
            throw SheetError(.damaged, "the workbook names a sheet \(sheetPath) that it does not hold")
        }
        return try rows(sheet, strings: strings, limits: limits)
    }

    /// The part holding the first sheet in the workbook's order (not necessarily sheet1.xml).
    static func firstSheetPath(workbook: [UInt8], rels: [UInt8]?) throws(SheetError) -> String {
        try sheetPath(named: nil, workbook: workbook, rels: rels)
    }

    /// The part holding the sheet `name` (nil: the first in the workbook's order).
    static func sheetPath(named name: String?, workbook: [UInt8], rels: [UInt8]?) throws(SheetError) -> String {
        let fallback = "xl/worksheets/sheet1.xml"
        let sheets = try allAttributes(of: "sheet", in: workbook, part: "xl/workbook.xml")
        let chosen: [XMLAttribute]?
        if let name {
            chosen = try named(name, in: sheets)
        } else {
            chosen = sheets.first
        }
        guard let chosen,
            let id = (chosen.first { $0.name == "r:id" } ?? chosen.first { $0.name.hasSuffix(":id") })?.value,
            let rels
        else {
            if name == nil || sheets.count <= 1 { return fallback }
            throw SheetError(.damaged, "the workbook does not say which part holds the sheet \(name ?? "")")
        }
        var scanner = XMLScanner(rels)
        var target: String?
        do throws(XMLScanError) {
            while let event = try scanner.next() {
                guard target == nil, case .start(let name, let attributes) = event, name.xmlLocalName == "Relationship",
                    attributes.contains(XMLAttribute(name: "Id", value: id))
                else { continue }
                target = attributes.first { $0.name == "Target" }?.value
            }
        } catch {
            throw malformed("xl/_rels/workbook.xml.rels", error)
        }
        guard let target else { return fallback }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }

    /// The `<sheet>` element called `name`: as typed, then without case and surrounding spaces,
    /// then by 1-based position.
    private static func named(_ name: String, in sheets: [[XMLAttribute]]) throws(SheetError) -> [XMLAttribute] {
        let names = sheets.map { sheet in sheet.first { $0.name == "name" }?.value ?? "" }
        func key(_ text: String) -> String { text.trimmingASCIISpaces().lowercased() }
        if let i = names.firstIndex(of: name) ?? names.firstIndex(where: { key($0) == key(name) }) {
            return sheets[i]
        }
        if let position = Int(name.trimmingASCIISpaces()), sheets.indices.contains(position - 1) {
            return sheets[position - 1]
        }
        throw SheetError(
            .noSuchSheet,
            "the workbook has no sheet named \"\(name)\"; its sheets are: \(names.map { "\"\($0)\"" }.joined(separator: ", "))"
        )
    }

    /// The attributes of every element named `element` (any prefix); the whole part is checked.
    private static func allAttributes(
        of element: String, in data: [UInt8], part: String
    ) throws(SheetError)
        -> [[XMLAttribute]]
    {
        var scanner = XMLScanner(data)
        var found: [[XMLAttribute]] = []
        do throws(XMLScanError) {
            while let event = try scanner.next() {
                if case .start(let name, let attributes) = event, name.xmlLocalName == element {
                    found.append(attributes)
                }
            }
        } catch {
            throw malformed(.verbatim(part), error)
        }
        return found
    }

    /// `<si>` items: the text of their `<t>` elements (rich-text runs joined), phonetic runs
    /// (`<rPh>`) left out.
    static func sharedStrings(_ data: [UInt8]) throws(SheetError) -> [String] {
        var scanner = XMLScanner(data)
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        do throws(XMLScanError) {
            while let event = try scanner.next() {
                switch event {
                case .start(let name, _):
                    switch name.xmlLocalName {
                    case "si": current = ""
                    case "t": inText = !inPhonetic
                    case "rPh": inPhonetic = true
                    default: break
                    }
                case .text(let text):
                    if inText { current += text }
                case .end(let name):
                    switch name.xmlLocalName {
                    case "si": strings.append(current)
                    case "t": inText = false
                    case "rPh": inPhonetic = false
                    default: break
                    }
                }
            }
        } catch {
            throw malformed("xl/sharedStrings.xml", error)
        }
        return strings
    }

    static func rows(
        _ data: [UInt8], strings: [String], limits: SheetLimits = .excel
    ) throws(SheetError)
        -> [SheetRow]
    {
        var scanner = XMLScanner(data)
        var reader = WorksheetReader(strings: strings, limits: limits)
        do {
            while let event = try scanner.next() { try reader.take(event) }
        } catch let error as XMLScanError {
            throw malformed("the worksheet", error)
        } catch let error as SheetError {
            throw error
        } catch {
            throw SheetError(.damaged, "the worksheet cannot be read")
        }
        return reader.rows
    }

    private static func malformed(_ part: Message, _ error: XMLScanError) -> SheetError {
        SheetError(
            .damaged,
            "\(part) is not well-formed XML (line \(error.line): \(error.reason)); open the file in Excel and save it "
                + "again")
    }

    /// A number as Excel stores it ("1", "1.5", "1.2345678901E+10") written as a person would type
    /// it: integral values without a fraction or an exponent.
    package static func numberText(_ stored: String) -> String {
        let text = stored.trimmingASCIISpaces()
        guard let value = Double(text), value.isFinite else { return text }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        if !text.contains("E") && !text.contains("e") { return text }
        return "\(value)"
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (Foundation is not needed for that).
    func trimmingASCIISpaces() -> String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        return String(self[first...last])
    }
}
