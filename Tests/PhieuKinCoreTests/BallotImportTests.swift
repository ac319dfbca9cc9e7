import Foundation
import PhieuKinCrypto
import Testing

@testable import PhieuKinCore

@Suite("BallotCodec")
struct BallotCodecTests {
    static let ballots: [Ballot] = [
        Ballot(surveyID: "quarterly-7", roundID: "2026-Q3-VP-quarterly-7", answers: [:]),
        Ballot(
            surveyID: "quarterly-7", roundID: "2026-Q3-VP-quarterly-7",
            answers: ["VP01.dao-duc": "x", "VP10.thai-do": "x", "VP02.ky-luat": "x"], remark: "Tốt"),
        // NFD remark (as typed on a Mac) and a key whose NFC form sorts differently.
        Ballot(
            surveyID: "satisfaction-5", roundID: "r", answers: ["thu-tuc": "5", "tiep-can": "1"],
            remark: "Thái độ tốt".decomposedStringWithCanonicalMapping),
        Ballot(
            surveyID: "s", roundID: "r", answers: ["é".decomposedStringWithCanonicalMapping: "1", "e": "2", "Z": "3"]),
        Ballot(
            surveyID: "s", roundID: "r", answers: ["a": "1"], remark: "quote \" backslash \\ tab\t nl\n ctrl\u{01} 😀"),
        Ballot(surveyID: "s", roundID: "r", answers: ["a": "1"], remark: ""),
    ]

    @Test(arguments: ballots)
    func encodeIsCanonicalJSON(_ ballot: Ballot) throws {
        let fast = BallotCodec.encode(ballot)
        #expect(fast == (try ballot.jsonValue.canonicalBytes))
        let decoded = try BallotCodec.decode(fast)
        #expect(BallotCodec.encode(decoded) == fast)
    }

