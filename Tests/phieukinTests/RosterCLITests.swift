import Foundation
import PhieuKinTestSupport
import Testing

/// Runs python3 with openpyxl (python3-openpyxl): an .xlsx written as a clerk's Excel would,
/// by another program than PhieuKin's writer, and read back the template PhieuKin writes.
private func openpyxl(_ script: String, _ arguments: [String] = []) throws -> String {
    let result = try ExternalTool.run("/usr/bin/python3", ["-c", script] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
}

/// Issue 20, item 2: rosters from Excel through the real binary: `.xlsx` (first sheet or
/// `--sheet`), Vietnamese header, title rows, white space in names, the template, and honest
/// diagnoses of files that are not rosters.
@Suite("Rosters from Excel: .xlsx, Vietnamese header, title rows, template")
struct RosterCLITests {
    /// A roster as a personnel office types it: a merged title, a subtitle, the Vietnamese header
    /// on row 3, names pasted with no-break, figure and double spaces, an order typed as a number
    /// and one left empty; a second sheet for `--sheet`.
    static let workbookScript = #"""
        import sys, openpyxl
        wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Danh sách"
        ws.append(["DANH SÁCH CÁN BỘ PHÒNG TƯ PHÁP"]); ws.merge_cells("A1:F1")
        ws.append(["(kèm theo Quyết định số 12/QĐ-UBND ngày 01/10/2026)"])
        ws.append(["Mã đơn vị", "Tên đơn vị", "Mã cán bộ", "Họ và tên", "Chức vụ", "Thứ tự"])
        ws.append(["TP", "Phòng Tư pháp", "TP01", "Nguyễn\u00a0Văn  An", "Trưởng\u202fphòng", 2])
        ws.append(["TP", "Phòng  Tư\u00a0pháp", "TP02", " Lê Thị\u2007Bình ", "Phó Trưởng phòng", 1])
        ws.append([None, None, None, None, None, None])
        ws.append(["TP", "Phòng Tư pháp", "TP03", "Trần   Văn Cường", "Chuyên viên"])
        b = wb.create_sheet("Phòng B")
        b.append(["unit_id", "unit_name", "official_id", "full_name", "position"])
        b.append(["PB", "Phòng B", "PB01", "Phạm Thị Dung", "Trưởng phòng"])
        wb.save(sys.argv[1])
        """#

    /// `roster list --json`: (unit id, official id, full name, position, order) as stored.
    static func stored(_ cli: CLI) throws -> [[String]] {
        let listed = try cli.run(["roster", "list", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let units = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        return units.flatMap { unit in
            (unit["officials"] as? [[String: Any]] ?? []).map { o in
                [unit["name"], o["unit_id"], o["id"], o["full_name"], o["position"], o["order"]].map { "\($0 ?? "")" }
            }
        }
    }

    static func workspace(_ name: String) throws -> CLI {
        let cli = try CLI.temporaryWorkspace(name)
        #expect(try cli.run(["init", "--agency", "UBND Quận Mẫu"]).status == 0)
        return cli
    }

    @Test func xlsxWithTitleRowsAndVietnameseHeaderImportsWithCleanNames() throws {
        let cli = try Self.workspace("roster-xlsx")
        let path = cli.path("danh-sach.xlsx")
        _ = try openpyxl(Self.workbookScript, [path])
        let imported = try cli.run(["roster", "import", path])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("Skipped 2 title rows above the header row (line 3)."), "\(imported.stdout)")
        #expect(imported.stdout.contains("Roster imported: 1 unit added, 0 updated; 3 officials added"))
        #expect(
            try Self.stored(cli) == [
                ["Phòng Tư pháp", "TP", "TP02", "Lê Thị Bình", "Phó Trưởng phòng", "1"],
                ["Phòng Tư pháp", "TP", "TP01", "Nguyễn Văn An", "Trưởng phòng", "2"],
                ["Phòng Tư pháp", "TP", "TP03", "Trần Văn Cường", "Chuyên viên", "3"],
            ])

        // Again, in Vietnamese: nothing changes, and the note says so in Vietnamese.
        let again = try cli.run(["roster", "import", path], environment: ["PHIEUKIN_LANG": ""])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Bỏ qua 2 dòng tiêu đề phía trên dòng tên cột (dòng 3)."), "\(again.stdout)")
    }

    @Test func sheetOptionChoosesTheSheetByNameOrNumberAndNamesTheOthers() throws {
        let cli = try Self.workspace("roster-sheet")
        let path = cli.path("danh-sach.xlsx")
        _ = try openpyxl(Self.workbookScript, [path])
        for sheet in ["Phòng B", "phòng b", "2"] {
            let imported = try cli.run(["roster", "import", path, "--sheet", sheet])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(!imported.stdout.contains("Skipped"))
        }
        #expect(try Self.stored(cli) == [["Phòng B", "PB", "PB01", "Phạm Thị Dung", "Trưởng phòng", "1"]])

        let missing = try cli.run(["roster", "import", path, "--sheet", "Phòng C"])
        #expect(missing.status == 1)
        #expect(
            missing.stderr.contains(
                "danh-sach.xlsx: the workbook has no sheet named \"Phòng C\"; its sheets are: \"Danh sách\", \"Phòng B\"; "
                    + "nothing was imported."), "\(missing.stderr)")
        let vietnamese = try cli.run(
            ["roster", "import", path, "--sheet", "Phòng C"], environment: ["PHIEUKIN_LANG": ""])
        #expect(vietnamese.stderr.contains("sổ tính không có trang tính tên \"Phòng C\""), "\(vietnamese.stderr)")

        let csv = try cli.run(["roster", "import", CLI.repository + "/examples/roster.csv", "--sheet", "1"])
        #expect(
            csv.status == 1
                && csv.stderr.contains(
                    "the sheet \"1\" was asked for, but roster.csv is a CSV text file, which has no sheets"),
            "\(csv.stderr)")
        #expect(try Self.stored(cli).count == 1)
    }

    /// The file's first bytes decide, never its name: a workbook saved as `.csv` is read as one.
    @Test func aWorkbookNamedCSVIsReadAsAWorkbook() throws {
        let cli = try Self.workspace("roster-renamed")
        let path = cli.path("danh-sach.csv")
        _ = try openpyxl(Self.workbookScript, [path])
        let imported = try cli.run(["roster", "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try Self.stored(cli).count == 3)
    }

    /// Each file that is not a roster gets the diagnosis of what it is; "Windows-1258" is said
    /// only of text that is not UTF-8.
    static let misdiagnoses: [(name: String, bytes: [UInt8], english: String, vietnamese: String)] = [
        (
            "old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504),
            "old.xls is an old Excel 97-2003 workbook (.xls), which is not read; in Excel choose File > Save As",
            "old.xls là sổ tính Excel 97-2003 (.xls), không đọc được"
        ),
        (
            "unicode.txt", [0xFF, 0xFE] + Array("M\0a\0".utf8),
            "unicode.txt is UTF-16 text (Excel's \"Unicode Text\"), which is not read",
            "unicode.txt là văn bản UTF-16 (kiểu \"Unicode Text\" của Excel), không đọc được"
        ),
        (
            "scan.pdf", Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A],
            "scan.pdf is neither text nor an Excel workbook (.xlsx): it holds binary data",
            "scan.pdf không phải văn bản cũng không phải sổ tính Excel (.xlsx)"
        ),
        (
            "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48],
            "photo.png is neither text nor an Excel workbook (.xlsx): it holds binary data",
            "photo.png không phải văn bản cũng không phải sổ tính Excel (.xlsx)"
        ),
        (
            "zip.xlsx", [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18),
            "zip.xlsx is neither text nor an Excel workbook (.xlsx)",
            "zip.xlsx không phải văn bản cũng không phải sổ tính Excel (.xlsx)"
        ),
        (
            "cp1258.csv",
            Array("Mã đơn vị,Tên đơn vị,Mã cán bộ,Họ và tên,Chức vụ\r\nTP,Phòng,TP01,Nguy".utf8) + [0xEA, 0x6E]
                + Array(",CV\r\n".utf8),
            "cp1258.csv:2: field 4 is not UTF-8 text: the file was saved in another encoding (Windows-1258",
            "cp1258.csv:2: trường 4 không phải văn bản UTF-8: tệp được lưu bằng bảng mã khác (Windows-1258"
        ),
    ]

    @Test(arguments: misdiagnoses)
    func eachForeignFileIsNamedForWhatItIs(name: String, bytes: [UInt8], english: String, vietnamese: String) throws {
        let cli = try Self.workspace("roster-foreign")
        let path = cli.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let refused = try cli.run(["roster", "import", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(english), "\(refused.stderr)")
        #expect(refused.stderr.contains("Windows-1258") == name.hasPrefix("cp1258"), "\(refused.stderr)")
        let translated = try cli.run(["roster", "import", path], environment: ["PHIEUKIN_LANG": ""])
        #expect(translated.stderr.contains(vietnamese), "\(translated.stderr)")
        #expect(try Self.stored(cli).isEmpty)
    }

    /// A zip that is not a workbook (a Word document) is named as such, not as another encoding.
    @Test func aZipThatIsNoWorkbookIsSaidToBeNone() throws {
        let cli = try Self.workspace("roster-docx")
        let path = cli.path("danh-sach.docx")
        _ = try openpyxl(
            "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w') as z: z.writestr('word/document.xml', '<w/>')",
            [path])
        let refused = try cli.run(["roster", "import", path])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "danh-sach.docx: the file is not an Excel workbook (.xlsx): it has no xl/workbook.xml; nothing was imported."
            ),
            "\(refused.stderr)")
        #expect(!refused.stderr.contains("Windows-1258"))
    }

    @Test func aHeaderNotFoundNamesTheColumnsInBothLanguages() throws {
        let cli = try Self.workspace("roster-noheader")
        let path = cli.path("r.xlsx")
        _ = try openpyxl(
            """
            import sys, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(["DANH SÁCH"]); ws.append(["Mã", "Tên", "Số hiệu", "Tên cán bộ", "Vị trí"])
            ws.append(["TP", "Phòng Tư pháp", "TP01", "An", "CV"]); wb.save(sys.argv[1])
            """, [path])
        let refused = try cli.run(["roster", "import", path])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "r.xlsx:1: no header row naming the columns was found; the header row names the columns unit_id (Mã đơn vị), "
                    + "unit_name (Tên đơn vị), official_id (Mã cán bộ), full_name (Họ và tên), position (Chức vụ), "
                    + "order (Thứ tự) (order is optional), in English or in Vietnamese"), "\(refused.stderr)")
        let vietnamese = try cli.run(["roster", "import", path], environment: ["PHIEUKIN_LANG": ""])
        #expect(
            vietnamese.stderr.contains(
                "r.xlsx:1: không tìm thấy dòng tên cột; dòng tên cột phải ghi các cột unit_id (Mã đơn vị)"))
    }

    /// The template in both formats: written, filled in by another program, imported.
    @Test(arguments: ["xlsx", "csv"])
    func templateIsFilledInAndImported(format: String) throws {
        let cli = try Self.workspace("roster-template-\(format)")
        let path = cli.path("mau.\(format)")
        let written = try cli.run(["roster", "template", "--out", path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("Wrote \(path): 6 columns (\(format))."), "\(written.stdout)")
        if format == "xlsx" {
            let read = try openpyxl(
                """
                import sys, openpyxl
                wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
                print(wb.sheetnames)
                print([c.value for c in ws[2]])
                print(ws["A1"].value.startswith("DANH SÁCH CÁN BỘ"), ws.column_dimensions["C"].number_format, ws["C2"].comment is not None)
                ws.append(["TP", "Phòng Tư pháp", "007", "Nguyễn Văn An", "Trưởng phòng", 1])
                wb.save(sys.argv[1])
                """, [path])
            #expect(read.contains("['Danh sách cán bộ', 'Hướng dẫn']"), "\(read)")
            #expect(read.contains("['Mã đơn vị', 'Tên đơn vị', 'Mã cán bộ', 'Họ và tên', 'Chức vụ', 'Thứ tự']"))
            #expect(read.contains("True @ True"), "\(read)")
        } else {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("\"DANH SÁCH CÁN BỘ (dòng tiêu đề, bỏ qua khi nhập;"))
            #expect(text.hasSuffix("\r\nMã đơn vị,Tên đơn vị,Mã cán bộ,Họ và tên,Chức vụ,Thứ tự\r\n"))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("TP,Phòng Tư pháp,007,Nguyễn Văn An,Trưởng phòng,1\r\n".utf8))
            try handle.close()
        }
        let imported = try cli.run(["roster", "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Skipped 1 title row above the header row (line 2)."), "\(imported.stdout)")
        #expect(try Self.stored(cli) == [["Phòng Tư pháp", "TP", "007", "Nguyễn Văn An", "Trưởng phòng", "1"]])

        // Never over an existing file without --force; only .xlsx and .csv.
        let again = try cli.run(["roster", "template", "--out", path])
        #expect(again.status == 1 && again.stderr.contains("already exists; nothing was written"))
        #expect(try cli.run(["roster", "template", "--out", path, "--force"]).status == 0)
        let other = try cli.run(["roster", "template", "--out", cli.path("mau.ods")])
        #expect(other.status == 1 && other.stderr.contains("the roster template is written as .xlsx or .csv"))
    }

    @Test func englishTemplateHasTheIDsAndReadsBack() throws {
        let cli = try Self.workspace("roster-template-en")
        let path = cli.path("roster.csv")
        let written = try cli.run(["roster", "template", "--out", path, "--lang", "en", "--json"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("\"unit_id\",\n    \"unit_name\""), "\(written.stdout)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text.contains("ROSTER OF OFFICIALS")
                && text.contains("\r\nunit_id,unit_name,official_id,full_name,position,order\r\n"))
    }
}
