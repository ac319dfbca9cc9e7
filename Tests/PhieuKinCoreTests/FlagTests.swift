import Foundation
import PhieuKinTestFixtures
import Testing

@testable import PhieuKinCore

@Suite("Flags")
struct FlagTests {
    static let survey = TallyFixtures.quarterly7

    static func grid(
        _ round: RoundID, period: String, unit: UnitID = "u1", officials: [OfficialID] = ["a", "b", "c"],
        total: Int, marked: [String: Int]
    ) -> RoundResult {
        Tally.count(
            TallyFixtures.gridBallots(round: round, total: total, marked: marked), survey: survey,
            officials: TallyFixtures.officials(officials, unit: unit),
            round: TallyFixtures.round(round, survey: survey, unit: unit, period: period))
    }

    /// A round over several units: the officials of each unit, ballots counted together.
    static func combined(
        _ round: RoundID, period: String, units: [(UnitID, [OfficialID])], total: Int, marked: [String: Int]
    ) -> RoundResult {
        var officials: [Official] = []
        for (unit, ids) in units {
            for official in TallyFixtures.officials(ids, unit: unit) {
                officials.append(
                    Official(
                        id: official.id, unitID: unit, fullName: official.fullName, position: official.position,
                        order: officials.count))
            }
        }
        return Tally.count(
            TallyFixtures.gridBallots(round: round, total: total, marked: marked), survey: survey,
            officials: officials,
            round: TallyFixtures.round(round, survey: survey, unit: units[0].0, period: period))
    }

    static func statuses(_ flags: [Flag]) -> [String] {
        flags.map { "\($0.officialID).\($0.criterionID):\($0.status)" }
    }

    @Test(arguments: [
        // (marked, valid, noted): minCount 2 and minShare 1/3, both exact.
        (2, 6, true),  // exactly 1/3 with count 2
        (1, 3, false),  // exactly 1/3 but count 1
        (2, 7, false),  // count 2 but below 1/3
        (3, 9, true),
        (4, 12, true),
        (4, 13, false),
        (2, 2, true),
    ])
    func notedThresholdIsExact(marked: Int, valid: Int, noted: Bool) {
        let cell = RoundResult.GridCell(criterionID: "dao-duc", marked: marked, valid: valid)
        #expect(FlagRules.isNoted(cell, policy: Self.survey.policy) == noted)
        let result = Self.grid("r", period: "2026-Q1", total: valid, marked: ["a.dao-duc": marked])
        let flags = FlagRules.evaluate(current: result, previous: nil, survey: Self.survey)
        // Below min_respondents (5) the round is inconclusive: no flag at all, noted or not.
        let conclusive = valid >= 5
        #expect(flags.map(\.status) == (noted && conclusive ? [.reminder] : []))
        #expect((result.inconclusive == nil) == conclusive)
    }

