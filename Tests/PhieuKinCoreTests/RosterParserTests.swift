import Testing

@testable import PhieuKinCore

@Suite("Roster CSV")
struct RosterParserTests {
    @Test func thirtyPersonFixture() throws {
        let roster = try RosterParser.parse(bytes: Fixtures.bytes("roster-30.csv"), fileName: "roster-30.csv")
        #expect(roster.units.map(\.id) == ["UBND-XA", "P-TUPHAP", "P-TNMT"])
        #expect(roster.units[2].name == "Phòng Tài nguyên và Môi trường")
        #expect(roster.officials.count == 30)
        #expect(
            roster.officials[0]
                == Official(id: "CB01", unitID: "UBND-XA", fullName: "Nguyễn Văn An", position: "Chủ tịch", order: 1))
        #expect(roster.officials[9].position == "Cán bộ \"một cửa\"")
        // P-TNMT gives explicit orders 10…1: CB30 comes first.
        let tnmt = roster.officials.filter { $0.unitID == "P-TNMT" }
        #expect(tnmt.map(\.id.rawValue) == (21...30).reversed().map { "CB\($0)" })
        #expect(tnmt.first?.fullName == "Ninh Thị Ỷ Lan")
        #expect(roster.officials.allSatisfy { $0.fullName == $0.fullName.nfc && $0.active })
    }

    @Test func nfdNamesComeOutNFCAndTrimmed() throws {
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} Ho\u{0300}a"
        let csv =
            "position , full_name,official_id,unit_name,unit_id\nChuye\u{0302}n vie\u{0302}n,  \(nfd) ,CB1,Pho\u{0300}ng A,PA\n"
        let roster = try RosterParser.parse(bytes: Array(csv.utf8), fileName: "r.csv")
        let official = try #require(roster.officials.first)
        #expect(Array(official.fullName.utf8) == Array("Nguy\u{1EC5}n Th\u{1ECB} H\u{00F2}a".utf8))
        #expect(Array(official.position.utf8) == Array("Chuy\u{00EA}n vi\u{00EA}n".utf8))
        #expect(Array(roster.units[0].name.utf8) == Array("Ph\u{00F2}ng A".utf8))
        #expect(official.order == 1)
    }

    static let header = "unit_id,unit_name,official_id,full_name,position\n"
    static let columns =
        "unit_id (Mã đơn vị), unit_name (Tên đơn vị), official_id (Mã cán bộ), full_name (Họ và tên), "
        + "position (Chức vụ), order (Thứ tự)"

    static let errorCases: [(csv: String, message: String)] = [
        (
            header + "P1,Phòng 1,CB03,An,CV\nP1,Phòng 1,CB07,Bình,CV\nP1,Phòng 1,CB03,Chi,CV\n",
            "roster.csv:4: official_id \"CB03\" appears twice (first on line 2)"
        ),
        (header + "P1,Phòng 1,CB01,An,CV\nP1,Phòng 1,CB02, ,CV\n", "roster.csv:3: full_name is empty"),
        (
            header + "P1,Phòng 1,CB01,An,CV\nP1,Phòng Một,CB02,Bình,CV\n",
            "roster.csv:3: unit_id \"P1\" is named \"Phòng Một\" here but \"Phòng 1\" on line 2; use one name per unit"
        ),
        (
            "unit_id,unit_name,official_id,position\nP1,Phòng 1,CB01,CV\n",
            "roster.csv:1: header is missing full_name (Họ và tên); the header row names the columns \(columns) (order is optional)"
        ),
        (
            "unit_id,unit_name,official_id,full_name,position,ordre\n",
            "roster.csv:1: unknown column \"ordre\"; the columns are \(columns) (order is optional)"
        ),
        (
            header + "P1,Phòng 1,CB 01,An,CV\n",
            "roster.csv:2: official_id \"CB 01\" may only use the characters A-Z a-z 0-9 _ -"
        ),
        // A dot would split the CSV question id `<official>.<criterion>`: marks could never be imported.
        (
            header + "P1,Phòng 1,CB01,An,CV\nP1,Phòng 1,A.b,Bình,CV\n",
            "roster.csv:3: official_id \"A.b\" may only use the characters A-Z a-z 0-9 _ -"
        ),
        (
            header + "P.1,Phòng 1,CB01,An,CV\n",
            "roster.csv:2: unit_id \"P.1\" may only use the characters A-Z a-z 0-9 _ -"
        ),
        // Invisible bidi controls (Trojan Source) in what ballots and reports print.
        (
            header + "P1,Phòng 1,CB01,An,CV\nP1,Phòng 1,CB02,Nguy\u{202E}ễn Bình,CV\n",
            "roster.csv:3: full_name contains the invisible text-direction control U+202E (RIGHT-TO-LEFT OVERRIDE), which can make a name display differently from what is stored; delete it and type the text again"
        ),
        (
            header + "P1,Phòng\u{2066} 1,CB01,An,CV\n",
            "roster.csv:2: unit_name contains the invisible text-direction control U+2066 (LEFT-TO-RIGHT ISOLATE), which can make a name display differently from what is stored; delete it and type the text again"
        ),
        (
            header + "P1,Phòng 1,CB01,An,Chuyên\u{200F} viên\n",
            "roster.csv:2: position contains the invisible text-direction control U+200F (RIGHT-TO-LEFT MARK), which can make a name display differently from what is stored; delete it and type the text again"
        ),
        (
            header + "P1,Phòng 1,CB01,An\u{061C},CV\n",
            "roster.csv:2: full_name contains the invisible text-direction control U+061C (ARABIC LETTER MARK), which can make a name display differently from what is stored; delete it and type the text again"
        ),
        (header + "P1,Phòng 1,CB01,An\n", "roster.csv:2: expected 5 fields like the header, found 4"),
        (header, "roster.csv:2: no officials in the file; add one row per official under the header"),
        (
            header + "P1,Phòng 1,CB01,An,\"CV\n",
            "roster.csv:2: a quoted field starting here is never closed; add the missing \" (write \"\" for a quote inside)"
        ),
        (
            "unit_id,unit_name,official_id,full_name,position,order\nP1,P,A1,An,CV,2\nP1,P,A2,Bình,CV,\n",
            "roster.csv:3: order 2 is used twice in unit \"P1\" (first on line 2)"
        ),
        (
            "unit_id,unit_name,official_id,full_name,position,order\nP1,P,A1,An,CV,-1\n",
            "roster.csv:2: order \"-1\" is not a whole number from 1 to 100000"
        ),
    ]

    @Test(arguments: errorCases)
    func errorText(csv: String, message: String) {
        let error = #expect(throws: RosterError.self) {
            try RosterParser.parse(bytes: Array(csv.utf8), fileName: "roster.csv")
        }
        #expect(error?.description == message)
    }

    @Test func notUTF8() {
        var bytes = Array((Self.header + "P1,Phòng 1,CB01,").utf8)
        bytes += [0x4E, 0x67, 0x75, 0x79, 0xEA, 0x6E]  // "Nguyên" in Windows-1258-ish bytes
        bytes += Array(",CV\n".utf8)
        let error = #expect(throws: RosterError.self) { try RosterParser.parse(bytes: bytes, fileName: "roster.csv") }
        #expect(
            error?.description
                == "roster.csv:2: field 4 is not UTF-8 text: the file was saved in another encoding (Windows-1258 or Windows-1252, Excel's \"CSV (Comma delimited)\"). In Excel choose File > Save As and the file type \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file"
        )
    }
}

