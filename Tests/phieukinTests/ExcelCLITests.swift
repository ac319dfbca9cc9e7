import Foundation
import PhieuKinTestSupport
import Testing

/// Runs python3 with openpyxl (python3-openpyxl): the independent reader and writer of .xlsx.
private func python(_ script: String, _ arguments: [String] = []) throws -> String {
    let result = try ExternalTool.run("/usr/bin/python3", ["-c", script] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
}

/// Issue 12: a teller's Excel in (CSV as Excel saves it, .xlsx), reports out (.xlsx, numeric CSV,
/// SPSS), and the keying template round trip, through the real binary.
@Suite("Excel: import pitfalls, .xlsx in and out, keying template")
struct ExcelCLITests {
    static let header = "serial,VP01.dao-duc,VP02.thai-do,remark"

    /// How many ballots the round's log holds (from `verify --json`).
    static func leaves(_ cli: CLI) throws -> Int {
        let verified = try cli.run(["verify", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(verified.stdout.utf8)) as! [String: Any]
        return ((json["rounds"] as! [[String: Any]]).first!["leaves"] as! Int)
    }

    @Test(arguments: [(";", "semicolon"), ("\t", "tab"), (",", "comma")])
    func separatorIsDetected(separator: String, name: String) throws {
        let cli = try CLI.temporaryWorkspace("sep-\(name)")
        let (round, serials) = try ImportCLITests.numberedRound(cli, ballots: 2)
        let rows = [
            Self.header, "\(serials[0]),x,,\"Ý kiến; có dấu, phẩy\"", "\(serials[1]),,1,",
        ].map { $0.replacingOccurrences(of: ",", with: separator) }
        // Quoted text keeps its separators: put the remark back as typed.
        var text = rows.joined(separator: "\r\n") + "\r\n"
        text = text.replacingOccurrences(of: "Ý kiến; có dấu\(separator) phẩy", with: "Ý kiến; có dấu, phẩy")
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: cli.path("k.csv")))
        let imported = try cli.run(["import", "--round", round, cli.path("k.csv")])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("2 accepted"))
    }

    @Test func excelSepLineNamesTheSeparator() throws {
        let cli = try CLI.temporaryWorkspace("sep-line")
        let (round, serials) = try ImportCLITests.numberedRound(cli, ballots: 1)
        try "sep=;\nserial;VP01.dao-duc\n\(serials[0]);x\n".write(
            toFile: cli.path("k.csv"), atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", "--round", round, cli.path("k.csv")])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
    }

    @Test func windowsEncodingRefusesTheWholeFile() throws {
        let cli = try CLI.temporaryWorkspace("cp1258")
        let (round, serials) = try ImportCLITests.numberedRound(cli, ballots: 3)
        // Rows 2 and 3 are plain ASCII; row 4's remark "Tốt" in Windows-1258 (ô = 0xF4, then the
        // combining acute 0xEC): not UTF-8.
        var bytes = Array("\(Self.header)\r\n\(serials[0]),x,,\r\n\(serials[1]),,x,\r\n\(serials[2]),x,,T".utf8)
        bytes += [0xF4, 0xEC] + Array("t\r\n".utf8)
        let path = cli.path("cp1258.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let refused = try cli.run(["import", "--round", round, path])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "\(path):4: field 4 is not UTF-8 text: the file was saved in another encoding (Windows-1258 or "
                    + "Windows-1252, Excel's \"CSV (Comma delimited)\"). In Excel choose File > Save As and the file "
                    + "type \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file; nothing was imported."),
            "\(refused.stderr)")
        #expect(try Self.leaves(cli) == 0)
        // The teller reads it in Vietnamese by default.
        let vietnamese = try cli.run(["import", "--round", round, path], environment: ["PHIEUKIN_LANG": "vi"])
        #expect(
            vietnamese.stderr.contains(
                "\(path):4: trường 4 không phải văn bản UTF-8: tệp được lưu bằng bảng mã khác (Windows-1258 hoặc "
                    + "Windows-1252, kiểu \"CSV (Comma delimited)\" của Excel). Trong Excel chọn File > Save As, kiểu "
                    + "tệp \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nhập tệp mới; "), "\(vietnamese.stderr)")
        // Saved again as UTF-8, the same file imports whole: no duplicates, no quarantine.
        let fixed = String(decoding: bytes.dropLast(5), as: UTF8.self) + "Tốt\r\n"
        try fixed.write(toFile: path, atomically: true, encoding: .utf8)
        let again = try cli.run(["import", "--round", round, path])
        #expect(again.status == 0 && again.stdout.contains("3 accepted, 0 duplicates, 0 rejected"), "\(again.stdout)")
    }

    @Test func trailingEmptyRowsAreIgnoredAndCounted() throws {
        let cli = try CLI.temporaryWorkspace("trailing")
        let (round, serials) = try ImportCLITests.numberedRound(cli, ballots: 2)
        let text = "\(Self.header)\r\n\(serials[0]),x,,\r\n,,,\r\n\(serials[1]),,,\r\n,,,\r\n,,,\r\n"
        try text.write(toFile: cli.path("k.csv"), atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", "--round", round, cli.path("k.csv")])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("2 accepted, 0 duplicates, 0 rejected"))
        #expect(imported.stdout.contains("3 empty rows ignored"))
        #expect(try cli.run(["round", "close", "--round", round]).status == 0)
    }

    @Test func misspelledHeaderRefusesTheFileOnceWithTheNearestId() throws {
        let cli = try CLI.temporaryWorkspace("header")
        let (round, serials) = try ImportCLITests.numberedRound(cli, ballots: 2)
        let text = "serial,VP01.dao-duc,VP02.thai_do,remark\n\(serials[0]),x,x,\n\(serials[1]),,x,\n"
        try text.write(toFile: cli.path("k.csv"), atomically: true, encoding: .utf8)
        let refused = try cli.run(["import", "--round", round, cli.path("k.csv")])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "k.csv:1: column 3 (C) is not on this round's ballot: column \"VP02.thai_do\": survey quarterly-7 has "
                    + "no criterion thai_do; did you mean \"VP02.thai-do\"? Correct the header (the keying template has "
                    + "the right one) and import the file again; nothing was imported."),
            "\(refused.stderr)")
        #expect(try Self.leaves(cli) == 0)
        #expect(try cli.run(["rejects", "list", "--round", round]).stdout.contains("No rejected ballots"))
        let vietnamese = try cli.run(["import", "--round", round, cli.path("k.csv"), "--lang", "vi"])
        #expect(
            vietnamese.stderr.contains(
                "k.csv:1: cột 3 (C) không có trên phiếu của vòng này: "), "\(vietnamese.stderr)")
        #expect(vietnamese.stderr.contains("có phải là \"VP02.thai-do\"? Sửa dòng tiêu đề"))
    }

    @Test func oldXLSAndUTF16AreRefusedWithTheFix() throws {
        let cli = try CLI.temporaryWorkspace("formats")
        let (round, _) = try ImportCLITests.numberedRound(cli, ballots: 1)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: URL(fileURLWithPath: cli.path("old.xls")))
        let xls = try cli.run(["import", "--round", round, cli.path("old.xls")])
        #expect(xls.status == 1 && xls.stderr.contains("old Excel 97-2003 workbook (.xls)"))
        try Data([0xFF, 0xFE] + Array("s\0".utf8)).write(to: URL(fileURLWithPath: cli.path("u16.txt")))
        let utf16 = try cli.run(["import", "--round", round, cli.path("u16.txt")])
        #expect(utf16.status == 1 && utf16.stderr.contains("UTF-16 text (Excel's \"Unicode Text\")"))
        // A PDF is binary, not text in another encoding: no row is quarantined as "not UTF-8".
        try Data(Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]).write(
            to: URL(fileURLWithPath: cli.path("scan.pdf")))
        let pdf = try cli.run(["import", "--round", round, cli.path("scan.pdf")])
        #expect(
            pdf.status == 1 && pdf.stderr.contains("scan.pdf is neither text nor an Excel workbook (.xlsx)"),
            "\(pdf.stderr)")
        #expect(!pdf.stderr.contains("Windows-1258") && !pdf.stdout.contains("Windows-1258"))
    }

    /// An .xlsx as a teller's Excel writes it (here openpyxl): shared strings, numbers typed as
    /// numbers, a gap column, a row Excel left empty in the middle and at the end, Excel row
    /// numbers in the reasons.
    @Test func xlsxFromATellerImports() throws {
        let cli = try CLI.temporaryWorkspace("xlsx-in")
        let (round, serials) = try ImportCLITests.numberedRound(cli, ballots: 3)
        let path = cli.path("keyed.xlsx")
        _ = try python(
            """
            import sys, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(["serial", "VP01.dao-duc", "VP02.thai-do", "remark"])
            ws.append([sys.argv[2], "x", None, "Ý kiến có dấu"])
            ws.append([sys.argv[3], None, 1, None])
            ws.append([sys.argv[4], "y", None, None])      # row 5: a bad code
            ws["A8"] = None                                  # an empty row Excel stored
            wb.save(sys.argv[1])
            """, [path] + serials)
        let imported = try cli.run(["import", "--round", round, path])
        #expect(imported.status == 2, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("2 accepted, 0 duplicates, 1 rejected"))
        #expect(imported.stdout.contains("\(path):4: [invalid-code]"), "\(imported.stdout)")
    }

    /// Issue 19, item 5: a worksheet with one byte changed (Foundation's XMLParser died of SIGILL
    /// on such files, dumping memory) and a header of a million columns (over 240 s) are both
    /// refused at once with the file, the line and the reason, never a cell's text.
    @Test func damagedXLSXAndHugeHeaderAreRefusedClearly() throws {
        let cli = try CLI.temporaryWorkspace("hostile")
        let (round, serials) = try ImportCLITests.numberedRound(cli, ballots: 1)
        let path = cli.path("damaged.xlsx")
        _ = try python(
            """
            import sys, zipfile, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(["serial", "VP01.dao-duc", "remark"])
            ws.append([sys.argv[2], "x", "SECRETMARK"])
            wb.save(sys.argv[1] + ".ok")
            with zipfile.ZipFile(sys.argv[1] + ".ok") as src, zipfile.ZipFile(sys.argv[1], "w") as dst:
                for item in src.infolist():
                    data = src.read(item.filename)
                    if item.filename == "xl/worksheets/sheet1.xml": data = data.replace(b"</c>", b"</d>", 1)
                    dst.writestr(item.filename, data)
            """, [path, serials[0]])
        let damaged = try cli.run(["import", "--round", round, path])
        #expect(damaged.status == 1, "\(damaged.stderr)")
        #expect(
            damaged.stderr.contains(
                "\(path): the worksheet is not well-formed XML (line 1: an end tag that does not match the open "
                    + "element); open the file in Excel and save it again; nothing was imported."),
            "\(damaged.stderr)")
        #expect(!damaged.stderr.contains("SECRETMARK") && !damaged.stderr.contains(serials[0]))

        let wide = cli.path("wide.csv")
        try Data(Array(("serial" + String(repeating: ",VP01.dao-duc", count: 1_000_000) + "\r\n").utf8)).write(
            to: URL(fileURLWithPath: wide))
        let started = ContinuousClock.now
        let refused = try cli.run(["import", "--round", round, wide])
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "\(wide):1: more than 1000 fields (columns) on one line, the most a file may have; nothing was "
                    + "imported."), "\(refused.stderr)")
        let vietnamese = try cli.run(["import", "--round", round, wide, "--lang", "vi"])
        #expect(vietnamese.stderr.contains("\(wide):1: quá 1000 trường (cột) trên một dòng"), "\(vietnamese.stderr)")
        #expect(try Self.leaves(cli) == 0)
    }

    /// An unnumbered round refuses the same ballots twice whether they come as .xlsx or as the
    /// same sheet saved as CSV (docs/FORMAT.md, "Batches": the content digest).
    @Test func unnumberedRoundKnowsTheSheetInEitherFormat() throws {
        let cli = try CLI.temporaryWorkspace("xlsx-csv")
        let round = try RoundAndPrintTests.openRound(cli, ballots: 5, extra: ["--serials", "none"])
        let xlsx = cli.path("k.xlsx")
        _ = try python(
            """
            import sys, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active
            for row in [["VP01.dao-duc", "VP02.thai-do"], ["x", None], [None, 1], ["X", "x"]]: ws.append(row)
            wb.save(sys.argv[1])
            """, [xlsx])
        #expect(try cli.run(["import", "--round", round, xlsx]).stdout.contains("3 accepted"))
        try "VP01.dao-duc;VP02.thai-do\r\nx;\r\n;1\r\nX;x\r\n;\r\n".write(
            toFile: cli.path("k.csv"), atomically: true, encoding: .utf8)
        let again = try cli.run(["import", "--round", round, cli.path("k.csv")])
        #expect(
            again.status == 1 && again.stderr.contains("holds the same ballots, in the same order"), "\(again.stderr)")
    }

    // MARK: Keying template

    @Test func templateRoundTripThroughExcelToTheReport() throws {
        let cli = try CLI.temporaryWorkspace("template")
        let (round, serials) = try ImportCLITests.numberedRound(cli, ballots: 6)
        let template = cli.path("keying.xlsx")
        let written = try cli.run(["ballots", "template", "--round", round, "--out", template])
        #expect(written.status == 0, "\(written.stderr)")
        // An existing file is never replaced without --force.
        let again = try cli.run(["ballots", "template", "--round", round, "--out", template])
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        // Read by openpyxl: the header, the labels, the drop-down lists, the legend sheet.
        let shape = try python(
            """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
            print(wb.sheetnames)
            print([c.value for c in ws[1]][:3], ws.max_column)
            print(ws["B2"].value)
            print(ws["A2"].value.startswith("#"), ws["A3"].value.startswith("#"))
            lists = {(dv.formula1, str(dv.sqref)) for dv in ws.data_validations.dataValidation}
            print(len(lists), ('"x,1"', "B4:B2004") in lists, any(ref.split(":")[0] in ("A4", "HD4") for _, ref in lists))
            """, [template])
        #expect(shape.contains("['Nhập phiếu', 'Mã trả lời']"), "\(shape)")
        // 30 officials × 7 criteria, the serial and the remark.
        #expect(shape.contains("['serial', 'VP01.dao-duc', 'VP01.trach-nhiem'] 212"), "\(shape)")
        #expect(shape.contains("Nguyễn Văn An — Đạo đức"), "\(shape)")
        #expect(shape.contains("True True"))
        // A drop-down list of the codes on every question column from row 4; none on serial or remark.
        #expect(shape.contains("210 True False"), "\(shape)")
        // A teller keys six ballots in Excel (openpyxl) and saves: marks typed as x, X and the
        // number 1 (Excel stores it as a number), one ballot left blank but for its serial.
        let marks: [[String]] = [
            ["VP01.dao-duc:x", "VP02.thai-do:x"], ["VP01.dao-duc:X"], ["VP01.dao-duc:1", "VP03.ky-luat:x"],
            ["VP02.thai-do:1"], ["VP30.sach-nhieu:x"], [],
        ]
        _ = try python(
            """
            import sys, json, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
            header = [c.value for c in ws[1]]
            serials = json.loads(sys.argv[2]); marks = json.loads(sys.argv[3])
            for i, serial in enumerate(serials):
                row = 4 + i
                ws.cell(row=row, column=1, value=serial)
                for mark in marks[i]:
                    column, code = mark.split(":")
                    ws.cell(row=row, column=header.index(column) + 1, value=int(code) if code.isdigit() else code)
            wb.save(sys.argv[1])
            """,
            [
                template, String(decoding: try JSONEncoder().encode(serials), as: UTF8.self),
                String(decoding: try JSONEncoder().encode(marks), as: UTF8.self),
            ])
        let imported = try cli.run(["import", "--round", round, template])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("6 accepted, 0 duplicates, 0 rejected"), "\(imported.stdout)")
        #expect(try cli.run(["round", "close", "--round", round]).status == 0)
        let tally = try cli.run(["tally", "--round", round])
        #expect(tally.status == 0, "\(tally.stderr)")
        // The report counts exactly what was keyed, cell by cell.
        let report = try cli.run(["report", "--round", round, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as! [String: Any]
        #expect(json["ballots_counted"] as? Int == 6)
        var counted: [String: Int] = [:]
        let summary = try #require(json["summary"] as? [String: Any])
        for official in summary["officials"] as! [[String: Any]] {
            for cell in official["criteria"] as! [[String: Any]] where (cell["marked"] as! Int) > 0 {
                counted["\(official["official_id"]!).\(cell["criterion_id"]!)"] = cell["marked"] as? Int
            }
        }
        #expect(counted == ["VP01.dao-duc": 3, "VP02.thai-do": 2, "VP03.ky-luat": 1, "VP30.sach-nhieu": 1])
    }

    @Test func csvTemplateSavedByExcelWithSemicolonsImports() throws {
        let cli = try CLI.temporaryWorkspace("template-csv")
        let round = try RoundAndPrintTests.openRound(cli, ballots: 3, extra: ["--serials", "none"])
        let template = cli.path("keying.csv")
        #expect(try cli.run(["ballots", "template", "--round", round, "--out", template, "--lang", "en"]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: template))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("VP01.dao-duc,VP01.trach-nhiem,"))
        #expect(lines[1].hasPrefix("\"# (note row, skipped on import) Nguyễn Văn An — Ethics\",Nguyễn Văn An — "))
        #expect(
            lines[2].hasPrefix("\"# x or 1 = marked; blank = not marked\",\"x or 1 = marked; blank = not marked\","))
        // Excel in a Vietnamese locale re-saves with semicolons, keeps the note rows, adds the
        // ballots and trailing empty rows.
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(header.contains("blank"), "an unnumbered round's template has the blank-ballot column")
        func row(_ marked: [String]) -> String { header.map { marked.contains($0) ? "x" : "" }.joined(separator: ";") }
        let saved =
            [
                header.joined(separator: ";"),
                "\"\(lines[1].replacingOccurrences(of: "\"", with: ""))\""
                    + String(repeating: ";", count: header.count - 1),
                row(["VP01.dao-duc"]), String(repeating: ";", count: header.count - 1), row(["blank"]),
                row(["VP02.thai-do", "VP01.dao-duc"]),
                String(repeating: ";", count: header.count - 1), String(repeating: ";", count: header.count - 1),
            ].joined(separator: "\r\n") + "\r\n"
        try Data([0xEF, 0xBB, 0xBF] + Array(saved.utf8)).write(to: URL(fileURLWithPath: cli.path("saved.csv")))
        let imported = try cli.run(["import", "--round", round, cli.path("saved.csv")])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        // The ballot keyed in the blank column is a blank ballot; the empty rows (between ballots
        // and Excel's at the end) are no ballots and are ignored.
        #expect(imported.stdout.contains("3 accepted, 0 duplicates, 0 rejected"), "\(imported.stdout)")
        #expect(imported.stdout.contains("3 empty rows ignored"))
    }

    @Test func printedBallotShowsEachOfficialsIdForTheTeller() throws {
        let cli = try CLI.temporaryWorkspace("ids")
        let round = try RoundAndPrintTests.openRound(cli, ballots: 1)
        let pdf = cli.path("ballots.pdf")
        #expect(try cli.run(["ballots", "print", "--round", round, "--out", pdf]).status == 0)
        let words = Set(try RoundAndPrintTests.pdfText(pdf).split(whereSeparator: \.isWhitespace).map(String.init))
        for id in ["VP01", "VP02", "VP10", "VP30"] { #expect(words.contains(id), "the ballot lacks \(id)") }
    }

    // MARK: Reports out

    @Test func reportsExportNumbersToXLSXCSVAndSPSS() throws {
        let (cli, q3, smallQ3) = try TallyCLITests.acceptanceWorkspace("excel-out")
        let xlsx = cli.path("report.xlsx")
        let written = try cli.run(["report", "--round", q3, "--format", "xlsx", "--out", xlsx])
        #expect(written.status == 0, "\(written.stderr)")
        let cells = try python(
            """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
            print(wb.sheetnames)
            header = [c.value for c in ws[1]]
            print(header)
            for row in ws.iter_rows(min_row=2, values_only=False):
                v = {header[i]: c for i, c in enumerate(row)}
                if v["Mã cán bộ"].value == "a" and v["Mã tiêu chí"].value == "thai-do":
                    for name in ["Số phiếu", "Tổng số phiếu hợp lệ", "Tỷ lệ (%)", "Tỷ lệ kỳ trước (%)"]:
                        c = v[name]
                        print(name, type(c.value).__name__, c.value, c.number_format)
                    print(v["Mã kết luận"].value, v["Kết luận"].value)
            """, [xlsx])
        #expect(cells.contains("['Số liệu', 'Thông tin']"), "\(cells)")
        #expect(cells.contains("Số phiếu int 6 General"), "\(cells)")
        #expect(cells.contains("Tổng số phiếu hợp lệ int 10 General"))
        #expect(cells.contains("Tỷ lệ (%) float 0.6 0.0%"))
        #expect(cells.contains("Tỷ lệ kỳ trước (%) float 0.5 0.0%"))
        #expect(cells.contains("action Đề nghị xử lý"))

        // CSV: BOM, one row per figure, numbers in their own columns; SPSS syntax beside it.
        let csv = cli.path("report.csv")
        let withSPSS = try cli.run(["report", "--round", q3, "--format", "csv", "--out", csv, "--spss"])
        #expect(withSPSS.status == 0, "\(withSPSS.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(
            text.contains(
                "a,Nguyễn Văn An,Trưởng phòng,thai-do,\"Thái độ công tác, phục vụ nhân dân\",6,10,60.00,50.00,action,Đề nghị xử lý\r\n"
            ), "\(text)")
        let sps = try String(contentsOfFile: cli.path("report.sps"), encoding: .utf8)
        for expected in [
            "/FILE='report.csv'", "/ENCODING='UTF8'", "/FIRSTCASE=2", "ballots F8.0", "share F6.2",
            "official_id 'Mã cán bộ'", "status 'reminder' 'Nhắc nhở' 'action' 'Đề nghị xử lý'",
        ] {
            #expect(sps.contains(expected), "SPSS syntax lacks \(expected)")
        }
        // Both files exist now: asked again, nothing is replaced.
        let twice = try cli.run(["report", "--round", q3, "--format", "csv", "--out", csv, "--spss"])
        #expect(twice.status == 1 && twice.stderr.contains("already exists"))

        // The 3-person unit: too few ballots, nothing broken down in any export.
        let small = cli.path("small.xlsx")
        #expect(try cli.run(["report", "--round", smallQ3, "--format", "xlsx", "--out", small]).status == 0)
        let smallRows = try python(
            """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(wb.worksheets[0].max_row)
            print([r for r in wb.worksheets[1].iter_rows(values_only=True)][-1][0])
            """, [small])
        #expect(smallRows.hasPrefix("1\n"), "\(smallRows)")
        #expect(smallRows.contains("Quá ít phiếu để báo cáo"))
        let smallCSV = try cli.run(["report", "--round", smallQ3, "--format", "csv"])
        #expect(smallCSV.stdout.split(separator: "\r\n").count == 1)

        // The leaders' flags report as a workbook.
        let flags = cli.path("flags.xlsx")
        let flagsWritten = try cli.run(
            ["report", "flags", "--period", "2026-Q3", "--format", "xlsx", "--out", flags, "--lang", "en"])
        #expect(flagsWritten.status == 0, "\(flagsWritten.stderr)")
        let flagRows = try python(
            """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            for row in ws.iter_rows(min_row=2, values_only=True): print(row[3], row[6], row[8], row[12])
            print(ws.cell(row=2, column=13).number_format)
            """, [flags])
        #expect(flagRows.contains("a thai-do action 0.6"), "\(flagRows)")
        #expect(flagRows.contains("0.0%"))
        #expect(!flagRows.contains("\nd "), "the small unit has no flag")
    }
}
