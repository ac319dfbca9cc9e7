import Foundation
import PhieuKinTestFixtures
import Testing

@testable import PhieuKinCore

/// Typed identifiers (issue 9, item 6) encode as the bare strings they replaced: the canonical
/// JSON of results, flags, ballots and roster values is byte for byte what a build with string
/// ids wrote (the literals below were captured from that build), so results logs, ballot logs
/// and signed heads made before still verify.
@Suite("Identifier bytes")
struct IdentifierBytesTests {
    static func text(_ value: some Encodable) throws -> String {
        String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
    }

    /// A grid round over two units, with the round before it (flags of every status).
    static func gridRounds() -> (previous: RoundResult, current: RoundResult) {
        let survey = TallyFixtures.quarterly7
        var officials = TallyFixtures.officials(["VP01", "VP02"], unit: "u1")
        officials += TallyFixtures.officials(["TC01"], unit: "u2").map {
            Official(id: $0.id, unitID: $0.unitID, fullName: $0.fullName, position: $0.position, order: 2)
        }
        let previous = Tally.count(
            TallyFixtures.gridBallots(
                round: "quarterly-7-u1-2026-Q1", total: 6, marked: ["VP01.thai-do": 3, "VP02.ky-luat": 2]),
            survey: survey, officials: officials,
            round: TallyFixtures.round("quarterly-7-u1-2026-Q1", survey: survey, period: "2026-Q1"))
        let current = Tally.count(
            TallyFixtures.gridBallots(
                round: "quarterly-7-u1-2026-Q2", total: 7,
                marked: ["VP01.thai-do": 4, "TC01.dao-duc": 3, "VP02.ky-luat": 1]),
            survey: survey, officials: officials,
            round: TallyFixtures.round("quarterly-7-u1-2026-Q2", survey: survey, period: "2026-Q2"))
        return (previous, current)
    }

    static func confidence() -> RoundResult {
        let survey = TallyFixtures.confidenceVote
        let ballots = ["1", "2", "3", "3", "1", "3"].map {
            Ballot(surveyID: survey.id, roundID: "cv-u1", answers: ["VP01": $0, "VP02": "1"])
        }
        return Tally.count(
            ballots, survey: survey, officials: TallyFixtures.officials(["VP01", "VP02"]),
            round: TallyFixtures.round("cv-u1", survey: survey, electorate: 8))
    }

    static func rating() -> RoundResult {
        let survey = TallyFixtures.monthlyRating
        let ballots = ["1", "2", "2", "3", "1"].map {
            Ballot(surveyID: survey.id, roundID: "mr-u1", answers: ["VP01": $0])
        }
        return Tally.count(
            ballots, survey: survey, officials: TallyFixtures.officials(["VP01", "VP02"]),
            round: TallyFixtures.round("mr-u1", survey: survey, period: "2026-07"))
    }

    static func satisfaction() -> RoundResult {
        let survey = TallyFixtures.satisfaction5
        let ballots = (0..<5).map { i in
            Ballot(
                surveyID: survey.id, roundID: "sat-u1",
                answers: Dictionary(
                    uniqueKeysWithValues: survey.questions.map {
                        ($0.id, survey.choices[i % survey.choices.count].code)
                    }))
        }
        return Tally.count(
            ballots, survey: survey, officials: [],
            round: TallyFixtures.round("sat-u1", survey: survey, channel: .citizens))
    }

    @Test func gridResultsAndFlagsAreByteIdentical() throws {
        var (previous, current) = Self.gridRounds()
        // Blank ballots are counted apart since issue 19; a result without the count (as every
        // result committed before) encodes exactly as that build wrote it.
        #expect(previous.blankBallots == 3 && current.blankBallots == 3)
        (previous.blankBallots, current.blankBallots) = (nil, nil)
        #expect(try Self.text(previous) == Self.previousGrid)
        #expect(try Self.text(current) == Self.currentGrid)
        let flags = FlagRules.evaluate(current: current, history: [previous], survey: TallyFixtures.quarterly7)
        #expect(flags.map(\.status) == [.action, .reminder, .resolved])
        #expect(try Self.text(flags) == Self.flags)
    }

