public import Foundation
public import PhieuKinCore
import PhieuKinMessages

/// A flag with the names a reader needs. Holds a `FlagView`, so figures of small groups are absent.
public struct FlaggedOfficial: Sendable, Hashable {
    public let flag: FlagView
    public let officialName: String
    public let position: String
    public let unitName: String
    public let criterionLabel: LocalizedText

    /// `unitNames`: unit names by id; the row's unit is the flag's own (`Self.unitName`).
    init(_ flag: FlagView, officials: [OfficialID: Official], unitNames: [UnitID: String], survey: Survey?) {
        self.flag = flag
        let official = officials[flag.officialID]
        officialName = official?.fullName ?? flag.officialID.rawValue
        position = official?.position ?? ""
        unitName = Self.unitName(flag.unitID, names: unitNames)
        criterionLabel =
            survey?.criteria.first { $0.id == flag.criterionID }?.label
            ?? LocalizedText(vi: flag.criterionID.rawValue, en: flag.criterionID.rawValue)
    }

    /// The unit an official is shown in, in every document (round report, minutes, leaders'
    /// report): the official's own unit as the tally recorded it (`Flag.unitID`, from
    /// `RoundOfficial.unitID`), never the round's list of units, so a combined round's rows
    /// agree across documents.
    static func unitName(_ unitID: UnitID, names: [UnitID: String]) -> String {
        names[unitID] ?? unitID.rawValue
    }
}

/// Everything a round's report may show: built from the tally, holding only a `ReportView`
/// (never the `RoundResult`), so a renderer cannot print counts of a small group.
public struct RoundReport: Sendable {
    public let info: RoundInfo
    public let survey: Survey
    public let view: ReportView
    /// Action first, then reminder, then resolved; roster order within each.
    public let flagged: [FlaggedOfficial]
    /// The round's officials in roster order.
    public let roster: [Official]
    /// The names of the round's units, in ballot order (one for most rounds).
    public let unitNames: [String]
    /// Unit names by id, for `unitName(of:)`.
    let unitNamesByID: [UnitID: String]
    /// Last round's grid shares keyed by official id then criterion id; empty when there was no
    /// previous round or its group was too small to report.
    public let previousShares: [OfficialID: [CriterionID: Double]]
    public let previousPeriod: Period?
    public let generated: Date
    /// The remarks are sealed and the key to open them was not given: say so instead of
    /// "no remarks".
    public var remarksWithheld = false

