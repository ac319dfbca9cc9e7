import Foundation
import PhieuKinCrypto
import Testing

@testable import PhieuKinCore

/// The byte-level import path must decide every row exactly as the `String` path does: same
/// accepted ballots (byte-identical `BallotCodec` bytes), same serial hashes, same rejects.
@Suite("Ballot import fast path")
struct BallotImportFastPathTests {
    typealias Validation = BallotImportValidationTests

    /// Runs `rows` (after `header`) through both paths with fresh sessions, registering accepted
    /// serials as the workspace does, and compares every row. Returns how many the fast path took.
    @discardableResult
    static func compare(
        survey: Survey, numbered: Bool, header: [String], rows: [[String]], issued: [Serial] = Validation.issuedSerials,
        used: [Serial] = [Validation.usedEarlier], roundID: RoundID = "R1"
    ) throws -> Int {
        func session() -> BallotImportSession {
            BallotImportSession(
                survey: survey, roundID: roundID, numbered: numbered, officialIDs: ["A", "B", "CB01", "CB02"],
                issued: Set((issued + used).map(SerialHash.init)), used: Set(used.map(SerialHash.init)))
        }
        var slow = session()
        var fast = session()
        let columns = try slow.columns(header: header, source: "f.csv:1")
        let plan = fast.fastPlan(columns: columns)
        let text = ([header] + rows).map { BallotImportSession.csvLine($0) + "\r\n" }.joined()
        var parser = CSVParser(tolerateInvalidUTF8: true)
        var line = 0
        var fastCount = 0
        func check(_ view: CSVRecordView) {
            line += 1
            if line == 1 { return }
            let expected = slow.process(record: view.record, columns: columns, file: "f.csv")
            if expected.isAccepted, let hash = expected.serialHash { slow.registerUsed(hash, at: expected.source) }
            var plaintext: [UInt8] = [9]
            switch fast.process(view: view, plan: plan, file: "f.csv", plaintext: &plaintext) {
            case .accepted(let hash):
                fastCount += 1
                #expect(expected.isAccepted, "row \(line)")
                #expect(hash == expected.serialHash, "row \(line)")
                #expect(plaintext == [9] + BallotCodec.encode(expected.ballot!), "row \(line)")
                if let hash { fast.registerUsed(hash, file: "f.csv", line: view.line) }
            case .other(let outcome):
                #expect(plaintext == [9], "row \(line)")
                #expect(outcome.source == expected.source)
                #expect(outcome.reject == expected.reject, "row \(line)")
                #expect(outcome.ballot == expected.ballot, "row \(line)")
                #expect(outcome.serialHash == expected.serialHash, "row \(line)")
                #expect(outcome.raw == expected.raw, "row \(line)")
                #expect(outcome.keyingKey == expected.keyingKey, "row \(line)")
                if outcome.isAccepted, let hash = outcome.serialHash { fast.registerUsed(hash, at: outcome.source) }
            }
        }
        try text.utf8.withContiguousStorageIfAvailable { bytes in
            try parser.feedRecords(UnsafeRawBufferPointer(bytes), check)
        }
        try parser.finishRecords(check)
        #expect(line == rows.count + 1)
        return fastCount
    }

    @Test func everyValidationCaseDecidesAlike() throws {
        let rows = Validation.cases.map(\.fields)
        let taken = try Self.compare(survey: Validation.survey, numbered: true, header: Validation.header, rows: rows)
        #expect(taken >= 2)
    }

    @Test func duplicatesAndSpacingDecideAlike() throws {
        let serial = Validation.issuedSerials[0].text
        let rows: [[String]] = [
            [serial, "x", "", "", "", ""],
            [serial.lowercased(), "", "X", "", "", ""],  // duplicate within the file
            [" " + Validation.issuedSerials[1].text, " x\t", "1", "", "", "\u{00A0}"],
            [Validation.issuedSerials[2].text.replacingOccurrences(of: "-", with: ""), "", "", "", "", "  "],
            [Validation.issuedSerials[3].text, "x", "", "", "\t", "Cafe\u{301} \"quoted\", comma\nnewline"],
            [Validation.issuedSerials[3].text, "", "", "", "", ""],
            [Validation.issuedSerials[1].text, "xx", "", "", "", ""],
            [Validation.issuedSerials[1].text, "é", "", "", "", ""],
        ]
        let taken = try Self.compare(survey: Validation.survey, numbered: true, header: Validation.header, rows: rows)
        #expect(taken >= 4)
    }

