/// A survey definition: what a ballot asks, which answers it accepts and how it is counted.
///
/// Definitions are written in YAML (see `ballots/README.md`) and parsed by `SurveyLoader`.
/// The model is deliberately flat so that an import validator, the printer and the tally
/// can all read it without knowing YAML.
public struct Survey: Sendable, Hashable, Codable {
    /// ASCII id, e.g. `quarterly-7`. Appears in round ids, QR payloads and canonical ballots.
    public var id: SurveyID
    /// Bumped whenever questions or codes change; stored with every round.
    public var version: Int
    /// Title printed on the ballot, e.g. "PHIẾU ĐÁNH GIÁ CÁN BỘ".
    public var title: LocalizedText
    /// Instructions printed under the title.
    public var instructions: LocalizedText
    public var shape: Shape
    public var cadence: Cadence
    /// Who answers this survey. A round picks one of these.
    public var channels: [Channel]
    /// Grid shape: the criteria (columns). Empty otherwise.
    public var criteria: [Criterion]
    /// Answer codes. Grid shape: the codes that mark a shortcoming (e.g. `x`, `1`), the
    /// first being canonical. Choice shapes: one entry per level, in printed order.
    public var choices: [Choice]
    /// Standalone-questions shape: the questions (each uses `choices`). Empty otherwise.
    public var questions: [Question]
    /// Whether a ballot may carry one free-text remark, and how long it may be.
    public var remark: RemarkPolicy
    public var policy: CountingPolicy

    public init(
        id: SurveyID, version: Int, title: LocalizedText, instructions: LocalizedText, shape: Shape,
        cadence: Cadence, channels: [Channel], criteria: [Criterion], choices: [Choice],
        questions: [Question], remark: RemarkPolicy, policy: CountingPolicy
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.instructions = instructions
        self.shape = shape
        self.cadence = cadence
        self.channels = channels
        self.criteria = criteria
        self.choices = choices
        self.questions = questions
        self.remark = remark
        self.policy = policy
    }

    /// How a ballot is laid out and how its question ids are formed.
    public enum Shape: String, Sendable, Hashable, Codable, CaseIterable {
        /// Official × criterion grid of check boxes; a mark means "shows this shortcoming".
        /// Question id: `<official_id>.<criterion_id>`; blank means no criticism.
        case grid
        /// One choice per official (confidence vote, monthly rating). Question id: `<official_id>`.
        case officialChoice = "official-choice"
        /// Standalone questions not about officials (satisfaction). Question id: the question's id.
        case questions
    }

    public enum Cadence: String, Sendable, Hashable, Codable, CaseIterable {
        case quarterly, monthly, adhoc
    }

    /// The respondent channel.
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        /// Staff of the unit, including subordinates rating superiors.
        case staff
        case citizens
        case businesses
    }

    public struct Criterion: Sendable, Hashable, Codable {
        public var id: CriterionID
        public var label: LocalizedText
        /// A short label for narrow grid columns; defaults to `label`.
        public var shortLabel: LocalizedText
        public init(id: CriterionID, label: LocalizedText, shortLabel: LocalizedText? = nil) {
            self.id = id
            self.label = label
            self.shortLabel = shortLabel ?? label
        }
    }

    public struct Choice: Sendable, Hashable, Codable {
        /// What tellers key in: an ASCII code such as `1` or `x`.
        public var code: String
        public var label: LocalizedText
        public init(code: String, label: LocalizedText) {
            self.code = code
            self.label = label
        }
    }

    public struct Question: Sendable, Hashable, Codable {
        public var id: String
        public var label: LocalizedText
        public init(id: String, label: LocalizedText) {
            self.id = id
            self.label = label
        }
    }

    public struct RemarkPolicy: Sendable, Hashable, Codable {
        public var allowed: Bool
        public var maxLength: Int
        public init(allowed: Bool, maxLength: Int = 1000) {
            self.allowed = allowed
            self.maxLength = maxLength
        }
    }
}

/// A ratio kept exact (1/3 must not become 0.333…): shares are compared as
/// `count * denominator >= numerator * total`.
public struct Fraction: Sendable, Hashable, Codable, CustomStringConvertible {
    public var numerator: Int
    public var denominator: Int
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator > 0, "a fraction needs a positive denominator")
        self.numerator = numerator
        self.denominator = denominator
    }
    /// `count / total >= self`, exactly.
    public func isReached(count: Int, of total: Int) -> Bool {
        total > 0 && count * denominator >= numerator * total
    }
    /// `count / total > self`, exactly.
    public func isExceeded(count: Int, of total: Int) -> Bool {
        total > 0 && count * denominator > numerator * total
    }
    public var description: String { "\(numerator)/\(denominator)" }
}

/// Counting rules read by the tally. Defaults follow the agencies' practice.
public struct CountingPolicy: Sendable, Hashable, Codable {
    /// Groups with fewer ballots than this are not broken down in reports (never below 3).
    public var minRespondents: Int
    /// Grid surveys: when a criterion counts as *noted* for an official in one round.
    public var noted: Noted
    /// Confidence votes: share of the summoned electorate that must return ballots (QĐ 96: 2/3).
    public var quorum: Fraction?
    /// Confidence votes: the choice code whose share is checked against `thresholds`
    /// (tín nhiệm thấp).
    public var lowConfidenceCode: String?
    /// Confidence votes: shares of `lowConfidenceCode` that reports mark (QĐ 96: > 1/2 and ≥ 2/3).
    public var thresholds: [Threshold]
    /// Satisfaction surveys: the codes that count as satisfied (hài lòng, rất hài lòng).
    public var satisfiedCodes: [String]

    public init(
        minRespondents: Int = 5, noted: Noted = Noted(), quorum: Fraction? = nil,
        lowConfidenceCode: String? = nil, thresholds: [Threshold] = [], satisfiedCodes: [String] = []
    ) {
        self.minRespondents = max(3, minRespondents)
        self.noted = noted
        self.quorum = quorum
        self.lowConfidenceCode = lowConfidenceCode
        self.thresholds = thresholds
        self.satisfiedCodes = satisfiedCodes
    }

    public struct Noted: Sendable, Hashable, Codable {
        public var minShare: Fraction
        public var minCount: Int
        public init(minShare: Fraction = Fraction(1, 3), minCount: Int = 2) {
            self.minShare = minShare
            self.minCount = minCount
        }
    }

    /// A share threshold; `inclusive` means "reaches" (≥), otherwise "exceeds" (>).
    public struct Threshold: Sendable, Hashable, Codable {
        public var id: String
        public var share: Fraction
        public var inclusive: Bool
        public var label: LocalizedText
        public init(id: String, share: Fraction, inclusive: Bool, label: LocalizedText) {
            self.id = id
            self.share = share
            self.inclusive = inclusive
            self.label = label
        }
        public func isMet(count: Int, of total: Int) -> Bool {
            inclusive ? share.isReached(count: count, of: total) : share.isExceeded(count: count, of: total)
        }
    }
}