/// Issue 20, item 2: rosters as people type them in Excel: Vietnamese column names, title rows
/// above the header, names pasted with no-break and double spaces.
@Suite("Roster as typed: Vietnamese header, title rows, white space")
struct RosterAsTypedTests {
    static let vietnameseHeader = "Mã đơn vị,Tên đơn vị,Mã cán bộ,Họ và tên,Chức vụ"

    @Test func titleRowsAboveAVietnameseHeaderAreSkippedAndCounted() throws {
        let csv = """
            DANH SÁCH CÁN BỘ PHÒNG TƯ PHÁP,,,,
            "Ngày 01/10/2026",,,,
            ,,,,
            \(Self.vietnameseHeader)
            TP,Phòng Tư pháp,TP01,Nguyễn Văn An,Trưởng phòng
            ,,,,
            TP,Phòng Tư pháp,TP02,Lê Thị Bình,Chuyên viên

            """
        let roster = try RosterParser.parse(bytes: Array(csv.utf8), fileName: "r.csv")
        #expect(roster.headerLine == 4)
        #expect(roster.skippedTitleRows == 2)  // the empty row is not a title
        #expect(roster.units == [Unit(id: "TP", name: "Phòng Tư pháp")])
        #expect(roster.officials.map(\.fullName) == ["Nguyễn Văn An", "Lê Thị Bình"])
        #expect(roster.officials.map(\.order) == [1, 2])
    }

