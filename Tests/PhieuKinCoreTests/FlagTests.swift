import Foundation
import PhieuKinTestFixtures
import Testing

@testable import PhieuKinCore

@Suite("Flags")
struct FlagTests {
    static let survey = TallyFixtures.quarterly7

    static func grid(
        _ round: String, period: String, unit: String = "u1", officials: [String] = ["a", "b", "c"],
        total: Int, marked: [String: Int]
    ) -> RoundResult {
        Tally.count(
            TallyFixtures.gridBallots(round: round, total: total, marked: marked), survey: survey,
            officials: TallyFixtures.officials(officials, unit: unit),
            round: TallyFixtures.round(round, survey: survey, unit: unit, period: period))
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
        #expect(flags.map(\.status) == (noted ? [.reminder] : []))
    }

    /// The acceptance scenario: A criticized on the same criterion in two consecutive
    /// quarters, B once, C on different criteria each time; and a 3-person unit.
    @Test func acceptanceScenario() throws {
        let q1 = Self.grid(
            "q1", period: "2026-Q2", total: 9, marked: ["a.thai-do": 4, "b.ky-luat": 3, "c.dao-duc": 5])
        let q2 = Self.grid(
            "q2", period: "2026-Q3", total: 10, marked: ["a.thai-do": 6, "c.phat-ngon": 4, "b.ky-luat": 1])

        let first = FlagRules.evaluate(current: q1, previous: nil, survey: Self.survey)
        #expect(
            first.map { "\($0.officialID).\($0.criterionID):\($0.status)" } == [
                "a.thai-do:reminder", "b.ky-luat:reminder", "c.dao-duc:reminder",
            ])
        #expect(first.allSatisfy { !$0.sequenceBroken && $0.previousShare == nil })

        let second = FlagRules.evaluate(
            current: q2, prior: PriorRound.find(for: q2, among: [q1, q2]), survey: Self.survey)
        #expect(
            second.map { "\($0.officialID).\($0.criterionID):\($0.status)" } == [
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

        // A 3-person unit: suppressed in reports, flags still computed from the real counts.
        let small1 = Self.grid(
            "s1", period: "2026-Q2", unit: "small", officials: ["d", "e", "f"], total: 3, marked: ["d.tac-phong": 2])
        let small2 = Self.grid(
            "s2", period: "2026-Q3", unit: "small", officials: ["d", "e", "f"], total: 3, marked: ["d.tac-phong": 3])
        #expect(small2.suppressed)
        let smallFlags = FlagRules.evaluate(current: small2, previous: small1, survey: Self.survey)
        #expect(smallFlags.count == 1)
        #expect(smallFlags[0].status == .action)
        #expect(smallFlags[0].suppressed)
        #expect(smallFlags[0].count == 3)
        let view = FlagView(smallFlags[0])
        #expect(view.figures == nil)
        #expect(view.previousShare == nil)
        #expect(view.status == .action)
    }

    @Test(arguments: [("2026-Q4", "2027-Q1"), ("2026-12", "2027-01"), ("2026-Q2", "2026-Q3")])
    func consecutivePeriodsAcrossYearBoundary(previous: String, current: String) throws {
        let before = Self.grid("p", period: previous, total: 6, marked: ["a.sach-nhieu": 2])
        let now = Self.grid("n", period: current, total: 6, marked: ["a.sach-nhieu": 2])
        let prior = PriorRound.find(for: now, among: [before])
        #expect(prior == .tallied(before))
        let flags = FlagRules.evaluate(current: now, prior: prior, survey: Self.survey)
        #expect(flags.map(\.status) == [.action])
        #expect(flags[0].previousPeriod == Period(previous))
    }

    @Test func missingRoundBreaksTheSequence() throws {
        let q1 = Self.grid("q1", period: "2026-Q1", total: 6, marked: ["a.dao-duc": 3])
        let q3 = Self.grid("q3", period: "2026-Q3", total: 6, marked: ["a.dao-duc": 3])
        let prior = PriorRound.find(for: q3, among: [q1, q3])
        #expect(prior == .missing(Period("2026-Q2")!))
        let flags = FlagRules.evaluate(current: q3, prior: prior, survey: Self.survey)
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
        #expect(PriorRound.find(for: q1, among: [q1]) == .none)
        let flags = FlagRules.evaluate(current: q1, prior: .none, survey: Self.survey)
        #expect(flags.map(\.sequenceBroken) == [false])
    }

    @Test func otherUnitsAndSurveysAreNotPriorRounds() {
        let other = Self.grid("o", period: "2026-Q1", unit: "u2", total: 6, marked: ["a.dao-duc": 3])
        let now = Self.grid("n", period: "2026-Q2", total: 6, marked: ["a.dao-duc": 3])
        #expect(PriorRound.find(for: now, among: [other]) == .none)
        #expect(
            FlagRules.evaluate(current: now, prior: .tallied(other), survey: Self.survey).map(\.status) == [.reminder])
    }

    @Test func nonGridSurveysHaveNoCriterionFlags() {
        let result = Tally.count(
            [Ballot](), survey: TallyFixtures.monthlyRating, officials: TallyFixtures.officials(["a"]),
            round: TallyFixtures.round("m", survey: TallyFixtures.monthlyRating, period: "2026-07"))
        #expect(FlagRules.evaluate(current: result, previous: nil, survey: TallyFixtures.monthlyRating).isEmpty)
    }

    @Test func flagsRoundTripThroughJSON() throws {
        let now = Self.grid("n", period: "2026-Q2", total: 6, marked: ["a.dao-duc": 3])
        let flags = FlagRules.evaluate(current: now, prior: .missing(Period("2026-Q1")!), survey: Self.survey)
        let data = try JSONEncoder().encode(flags)
        #expect(try JSONDecoder().decode([Flag].self, from: data) == flags)
    }
}
