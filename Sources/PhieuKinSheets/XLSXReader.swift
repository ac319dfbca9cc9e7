internal import CMinizip
import Foundation
import PhieuKinMessages

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An open zip archive (minizip's `unzFile`), closed with the object.
final class ZipArchive {
    private let handle: unzFile
    /// A part larger than this (uncompressed) is refused: a workbook keyed by hand is far smaller.
    static let maxPartBytes = 512 << 20

    init?(path: String) {
        guard let handle = path.withCString({ unzOpen64($0) }) else { return nil }
        self.handle = handle
    }

    deinit { unzClose(handle) }

    /// The bytes of the part `name` (e.g. "xl/workbook.xml"); nil when the archive has none.
    func part(_ name: String) throws -> Data? {
        // 1: case-sensitive, as the package format requires.
        guard name.withCString({ unzLocateFile(handle, $0, 1) }) == UNZ_OK else { return nil }
        var info = unz_file_info64()
        guard unzGetCurrentFileInfo64(handle, &info, nil, 0, nil, 0, nil, 0) == UNZ_OK else {
            throw SheetError(.damaged, "the part \(name) of the workbook cannot be read")
        }
        guard info.uncompressed_size <= UInt64(Self.maxPartBytes) else {
            throw SheetError(.damaged, "the part \(name) of the workbook is larger than \(Self.maxPartBytes >> 20) MiB")
        }
        guard unzOpenCurrentFile(handle) == UNZ_OK else {
            throw SheetError(.damaged, "the part \(name) of the workbook cannot be opened")
        }
        defer { unzCloseCurrentFile(handle) }
        var data = Data()
        data.reserveCapacity(Int(info.uncompressed_size))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { unzReadCurrentFile(handle, $0.baseAddress, UInt32($0.count)) }
            if n < 0 { throw SheetError(.damaged, "the part \(name) of the workbook is damaged (zip error \(n))") }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<Int(n)])
            if data.count > Self.maxPartBytes {
                throw SheetError(
                    .damaged, "the part \(name) of the workbook is larger than \(Self.maxPartBytes >> 20) MiB")
            }
        }
        return data
    }
}

/// Reads the first worksheet of an `.xlsx` workbook as rows of text.
///
/// Every cell comes back as the text a person typed: shared and inline strings as they are, a
/// number Excel stored as a number in its shortest form ("1", not "1.0"; "12345678901", not
/// "1.2345678901E10"), a formula by its cached value. Rows missing from the file (empty in Excel)
/// are not returned; a row's gaps (cells Excel did not store) are "".
package enum XLSXReader {
    package static func firstSheet(path: String) throws -> [SheetRow] {
        guard let archive = ZipArchive(path: path) else {
            throw SheetError(
                .notWorkbook, "the file is not an Excel workbook (.xlsx): it is not a zip archive")
        }
        guard let workbook = try archive.part("xl/workbook.xml") else {
            throw SheetError(.notWorkbook, "the file is not an Excel workbook (.xlsx): it has no xl/workbook.xml")
        }
        let sheetPath = try firstSheetPath(workbook: workbook, rels: try archive.part("xl/_rels/workbook.xml.rels"))
        let strings = try archive.part("xl/sharedStrings.xml").map(sharedStrings) ?? []
        guard let sheet = try archive.part(sheetPath) else {
            throw SheetError(.damaged, "the workbook names a first sheet \(sheetPath) that it does not hold")
        }
        return try rows(sheet, strings: strings)
    }

    /// The part holding the first sheet in the workbook's order (not necessarily sheet1.xml).
    static func firstSheetPath(workbook: Data, rels: Data?) throws -> String {
        let fallback = "xl/worksheets/sheet1.xml"
        let sheets = ElementCollector(element: "sheet")
        try parse(workbook, sheets, part: "xl/workbook.xml")
        guard let first = sheets.found.first,
            let id = first["r:id"] ?? first.first(where: { $0.key.hasSuffix(":id") })?.value,
            let rels
        else { return fallback }
        let relations = ElementCollector(element: "Relationship")
        try parse(rels, relations, part: "xl/_rels/workbook.xml.rels")
        guard let target = relations.found.first(where: { $0["Id"] == id })?["Target"] else { return fallback }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }

    static func sharedStrings(_ data: Data) throws -> [String] {
        let reader = SharedStringsReader()
        try parse(data, reader, part: "xl/sharedStrings.xml")
        return reader.strings
    }

    static func rows(_ data: Data, strings: [String]) throws -> [SheetRow] {
        let reader = WorksheetReader(strings: strings)
        try parse(data, reader, part: "the worksheet")
        if let problem = reader.problem { throw SheetError(.damaged, problem) }
        return reader.rows
    }

    private static func parse(_ data: Data, _ delegate: any XMLParserDelegate, part: String) throws {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        guard parser.parse() else {
            throw SheetError(
                .damaged,
                "\(part) is not well-formed XML (line \(parser.lineNumber)); open the file in Excel and save it again")
        }
    }

    /// A number as Excel stores it ("1", "1.5", "1.2345678901E+10") written as a person would type
    /// it: integral values without a fraction or an exponent.
    package static func numberText(_ stored: String) -> String {
        let text = stored.trimmingCharacters(in: .whitespaces)
        guard let value = Double(text), value.isFinite else { return text }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        if !text.contains("E") && !text.contains("e") { return text }
        return "\(value)"
    }
}

/// Collects the attributes of every element with one name.
private final class ElementCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []
    init(element: String) { self.element = element }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == element || name.hasSuffix(":" + element) { found.append(attributes) }
    }
}

/// `<si>` items: the text of their `<t>` elements, phonetic runs (`<rPh>`) left out.
private final class SharedStringsReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// `<row r="…"><c r="B5" t="s"><v>3</v></c>…</row>` → rows of text.
private final class WorksheetReader: NSObject, XMLParserDelegate {
    let strings: [String]
    var rows: [SheetRow] = []
    var problem: Message?
    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var type = ""
    private var value = ""
    private var inline = ""
    private var inValue = false
    private var inInlineText = false
    private var inCell = false
    /// Excel's limits: a reference beyond them is a damaged file, not a reason to allocate.
    private static let maxColumns = 16_384

    init(strings: [String]) { self.strings = strings }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
            column = 0
        case "c":
            inCell = true
            if let reference = attributes["r"], let parsed = ColumnLetters.parse(reference) {
                column = parsed.column
            }
            type = attributes["t"] ?? "n"
            value = ""
            inline = ""
        case "v": inValue = inCell
        case "t": inInlineText = inCell
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inInlineText { inline += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v": inValue = false
        case "t": inInlineText = false
        case "c":
            inCell = false
            let text: String
            switch type {
            case "s":
                guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index)
                else {
                    problem = problem ?? "row \(rowNumber): a cell names a shared string the workbook does not hold"
                    return
                }
                text = strings[index]
            case "inlineStr": text = inline
            case "str", "e": text = value
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            default: text = value.isEmpty ? "" : XLSXReader.numberText(value)
            }
            guard column < Self.maxColumns else {
                problem = problem ?? "row \(rowNumber): a cell lies beyond Excel's last column"
                return
            }
            if !text.isEmpty {
                if cells.count <= column {
                    cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count))
                }
                cells[column] = text
            }
            column += 1
        case "row":
            rows.append(SheetRow(number: rowNumber, cells: cells))
        default: break
        }
    }
}
