import Foundation
import PhieuKinTestFixtures
import PhieuKinTestSupport
import Testing

@testable import PhieuKinCore

@Suite("Tally")
struct TallyTests {
    @Test func gridCountsMarksPerOfficialAndCriterion() throws {
        let officials = TallyFixtures.officials(["a", "b"])
        let round = TallyFixtures.round("r1", survey: TallyFixtures.quarterly7)
        var ballots = TallyFixtures.gridBallots(
            round: "r1", total: 6, marks: [["a.dao-duc", "b.thai-do"], ["a.dao-duc"], ["a.sach-nhieu"]])
        // "1" is the survey's second mark code and counts as a mark too.
        ballots[5].answers["a.dao-duc"] = "1"
        let result = Tally.count(ballots, survey: TallyFixtures.quarterly7, officials: officials, round: round)
        guard case .grid(let grid) = result.counts else { Issue.record("not a grid"); return }
        #expect(result.ballotsCounted == 6)
        #expect(!result.suppressed)
        #expect(grid.criterionIDs.count == 7)
        #expect(grid.rows.map(\.officialID) == ["a", "b"])
        let cell = try #require(grid.cell(official: "a", criterion: "dao-duc"))
        #expect(cell.marked == 3)
        #expect(cell.valid == 6)
        #expect(cell.share.fraction == Fraction(3, 6))
        #expect(cell.share.value == 0.5)
        #expect(grid.cell(official: "b", criterion: "thai-do")?.marked == 1)
        #expect(grid.cell(official: "a", criterion: "sach-nhieu")?.marked == 1)
        #expect(grid.cell(official: "b", criterion: "dao-duc")?.marked == 0)
        #expect(result.anomalies.isEmpty)
    }

    @Test func rowsFollowRosterOrder() {
        let officials = [
            Official(id: "z", unitID: "u1", fullName: "Z", position: "P", order: 0),
            Official(id: "a", unitID: "u1", fullName: "A", position: "P", order: 1),
        ]
        let result = Tally.count(
            [Ballot](), survey: TallyFixtures.monthlyRating, officials: officials,
            round: TallyFixtures.round("m", survey: TallyFixtures.monthlyRating, period: "2026-07"))
        guard case .rating(let rating) = result.counts else { Issue.record("not a rating"); return }
        #expect(rating.rows.map(\.officialID) == ["z", "a"])
    }

    @Test func anomaliesAreCountedNotDropped() {
        let ballots = [
            Ballot(surveyID: "quarterly-7", roundID: "other", answers: ["a.dao-duc": "x"]),
            Ballot(surveyID: "quarterly-7", roundID: "r1", answers: ["nobody.dao-duc": "x", "a.thai-do": "?"]),
        ]
        let result = Tally.count(
            ballots, survey: TallyFixtures.quarterly7, officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("r1", survey: TallyFixtures.quarterly7))
        #expect(result.ballotsCounted == 1)
        #expect(result.anomalies.foreignBallots == 1)
        #expect(result.anomalies.unknownQuestions == 1)
        #expect(result.anomalies.unknownCodes == 1)
    }

    @Test(arguments: [(2, true), (3, true), (4, true), (5, false), (9, false)])
    func smallGroupsAreSuppressed(ballots: Int, suppressed: Bool) {
        let result = Tally.count(
            TallyFixtures.gridBallots(round: "r1", total: ballots, marks: [["a.dao-duc"]]),
            survey: TallyFixtures.quarterly7,
            officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("r1", survey: TallyFixtures.quarterly7))
        #expect(result.suppressed == suppressed)
        #expect(ReportView(result).isSuppressed == suppressed)
        // The counts are kept for flags.
        if case .grid(let grid) = result.counts {
            #expect(grid.cell(official: "a", criterion: "dao-duc")?.marked == 1)
        }
    }

    @Test func minRespondentsNeverBelowThree() {
        var survey = TallyFixtures.quarterly7
        survey.policy.minRespondents = 1  // bypasses the initializer, as a decoded policy could
        let result = Tally.count(
            TallyFixtures.gridBallots(round: "r1", total: 2, marks: []), survey: survey,
            officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("r1", survey: survey))
        #expect(result.minRespondents == 3)
        #expect(result.suppressed)
    }

    @Test func suppressedViewHoldsNoCounts() {
        let ballots = TallyFixtures.gridBallots(round: "r1", total: 3, marks: [["a.dao-duc"]]).enumerated().map {
            i, b in
            var b = b
            b.remark = "remark \(i)"
            return b
        }
        let result = Tally.count(
            ballots, survey: TallyFixtures.quarterly7, officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("r1", survey: TallyFixtures.quarterly7))
        #expect(result.remarks.count == 3)
        #expect(ReportView(result).content == .tooFewBallots(minimum: 5))
    }

