import Foundation
import PhieuKinTestSupport
import Testing

@testable import PhieuKinSheets

/// Runs python3 with openpyxl (Debian's python3-openpyxl): the independent reader and writer of
/// .xlsx files these tests check against.
func openpyxl(_ script: String, _ arguments: [String] = []) throws -> String {
    let result = try ExternalTool.run("/usr/bin/python3", ["-c", script] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
}

@Suite("XLSX written by libxlsxwriter, read back by openpyxl")
struct XLSXWriterTests {
    @Test func numbersPercentagesTextValidationsAndNotes() throws {
        let folder = try TemporaryFiles.directory("sheets")
        let path = folder.appendingPathComponent("out.xlsx").path
        var sheet = SheetSpec(
            name: "Kết quả: vòng [1]",
            rows: [
                [.text("Cán bộ"), .text("Số phiếu"), .text("Tỷ lệ")],
                [.text("Nguyễn Văn Ánh"), .number(4), .percent(4.0 / 6)],
                [.text("=1+1"), .empty, .number(0.5)],
            ])
        sheet.boldRows = [0]
        sheet.frozenRows = 1
        sheet.columnWidths = [20, 10, 10]
        sheet.validations = [
            SheetValidation(column: 1, firstRow: 1, lastRow: 100, values: ["x", "1"], title: "Mã", message: "x hoặc 1")
        ]
        sheet.comments = [SheetComment(row: 0, column: 0, text: "Họ và tên")]
        try XLSXWriter.write([sheet, SheetSpec(name: "Mã", rows: [[.text("x")]])], to: path)
        let out = try openpyxl(
            """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(wb.sheetnames)
            ws = wb.worksheets[0]
            for row in ws.iter_rows():
                for c in row:
                    if c.value is not None:
                        print(c.coordinate, type(c.value).__name__, repr(c.value), c.number_format)
            for dv in ws.data_validations.dataValidation:
                print("DV", dv.type, dv.formula1, str(dv.sqref))
            print("NOTE", ws["A1"].comment.text if ws["A1"].comment else None)
            print("FREEZE", ws.freeze_panes)
            """, [path])
        #expect(out.contains("['Kết quả- vòng -1-', 'Mã']"))
        #expect(out.contains("B2 int 4 General") || out.contains("B2 float 4.0 General"))
        #expect(out.contains("C2 float 0.6666666666666666 0.0%"))
        #expect(out.contains("A3 str '=1+1' General"), "text starting with = stays text, not a formula")
        #expect(out.contains("C3 float 0.5 General"))
        #expect(out.contains("DV list \"x,1\" B2:B101"))
        #expect(out.contains("NOTE Họ và tên"))
        #expect(out.contains("FREEZE A2"))
    }
}

@Suite("XLSX written by openpyxl (as by a teller's Excel), read as text")
struct XLSXReaderTests {
    @Test func sharedInlineNumbersGapsAndEmptyRows() throws {
        let folder = try TemporaryFiles.directory("sheets")
        let path = folder.appendingPathComponent("in.xlsx").path
        _ = try openpyxl(
            """
            import sys, openpyxl
            wb = openpyxl.Workbook()
            first = wb.active
            first.title = "Ghi chú"
            ws = wb.create_sheet("Phiếu", 0)   # the first sheet in order, though not sheet1.xml
            ws["A1"] = "serial"; ws["B1"] = "A01.c1"; ws["D1"] = "remark"
            ws["A2"] = 12345678901; ws["B2"] = 1; ws["D2"] = "Ý kiến, có dấu phẩy"
            ws["A3"] = 1.0; ws["B3"] = "x"; ws["C3"] = 2.5
            ws["A5"] = "ABCD"
            ws["A7"] = None
            first["A1"] = "not this sheet"
            wb.save(sys.argv[1])
            """, [path])
        let rows = try XLSXReader.firstSheet(path: path)
        // Row 7 is stored but empty (as Excel stores a formatted row): returned with no cells.
        #expect(rows.map(\.number) == [1, 2, 3, 5, 7])
        #expect(rows[4].cells.isEmpty)
        #expect(rows[0].cells == ["serial", "A01.c1", "", "remark"])
        #expect(rows[1].cells == ["12345678901", "1", "", "Ý kiến, có dấu phẩy"])
        #expect(rows[2].cells == ["1", "x", "2.5"])
        #expect(rows[3].cells == ["ABCD"])
    }

    /// `--sheet`: a sheet by its name (as typed, or ignoring case and spaces) or its 1-based
    /// number in the workbook's order, whatever part holds it; a missing one names those there are.
    @Test func sheetByNameOrNumber() throws {
        let folder = try TemporaryFiles.directory("sheets-named")
        let path = folder.appendingPathComponent("in.xlsx").path
        _ = try openpyxl(
            """
            import sys, openpyxl
            wb = openpyxl.Workbook(); wb.active.title = "Phòng A"; wb.active["A1"] = "a"
            b = wb.create_sheet("Phòng B", 0); b["A1"] = "b"   # first in order, sheet2.xml
            wb.create_sheet("2")["A1"] = "named 2"
            wb.save(sys.argv[1])
            """, [path])
        func first(_ name: String?) throws -> String? {
            try XLSXReader.sheet(named: name, path: path).first?.cells.first
        }
        #expect(try first(nil) == "b")
        #expect(try first("Phòng A") == "a")
        #expect(try first("  phòng a ") == "a")
        #expect(try first("Pho\u{0300}ng A") == "a")  // NFD, as typed on a Mac
        #expect(try first("1") == "b")
        #expect(try first("2") == "named 2")  // a name before a number
        #expect(try first("3") == "named 2")
        let error = #expect(throws: SheetError.self) { try XLSXReader.sheet(named: "Phòng C", path: path) }
        #expect(error?.kind == .noSuchSheet)
        #expect(
            error?.reason
                == "the workbook has no sheet named \"Phòng C\"; its sheets are: \"Phòng B\", \"Phòng A\", \"2\"")
        #expect(throws: SheetError.self) { try XLSXReader.sheet(named: "4", path: path) }
    }

    /// A workbook as other tools write it, built part by part: inline strings, rich-text shared
    /// strings with a phonetic run, a formula's cached value, booleans, cells without references,
    /// and a first sheet that is not sheet1.xml.
    @Test func inlineRichFormulaAndUnreferencedCells() throws {
        let folder = try TemporaryFiles.directory("sheets")
        let path = folder.appendingPathComponent("parts.xlsx").path
        _ = try openpyxl(
            #"""
            import sys, zipfile
            parts = {
              "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
              "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Phiếu" sheetId="2" r:id="rId7"/><sheet name="Khác" sheetId="1" r:id="rId1"/></sheets></workbook>',
              "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x"/><Relationship Id="rId7" Target="/xl/worksheets/keyed.xml" Type="x"/></Relationships>',
              "xl/sharedStrings.xml": '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>serial</t></si><si><r><t>Ý kiến </t></r><r><rPr><b/></rPr><t xml:space="preserve">có dấu</t></r><rPh><t>ignored</t></rPh></si></sst>',
              "xl/worksheets/sheet1.xml": '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>',
              "xl/worksheets/keyed.xml": '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>remark</t></is></c></row>'
                '<row><c t="str"><f>A1&amp;"x"</f><v>ABx</v></c><c><v>1.0</v></c><c t="s"><v>1</v></c></row>'
                '<row r="9"><c r="B9" t="b"><v>1</v></c><c r="D9"><f>1+1</f><v>2</v></c></row>'
                '</sheetData></worksheet>',
            }
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                for name, text in parts.items(): z.writestr(name, text)
            """#, [path])
        let rows = try XLSXReader.firstSheet(path: path)
        #expect(rows.map(\.number) == [2, 3, 9])
        #expect(rows[0].cells == ["serial", "", "remark"])
        #expect(rows[1].cells == ["ABx", "1", "Ý kiến có dấu"])
        #expect(rows[2].cells == ["", "TRUE", "", "2"])
    }

    @Test(arguments: [
        ("1", "1"), ("1.0", "1"), ("12345678901", "12345678901"), ("1.2345678901E10", "12345678901"),
        ("2.5", "2.5"), ("-3", "-3"), ("0", "0"),
    ])
    func numbersComeBackAsTyped(stored: String, typed: String) {
        #expect(XLSXReader.numberText(stored) == typed)
    }

    @Test func notAWorkbook() throws {
        let folder = try TemporaryFiles.directory("sheets")
        let path = folder.appendingPathComponent("fake.xlsx").path
        try Data("serial,A01.c1\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SheetError.self) { try XLSXReader.firstSheet(path: path) }
    }

    @Test(arguments: [("A", 0), ("Z", 25), ("AA", 26), ("AZ", 51), ("BA", 52)])
    func columnLetters(name: String, index: Int) {
        #expect(ColumnLetters.name(index) == name)
        #expect(ColumnLetters.parse(name + "7")?.column == index)
    }
}
