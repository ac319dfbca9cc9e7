import Foundation
import Testing

@testable import PhieuKinCore

@Suite("CSV as Excel saves it: separator, header hints")
struct ExcelImportTests {
    @Test(arguments: [
        ("serial,A.dao-duc,remark\r\n", ","),
        ("serial;A.dao-duc;remark\r\n", ";"),
        ("serial\tA.dao-duc\tremark\n", "\t"),
        ("\u{FEFF}serial;A.dao-duc\n", ";"),
        ("\"a,b\";c;d\n", ";"),
        ("sep=;\nserial,A\n", ";"),
        ("serial\n", ","),
        ("a,b;c\n", ","),
    ])
    func separatorFromTheHeaderLine(text: String, expected: String) {
        #expect(CSVParser.detectDelimiter(ArraySlice(Array(text.utf8))) == UInt8(ascii: Unicode.Scalar(expected)!))
    }

    @Test func semicolonRecordsParseWithQuotes() throws {
        let records = try CSVParser.parse(
            bytes: Array("serial;remark\r\nAB;\"Tốt; rất tốt, cảm ơn\"\r\n".utf8), delimiter: UInt8(ascii: ";"))
        #expect(records.map(\.fields) == [["serial", "remark"], ["AB", "Tốt; rất tốt, cảm ơn"]])
    }

    @Test(
        arguments: [
            ("A.dao_duc", "A.dao-duc"), ("a.dao-duc", "A.dao-duc"), ("B.thaido", "B.thai-do"), ("remarks", "remark"),
            ("Z.completely-else", nil),
        ] as [(String, String?)])
    func nearestValidColumn(name: String, nearest: String?) {
        #expect(BallotImportValidationTests.session().nearestColumn(to: name) == nearest)
    }

    @Test func unknownColumnProblemNamesLetterAndNearestId() throws {
        let session = BallotImportValidationTests.session()
        let header = ["serial", "A.dao-duc", "B.thai_do"]
        let columns = try session.columns(header: header, source: "f.csv:1")
        #expect(session.unknownColumnProblem(columns, index: 1, name: header[1]) == nil)
        #expect(
            session.unknownColumnProblem(columns, index: 2, name: header[2])?.description
                == "column 3 (C) is not on this round's ballot: column \"B.thai_do\": survey quarterly-7 has no "
                + "criterion thai_do; did you mean \"B.thai-do\"? Correct the header (the keying template has the "
                + "right one) and import the file again")
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (211, "HD")])
    func columnLetters(index: Int, letters: String) {
        #expect(BallotImportSession.columnLetters(index) == letters)
    }

    @Test(arguments: [";", "\t"])
    func rosterSavedByExcelWithAnotherSeparator(separator: String) throws {
        let text =
            "sep=\(separator)\r\n"
            + [
                "unit_id,unit_name,official_id,full_name,position",
                "VP,\"Văn phòng HĐND, UBND\",VP01,Nguyễn Văn An,Chánh Văn phòng",
            ].map { $0.replacingOccurrences(of: ",", with: separator) }.joined(separator: "\r\n")
        let fixed = text.replacingOccurrences(of: "HĐND\(separator) UBND", with: "HĐND, UBND")
        let roster = try RosterParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(fixed.utf8), fileName: "roster.csv")
        #expect(roster.units.map(\.name) == ["Văn phòng HĐND, UBND"])
        #expect(roster.officials.map(\.fullName) == ["Nguyễn Văn An"])
    }
}
