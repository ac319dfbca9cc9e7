public import PhieuKinCore

/// Shipped surveys and small rosters for tally, flag and report tests (shared by the Core and
/// workflow test targets, so there is one copy).
public enum TallyFixtures {
    public static func t(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

    /// The shipped definitions themselves (ballots/*.yaml, embedded), so tests count what agencies run.
    public static func shipped(_ id: SurveyID) -> Survey {
        try! SurveyCatalog().survey(id: id)
    }
    public static let quarterly7 = shipped("quarterly-7")
    public static let confidenceVote = shipped("confidence-vote")
    public static let satisfaction5 = shipped("satisfaction-5")
    public static let monthlyRating = shipped("monthly-rating")
    public static var criteria: [Survey.Criterion] { quarterly7.criteria }

    public static func officials(_ ids: [OfficialID], unit: UnitID = "u1") -> [Official] {
        ids.enumerated().map { i, id in
            Official(id: id, unitID: unit, fullName: "Cán bộ \(id)", position: "Chuyên viên", order: i)
        }
    }

    public static func round(
        _ id: RoundID, survey: Survey, unit: UnitID = "u1", period: String = "2026-Q1",
        channel: Survey.Channel = .staff,
        electorate: Int? = nil
    ) -> RoundInfo {
        RoundInfo(
            roundID: id, surveyID: survey.id, unitID: unit, unitName: "Phòng \(unit)", period: Period(period)!,
            channel: channel, electorate: electorate)
    }

    /// `total` grid ballots; `marks[i]` lists the cells marked on ballot i (the rest are blank).
    public static func gridBallots(round: RoundID, total: Int, marks: [[String]], code: String = "x") -> [Ballot] {
        (0..<total).map { i in
            let cells = i < marks.count ? marks[i] : []
            return Ballot(
                surveyID: "quarterly-7", roundID: round,
                answers: Dictionary(uniqueKeysWithValues: cells.map { ($0, code) }))
        }
    }

    /// Grid ballots where `cell` is marked on the first `count` of `total` ballots.
    public static func gridBallots(round: RoundID, total: Int, marked: [String: Int]) -> [Ballot] {
        (0..<total).map { i in
            var answers: [String: String] = [:]
            for (cell, count) in marked where i < count { answers[cell] = "x" }
            return Ballot(surveyID: "quarterly-7", roundID: round, answers: answers)
        }
    }
}
