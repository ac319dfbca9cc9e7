import Foundation
import PhieuKinTestSupport
import Testing

@testable import PhieuKinSheets

/// A keyed sheet as openpyxl (another generator than ours) writes it: Vietnamese text and a marker
/// no error may quote, numbers, booleans, gaps. Debian's openpyxl writes inline strings, so every
/// other one is moved to a shared-strings part (every third as rich-text runs), as Excel keeps
/// them. Deflated, and also stored (so a changed zip byte lands in the XML itself).
private func openpyxlWorkbook(_ folder: URL) throws -> (deflated: String, stored: String) {
    let deflated = folder.appendingPathComponent("keyed.xlsx").path
    let stored = folder.appendingPathComponent("stored.xlsx").path
    _ = try openpyxl(
        """
        import re, sys, zipfile, openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["serial", "VP01.dao-duc", "VP01.thai-do", "VP02.dao-duc", "remark"])
        ws.append(["# nhãn", "Nguyễn Văn An — Đạo đức", None, "x", "Ý kiến"])
        for i in range(30):
            ws.append(["AB%04d" % i, "x" if i % 3 else None, 1, True if i % 5 == 0 else None, "SECRETMARK %d, có dấu" % i])
        ws["G40"] = 12345678901
        wb.save(sys.argv[1] + ".inline")
        shared = []
        def to_shared(m):
            shared.append(m.group(2))
            return '<c r="%s" t="s"><v>%d</v></c>' % (m.group(1), len(shared) - 1)
        def item(i, text):
            half = text.find(" ")  # never inside a reference such as &#7871;
            if i % 3 or half < 0: return "<si><t>%s</t></si>" % text
            return '<si><r><t>%s</t></r><r><rPr><b/></rPr><t xml:space="preserve">%s</t></r><rPh><t>x</t></rPh></si>' % (text[:half], text[half:])
        with zipfile.ZipFile(sys.argv[1] + ".inline") as src:
            parts = {i.filename: src.read(i.filename) for i in src.infolist()}
        sheet = parts["xl/worksheets/sheet1.xml"].decode()
        sheet = re.sub(r'<c r="([A-Z]+(?:[0-9]*[02468]))" t="inlineStr"><is><t>([^<]*)</t></is></c>', to_shared, sheet)
        parts["xl/worksheets/sheet1.xml"] = sheet.replace("<row ", "\\n<row ").encode()
        parts["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + "".join(item(i, t) for i, t in enumerate(shared)) + "</sst>").encode()
        for name, method in ((sys.argv[1], zipfile.ZIP_DEFLATED), (sys.argv[2], zipfile.ZIP_STORED)):
            with zipfile.ZipFile(name, "w", method) as dst:
                for part, data in parts.items(): dst.writestr(part, data)
        """, [deflated, stored])
    return (deflated, stored)
}

/// Byte-level mutations, seeded: replace, insert (bytes that matter to XML and UTF-8), delete and
/// duplicate ranges.
private func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
    let interesting: [[UInt8]] = [
        [0x3C], [0x3E], [0x26], [0x22], [0x27], [0x2F], [0x3D], [0x3B], [0x00], [0xFF], [0xC3], [0x0A], [0x5D],
        Array("<![CDATA[".utf8), Array("&#x".utf8), Array("&#99999999999;".utf8), Array("<!--".utf8),
        Array("</".utf8), Array("&amp;".utf8), Array("]]>".utf8), Array("<!DOCTYPE".utf8), Array("r=\"XFD9\"".utf8),
        Array("r=\"99999999999\"".utf8), Array("t=\"s\"".utf8), Array("<v>-1</v>".utf8),
    ]
    var bytes = input
    for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
        case 1: bytes[at] = interesting[Int.random(in: 0..<13, using: &random)][0]
        case 2: bytes.insert(contentsOf: interesting.randomElement(using: &random) ?? [], at: at)
        case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
        default:
            bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...64, using: &random))], at: at)
        }
    }
    return bytes
}