    /// - Parameters:
    ///   - flags: `FlagRules.evaluate` for this round.
    ///   - officials: names and positions (the round's roster).
    ///   - previous: the round of the previous period, for the "last round" column.
    ///   - units: the round's units in ballot order; nil when it has one, `info.unitName`.
    public init(
        info: RoundInfo, result: RoundResult, survey: Survey, flags: [Flag], officials: [Official],
        previous: RoundResult? = nil, units: [(id: UnitID, name: String)]? = nil, generated: Date = Date()
    ) {
        self.info = info
        let units = units ?? [(info.unitID, info.unitName)]
        unitNames = units.map(\.name)
        let namesByID = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        unitNamesByID = namesByID
        self.survey = survey
        view = ReportView(result)
        roster = officials.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        let byID = Dictionary(officials.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rank: [Flag.Status: Int] = [.action: 0, .reminder: 1, .resolved: 2]
        let order = Dictionary(roster.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let criterionOrder = Dictionary(
            survey.criteria.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        flagged =
            flags
            .filter { $0.roundID == result.roundID }
            .sorted {
                (rank[$0.status]!, order[$0.officialID] ?? .max, criterionOrder[$0.criterionID] ?? .max)
                    < (rank[$1.status]!, order[$1.officialID] ?? .max, criterionOrder[$1.criterionID] ?? .max)
            }
            .map { FlaggedOfficial(FlagView($0), officials: byID, unitNames: namesByID, survey: survey) }
        var shares: [OfficialID: [CriterionID: Double]] = [:]
        if let previous, previous.surveyID == result.surveyID,
            case .shown(let shown) = ReportView(previous).content, case .grid(let grid) = shown.counts
        {
            for row in grid.rows {
                shares[row.officialID] = Dictionary(
                    row.cells.map { ($0.criterionID, $0.share.value) }, uniquingKeysWith: { a, _ in a })
            }
            previousPeriod = previous.period
        } else {
            previousPeriod = nil
        }
        previousShares = shares
        self.generated = generated
    }
}

extension RoundReport {
    /// An official's unit as the round froze it (`RoundOfficial.unitID`), by the same
    /// `FlaggedOfficial.unitName` as the flag rows.
    func unitName(of officialID: OfficialID) -> String {
        let unit = roster.first { $0.id == officialID }?.unitID ?? info.unitID
        return FlaggedOfficial.unitName(unit, names: unitNamesByID)
    }
}

/// Flags of one period across units: who needs a reminder, who needs action, who improved; and
/// the rounds that decide nothing (voided, inconclusive), with why.
public struct FlagsReport: Sendable {
    /// A round listed for what it did not decide.
    public struct RoundNote: Sendable, Hashable {
        public enum Reason: Sendable, Hashable {
            /// Voided on `on` (yyyy-MM-dd) for the signed reason.
            case voided(String, on: String)
            case inconclusive(InconclusiveReason)
        }
        public let roundID: RoundID
        public let surveyID: SurveyID
        public let unitNames: [String]
        public let period: Period
        public let reason: Reason
    }

    /// The period reported on; nil for every period (flag history, oldest period first).
    public let period: Period?
    /// Action first, then reminder, then resolved; by unit name and ballot order within each.
    /// Flags carried over an inconclusive round (`flag.carriedFrom`) sit with the others.
    public let flagged: [FlaggedOfficial]
    /// Voided and inconclusive rounds, by period then round id.
    public let notes: [RoundNote]
    public let generated: Date
    /// Who issues the report, for the heading of the official document.
    public var agency = ""
    public var profile = AgencyProfile()
    /// Officials with more than half low-confidence votes in a valid confidence vote (QĐ 96), by
    /// period, unit and ballot order.
    public var lowConfidence: [LowConfidence] = []
    /// Confidence votes in the report's scope (so "none with low confidence" is said only when
    /// there was a vote).
    public var confidenceVotes = 0
    /// For each flagged official and criterion, the shares of the last rounds up to the period.
    public var trends: [Trend] = []

    /// An official's result in a confidence vote that met a QĐ 96 threshold: more than half
    /// "tín nhiệm thấp" (out of planning, may resign), two thirds or more (dismissal considered).
    public struct LowConfidence: Sendable, Hashable {
        public let officialID: OfficialID
        public let officialName: String
        public let position: String
        public let unitName: String
        public let period: Period
        public let roundID: RoundID
        /// Low-confidence votes over the people summoned.
        public let low: Share
        /// The highest threshold met (the survey's label for it).
        public let outcome: LocalizedText
    }

    /// The last rounds' shares of one official on one flagged criterion, oldest first. A round
    /// whose group was too small to report has no share (`nil`): it is shown as "—".
    public struct Trend: Sendable, Hashable {
        public struct Point: Sendable, Hashable {
            public let period: Period
            public let share: Share?
        }
        public let officialID: OfficialID
        public let criterionID: CriterionID
        public let officialName: String
        public let criterionLabel: LocalizedText
        public let points: [Point]
    }

    /// - Parameters:
    ///   - flags: flags of any periods; only those of `period` are kept.
    ///   - carried: earlier standing flags shown for inconclusive rounds of `period`.
    ///   - surveys: for criterion labels. `officials`, `units`: for names.
    public init(
        period: Period?, flags: [Flag], carried: [FlagView] = [], notes: [RoundNote] = [], surveys: [Survey],
        officials: [Official], units: [PhieuKinCore.Unit], generated: Date = Date()
    ) {
        self.period = period
        let byID = Dictionary(officials.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let unitNames = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let surveysByID = Dictionary(surveys.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rank: [Flag.Status: Int] = [.action: 0, .reminder: 1, .resolved: 2]
        func key(_ flag: FlagView) -> (Period, Int, String, Int, OfficialID, Int) {
            let criteria = surveysByID[flag.surveyID]?.criteria ?? []
            return (
                flag.period, rank[flag.status]!, unitNames[flag.unitID] ?? flag.unitID.rawValue,
                byID[flag.officialID]?.order ?? .max,
                flag.officialID, criteria.firstIndex { $0.id == flag.criterionID } ?? .max
            )
        }
        flagged = (flags.map(FlagView.init) + carried)
            .filter { period == nil || $0.period == period }
            .sorted { key($0) < key($1) }
            .map {
                FlaggedOfficial($0, officials: byID, unitNames: unitNames, survey: surveysByID[$0.surveyID])
            }
        self.notes = notes.filter { period == nil || $0.period == period }
            .sorted { ($0.period, $0.roundID) < ($1.period, $1.roundID) }
        self.generated = generated
    }
}
