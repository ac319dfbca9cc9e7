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
            "roster.csv:1: header is missing full_name; the first line must name the columns unit_id,unit_name,official_id,full_name,position,order"
        ),
        (
            "unit_id,unit_name,official_id,full_name,position,ordre\n",
            "roster.csv:1: unknown column \"ordre\"; the columns are unit_id, unit_name, official_id, full_name, position, order (order is optional)"
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