    @Test func manyRandomBallotsMatchCanonicalJSON() throws {
        var rng = SystemRandomNumberGenerator()
        let officials = (1...20).map { String(format: "CB%02d", $0) }
        let criteria = ["dao-duc", "trach-nhiem", "thai-do", "phat-ngon", "ky-luat", "tac-phong", "sach-nhieu"]
        let remarks = ["", "Cần cải thiện", "Nguyễn".decomposedStringWithCanonicalMapping, "a\u{0}b", "日本"]
        for _ in 0..<300 {
            var answers: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...8, using: &rng) {
                answers["\(officials.randomElement(using: &rng)!).\(criteria.randomElement(using: &rng)!)"] = "x"
            }
            let ballot = Ballot(
                surveyID: "quarterly-7", roundID: "2026-Q3-X-quarterly-7", answers: answers,
                remark: remarks.randomElement(using: &rng))
            #expect(BallotCodec.encode(ballot) == (try ballot.jsonValue.canonicalBytes))
        }
    }

    @Test func decodeRefusesNonCanonicalBytes() {
        #expect(throws: JSONError.self) {
            try BallotCodec.decode(Array(#"{"v":1,"answers":{},"round":"r","survey":"s"}"#.utf8))
        }
        #expect(throws: JSONError.self) {
            try BallotCodec.decode(Array(#"{"answers":{"a":1},"round":"r","survey":"s","v":1}"#.utf8))
        }
    }

    @Test func secureGeneratorShufflesEveryPosition() {
        var generator = SecureRandomGenerator()
        var seen = Set<Int>()
        for _ in 0..<200 {
            var items = Array(0..<10)
            items.shuffle(using: &generator)
            seen.insert(items[0])
        }
        #expect(seen.count == 10)
    }
}

@Suite("Ballot import validation")
struct BallotImportValidationTests {
    static let survey = try! SurveyCatalog().survey(id: "quarterly-7")
    static let issuedSerials = (0..<4).map { _ in try! Serial(bytes: SecureRandom.bytes(16)) }
    static let unissued = try! Serial(bytes: SecureRandom.bytes(16))
    static let usedEarlier = try! Serial(bytes: SecureRandom.bytes(16))

    static func session(numbered: Bool = true) -> BallotImportSession {
        BallotImportSession(
            survey: survey, roundID: "R1", numbered: numbered, officialIDs: ["A", "B"],
            issued: Set((issuedSerials + [usedEarlier]).map(SerialHash.init)), used: Set([SerialHash(usedEarlier)]))
    }

    static let header = ["serial", "A.dao-duc", "B.thai-do", "C.dao-duc", "A.nope", "remark"]

    /// A mistyped serial: one symbol changed, so the check symbol fails.
    static var mistyped: String {
        var text = Array(issuedSerials[0].text)
        text[1] = text[1] == "0" ? "1" : "0"
        return String(text)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var fields: [String]
        var code: ImportRejectCode?
        var message: String?
        var acceptable = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "valid", fields: [issuedSerials[0].text, "x", "", "", "", " Tốt "], code: nil),
        Case(
            name: "lowercase serial and X", fields: [issuedSerials[1].text.lowercased(), "X", "1", "", "", ""],
            code: nil),
        Case(
            name: "mistyped serial", fields: [mistyped, "x", "", "", "", ""], code: .mistypedSerial,
            message: "f.csv:7: serial check symbol does not match: re-read it from the paper", acceptable: true),
        Case(
            name: "unknown serial", fields: [unissued.text, "x", "", "", "", ""], code: .unknownSerial,
            message:
                "f.csv:7: serial is well-formed but was not issued for round R1: check the serial on the paper; if it was mistyped, accept it with the serial read from the paper",
            acceptable: true),
        Case(
            name: "used earlier", fields: [usedEarlier.text, "", "", "", "", ""], code: .serialUsed,
            message: "f.csv:7: duplicate: this serial was used by a ballot imported earlier", acceptable: true),
        Case(
            name: "missing serial", fields: ["", "x", "", "", "", ""], code: .missingSerial,
            message: "f.csv:7: no serial: key the serial printed on the ballot", acceptable: true),
        Case(
            name: "unknown official", fields: [issuedSerials[2].text, "", "", "x", "", ""], code: .unknownOfficial,
            message: "f.csv:7: column \"C.dao-duc\": no official C on this round's ballot"),
        Case(
            name: "unknown criterion", fields: [issuedSerials[2].text, "", "", "", "x", ""], code: .unknownCriterion,
            message: "f.csv:7: column \"A.nope\": survey quarterly-7 has no criterion nope"),
        Case(
            name: "blank unknown column is harmless", fields: [issuedSerials[2].text, "", "", "  ", "", ""], code: nil),
        Case(
            name: "bad code", fields: [issuedSerials[2].text, "v", "", "", "", ""], code: .invalidCode,
            message: "f.csv:7: column \"A.dao-duc\": not an answer code of survey quarterly-7 (codes: x, 1)"),
        Case(
            name: "several answers", fields: [issuedSerials[2].text, "x;1", "", "", "", ""], code: .severalAnswers,
            message:
                "f.csv:7: column \"A.dao-duc\": several answers where one is allowed; check the paper (a ballot with two marks for one question is spoiled for that question: leave it blank)"
        ),
        Case(
            name: "wrong column count", fields: [issuedSerials[2].text, "x"], code: .malformedRow,
            message: "f.csv:7: the row has 2 fields but the header has 6 (a comma inside text needs \"quotes\")"),
        Case(
            name: "remark too long",
            fields: [issuedSerials[2].text, "", "", "", "", String(repeating: "á", count: 1001)],
            code: .remarkTooLong, message: "f.csv:7: the remark is longer than 1000 characters"),
    ]

    @Test(arguments: cases)
    func csvRow(_ c: Case) throws {
        var session = Self.session()
        let columns = try session.columns(header: Self.header, source: "f.csv:1")
        let outcome = session.process(record: CSVRecord(line: 7, fields: c.fields), columns: columns, file: "f.csv")
        #expect(outcome.reject?.code == c.code)
        if let message = c.message, let reject = outcome.reject {
            #expect("\(outcome.source): \(reject.reason.description)" == message)
        }
        #expect((outcome.reject != nil && outcome.ballot != nil) == c.acceptable)
        if c.code == nil {
            #expect(outcome.serialHash != nil)
            #expect(outcome.raw == nil)
        } else {
            #expect(outcome.raw != nil)
        }
        // Reasons never carry the serial or the remark.
        if let reason = outcome.reject?.reason.description {
            for serial in Self.issuedSerials + [Self.unissued, Self.usedEarlier] {
                #expect(!reason.contains(serial.text))
            }
            #expect(!reason.contains("Tốt"))
        }
    }

    @Test func validRowBecomesCanonicalBallot() throws {
        var session = Self.session()
        let columns = try session.columns(header: Self.header, source: "f.csv:1")
        let outcome = session.process(
            record: CSVRecord(line: 2, fields: [Self.issuedSerials[0].text, "1", "x", "", "", "  Tốt  "]),
            columns: columns, file: "f.csv")
        #expect(
            outcome.ballot
                == Ballot(
                    surveyID: "quarterly-7", roundID: "R1", answers: ["A.dao-duc": "x", "B.thai-do": "x"], remark: "Tốt"
                ))
    }

    @Test func serialTwiceInOneImportIsADuplicateOnlyOnceRegistered() throws {
        var session = Self.session()
        let columns = try session.columns(header: Self.header, source: "f.csv:1")
        let row = [Self.issuedSerials[3].text, "x", "", "", "", ""]
        let first = session.process(record: CSVRecord(line: 2, fields: row), columns: columns, file: "f.csv")
        #expect(first.isAccepted)
        session.registerUsed(first.serialHash!, at: first.source)
        let second = session.process(record: CSVRecord(line: 3, fields: row), columns: columns, file: "f.csv")
        #expect(second.reject?.code == .serialUsed)
        #expect(
            second.reject?.reason.description == "duplicate: this serial was already used at f.csv:2 in this import")
    }

    @Test func invalidUTF8RowIsRejectedAndTheRestParses() throws {
        var parser = CSVParser(tolerateInvalidUTF8: true)
        var records: [CSVRecord] = []
        let bytes: [UInt8] = Array("serial,A.dao-duc\n".utf8) + [0x41, 0xFF, 0x2C, 0x78, 0x0A] + Array("B,x\n".utf8)
        try bytes.withUnsafeBytes { try parser.feed($0) { records.append($0) } }
        try parser.finish { records.append($0) }
        #expect(records.count == 3)
        #expect(records[1].invalidUTF8Bytes == [0x41, 0xFF, 0x2C, 0x78])
        #expect(records[2].invalidUTF8Bytes == nil)
        var session = Self.session()
        let columns = try session.columns(header: ["serial", "A.dao-duc"], source: "f.csv:1")
        let outcome = session.process(record: records[1], columns: columns, file: "f.csv")
        #expect(outcome.reject?.code == .notUTF8)
        #expect(outcome.raw == .bytes([0x41, 0xFF, 0x2C, 0x78]))
    }

    @Test func headerProblemsRefuseTheFile() {
        let session = Self.session()
        #expect(throws: ImportError.self) { try session.columns(header: ["A.dao-duc"], source: "f.csv:1") }
        #expect(throws: ImportError.self) {
            try session.columns(header: ["serial", "A.dao-duc", "A.dao-duc"], source: "f.csv:1")
        }
        #expect((try? Self.session(numbered: false).columns(header: ["A.dao-duc"], source: "f.csv:1")) != nil)
    }

    struct JSONCase: Sendable, CustomTestStringConvertible {
        var name: String
        var line: String
        var code: ImportRejectCode?
        var testDescription: String { name }
    }

    static let jsonCases: [JSONCase] = [
        JSONCase(
            name: "valid", line: #"{"serial":"\#(issuedSerials[0].text)","answers":{"A.dao-duc":"x"}}"#, code: nil),
        JSONCase(
            name: "other round", line: #"{"serial":"\#(issuedSerials[0].text)","round":"R2","answers":{}}"#,
            code: .wrongRound),
        JSONCase(name: "bad JSON", line: #"{"serial":"#, code: .malformedRow),
        JSONCase(name: "unknown member", line: #"{"serial":"\#(issuedSerials[0].text)","x":1}"#, code: .malformedRow),
        JSONCase(
            name: "two codes", line: #"{"serial":"\#(issuedSerials[0].text)","answers":{"A.dao-duc":["x","1"]}}"#,
            code: .severalAnswers),
        JSONCase(
            name: "unknown official", line: #"{"serial":"\#(issuedSerials[0].text)","answers":{"Z.dao-duc":"x"}}"#,
            code: .unknownOfficial),
    ]

    @Test(arguments: jsonCases)
    func jsonLine(_ c: JSONCase) {
        var session = Self.session()
        let outcome = session.process(jsonLine: Array(c.line.utf8), line: 3, file: "f.jsonl")
        #expect(outcome.reject?.code == c.code)
        #expect(outcome.source == "f.jsonl:3")
    }

    @Test func singleChoiceSeveralAnswers() throws {
        let vote = try SurveyCatalog().survey(id: "confidence-vote")
        var session = BallotImportSession(
            survey: vote, roundID: "R", numbered: false, officialIDs: ["A"], issued: Set<SerialHash>(),
            used: Set<SerialHash>())
        let columns = try session.columns(header: ["A"], source: "v.csv:1")
        #expect(
            session.process(record: CSVRecord(line: 2, fields: ["1;3"]), columns: columns, file: "v.csv").reject?.code
                == .severalAnswers)
        let ok = session.process(record: CSVRecord(line: 3, fields: ["3"]), columns: columns, file: "v.csv")
        #expect(ok.ballot?.answers == ["A": "3"])
    }
}

/// A ballot handed in already parsed (a booth, a scanner) is decided exactly as the same row
/// keyed in a CSV file: one validation decision per row, whatever the source.
@Suite("Ballot import from parsed ballots")
struct KeyedBallotImportTests {
    typealias V = BallotImportValidationTests

    @Test(arguments: V.cases)
    func parsedBallotIsDecidedAsTheKeyedRow(_ c: V.Case) throws {
        var csv = V.session()
        let columns = try csv.columns(header: V.header, source: "f.csv:1")
        let expected = csv.process(record: CSVRecord(line: 7, fields: c.fields), columns: columns, file: "f.csv")

        guard c.fields.count == V.header.count else { return }  // a malformed row has no parsed form
        var answers: [String: [String]] = [:]
        var serial: String?
        var remark: String?
        for (name, field) in zip(V.header, c.fields) where !field.isEmpty {
            switch name {
            case "serial": serial = field
            case "remark": remark = field
            default: answers[name] = [field]
            }
        }
        var parsed = V.session()
        let outcome = parsed.process(
            keyed: KeyedBallot(serial: serial, answers: answers, remark: remark), source: "booth:7")
        #expect(outcome.source == "booth:7")
        #expect(outcome.reject?.code == expected.reject?.code)
        #expect(outcome.ballot == expected.ballot)
        #expect(outcome.serialHash == expected.serialHash)
        #expect(outcome.keyingKey == expected.keyingKey)
    }

    @Test func twoCodesForOneQuestionAreSeveralAnswers() {
        var session = V.session(numbered: false)
        let outcome = session.process(
            keyed: KeyedBallot(answers: ["A.dao-duc": ["x", "1"]]), source: "booth:1")
        #expect(outcome.reject?.code == .severalAnswers)
        #expect(outcome.raw == .text(#"{"answers":{"A.dao-duc":["x","1"]}}"#))
    }
}