    /// The acceptance scenario: A criticized on the same criterion in two consecutive
    /// quarters, B once, C on different criteria each time.
    @Test func acceptanceScenario() throws {
        let q1 = Self.grid(
            "q1", period: "2026-Q2", total: 9, marked: ["a.thai-do": 4, "b.ky-luat": 3, "c.dao-duc": 5])
        let q2 = Self.grid(
            "q2", period: "2026-Q3", total: 10, marked: ["a.thai-do": 6, "c.phat-ngon": 4, "b.ky-luat": 1])

        let first = FlagRules.evaluate(current: q1, previous: nil, survey: Self.survey)
        #expect(Self.statuses(first) == ["a.thai-do:reminder", "b.ky-luat:reminder", "c.dao-duc:reminder"])
        #expect(first.allSatisfy { !$0.sequenceBroken && $0.previousShare == nil })

        let second = FlagRules.evaluate(current: q2, history: [q1, q2], survey: Self.survey)
        #expect(
            Self.statuses(second) == [
                "a.thai-do:action", "c.phat-ngon:reminder", "b.ky-luat:resolved", "c.dao-duc:resolved",
            ])
        let action = try #require(second.first)
        #expect(action.count == 6)
        #expect(action.valid == 10)
        #expect(action.share == 0.6)
        #expect(action.previousShare == 4.0 / 9.0)
        #expect(action.previousPeriod == Period("2026-Q2"))
        #expect(action.roundID == "q2")
        #expect(!action.sequenceBroken)
        #expect(!second.contains { $0.officialID == "c" && $0.status == .action })
    }

    /// A 3-person office alone is inconclusive: no flag, however clear the marks (a flag would tell
    /// the flagged official that both colleagues marked them). Inside a larger round it is flagged.
    @Test func smallOfficeAloneHasNoFlagsButIsFlaggedInsideALargerRound() throws {
        let alone1 = Self.grid(
            "s1", period: "2026-Q2", unit: "small", officials: ["d", "e", "f"], total: 3, marked: ["d.tac-phong": 2])
        let alone2 = Self.grid(
            "s2", period: "2026-Q3", unit: "small", officials: ["d", "e", "f"], total: 3, marked: ["d.tac-phong": 3])
        #expect(alone2.inconclusive == .tooFewBallots(counted: 3, minimum: 5))
        #expect(FlagRules.evaluate(current: alone1, previous: nil, survey: Self.survey).isEmpty)
        #expect(FlagRules.evaluate(current: alone2, history: [alone1], survey: Self.survey).isEmpty)

        let units: [(UnitID, [OfficialID])] = [
            ("u1", ["a", "b", "c", "g", "h", "i", "j", "k"]), ("small", ["d", "e", "f"]),
        ]
        let big1 = Self.combined("c1", period: "2026-Q2", units: units, total: 11, marked: ["d.tac-phong": 4])
        let big2 = Self.combined("c2", period: "2026-Q3", units: units, total: 11, marked: ["d.tac-phong": 5])
        #expect(big2.inconclusive == nil)
        let first = FlagRules.evaluate(current: big1, history: [], survey: Self.survey)
        #expect(Self.statuses(first) == ["d.tac-phong:reminder"])
        #expect(first[0].unitID == "small")
        let second = FlagRules.evaluate(current: big2, history: [big1], survey: Self.survey)
        #expect(Self.statuses(second) == ["d.tac-phong:action"])
        #expect(second[0].unitID == "small")
        #expect(second[0].count == 5 && second[0].valid == 11)
        #expect(FlagView(second[0]).figures?.count == 5)

        // The sequence follows the official, not the round's shape: alone-then-combined compares
        // with the last conclusive round that had them on the ballot.
        let big3 = Self.combined("c3", period: "2026-Q4", units: units, total: 11, marked: ["d.tac-phong": 5])
        let alone3 = Self.grid(
            "s3", period: "2027-Q1", unit: "small", officials: ["d", "e", "f"], total: 3, marked: ["d.tac-phong": 3])
        let big4 = Self.combined("c4", period: "2027-Q2", units: units, total: 11, marked: ["d.tac-phong": 5])
        let fourth = FlagRules.evaluate(current: big4, history: [big1, big2, big3, alone3], survey: Self.survey)
        #expect(Self.statuses(fourth) == ["d.tac-phong:action"])
        #expect(fourth[0].previousPeriod == Period("2026-Q4"))
        #expect(!fourth[0].sequenceBroken)
    }

    /// An inconclusive round (an empty or forgotten one too) neither raises nor clears a flag:
    /// the earlier status carries to the next conclusive round.
    @Test(arguments: [0, 2, 4])
    func inconclusiveRoundCarriesTheEarlierStatus(ballotsInQ3: Int) throws {
        let q2 = Self.grid("q2", period: "2026-Q2", total: 9, marked: ["a.thai-do": 4, "b.ky-luat": 3])
        let q3 = Self.grid("q3", period: "2026-Q3", total: ballotsInQ3, marked: [:])
        #expect(q3.inconclusive != nil)
        // Nothing marked in Q3, yet nothing is "resolved".
        #expect(FlagRules.evaluate(current: q3, history: [q2], survey: Self.survey).isEmpty)
        #expect(PriorRound.find(officialID: "a", for: q3, among: [q2]) == .compared(q2))

        let q4 = Self.grid("q4", period: "2026-Q4", total: 10, marked: ["a.thai-do": 5])
        let flags = FlagRules.evaluate(current: q4, history: [q2, q3], survey: Self.survey)
        #expect(Self.statuses(flags) == ["a.thai-do:action", "b.ky-luat:resolved"])
        #expect(flags.allSatisfy { $0.previousPeriod == Period("2026-Q2") && !$0.sequenceBroken })
    }

    @Test func confidenceVoteWithoutQuorumIsInconclusive() {
        let survey = TallyFixtures.confidenceVote
        let ballots = (0..<6).map { _ in
            Ballot(surveyID: survey.id, roundID: "cv", answers: ["a": survey.choices[0].code])
        }
        let short = Tally.count(
            ballots, survey: survey, officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("cv", survey: survey, period: "2026-Q3", electorate: 10))
        #expect(short.inconclusive == .quorumNotMet(returned: 6, electorate: 10, quorum: survey.policy.quorum))
        let enough = Tally.count(
            ballots, survey: survey, officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("cv", survey: survey, period: "2026-Q3", electorate: 9))
        #expect(enough.inconclusive == nil)
    }

    @Test(arguments: [("2026-Q4", "2027-Q1"), ("2026-12", "2027-01"), ("2026-Q2", "2026-Q3")])
    func consecutivePeriodsAcrossYearBoundary(previous: String, current: String) throws {
        let before = Self.grid("p", period: previous, total: 6, marked: ["a.sach-nhieu": 2])
        let now = Self.grid("n", period: current, total: 6, marked: ["a.sach-nhieu": 2])
        #expect(PriorRound.find(officialID: "a", for: now, among: [before]) == .compared(before))
        let flags = FlagRules.evaluate(current: now, history: [before], survey: Self.survey)
        #expect(flags.map(\.status) == [.action])
        #expect(flags[0].previousPeriod == Period(previous))
    }

    @Test func missingRoundBreaksTheSequence() throws {
        let q1 = Self.grid("q1", period: "2026-Q1", total: 6, marked: ["a.dao-duc": 3])
        let q3 = Self.grid("q3", period: "2026-Q3", total: 6, marked: ["a.dao-duc": 3])
        #expect(PriorRound.find(officialID: "a", for: q3, among: [q1, q3]) == .missing(Period("2026-Q2")!))
        let flags = FlagRules.evaluate(current: q3, history: [q1, q3], survey: Self.survey)
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.status == .reminder)
        #expect(flag.sequenceBroken)
        #expect(flag.missingPeriod == Period("2026-Q2"))
        #expect(flag.previousShare == nil)

        // Passing a round of the wrong period as "previous" is treated as missing, never as consecutive.
        let wrong = FlagRules.evaluate(current: q3, previous: q1, survey: Self.survey)
        #expect(wrong.map(\.status) == [.reminder])
        #expect(wrong[0].sequenceBroken)
    }

    @Test func firstRoundIsNotABrokenSequence() {
        let q1 = Self.grid("q1", period: "2026-Q1", total: 6, marked: ["a.dao-duc": 3])
        #expect(PriorRound.find(officialID: "a", for: q1, among: [q1]) == .none)
        let flags = FlagRules.evaluate(current: q1, history: [q1], survey: Self.survey)
        #expect(flags.map(\.sequenceBroken) == [false])
    }

    @Test func otherSurveysAndOfficialsAreNotPriorRounds() {
        let otherOfficials = Self.grid(
            "o", period: "2026-Q1", officials: ["x", "y", "z"], total: 6, marked: ["x.dao-duc": 3])
        let now = Self.grid("n", period: "2026-Q2", total: 6, marked: ["a.dao-duc": 3])
        #expect(PriorRound.find(officialID: "a", for: now, among: [otherOfficials]) == .none)
        let rating = Tally.count(
            [Ballot](), survey: TallyFixtures.monthlyRating, officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("m", survey: TallyFixtures.monthlyRating, period: "2026-Q1"))
        #expect(PriorRound.find(officialID: "a", for: now, among: [rating]) == .none)
        #expect(
            FlagRules.evaluate(current: now, history: [otherOfficials, rating], survey: Self.survey).map(\.status)
                == [.reminder])
    }

    @Test func nonGridSurveysHaveNoCriterionFlags() {
        let result = Tally.count(
            [Ballot](), survey: TallyFixtures.monthlyRating, officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("m", survey: TallyFixtures.monthlyRating, period: "2026-07"))
        #expect(FlagRules.evaluate(current: result, previous: nil, survey: TallyFixtures.monthlyRating).isEmpty)
    }

    @Test func flagsRoundTripThroughJSON() throws {
        let q1 = Self.grid("q1", period: "2025-Q4", total: 6, marked: ["a.dao-duc": 3])
        let now = Self.grid("n", period: "2026-Q2", total: 6, marked: ["a.dao-duc": 3])
        let flags = FlagRules.evaluate(current: now, history: [q1], survey: Self.survey)
        #expect(flags.first?.missingPeriod == Period("2026-Q1"))
        let data = try JSONEncoder().encode(flags)
        #expect(try JSONDecoder().decode([Flag].self, from: data) == flags)
    }
}