    /// The same columns however a person spells them: case, diacritics, NFD (a Mac), spaces,
    /// short forms, English ids, in any order.
    @Test(arguments: [
        "Mã đơn vị,Tên đơn vị,Mã cán bộ,Họ và tên,Chức vụ,Thứ tự",
        "MÃ ĐƠN VỊ,TÊN ĐƠN VỊ,MÃ CÁN BỘ,HỌ VÀ TÊN,CHỨC VỤ,STT",
        "Ma don vi,Ten don vi,Ma can bo,Ho ten,Chuc vu,TT",
        "M\u{0061}\u{0303} \u{0111}o\u{031B}n vi\u{0323},Tên  đơn\u{00A0}vị , Mã CB ,Họ tên,Chức danh,Số thứ tự",
        "Unit ID,unit_name,official_id,Full Name,position,order",
    ])
    func headerNamesAreAliases(header: String) throws {
        let csv = header + "\nTP,Phòng Tư pháp,TP01,Nguyễn Văn An,Trưởng phòng,2\nTP,Phòng Tư pháp,TP02,Bình,CV,1\n"
        let roster = try RosterParser.parse(bytes: Array(csv.utf8), fileName: "r.csv")
        #expect(roster.officials.map(\.id) == ["TP02", "TP01"])
        #expect(roster.officials[1].position == "Trưởng phòng")
        #expect(roster.skippedTitleRows == 0 && roster.headerLine == 1)
    }