    @Test func remarksAreCollectedTrimmedAndShuffled() {
        let texts = (0..<40).map { "ý kiến số \($0)" }
        var ballots = TallyFixtures.gridBallots(round: "r1", total: 40, marks: [])
        for i in ballots.indices { ballots[i].remark = "  \(texts[i])\n" }
        ballots.append(Ballot(surveyID: "quarterly-7", roundID: "r1", answers: [:], remark: "   "))
        var generator = SeededGenerator(state: 42)
        let result = Tally.count(
            ballots, survey: TallyFixtures.quarterly7, officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("r1", survey: TallyFixtures.quarterly7), using: &generator)
        #expect(result.remarks.sorted() == texts.sorted())
        #expect(result.remarks != texts)
    }

    @Test func remarksOnSurveysWithoutRemarksAreDropped() {
        let ballots = (0..<5).map { _ in
            Ballot(surveyID: "monthly-rating", roundID: "m", answers: ["a": "1"], remark: "hi")
        }
        let result = Tally.count(
            ballots, survey: TallyFixtures.monthlyRating, officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("m", survey: TallyFixtures.monthlyRating, period: "2026-07"))
        #expect(result.remarks.isEmpty)
        #expect(result.anomalies.disallowedRemarks == 5)
    }

    // MARK: Confidence vote

    static func confidenceBallots(_ codes: [String?]) -> [Ballot] {
        codes.map { code in
            Ballot(surveyID: "confidence-vote", roundID: "cv", answers: code.map { ["a": $0] } ?? [:])
        }
    }

    @Test(arguments: [
        // (electorate, returned, quorum met)
        (9, 6, true),  // exactly 2/3
        (9, 5, false),
        (10, 7, true),
        (10, 6, false),  // 0.6 < 2/3
    ])
    func confidenceQuorumIsExact(electorate: Int, returned: Int, met: Bool) {
        let result = Tally.count(
            Self.confidenceBallots(Array(repeating: "1", count: returned)), survey: TallyFixtures.confidenceVote,
            officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("cv", survey: TallyFixtures.confidenceVote, electorate: electorate))
        guard case .confidenceVote(let vote) = result.counts else { Issue.record("not a vote"); return }
        #expect(vote.quorumMet == met)
        #expect(vote.valid == met)
        #expect(vote.returned == returned)
    }

    @Test func confidenceWithoutElectorateIsNotValid() {
        let result = Tally.count(
            Self.confidenceBallots(Array(repeating: "3", count: 9)), survey: TallyFixtures.confidenceVote,
            officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("cv", survey: TallyFixtures.confidenceVote))
        guard case .confidenceVote(let vote) = result.counts else { Issue.record("not a vote"); return }
        #expect(!vote.valid)
        #expect(vote.rows[0].thresholdsMet.isEmpty)
    }

    @Test func confidenceSharesAreOverTheElectorate() throws {
        // 12 summoned, 9 returned: 3 high, 2 confidence, 3 low, 1 blank.
        let codes: [String?] = ["1", "1", "1", "2", "2", "3", "3", "3", nil]
        let result = Tally.count(
            Self.confidenceBallots(codes), survey: TallyFixtures.confidenceVote,
            officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("cv", survey: TallyFixtures.confidenceVote, electorate: 12))
        guard case .confidenceVote(let vote) = result.counts else { Issue.record("not a vote"); return }
        let row = try #require(vote.rows.first)
        #expect(row.levels.map(\.count) == [3, 2, 3])
        #expect(row.levels.map(\.share.total) == [12, 12, 12])
        #expect(row.blank == 1)
        #expect(row.low == Share(3, of: 12))
        #expect(vote.valid)
        #expect(row.thresholdsMet.isEmpty)
    }

    @Test(arguments: [
        // (low votes of 12 summoned, all returned) → thresholds met
        (6, [String]()),  // exactly 1/2 is not "more than half"
        (7, ["over-half"]),
        (8, ["over-half", "two-thirds"]),  // exactly 2/3 reaches "≥ 2/3"
        (12, ["over-half", "two-thirds"]),
    ])
    func confidenceThresholds(low: Int, expected: [String]) {
        let codes: [String?] = Array(repeating: "3", count: low) + Array(repeating: "1", count: 12 - low)
        let result = Tally.count(
            Self.confidenceBallots(codes), survey: TallyFixtures.confidenceVote,
            officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("cv", survey: TallyFixtures.confidenceVote, electorate: 12))
        guard case .confidenceVote(let vote) = result.counts else { Issue.record("not a vote"); return }
        #expect(vote.rows[0].thresholdsMet == expected)
    }

