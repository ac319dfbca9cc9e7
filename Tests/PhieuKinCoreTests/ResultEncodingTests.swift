import Foundation
import PhieuKinCore
import PhieuKinTestFixtures
import Testing

/// Issue 13, item 2: committed results and flags in a documented encoding (docs/FORMAT.md,
/// "Result and flag encoding"): snake_case keys, counts as `{"<kind>": {…}}`, a `format` tag,
/// nothing Swift-specific; results written before it still read and re-encode byte for byte.
@Suite("Result and flag encoding (v2, and v1 still read)")
struct ResultEncodingTests {
    static func fixtures() throws -> [String: String] {
        try Fixtures.decode([String: String].self, from: "result-v1.json")
    }

    /// Every object key anywhere in `value`.
    static func keys(_ value: JSONValue) -> [String] {
        switch value {
        case .object(let object): object.keys + object.values.flatMap(keys)
        case .array(let items): items.flatMap(keys)
        default: []
        }
    }

    static let grid = Tally.count(
        TallyFixtures.gridBallots(round: "r1", total: 5, marks: [["a.dao-duc"], ["a.dao-duc", "b.thai-do"]]),
        survey: TallyFixtures.quarterly7, officials: TallyFixtures.officials(["a", "b"]),
        round: TallyFixtures.round("r1", survey: TallyFixtures.quarterly7))
    static let vote = Tally.count(
        ["1", "3", "3", "2", "3"].map { Ballot(surveyID: "confidence-vote", roundID: "cv", answers: ["a": $0]) },
        survey: TallyFixtures.confidenceVote, officials: TallyFixtures.officials(["a"]),
        round: TallyFixtures.round("cv", survey: TallyFixtures.confidenceVote, electorate: 6))

    @Test(arguments: [("grid", grid), ("confidence_vote", vote)])
    func v2IsSnakeCaseWithTheKindAsKeyAndReadsBack(kind: String, result: RoundResult) throws {
        let bytes = try ResultEncoding.v2.encode(result, format: ResultEncoding.resultFormat)
        guard case .object(let object) = try JSONValue.parse(bytes) else { Issue.record("not an object"); return }
        #expect(object["format"] == .string("phieukin-result-v2"))
        #expect(object["round_id"] == .string(result.roundID.rawValue))
        #expect(object["ballots_counted"] == .number(Double(result.ballotsCounted)))
        guard case .object(let counts)? = object["counts"] else { Issue.record("no counts"); return }
        #expect(Array(counts.keys) == [kind])
        let keys = Self.keys(.object(object))
        #expect(!keys.contains("_0"))
        #expect(keys.allSatisfy { $0 == $0.lowercased() }, "\(keys.filter { $0 != $0.lowercased() })")
        #expect(try JSONValue.parse(bytes).canonicalBytes == bytes, "canonical")
        #expect(ResultEncoding.of(bytes) == .v2)
        #expect(try ResultEncoding.decode(RoundResult.self, from: bytes) == result)
    }

    @Test func gridFieldsAreNamedAsFormatSays() throws {
        let bytes = try ResultEncoding.v2.encode(Self.grid, format: ResultEncoding.resultFormat)
        let text = String(decoding: bytes, as: UTF8.self)
        for fragment in [
            #""counts":{"grid":{"criterion_ids":["dao-duc","#, #""official_id":"a""#,
            #""criterion_id":"dao-duc","marked":2,"valid":5"#, #""foreign_ballots":0"#,
        ] {
            #expect(text.contains(fragment), "\(fragment) not in \(text)")
        }
    }

    /// The vector in docs/FORMAT.md ("Result and flag encoding"): a 5-ballot grid round of two
    /// officials, a.dao-duc marked twice and b.thai-do once, byte for byte.
    @Test func theGridVectorOfFormatMd() throws {
        let bytes = try ResultEncoding.v2.encode(Self.grid, format: ResultEncoding.resultFormat)
        let vector = try Fixtures.text("result-v2.json").trimmingCharacters(in: .newlines)
        #expect(String(decoding: bytes, as: UTF8.self) == vector)
        #expect(try ResultEncoding.decode(RoundResult.self, from: Array(vector.utf8)) == Self.grid)
    }

    @Test func aFlagInV2() throws {
        let flag = Flag(
            officialID: "a", criterionID: "dao-duc", surveyID: "quarterly-7", unitID: "u1", period: Period("2026-Q2")!,
            roundID: "r2", status: .action, share: 0.4, count: 2, valid: 5, previousShare: 0.6,
            previousPeriod: Period("2026-Q1")!)
        let bytes = try ResultEncoding.v2.encode(flag, format: ResultEncoding.flagFormat)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"count":2,"criterion_id":"dao-duc","format":"phieukin-flag-v2","official_id":"a","period":"2026-Q2","#
                + #""previous_period":"2026-Q1","previous_share":0.6,"round_id":"r2","sequence_broken":false,"share":0.4,"#
                + #""status":"action","survey_id":"quarterly-7","unit_id":"u1","valid":5}"#)
        #expect(try ResultEncoding.decode(Flag.self, from: bytes) == flag)
    }

    /// Bodies committed before v2 (a grid round, a satisfaction round, a flag) still read, and
    /// re-encode as v1 byte for byte: recount and verify compare bytes.
    @Test(arguments: ["grid", "satisfaction"])
    func v1ResultsStillReadAndReencodeIdentically(name: String) throws {
        let body = Array(try #require(try Self.fixtures()[name]).utf8)
        #expect(ResultEncoding.of(body) == .v1)
        let result = try ResultEncoding.decode(RoundResult.self, from: body)
        #expect(try ResultEncoding.v1.encode(result, format: ResultEncoding.resultFormat) == body)
        #expect(result.ballotsCounted > 0)
    }

    @Test func v1FlagStillReads() throws {
        let body = Array(try #require(try Self.fixtures()["flag"]).utf8)
        let flag = try ResultEncoding.decode(Flag.self, from: body)
        #expect(try ResultEncoding.v1.encode(flag, format: ResultEncoding.flagFormat) == body)
        #expect(flag.roundID == "2026-Q2-VP-quarterly-7")
    }
}