    @Test func otherKindsAreByteIdentical() throws {
        #expect(try Self.text(Self.confidence()) == Self.confidenceResult)
        #expect(try Self.text(Self.rating()) == Self.ratingResult)
        #expect(try Self.text(Self.satisfaction()) == Self.satisfactionResult)
    }

    @Test func roundInfoRosterAndBallotsAreByteIdentical() throws {
        #expect(try Self.text(TallyFixtures.round("r1", survey: TallyFixtures.quarterly7)) == Self.roundInfo)
        #expect(try Self.text([Unit(id: "u1", name: "Phòng A")]) == Self.units)
        #expect(try Self.text(TallyFixtures.officials(["VP01"])) == Self.officials)
        let ballot = Ballot(
            surveyID: "quarterly-7", roundID: "quarterly-7-u1-2026-Q1", answers: ["VP01.thai-do": "x"], remark: "ý kiến"
        )
        #expect(String(decoding: BallotCodec.encode(ballot), as: UTF8.self) == Self.sealedBallot)
        #expect(try BallotCodec.decode(BallotCodec.encode(ballot)) == ballot)
        #expect(
            try Self.text(Ballot(surveyID: "quarterly-7", roundID: "r", answers: ["VP01.thai-do": "x"]))
                == Self.ballotJSON)
    }

    // MARK: Captured from the build with string ids

    static let previousGrid =
        #"{"anomalies":{"disallowedRemarks":0,"foreignBallots":0,"unknownCodes":0,"unknownQuestions":0},"ballotsCounted":6,"channel":"staff","counts":{"grid":{"_0":{"criterionIDs":["dao-duc","trach-nhiem","thai-do","phat-ngon","ky-luat","tac-phong","sach-nhieu"],"rows":[{"cells":[{"criterionID":"dao-duc","marked":0,"valid":6},{"criterionID":"trach-nhiem","marked":0,"valid":6},{"criterionID":"thai-do","marked":3,"valid":6},{"criterionID":"phat-ngon","marked":0,"valid":6},{"criterionID":"ky-luat","marked":0,"valid":6},{"criterionID":"tac-phong","marked":0,"valid":6},{"criterionID":"sach-nhieu","marked":0,"valid":6}],"officialID":"VP01","unitID":"u1"},{"cells":[{"criterionID":"dao-duc","marked":0,"valid":6},{"criterionID":"trach-nhiem","marked":0,"valid":6},{"criterionID":"thai-do","marked":0,"valid":6},{"criterionID":"phat-ngon","marked":0,"valid":6},{"criterionID":"ky-luat","marked":2,"valid":6},{"criterionID":"tac-phong","marked":0,"valid":6},{"criterionID":"sach-nhieu","marked":0,"valid":6}],"officialID":"VP02","unitID":"u1"},{"cells":[{"criterionID":"dao-duc","marked":0,"valid":6},{"criterionID":"trach-nhiem","marked":0,"valid":6},{"criterionID":"thai-do","marked":0,"valid":6},{"criterionID":"phat-ngon","marked":0,"valid":6},{"criterionID":"ky-luat","marked":0,"valid":6},{"criterionID":"tac-phong","marked":0,"valid":6},{"criterionID":"sach-nhieu","marked":0,"valid":6}],"officialID":"TC01","unitID":"u2"}]}}},"kind":"grid","minRespondents":5,"period":"2026-Q1","remarks":[],"roundID":"quarterly-7-u1-2026-Q1","suppressed":false,"surveyID":"quarterly-7","surveyVersion":1,"unitID":"u1"}"#
    static let currentGrid =
        #"{"anomalies":{"disallowedRemarks":0,"foreignBallots":0,"unknownCodes":0,"unknownQuestions":0},"ballotsCounted":7,"channel":"staff","counts":{"grid":{"_0":{"criterionIDs":["dao-duc","trach-nhiem","thai-do","phat-ngon","ky-luat","tac-phong","sach-nhieu"],"rows":[{"cells":[{"criterionID":"dao-duc","marked":0,"valid":7},{"criterionID":"trach-nhiem","marked":0,"valid":7},{"criterionID":"thai-do","marked":4,"valid":7},{"criterionID":"phat-ngon","marked":0,"valid":7},{"criterionID":"ky-luat","marked":0,"valid":7},{"criterionID":"tac-phong","marked":0,"valid":7},{"criterionID":"sach-nhieu","marked":0,"valid":7}],"officialID":"VP01","unitID":"u1"},{"cells":[{"criterionID":"dao-duc","marked":0,"valid":7},{"criterionID":"trach-nhiem","marked":0,"valid":7},{"criterionID":"thai-do","marked":0,"valid":7},{"criterionID":"phat-ngon","marked":0,"valid":7},{"criterionID":"ky-luat","marked":1,"valid":7},{"criterionID":"tac-phong","marked":0,"valid":7},{"criterionID":"sach-nhieu","marked":0,"valid":7}],"officialID":"VP02","unitID":"u1"},{"cells":[{"criterionID":"dao-duc","marked":3,"valid":7},{"criterionID":"trach-nhiem","marked":0,"valid":7},{"criterionID":"thai-do","marked":0,"valid":7},{"criterionID":"phat-ngon","marked":0,"valid":7},{"criterionID":"ky-luat","marked":0,"valid":7},{"criterionID":"tac-phong","marked":0,"valid":7},{"criterionID":"sach-nhieu","marked":0,"valid":7}],"officialID":"TC01","unitID":"u2"}]}}},"kind":"grid","minRespondents":5,"period":"2026-Q2","remarks":[],"roundID":"quarterly-7-u1-2026-Q2","suppressed":false,"surveyID":"quarterly-7","surveyVersion":1,"unitID":"u1"}"#
    static let flags =
        #"[{"count":4,"criterionID":"thai-do","officialID":"VP01","period":"2026-Q2","previousPeriod":"2026-Q1","previousShare":0.5,"roundID":"quarterly-7-u1-2026-Q2","sequenceBroken":false,"share":0.5714285714285714,"status":"action","surveyID":"quarterly-7","unitID":"u1","valid":7},{"count":3,"criterionID":"dao-duc","officialID":"TC01","period":"2026-Q2","previousPeriod":"2026-Q1","previousShare":0,"roundID":"quarterly-7-u1-2026-Q2","sequenceBroken":false,"share":0.42857142857142855,"status":"reminder","surveyID":"quarterly-7","unitID":"u2","valid":7},{"count":1,"criterionID":"ky-luat","officialID":"VP02","period":"2026-Q2","previousPeriod":"2026-Q1","previousShare":0.3333333333333333,"roundID":"quarterly-7-u1-2026-Q2","sequenceBroken":false,"share":0.14285714285714285,"status":"resolved","surveyID":"quarterly-7","unitID":"u1","valid":7}]"#
    static let confidenceResult =
        #"{"anomalies":{"disallowedRemarks":0,"foreignBallots":0,"unknownCodes":0,"unknownQuestions":0},"ballotsCounted":6,"channel":"staff","counts":{"confidenceVote":{"_0":{"electorate":8,"lowConfidenceCode":"3","quorum":{"denominator":3,"numerator":2},"quorumMet":true,"returned":6,"rows":[{"blank":0,"levels":[{"code":"1","share":{"count":2,"total":8}},{"code":"2","share":{"count":1,"total":8}},{"code":"3","share":{"count":3,"total":8}}],"low":{"count":3,"total":8},"officialID":"VP01","thresholdsMet":[]},{"blank":0,"levels":[{"code":"1","share":{"count":6,"total":8}},{"code":"2","share":{"count":0,"total":8}},{"code":"3","share":{"count":0,"total":8}}],"low":{"count":0,"total":8},"officialID":"VP02","thresholdsMet":[]}],"valid":true}}},"electorate":8,"kind":"confidence-vote","minRespondents":5,"period":"2026-Q1","remarks":[],"roundID":"cv-u1","suppressed":false,"surveyID":"confidence-vote","surveyVersion":1,"unitID":"u1"}"#
    static let ratingResult =
        #"{"anomalies":{"disallowedRemarks":0,"foreignBallots":0,"unknownCodes":0,"unknownQuestions":0},"ballotsCounted":5,"channel":"staff","counts":{"rating":{"_0":{"rows":[{"answered":5,"blank":0,"levels":[{"code":"1","share":{"count":2,"total":5}},{"code":"2","share":{"count":2,"total":5}},{"code":"3","share":{"count":1,"total":5}},{"code":"4","share":{"count":0,"total":5}}],"officialID":"VP01"},{"answered":0,"blank":5,"levels":[{"code":"1","share":{"count":0,"total":0}},{"code":"2","share":{"count":0,"total":0}},{"code":"3","share":{"count":0,"total":0}},{"code":"4","share":{"count":0,"total":0}}],"officialID":"VP02"}]}}},"kind":"rating","minRespondents":5,"period":"2026-07","remarks":[],"roundID":"mr-u1","suppressed":false,"surveyID":"monthly-rating","surveyVersion":1,"unitID":"u1"}"#
    static let satisfactionResult =
        #"{"anomalies":{"disallowedRemarks":0,"foreignBallots":0,"unknownCodes":0,"unknownQuestions":0},"ballotsCounted":5,"channel":"citizens","counts":{"satisfaction":{"_0":{"channel":"citizens","overall":{"count":10,"total":25},"questions":[{"answered":5,"blank":0,"index":{"count":2,"total":5},"levels":[{"code":"1","share":{"count":1,"total":5}},{"code":"2","share":{"count":1,"total":5}},{"code":"3","share":{"count":1,"total":5}},{"code":"4","share":{"count":1,"total":5}},{"code":"5","share":{"count":1,"total":5}}],"questionID":"tiep-can"},{"answered":5,"blank":0,"index":{"count":2,"total":5},"levels":[{"code":"1","share":{"count":1,"total":5}},{"code":"2","share":{"count":1,"total":5}},{"code":"3","share":{"count":1,"total":5}},{"code":"4","share":{"count":1,"total":5}},{"code":"5","share":{"count":1,"total":5}}],"questionID":"thu-tuc"},{"answered":5,"blank":0,"index":{"count":2,"total":5},"levels":[{"code":"1","share":{"count":1,"total":5}},{"code":"2","share":{"count":1,"total":5}},{"code":"3","share":{"count":1,"total":5}},{"code":"4","share":{"count":1,"total":5}},{"code":"5","share":{"count":1,"total":5}}],"questionID":"thai-do"},{"answered":5,"blank":0,"index":{"count":2,"total":5},"levels":[{"code":"1","share":{"count":1,"total":5}},{"code":"2","share":{"count":1,"total":5}},{"code":"3","share":{"count":1,"total":5}},{"code":"4","share":{"count":1,"total":5}},{"code":"5","share":{"count":1,"total":5}}],"questionID":"thoi-gian"},{"answered":5,"blank":0,"index":{"count":2,"total":5},"levels":[{"code":"1","share":{"count":1,"total":5}},{"code":"2","share":{"count":1,"total":5}},{"code":"3","share":{"count":1,"total":5}},{"code":"4","share":{"count":1,"total":5}},{"code":"5","share":{"count":1,"total":5}}],"questionID":"ket-qua"}]}}},"kind":"satisfaction","minRespondents":5,"period":"2026-Q1","remarks":[],"roundID":"sat-u1","suppressed":false,"surveyID":"satisfaction-5","surveyVersion":1,"unitID":"u1"}"#
    static let roundInfo =
        #"{"channel":"staff","period":"2026-Q1","roundID":"r1","surveyID":"quarterly-7","unitID":"u1","unitName":"Phòng u1"}"#
    static let units = #"[{"id":"u1","name":"Phòng A"}]"#
    static let officials =
        #"[{"active":true,"fullName":"Cán bộ VP01","id":"VP01","order":0,"position":"Chuyên viên","unitID":"u1"}]"#
    static let sealedBallot =
        #"{"answers":{"VP01.thai-do":"x"},"remark":"ý kiến","round":"quarterly-7-u1-2026-Q1","survey":"quarterly-7","v":1}"#
    static let ballotJSON = #"{"answers":{"VP01.thai-do":"x"},"roundID":"r","surveyID":"quarterly-7"}"#
}