@Suite("XLSX reader: damaged input, fuzzed, gives SheetError and never a crash")
struct XLSXFuzzTests {
    /// Each mutated part either parses or throws `SheetError` (a crash would end the test process),
    /// and no error quotes a cell.
    @Test(arguments: [
        ("xl/worksheets/sheet1.xml", 2_000), ("xl/sharedStrings.xml", 500), ("xl/workbook.xml", 250),
        ("xl/_rels/workbook.xml.rels", 250),
    ])
    func mutatedParts(part: String, rounds: Int) throws {
        let folder = try TemporaryFiles.directory("fuzz")
        let workbook = try openpyxlWorkbook(folder)
        let archive = try #require(ZipArchive(path: workbook.deflated))
        let original = try #require(try archive.part(part))
        let strings = try XLSXReader.sharedStrings(try #require(try archive.part("xl/sharedStrings.xml")))
        let rows = try XLSXReader.rows(try #require(try archive.part("xl/worksheets/sheet1.xml")), strings: strings)
        #expect(rows.count == 33 && strings.count > 30)
        #expect(rows[2].cells == ["AB0000", "", "1", "TRUE", "SECRETMARK 0, có dấu"])
        #expect(rows[3].cells == ["AB0001", "x", "1", "", "SECRETMARK 1, có dấu"])
        let workbookXML = try #require(try archive.part("xl/workbook.xml"))
        var random = SeededGenerator(state: 19)
        var (parsed, refused, quoting) = (0, 0, 0)
        for _ in 0..<rounds {
            let bytes = mutate(original, &random)
            do throws(SheetError) {
                switch part {
                case "xl/worksheets/sheet1.xml": _ = try XLSXReader.rows(bytes, strings: strings)
                case "xl/sharedStrings.xml": _ = try XLSXReader.sharedStrings(bytes)
                case "xl/workbook.xml": _ = try XLSXReader.firstSheetPath(workbook: bytes, rels: nil)
                default: _ = try XLSXReader.firstSheetPath(workbook: workbookXML, rels: bytes)
                }
                parsed += 1
            } catch {
                refused += 1
                let text = error.description
                if text.contains("SECRETMARK") || text.contains("AB00") { quoting += 1 }
            }
        }
        #expect(quoting == 0, "errors quoting a cell")
        #expect(parsed + refused == rounds)
        #expect(refused > rounds / 10, "the mutations reach the checks")
    }

    /// Bytes of the archive itself changed (deflated and stored), read through the file.
    @Test(arguments: [false, true])
    func mutatedArchives(stored: Bool) throws {
        let folder = try TemporaryFiles.directory("fuzz")
        let workbook = try openpyxlWorkbook(folder)
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: stored ? workbook.stored : workbook.deflated)))
        #expect(try XLSXReader.firstSheet(path: stored ? workbook.stored : workbook.deflated).count == 33)
        let path = folder.appendingPathComponent("mutated.xlsx").path
        var random = SeededGenerator(state: stored ? 5 : 19)
        var (parsed, refused, quoting) = (0, 0, 0)
        for _ in 0..<500 {
            try Data(mutate(original, &random)).write(to: URL(fileURLWithPath: path))
            do {
                _ = try XLSXReader.firstSheet(path: path)
                parsed += 1
            } catch let error as SheetError {
                refused += 1
                if error.description.contains("SECRETMARK") { quoting += 1 }
            }
        }
        #expect(quoting == 0, "errors quoting a cell")
        #expect(parsed + refused == 500)
        #expect(refused > 100)
    }
}

@Suite("XLSX reader: limits and missing parts, each with a clear reason")
struct XLSXLimitTests {
    /// The limits the ballot import passes (CSVParser's defaults).
    static let importLimits = SheetLimits(columns: 1_000, rows: 1_048_576, cellBytes: 128 << 10)

    private func sheet(_ rows: String) -> [UInt8] {
        Array(("<?xml version=\"1.0\"?><worksheet><sheetData>" + rows + "</sheetData></worksheet>").utf8)
    }

