/// What the tally needs to know about a round besides its ballots.
///
/// `electorate` is the number of people summoned (confidence votes count shares over it, QĐ 96);
/// `issued` is the number of blank ballots handed out, kept for the report.
public struct RoundInfo: Sendable, Hashable, Codable {
    public var roundID: RoundID
    public var surveyID: SurveyID
    public var unitID: UnitID
    public var unitName: String
    public var period: Period
    public var channel: Survey.Channel
    public var electorate: Int?
    public var issued: Int?

    public init(
        roundID: RoundID, surveyID: SurveyID, unitID: UnitID, unitName: String, period: Period,
        channel: Survey.Channel, electorate: Int? = nil, issued: Int? = nil
    ) {
        self.roundID = roundID
        self.surveyID = surveyID
        self.unitID = unitID
        self.unitName = unitName
        self.period = period
        self.channel = channel
        self.electorate = electorate
        self.issued = issued
    }
}

/// How a survey is counted. Derived from the survey so that YAML need not say it twice:
/// an official-choice survey with a quorum or a low-confidence code is a confidence vote.
public enum TallyKind: String, Sendable, Hashable, Codable {
    case grid
    case confidenceVote = "confidence-vote"
    case rating
    case satisfaction

    public init(_ survey: Survey) {
        switch survey.shape {
        case .grid: self = .grid
        case .questions: self = .satisfaction
        case .officialChoice:
            self = survey.policy.quorum != nil || survey.policy.lowConfidenceCode != nil ? .confidenceVote : .rating
        }
    }
}

/// A count over a total, kept exact; `value` is only for display and charts.
public struct Share: Sendable, Hashable, Codable, CustomStringConvertible {
    public var count: Int
    public var total: Int
    public init(_ count: Int, of total: Int) {
        self.count = count
        self.total = total
    }
    /// The exact ratio, or nil when nothing was counted (a 0/0 share has no value).
    public var fraction: Fraction? { total > 0 ? Fraction(count, total) : nil }
    /// `count / total` as a Double (0 when `total` is 0). Never compare thresholds with it.
    public var value: Double { total > 0 ? Double(count) / Double(total) : 0 }
    /// `count / total >= threshold`, exactly.
    public func reaches(_ threshold: Fraction) -> Bool { threshold.isReached(count: count, of: total) }
    public var description: String { "\(count)/\(total)" }
}

/// The counts of one round. Kept whole (also for small groups, which flags still need);
/// reports must go through `ReportView`, which drops what may not be shown.
public struct RoundResult: Codable, Sendable, Hashable {
    public var roundID: RoundID
    public var surveyID: SurveyID
    public var surveyVersion: Int
    public var unitID: UnitID
    public var period: Period
    public var channel: Survey.Channel
    public var kind: TallyKind
    /// Ballots of this survey and round that were counted.
    public var ballotsCounted: Int
    public var electorate: Int?
    public var issued: Int?
    /// The survey's `minRespondents` (never below 3) at counting time.
    public var minRespondents: Int
    /// True when `ballotsCounted < minRespondents`: reports show no breakdown for this round.
    public var suppressed: Bool
    public var counts: Counts
    /// Free-text remarks, shuffled, detached from their ballots.
    public var remarks: [String]
    /// Things that should not happen after a validated import; reported, never silently dropped.
    public var anomalies: Anomalies
    /// Electronic ballots that opened to something other than a valid ballot of this round
    /// (phiếu không hợp lệ): not counted, reported. Nil when there were none (so results without
    /// electronic ballots encode as before).
    public var invalidBallots: Int?
    /// Counted ballots with no answer and no remark (phiếu trắng), which the minutes count apart.
    /// Nil when there were none (so results without them encode as before).
    public var blankBallots: Int?

    public init(
        roundID: RoundID, surveyID: SurveyID, surveyVersion: Int, unitID: UnitID, period: Period,
        channel: Survey.Channel, kind: TallyKind, ballotsCounted: Int, electorate: Int?, issued: Int?,
        minRespondents: Int, suppressed: Bool, counts: Counts, remarks: [String], anomalies: Anomalies
    ) {
        self.roundID = roundID
        self.surveyID = surveyID
        self.surveyVersion = surveyVersion
        self.unitID = unitID
        self.period = period
        self.channel = channel
        self.kind = kind
        self.ballotsCounted = ballotsCounted
        self.electorate = electorate
        self.issued = issued
        self.minRespondents = minRespondents
        self.suppressed = suppressed
        self.counts = counts
        self.remarks = remarks
        self.anomalies = anomalies
    }

    public enum Counts: Codable, Sendable, Hashable {
        case grid(GridCounts)
        case confidenceVote(ConfidenceCounts)
        case satisfaction(SatisfactionCounts)
        case rating(RatingCounts)
    }

    /// Ballots or answers the tally could not place. All zero for a clean import.
    public struct Anomalies: Codable, Sendable, Hashable {
        /// Ballots of another survey or round passed in by mistake (not counted).
        public var foreignBallots: Int
        /// Answers to a question id the survey and roster do not have.
        public var unknownQuestions: Int
        /// Answers with a code the survey does not define.
        public var unknownCodes: Int
        /// Remarks on a survey that allows none (dropped).
        public var disallowedRemarks: Int
        public init(
            foreignBallots: Int = 0, unknownQuestions: Int = 0, unknownCodes: Int = 0, disallowedRemarks: Int = 0
        ) {
            self.foreignBallots = foreignBallots
            self.unknownQuestions = unknownQuestions
            self.unknownCodes = unknownCodes
            self.disallowedRemarks = disallowedRemarks
        }
        public var isEmpty: Bool {
            foreignBallots == 0 && unknownQuestions == 0 && unknownCodes == 0 && disallowedRemarks == 0
        }
    }

