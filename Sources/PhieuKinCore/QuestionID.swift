/// How a ballot names one of its questions — the key of `Ballot.answers`, a CSV column, a JSON
/// Lines `answers` member (README "Importing ballots"):
///
/// - `<official>.<criterion>` on a grid ballot (quarterly-7),
/// - `<official>` on a one-choice-per-official ballot (confidence vote, rating),
/// - the question's own id on a question ballot (satisfaction).
///
/// Built and read only here, so no module spells the `.` convention itself. Official ids never
/// contain a dot (the roster refuses them), so the first dot splits a grid id unambiguously.
public enum QuestionID: Hashable, Sendable, CustomStringConvertible {
    case grid(official: OfficialID, criterion: CriterionID)
    case official(OfficialID)
    case question(String)

    /// The text stored in ballots and written in CSV headers.
    public var text: String {
        switch self {
        case .grid(let official, let criterion): official.rawValue + "." + criterion.rawValue
        case .official(let id): id.rawValue
        case .question(let id): id
        }
    }

    public var description: String { text }

    /// Reads `text` as a question of a ballot of `shape`; nil for a grid id without a dot.
    public init?(_ text: String, shape: Survey.Shape) {
        switch shape {
        case .grid:
            guard let dot = text.firstIndex(of: ".") else { return nil }
            self = .grid(
                official: OfficialID(String(text[..<dot])),
                criterion: CriterionID(String(text[text.index(after: dot)...])))
        case .officialChoice: self = .official(OfficialID(text))
        case .questions: self = .question(text)
        }
    }

    /// Every question of a ballot of `survey` for `officials` (in ballot order), in the order a
    /// tally and a keying template list them: official by official, criteria in survey order.
    public static func all(of survey: Survey, officials: [OfficialID]) -> [QuestionID] {
        switch survey.shape {
        case .grid: officials.flatMap { o in survey.criteria.map { .grid(official: o, criterion: $0.id) } }
        case .officialChoice: officials.map(QuestionID.official)
        case .questions: survey.questions.map { .question($0.id) }
        }
    }
}
