/// One voter's ballot as it is sealed, and as the tally reads it back.
///
/// Deliberately carries no serial, time or source: the serial is consumed (as a hash, stored
/// apart) at import and never travels with the marks. See docs/FORMAT.md, "Ballot".
public struct Ballot: Sendable, Hashable, Codable {
    public var surveyID: SurveyID
    public var roundID: RoundID
    /// Question id → canonical answer code. Grid surveys hold only marked cells
    /// (`<official_id>.<criterion_id>` → the survey's first mark code); blank means no answer.
    public var answers: [String: String]
    /// Optional free-text remark, NFC-normalized.
    public var remark: String?

    public init(surveyID: SurveyID, roundID: RoundID, answers: [String: String], remark: String? = nil) {
        self.surveyID = surveyID
        self.roundID = roundID
        self.answers = answers
        self.remark = remark
    }
}
