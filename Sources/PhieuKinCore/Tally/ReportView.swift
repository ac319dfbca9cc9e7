/// What a report may show of a round. Built from a `RoundResult`; for a group smaller than
/// `minRespondents` it holds no counts, shares or remarks at all, so no renderer can print them.
public struct ReportView: Sendable, Hashable {
    public let roundID: RoundID
    public let surveyID: SurveyID
    public let unitID: UnitID
    public let period: Period
    public let channel: Survey.Channel
    public let kind: TallyKind
    public let content: Content

    public enum Content: Sendable, Hashable {
        /// Too few ballots to report; only the minimum is known.
        case tooFewBallots(minimum: Int)
        case shown(Shown)
    }

    public struct Shown: Sendable, Hashable {
        public let ballotsCounted: Int
        public let electorate: Int?
        public let issued: Int?
        public let counts: RoundResult.Counts
        /// Shuffled remarks.
        public let remarks: [String]
        public let anomalies: RoundResult.Anomalies
        /// Electronic ballots that were not valid ballots of the round (not counted).
        public let invalidBallots: Int
        /// Counted ballots with no answer (phiếu trắng).
        public let blankBallots: Int
    }

    public init(_ result: RoundResult) {
        roundID = result.roundID
        surveyID = result.surveyID
        unitID = result.unitID
        period = result.period
        channel = result.channel
        kind = result.kind
        if result.suppressed || result.ballotsCounted < max(3, result.minRespondents) {
            content = .tooFewBallots(minimum: max(3, result.minRespondents))
        } else {
            content = .shown(
                Shown(
                    ballotsCounted: result.ballotsCounted, electorate: result.electorate, issued: result.issued,
                    counts: result.counts, remarks: result.remarks, anomalies: result.anomalies,
                    invalidBallots: result.invalidBallots ?? 0, blankBallots: result.blankBallots ?? 0))
        }
    }

    public var isSuppressed: Bool {
        if case .tooFewBallots = content { return true }
        return false
    }
}

/// What a report shows of a flag. Only conclusive rounds have flags, so every figure may be shown.
public struct FlagView: Sendable, Hashable, Codable {
    public struct Figures: Sendable, Hashable, Codable {
        public let share: Double
        public let count: Int
        public let valid: Int
    }

    public let officialID: OfficialID
    public let criterionID: CriterionID
    public let surveyID: SurveyID
    public let unitID: UnitID
    public let period: Period
    public let roundID: RoundID
    public let status: Flag.Status
    public let figures: Figures?
    /// Nil when there was no previous conclusive round to compare with.
    public let previousShare: Double?
    public let previousPeriod: Period?
    public let sequenceBroken: Bool
    public let missingPeriod: Period?
    /// Set when this flag is an earlier round's status carried over an inconclusive round: the
    /// round (and period) it was raised in. `roundID` and `period` then name the inconclusive round.
    public let carriedFrom: Carried?

    public struct Carried: Sendable, Hashable, Codable {
        public let roundID: RoundID
        public let period: Period
    }

    public init(_ flag: Flag) {
        self.init(flag, period: flag.period, roundID: flag.roundID, carriedFrom: nil)
    }

    /// An earlier round's standing flag shown for an inconclusive round: status unchanged, its
    /// figures those of the round that raised it.
    public init(carrying flag: Flag, over round: RoundResult) {
        self.init(
            flag, period: round.period, roundID: round.roundID,
            carriedFrom: Carried(roundID: flag.roundID, period: flag.period))
    }

    private init(_ flag: Flag, period: Period, roundID: RoundID, carriedFrom: Carried?) {
        officialID = flag.officialID
        criterionID = flag.criterionID
        surveyID = flag.surveyID
        unitID = flag.unitID
        self.period = period
        self.roundID = roundID
        status = flag.status
        figures = Figures(share: flag.share, count: flag.count, valid: flag.valid)
        previousShare = flag.previousShare
        previousPeriod = flag.previousPeriod
        sequenceBroken = flag.sequenceBroken
        missingPeriod = flag.missingPeriod
        self.carriedFrom = carriedFrom
    }
}