    @Test func thresholdsAreNotMarkedWhenQuorumIsNotMet() {
        let result = Tally.count(
            Self.confidenceBallots(Array(repeating: "3", count: 7)), survey: TallyFixtures.confidenceVote,
            officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("cv", survey: TallyFixtures.confidenceVote, electorate: 12))
        guard case .confidenceVote(let vote) = result.counts else { Issue.record("not a vote"); return }
        #expect(!vote.quorumMet)
        #expect(vote.rows[0].low == Share(7, of: 12))
        #expect(vote.rows[0].thresholdsMet.isEmpty)
    }

    // MARK: Satisfaction and rating

    @Test func satisfactionIndexPerQuestionAndOverall() throws {
        // tiep-can: 1,2,2,3,5 → 3/5 satisfied; thu-tuc: 1,4,4,4 + one blank → 1/4; thai-do: 1×5 → 5/5.
        let tiepCan = ["1", "2", "2", "3", "5"]
        let thuTuc: [String?] = ["1", "4", "4", "4", nil]
        let ballots = (0..<5).map { i in
            var answers = ["tiep-can": tiepCan[i], "thai-do": "1"]
            answers["thu-tuc"] = thuTuc[i]
            return Ballot(surveyID: "satisfaction-5", roundID: "s", answers: answers)
        }
        let result = Tally.count(
            ballots, survey: TallyFixtures.satisfaction5, officials: [],
            round: TallyFixtures.round("s", survey: TallyFixtures.satisfaction5, channel: .citizens))
        guard case .satisfaction(let s) = result.counts else { Issue.record("not satisfaction"); return }
        #expect(s.channel == .citizens)
        #expect(s.questions.map(\.questionID) == ["tiep-can", "thu-tuc", "thai-do", "thoi-gian", "ket-qua"])
        #expect(s.questions[0].levels.map(\.count) == [1, 2, 1, 0, 1])
        #expect(s.questions[0].index == Share(3, of: 5))
        #expect(s.questions[1].answered == 4)
        #expect(s.questions[1].blank == 1)
        #expect(s.questions[1].index == Share(1, of: 4))
        #expect(s.questions[2].index == Share(5, of: 5))
        #expect(s.overall == Share(9, of: 14))
    }

    @Test func ratingDistributionPerOfficial() {
        let codes: [(String?, String?)] = [("1", "4"), ("1", "3"), ("2", nil), ("2", "3"), ("4", "3")]
        let ballots = codes.map { a, b in
            var answers: [String: String] = [:]
            answers["a"] = a
            answers["b"] = b
            return Ballot(surveyID: "monthly-rating", roundID: "m", answers: answers)
        }
        let result = Tally.count(
            ballots, survey: TallyFixtures.monthlyRating, officials: TallyFixtures.officials(["a", "b"]),
            round: TallyFixtures.round("m", survey: TallyFixtures.monthlyRating, period: "2026-12"))
        guard case .rating(let rating) = result.counts else { Issue.record("not a rating"); return }
        #expect(rating.rows[0].levels.map(\.count) == [2, 2, 0, 1])
        #expect(rating.rows[1].levels.map(\.count) == [0, 0, 3, 1])
        #expect(rating.rows[1].answered == 4)
        #expect(rating.rows[1].blank == 1)
        #expect(rating.rows[1].levels[2].share == Share(3, of: 4))
    }

    @Test func resultRoundTripsThroughJSON() throws {
        let result = Tally.count(
            TallyFixtures.gridBallots(round: "r1", total: 5, marks: [["a.dao-duc"]]), survey: TallyFixtures.quarterly7,
            officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("r1", survey: TallyFixtures.quarterly7))
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(RoundResult.self, from: data) == result)
    }

    @Test func countsALargeLazySequence() {
        // 200,000 ballots generated lazily: counting must not need them in memory at once.
        let total = 200_000
        let ballots = (0..<total).lazy.map { i in
            Ballot(
                surveyID: "quarterly-7", roundID: "big",
                answers: i % 4 == 0 ? ["a.dao-duc": "x", "b.ky-luat": "1"] : i % 4 == 1 ? ["b.ky-luat": "x"] : [:])
        }
        let result = Tally.count(
            ballots, survey: TallyFixtures.quarterly7, officials: TallyFixtures.officials(["a", "b"]),
            round: TallyFixtures.round("big", survey: TallyFixtures.quarterly7))
        guard case .grid(let grid) = result.counts else { Issue.record("not a grid"); return }
        #expect(result.ballotsCounted == total)
        #expect(grid.cell(official: "a", criterion: "dao-duc")?.marked == total / 4)
        #expect(grid.cell(official: "b", criterion: "ky-luat")?.marked == total / 2)
    }
}