    @Test(arguments: [
        (1_000, nil), (1_001, "row 1, column ALM: the sheet has more than 1000 columns, the most an import reads"),
    ])
    func columnsBeyondTheLimitAreRefused(columns: Int, reason: String?) throws {
        let folder = try TemporaryFiles.directory("limits")
        let path = folder.appendingPathComponent("wide.xlsx").path
        _ = try openpyxl(
            """
            import sys, openpyxl
            wb = openpyxl.Workbook()
            wb.active.append(["c%d" % i for i in range(int(sys.argv[2]))])
            wb.save(sys.argv[1])
            """, [path, String(columns)])
        if let reason {
            let error = #expect(throws: SheetError.self) {
                try XLSXReader.firstSheet(path: path, limits: Self.importLimits)
            }
            #expect(error?.reason == reason)
            #expect(error?.kind == .damaged)
        } else {
            #expect(try XLSXReader.firstSheet(path: path, limits: Self.importLimits).first?.cells.count == columns)
        }
    }

    @Test(arguments: [
        ("<row r=\"101\"><c><v>1</v></c></row>", "row 101: the sheet has more than 100 rows, the most an import reads"),
        (
            "<row r=\"1\"><c r=\"K1\"><v>1</v></c></row>",
            "row 1, column K: the sheet has more than 10 columns, the most an import reads"
        ),
        (
            "<row r=\"2\"><c t=\"inlineStr\"><is><t>12345678901234567</t></is></c></row>",
            "row 2, column A: a cell holds more than 16 bytes of text, the most a cell may hold"
        ),
        ("<row r=\"0\"/>", "after row 0: a row's number is not a row number"),
        ("<row r=\"-3\"/>", "after row 0: a row's number is not a row number"),
        ("<row r=\"1\"><c r=\"B-2\"/></row>", "row 1: a cell's reference is not a column and row such as B5"),
        (
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>",
            "row 1: a cell names a shared string the workbook does not hold"
        ),
        (
            "<row r=\"1\"><c r=\"A1\"><v>1</v>",
            "the worksheet is not well-formed XML (line 1: an end tag that does not match the open element); open the file in Excel and save it again"
        ),
    ])
    func sheetProblemsNameTheRowAndColumn(rows: String, reason: String) {
        let small = SheetLimits(columns: 10, rows: 100, cellBytes: 16)
        let error = #expect(throws: SheetError.self) { try XLSXReader.rows(sheet(rows), strings: [], limits: small) }
        #expect(error?.reason == reason)
    }

    /// Excel keeps formatted but empty rows and cells far out: ignored, not refused.
    @Test func emptyCellsAndRowsBeyondTheLimitsAreIgnored() throws {
        let small = SheetLimits(columns: 10, rows: 100, cellBytes: 16)
        let rows = try XLSXReader.rows(
            sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\" s=\"3\"/></row><row r=\"5000\" s=\"2\"/>"),
            strings: [], limits: small)
        #expect(rows == [SheetRow(number: 1, cells: ["1"])])
    }

    @Test func aPartOverTheSizeCapIsRefused() throws {
        let folder = try TemporaryFiles.directory("limits")
        let path = folder.appendingPathComponent("bomb.xlsx").path
        _ = try openpyxl(
            """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("xl/workbook.xml", '<workbook><sheets><sheet r:id="rId1"/></sheets></workbook>')
                z.writestr("xl/worksheets/sheet1.xml", b"<worksheet>" + b" " * (65 << 20) + b"</worksheet>")
            """, [path])
        let error = #expect(throws: SheetError.self) { try XLSXReader.firstSheet(path: path) }
        #expect(error?.reason == "the part xl/worksheets/sheet1.xml of the workbook is larger than 64 MiB")
    }

    @Test(arguments: [
        ("{}", "the file is not an Excel workbook (.xlsx): it has no xl/workbook.xml"),
        (
            #"{"xl/workbook.xml": '<workbook xmlns:r="r"><sheets><sheet r:id="rId3"/></sheets></workbook>', "xl/_rels/workbook.xml.rels": '<Relationships><Relationship Id="rId3" Target="worksheets/gone.xml"/></Relationships>'}"#,
            "the workbook names a first sheet xl/worksheets/gone.xml that it does not hold"
        ),
        (
            #"{"xl/workbook.xml": '<workbook><sheets><sheet r:id="rId3"></sheets></workbook>'}"#,
            "xl/workbook.xml is not well-formed XML (line 1: an end tag that does not match the open element); open the file in Excel and save it again"
        ),
    ])
    func missingOrDamagedParts(parts: String, reason: String) throws {
        let folder = try TemporaryFiles.directory("limits")
        let path = folder.appendingPathComponent("parts.xlsx").path
        _ = try openpyxl(
            """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("[Content_Types].xml", "<Types/>")
                for name, text in (\(parts)).items(): z.writestr(name, text)
            """, [path])
        let error = #expect(throws: SheetError.self) { try XLSXReader.firstSheet(path: path) }
        #expect(error?.reason == reason)
    }
}