    @Test func columnsInAnotherOrderByVietnameseName() throws {
        let csv = "Họ và tên;Chức vụ;Mã cán bộ;Mã đơn vị;Tên đơn vị\nNguyễn Văn An;Trưởng phòng;TP01;TP;Phòng Tư pháp\n"
        let official = try #require(try RosterParser.parse(bytes: Array(csv.utf8), fileName: "r.csv").officials.first)
        #expect(
            official
                == Official(id: "TP01", unitID: "TP", fullName: "Nguyễn Văn An", position: "Trưởng phòng", order: 1))
    }

    /// A title line with no separator gives the separator detector nothing: the header's own
    /// separator is found.
    @Test(arguments: [";", "\t"])
    func separatorIsFoundBelowATitleLine(separator: String) throws {
        let rows = [Self.vietnameseHeader, "TP,Phòng Tư pháp,TP01,Nguyễn Văn An,Trưởng phòng"]
        let csv =
            "DANH SÁCH CÁN BỘ\n"
            + rows.map { $0.replacingOccurrences(of: ",", with: separator) }.joined(separator: "\n")
        let roster = try RosterParser.parse(bytes: Array(csv.utf8), fileName: "r.csv")
        #expect(roster.officials.map(\.fullName) == ["Nguyễn Văn An"])
        #expect(roster.skippedTitleRows == 1 && roster.headerLine == 2)
    }

    /// No-break (U+00A0), figure (U+2007) and narrow no-break (U+202F) spaces, tabs, line breaks
    /// in a cell (Alt+Enter) and double spaces: one plain space, none at the ends.
    @Test(arguments: [
        "Nguyễn\u{00A0}Văn\u{00A0}An", "Nguyễn  Văn   An", " Nguyễn Văn\u{202F}An\u{00A0}", "Nguyễn\u{2007}Văn\tAn",
        "\"Nguyễn\nVăn An\"", "Nguye\u{0302}\u{0303}n  Va\u{0306}n An",
    ])
    func whiteSpaceInNamesIsCollapsed(name: String) throws {
        let csv = RosterParserTests.header + "TP,Phòng\u{00A0}\u{00A0}Tư pháp,TP01,\(name),Trưởng  phòng\n"
        let roster = try RosterParser.parse(bytes: Array(csv.utf8), fileName: "r.csv")
        #expect(Array(roster.officials[0].fullName.utf8) == Array("Nguy\u{1EC5}n V\u{0103}n An".utf8))
        #expect(roster.officials[0].position == "Trưởng phòng")
        #expect(roster.units[0].name == "Phòng Tư pháp")
    }

    @Test func noHeaderNamesTheColumnsInBothLanguages() {
        let csv = "DANH SÁCH CÁN BỘ\nMã ĐV?,Tên,Số hiệu,Tên cán bộ,Vị trí\nTP,Phòng Tư pháp,TP01,An,CV\n"
        let error = #expect(throws: RosterError.self) {
            try RosterParser.parse(bytes: Array(csv.utf8), fileName: "r.csv")
        }
        #expect(error?.kind == .header)
        #expect(
            error?.description
                == "r.csv:1: no header row naming the columns was found; the header row names the columns "
                + "\(RosterParserTests.columns) (order is optional), in English or in Vietnamese")
        #expect(
            error?.message.text(.vi)
                == "r.csv:1: không tìm thấy dòng tên cột; dòng tên cột phải ghi các cột \(RosterParserTests.columns) "
                + "(cột order không bắt buộc), bằng tiếng Anh hoặc tiếng Việt")
    }

    @Test func anAliasAndItsIDTogetherAreOneColumnTwice() {
        let csv = "Mã đơn vị,unit_id,Tên đơn vị,Mã cán bộ,Họ và tên,Chức vụ\n"
        let error = #expect(throws: RosterError.self) {
            try RosterParser.parse(bytes: Array(csv.utf8), fileName: "r.csv")
        }
        #expect(error?.description == "r.csv:1: column unit_id appears twice")
    }

    /// Spreadsheet rows: Excel leaves trailing empty cells out (padded), but a value beyond the
    /// header or under an unnamed column refuses the file.
    @Test func sheetRowsArePaddedButNoValueIsDropped() throws {
        func row(_ line: Int, _ cells: [String]) -> CSVRecord { CSVRecord(line: line, fields: cells) }
        let header = row(3, ["Mã đơn vị", "Tên đơn vị", "Mã cán bộ", "Họ và tên", "Chức vụ", "Thứ tự"])
        let title = row(1, ["DANH SÁCH CÁN BỘ PHÒNG TƯ PHÁP", "", "", "", ""])
        let good = [title, header, row(4, ["TP", "Phòng Tư pháp", "TP01", "An", "CV"]), row(6, ["", ""])]
        let roster = try RosterParser.parse(sheetRows: good, fileName: "r.xlsx")
        #expect(roster.officials.map(\.order) == [1] && roster.skippedTitleRows == 1 && roster.headerLine == 3)

        let beyond = [header, row(4, ["TP", "Phòng Tư pháp", "TP01", "An", "CV", "", "ghi chú"])]
        let wide = #expect(throws: RosterError.self) { try RosterParser.parse(sheetRows: beyond, fileName: "r.xlsx") }
        #expect(wide?.description == "r.xlsx:4: expected 6 fields like the header, found 7")

        let unnamed = row(3, ["Mã đơn vị", "Tên đơn vị", "", "Mã cán bộ", "Họ và tên", "Chức vụ"])
        let gap = [unnamed, row(4, ["TP", "Phòng Tư pháp", "x", "TP01", "An", "CV"])]
        let error = #expect(throws: RosterError.self) { try RosterParser.parse(sheetRows: gap, fileName: "r.xlsx") }
        #expect(error?.kind == .unnamedColumn)
        #expect(
            error?.description
                == "r.xlsx:4: field 3 holds a value but its column has no name in the header (line 3); name the column or empty it"
        )
    }
}
