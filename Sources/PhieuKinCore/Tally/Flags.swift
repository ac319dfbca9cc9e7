/// A criterion noted for an official in a round, or no longer noted.
///
/// Figures are the real counts even when the round's group is too small to report
/// (`suppressed`): the rule needs them. Reports show only the flag then (see `FlagView`).
public struct Flag: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable, Hashable, CaseIterable {
        /// Noted in this round only (or the sequence was broken): remind the official.
        case reminder
        /// Noted on the same criterion in two consecutive rounds: propose action.
        case action
        /// Noted in the previous round, not in this one.
        case resolved
    }

    public var officialID: String
    public var criterionID: String
    public var surveyID: String
    public var unitID: String
    public var period: Period
    public var roundID: String
    public var status: Status
    public var share: Double
    public var count: Int
    public var valid: Int
    public var previousShare: Double?
    public var previousPeriod: Period?
    /// The previous period had no tallied round although an earlier round exists.
    public var sequenceBroken: Bool
    public var missingPeriod: Period?
    /// This round's group is below `minRespondents`: show the flag, not its figures.
    public var suppressed: Bool
    /// The previous round's group was below `minRespondents`: do not show `previousShare`.
    public var previousSuppressed: Bool

    public init(
        officialID: String, criterionID: String, surveyID: String, unitID: String, period: Period, roundID: String,
        status: Status, share: Double, count: Int, valid: Int, previousShare: Double? = nil,
        previousPeriod: Period? = nil, sequenceBroken: Bool = false, missingPeriod: Period? = nil,
        suppressed: Bool = false, previousSuppressed: Bool = false
    ) {
        self.officialID = officialID
        self.criterionID = criterionID
        self.surveyID = surveyID
        self.unitID = unitID
        self.period = period
        self.roundID = roundID
        self.status = status
        self.share = share
        self.count = count
        self.valid = valid
        self.previousShare = previousShare
        self.previousPeriod = previousPeriod
        self.sequenceBroken = sequenceBroken
        self.missingPeriod = missingPeriod
        self.suppressed = suppressed
        self.previousSuppressed = previousSuppressed
    }
}

/// What is known about the round before the current one, for the same survey and unit.
///
/// The difference between `.missing` and `.none` matters: a first round cannot break a
/// sequence, a skipped period does, and the report says so.
public enum PriorRound: Sendable, Hashable {
    /// The round of the immediately previous period (`current.period.previous`).
    case tallied(RoundResult)
    /// Earlier rounds exist, but none was tallied for this period (the previous one).
    case missing(Period)
    /// No earlier round of this survey and unit.
    case none

    /// Picks the prior round of `current` from all tallied rounds (any survey or unit).
    public static func find(for current: RoundResult, among results: some Sequence<RoundResult>) -> PriorRound {
        let wanted = current.period.previous
        var earlier = false
        for result in results where result.surveyID == current.surveyID && result.unitID == current.unitID {
            if result.period == wanted { return .tallied(result) }
            if result.period < current.period { earlier = true }
        }
        return earlier ? .missing(wanted) : .none
    }
}

/// The repeated-criticism rule for grid surveys.
public enum FlagRules {
    /// A criterion is noted when `count ≥ noted.minCount` and `count / valid ≥ noted.minShare`, exactly.
    public static func isNoted(_ cell: RoundResult.GridCell, policy: CountingPolicy) -> Bool {
        cell.marked >= policy.noted.minCount && policy.noted.minShare.isReached(count: cell.marked, of: cell.valid)
    }

    /// Flags for `current`, where `previous` is the round of `current.period.previous` or nil when
    /// there is no earlier round at all. Use `evaluate(current:prior:survey:)` when an earlier round
    /// exists but the previous period was skipped. A `previous` of another period counts as missing.
    public static func evaluate(current: RoundResult, previous: RoundResult?, survey: Survey) -> [Flag] {
        evaluate(current: current, prior: previous.map { .tallied($0) } ?? .none, survey: survey)
    }

    /// Flags for `current` (grid surveys; other kinds have no criterion flags and return []).
    /// Order: action, reminder, resolved; then roster order and criterion order.
    public static func evaluate(current: RoundResult, prior: PriorRound, survey: Survey) -> [Flag] {
        guard case .grid(let grid) = current.counts else { return [] }
        let policy = survey.policy
        let expected = current.period.previous

        var previousGrid: RoundResult.GridCounts?
        var previousResult: RoundResult?
        var missing: Period?
        switch prior {
        case .tallied(let result) where result.surveyID == current.surveyID && result.unitID == current.unitID:
            if result.period == expected, case .grid(let counts) = result.counts {
                previousGrid = counts
                previousResult = result
            } else {
                missing = expected
            }
        case .tallied: break  // another survey or unit says nothing about this sequence
        case .missing: missing = expected
        case .none: break
        }

        var previousCells: [String: RoundResult.GridCell] = [:]
        for row in previousGrid?.rows ?? [] {
            for cell in row.cells { previousCells["\(row.officialID)\u{0}\(cell.criterionID)"] = cell }
        }

        var flags: [Flag] = []
        for row in grid.rows {
            for cell in row.cells {
                let before = previousCells["\(row.officialID)\u{0}\(cell.criterionID)"]
                let notedNow = isNoted(cell, policy: policy)
                let notedBefore = before.map { isNoted($0, policy: policy) } ?? false
                let status: Flag.Status
                if notedNow {
                    status = notedBefore ? .action : .reminder
                } else if notedBefore {
                    status = .resolved
                } else {
                    continue
                }
                flags.append(
                    Flag(
                        officialID: row.officialID, criterionID: cell.criterionID, surveyID: current.surveyID,
                        unitID: current.unitID, period: current.period, roundID: current.roundID, status: status,
                        share: cell.share.value, count: cell.marked, valid: cell.valid,
                        previousShare: before?.share.value, previousPeriod: previousResult?.period,
                        sequenceBroken: missing != nil, missingPeriod: missing, suppressed: current.suppressed,
                        previousSuppressed: previousResult?.suppressed ?? false))
            }
        }
        let rank: [Flag.Status: Int] = [.action: 0, .reminder: 1, .resolved: 2]
        // Stable: equal ranks keep roster and criterion order.
        return flags.enumerated().sorted {
            (rank[$0.element.status]!, $0.offset) < (rank[$1.element.status]!, $1.offset)
        }
        .map(\.element)
    }
}
