/// A criterion noted for an official in a round, or no longer noted.
///
/// Only conclusive rounds have flags: a round with too few ballots to report has none (a flag
/// would tell the flagged official how their few colleagues voted), so every flag's figures
/// may be shown.
public struct Flag: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable, Hashable, CaseIterable {
        /// Noted in this round only (or the sequence was broken): remind the official.
        case reminder
        /// Noted on the same criterion in two consecutive rounds: propose action.
        case action
        /// Noted in the previous round, not in this one.
        case resolved
    }

    public var officialID: OfficialID
    public var criterionID: CriterionID
    public var surveyID: SurveyID
    public var unitID: UnitID
    public var period: Period
    public var roundID: RoundID
    public var status: Status
    public var share: Double
    public var count: Int
    public var valid: Int
    public var previousShare: Double?
    public var previousPeriod: Period?
    /// The previous period had no tallied round although an earlier round exists.
    public var sequenceBroken: Bool
    public var missingPeriod: Period?

    public init(
        officialID: OfficialID, criterionID: CriterionID, surveyID: SurveyID, unitID: UnitID, period: Period,
        roundID: RoundID,
        status: Status, share: Double, count: Int, valid: Int, previousShare: Double? = nil,
        previousPeriod: Period? = nil, sequenceBroken: Bool = false, missingPeriod: Period? = nil
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
    }
}

/// Why a tallied round neither raises nor clears a flag.
///
/// Computed from the committed counts (never stored apart from them), so `verify` and an outside
/// auditor reach the same answer from the results log alone.
public enum InconclusiveReason: Sendable, Hashable {
    /// Fewer valid ballots than `minRespondents`: nothing of the round may be shown, flags included.
    case tooFewBallots(counted: Int, minimum: Int)
    /// Confidence vote (QĐ 96): fewer ballots returned than the quorum of the people summoned.
    case quorumNotMet(returned: Int, electorate: Int?, quorum: Fraction?)
}

extension RoundResult {
    /// Nil for a conclusive round; otherwise why the round counts for nothing in the flag sequence.
    public var inconclusive: InconclusiveReason? {
        if suppressed || ballotsCounted < Swift.max(3, minRespondents) {
            return .tooFewBallots(counted: ballotsCounted, minimum: Swift.max(3, minRespondents))
        }
        if case .confidenceVote(let counts) = counts, !counts.quorumMet {
            return .quorumNotMet(returned: counts.returned, electorate: counts.electorate, quorum: counts.quorum)
        }
        return nil
    }

    /// The unit an official of this round belongs to (multi-unit rounds name it per row).
    public func unitID(ofOfficial officialID: OfficialID) -> UnitID {
        if case .grid(let grid) = counts, let unit = grid.rows.first(where: { $0.officialID == officialID })?.unitID {
            return unit
        }
        return unitID
    }
}

/// What an official's flags in a round are compared with: the last *conclusive* round of the same
/// survey that had the official on its ballot.
///
/// Inconclusive rounds in between are transparent (the earlier status carries over them); a
/// period with no round at all breaks the sequence. Voided rounds are not in the history at all,
/// so a voided period that was not run again is a missing period.
public enum PriorRound: Sendable, Hashable {
    /// The last conclusive round, with nothing but inconclusive rounds after it.
    case compared(RoundResult)
    /// Earlier conclusive rounds exist, but this period had no round.
    case missing(Period)
    /// No earlier conclusive round of this survey with this official.
    case none

    /// The prior round of `officialID` for `current`, among committed results (any survey or unit,
    /// voided rounds already left out; `current` itself is ignored).
    public static func find(
        officialID: OfficialID, for current: RoundResult, among history: some Sequence<RoundResult>
    ) -> PriorRound {
        var held = Set<Period>()
        var last: RoundResult?
        for result in history
        where result.surveyID == current.surveyID && result.roundID != current.roundID
            && result.period < current.period && result.hasOfficial(officialID)
        {
            held.insert(result.period)
            if result.inconclusive == nil, last.map({ $0.period <= result.period }) ?? true { last = result }
        }
        guard let last else { return .none }
        var period = current.period.previous
        var steps = 0
        while last.period < period && steps < 10_000 {
            if !held.contains(period) { return .missing(period) }
            period = period.previous
            steps += 1
        }
        return .compared(last)
    }
}

extension RoundResult {
    /// The officials on this round's ballot, in ballot order (none for a question survey).
    public var officialIDs: [OfficialID] {
        switch counts {
        case .grid(let grid): grid.rows.map(\.officialID)
        case .confidenceVote(let c): c.rows.map(\.officialID)
        case .rating(let r): r.rows.map(\.officialID)
        case .satisfaction: []
        }
    }

    /// True when the official was on this round's ballot.
    public func hasOfficial(_ officialID: OfficialID) -> Bool { officialIDs.contains(officialID) }
}

/// The repeated-criticism rule for grid surveys.
public enum FlagRules {
    /// A criterion is noted when `count ≥ noted.minCount` and `count / valid ≥ noted.minShare`, exactly.
    public static func isNoted(_ cell: RoundResult.GridCell, policy: CountingPolicy) -> Bool {
        cell.marked >= policy.noted.minCount && policy.noted.minShare.isReached(count: cell.marked, of: cell.valid)
    }

    /// Flags for `current` given the one round before it (nil: none). A `previous` of another
    /// period than `current.period.previous` counts as a missing period.
    public static func evaluate(current: RoundResult, previous: RoundResult?, survey: Survey) -> [Flag] {
        evaluate(current: current, history: previous.map { [$0] } ?? [], survey: survey)
    }

    /// Flags for `current` (grid surveys; other kinds have no criterion flags and return []),
    /// judged against `history`: the results committed before it, voided rounds left out.
    ///
    /// An inconclusive round (too few ballots, quorum not met) raises and clears nothing: it has
    /// no flags, and the official's earlier status carries to the next conclusive round.
    /// Order: action, reminder, resolved; then ballot order and criterion order.
    public static func evaluate(current: RoundResult, history: [RoundResult], survey: Survey) -> [Flag] {
        guard case .grid(let grid) = current.counts, current.inconclusive == nil else { return [] }
        let policy = survey.policy
        var flags: [Flag] = []
        for row in grid.rows {
            var previousCells: [CriterionID: RoundResult.GridCell] = [:]
            var previousResult: RoundResult?
            var missing: Period?
            switch PriorRound.find(officialID: row.officialID, for: current, among: history) {
            case .compared(let result):
                previousResult = result
                if case .grid(let counts) = result.counts,
                    let before = counts.rows.first(where: { $0.officialID == row.officialID })
                {
                    for cell in before.cells { previousCells[cell.criterionID] = cell }
                }
            case .missing(let period): missing = period
            case .none: break
            }
            for cell in row.cells {
                let before = previousCells[cell.criterionID]
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
                        unitID: row.unitID ?? current.unitID, period: current.period, roundID: current.roundID,
                        status: status, share: cell.share.value, count: cell.marked, valid: cell.valid,
                        previousShare: before?.share.value, previousPeriod: previousResult?.period,
                        sequenceBroken: missing != nil, missingPeriod: missing))
            }
        }
        let rank: [Flag.Status: Int] = [.action: 0, .reminder: 1, .resolved: 2]
        // Stable: equal ranks keep ballot and criterion order.
        return flags.enumerated().sorted {
            (rank[$0.element.status]!, $0.offset) < (rank[$1.element.status]!, $1.offset)
        }
        .map(\.element)
    }
}