    @Test func roundColumnAndUnnumberedRoundsDecideAlike() throws {
        let vote = try SurveyCatalog().survey(id: "confidence-vote")
        try Self.compare(
            survey: vote, numbered: false, header: ["round", "A", "B", "serial"],
            rows: [
                ["R1", "1", "3", ""], [" R1 ", "2", "", ""], ["R2", "1", "", ""], ["", "1;3", "", ""],
                ["R1", "", "", Validation.issuedSerials[0].text], ["r1", "3", "3", ""], ["", "", "", " "],
            ])
        let satisfaction = try SurveyCatalog().survey(id: "satisfaction-5")
        try Self.compare(
            survey: satisfaction, numbered: true, header: ["thu-tuc", "serial", "tiep-can", "remark", "nope"],
            rows: [
                ["5", Validation.issuedSerials[0].text, "1", "Tốt", ""],
                ["6", Validation.issuedSerials[1].text, "", "", ""],
                ["", Validation.issuedSerials[2].text, "", "", "1"],
                ["", Validation.unissued.text, "2", "", ""],
                ["", Validation.usedEarlier.text, "2", "", ""],
            ])
    }

    @Test func randomGridRowsDecideAlike() throws {
        var rng = SystemRandomNumberGenerator()
        let serials = (0..<200).map { _ in try! Serial(bytes: SecureRandom.bytes(16)) }
        let criteria = Validation.survey.criteria.map(\.id)
        var header = ["serial"]
        for official in ["CB02", "CB01", "B"] { for c in criteria { header.append("\(official).\(c)") } }
        header.append("remark")
        let cellValues = ["", "", "", "", "x", "X", "1", " x ", "v", "x;1"]
        let remarks = ["", "", "Cần cải thiện", " Nguyễn ".decomposedStringWithCanonicalMapping, "a\"b\\c"]
        var rows: [[String]] = []
        for i in 0..<300 {
            var row = [i % 50 == 7 ? "" : serials[i % serials.count].text]
            for _ in 1..<(header.count - 1) {
                row.append(
                    Int.random(in: 0..<10, using: &rng) < 8 ? "" : cellValues.randomElement(using: &rng)!)
            }
            row.append(remarks.randomElement(using: &rng)!)
            rows.append(row)
        }
        let taken = try Self.compare(
            survey: Validation.survey, numbered: true, header: header, rows: rows, issued: serials)
        #expect(taken > 0)
    }
}

@Suite("CSV record view")
struct CSVRecordViewTests {
    @Test func viewAndStringRecordsAgree() throws {
        let text = "\u{FEFF}a,\"b,\"\"c\"\"\",,d\r\n\n\"multi\nline\",é,\r\nlast,x"
        let records = try CSVParser.parse(text)
        var parser = CSVParser()
        var views: [CSVRecord] = []
        var lines: [Int] = []
        try Array(text.utf8).withUnsafeBytes { bytes in
            // Odd chunk sizes: records and characters split across feeds.
            var start = 0
            while start < bytes.count {
                let end = min(start + 3, bytes.count)
                try parser.feedRecords(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) {
                    views.append($0.record)
                    lines.append($0.line)
                }
                start = end
            }
        }
        try parser.finishRecords { views.append($0.record) }
        #expect(views == records)
        #expect(records.map(\.fields) == [["a", "b,\"c\"", "", "d"], ["multi\nline", "é", ""], ["last", "x"]])
        #expect(lines == [1, 3])
    }

    @Test func invalidUTF8RecordKeepsItsRawBytes() throws {
        var parser = CSVParser(tolerateInvalidUTF8: true)
        var seen: [(Bool, CSVRecord)] = []
        let bytes: [UInt8] = [0x61, 0x2C, 0xFF, 0x62, 0x2C, 0x0A, 0x63, 0x0A]
        try bytes.withUnsafeBytes { try parser.feedRecords($0) { seen.append(($0.isUTF8, $0.record)) } }
        #expect(seen.map(\.0) == [false, true])
        #expect(seen[0].1.invalidUTF8Bytes == [0x61, 0x2C, 0xFF, 0x62, 0x2C])
        #expect(seen[0].1.fields.count == 3)
        #expect(seen[1].1.invalidUTF8Bytes == nil)
    }
}

@Suite("NFC and trimming shortcuts")
struct NFCShortcutTests {
    static let texts = [
        "", "abc", "  padded\t", "Cần cải thiện", "Nguyễn".decomposedStringWithCanonicalMapping, "e\u{301}",
        "\u{00A0}nbsp\u{2003}", "\n line \r\n", "\u{301} combining first", "日本 ", "Å", "\u{212B}",
    ]

    @Test(arguments: texts)
    func sameAsFoundation(_ text: String) {
        #expect(Array(text.nfc.utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8))
        #expect(
            Array(text.trimmingWhitespaceAndNewlines().utf8)
                == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
    }
}