    /// Grid: for each official (roster order) and criterion (survey order), how many ballots marked it.
    public struct GridCounts: Codable, Sendable, Hashable {
        public var criterionIDs: [CriterionID]
        public var rows: [GridRow]
        public init(criterionIDs: [CriterionID], rows: [GridRow]) {
            self.criterionIDs = criterionIDs
            self.rows = rows
        }
        public func cell(official: OfficialID, criterion: CriterionID) -> GridCell? {
            rows.first { $0.officialID == official }?.cells.first { $0.criterionID == criterion }
        }
    }

    public struct GridRow: Codable, Sendable, Hashable {
        public var officialID: OfficialID
        /// The official's unit, in a round that covers several units (nil: the round's own unit).
        public var unitID: UnitID?
        public var cells: [GridCell]
        public init(officialID: OfficialID, unitID: UnitID? = nil, cells: [GridCell]) {
            self.officialID = officialID
            self.unitID = unitID
            self.cells = cells
        }
    }

    public struct GridCell: Codable, Sendable, Hashable {
        public var criterionID: CriterionID
        /// Ballots that marked this official on this criterion.
        public var marked: Int
        /// Valid ballots that could have marked it (a blank grid cell is a valid "no").
        public var valid: Int
        public init(criterionID: CriterionID, marked: Int, valid: Int) {
            self.criterionID = criterionID
            self.marked = marked
            self.valid = valid
        }
        public var share: Share { Share(marked, of: valid) }
    }

    /// How many answers chose one code, and its share over the row's denominator.
    public struct LevelCount: Codable, Sendable, Hashable {
        public var code: String
        public var share: Share
        public init(code: String, share: Share) {
            self.code = code
            self.share = share
        }
        public var count: Int { share.count }
    }

    /// Confidence vote (QĐ 96): shares are over the summoned electorate, not over ballots returned.
    public struct ConfidenceCounts: Codable, Sendable, Hashable {
        public var electorate: Int?
        public var returned: Int
        public var quorum: Fraction?
        /// Returned ≥ quorum × electorate, exactly (false when the electorate is unknown).
        public var quorumMet: Bool
        /// Quorum met and no more ballots returned than people summoned.
        public var valid: Bool
        public var lowConfidenceCode: String?
        public var rows: [ConfidenceRow]
        public init(
            electorate: Int?, returned: Int, quorum: Fraction?, quorumMet: Bool, valid: Bool,
            lowConfidenceCode: String?, rows: [ConfidenceRow]
        ) {
            self.electorate = electorate
            self.returned = returned
            self.quorum = quorum
            self.quorumMet = quorumMet
            self.valid = valid
            self.lowConfidenceCode = lowConfidenceCode
            self.rows = rows
        }
    }

    public struct ConfidenceRow: Codable, Sendable, Hashable {
        public var officialID: OfficialID
        /// One entry per choice, in survey order; shares over the electorate.
        public var levels: [LevelCount]
        /// Returned ballots with no choice for this official.
        public var blank: Int
        /// Share of the low-confidence code, when the survey names one.
        public var low: Share?
        /// Ids of `policy.thresholds` met by `low`. Empty when the vote is not valid.
        public var thresholdsMet: [String]
        public init(officialID: OfficialID, levels: [LevelCount], blank: Int, low: Share?, thresholdsMet: [String]) {
            self.officialID = officialID
            self.levels = levels
            self.blank = blank
            self.low = low
            self.thresholdsMet = thresholdsMet
        }
    }

    /// Satisfaction survey for the round's channel: per question distribution and index.
    public struct SatisfactionCounts: Codable, Sendable, Hashable {
        public var channel: Survey.Channel
        public var questions: [QuestionCounts]
        /// Satisfied answers over all answers, across questions.
        public var overall: Share
        public init(channel: Survey.Channel, questions: [QuestionCounts], overall: Share) {
            self.channel = channel
            self.questions = questions
            self.overall = overall
        }
    }

    public struct QuestionCounts: Codable, Sendable, Hashable {
        public var questionID: String
        /// One entry per choice, in survey order; shares over answers to this question.
        public var levels: [LevelCount]
        public var answered: Int
        public var blank: Int
        /// Satisfaction index: answers with a satisfied code over answers.
        public var index: Share
        public init(questionID: String, levels: [LevelCount], answered: Int, blank: Int, index: Share) {
            self.questionID = questionID
            self.levels = levels
            self.answered = answered
            self.blank = blank
            self.index = index
        }
    }

    /// Monthly rating: distribution per official; shares over the answers for that official.
    public struct RatingCounts: Codable, Sendable, Hashable {
        public var rows: [RatingRow]
        public init(rows: [RatingRow]) { self.rows = rows }
    }

    public struct RatingRow: Codable, Sendable, Hashable {
        public var officialID: OfficialID
        public var levels: [LevelCount]
        public var answered: Int
        public var blank: Int
        public init(officialID: OfficialID, levels: [LevelCount], answered: Int, blank: Int) {
            self.officialID = officialID
            self.levels = levels
            self.answered = answered
            self.blank = blank
        }
    }
}
