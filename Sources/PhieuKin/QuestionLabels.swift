import PhieuKinCore

/// What a person calls a ballot column or box: the official's name and the criterion's label
/// (grid), the official and their title (official choice), the question's text (questions) —
/// for the keying template's label row and for a teller reviewing a scanned sheet.
struct QuestionLabels {
    let survey: Survey
    private let officials: [OfficialID: RoundOfficial]
    private let criteria: [String: Survey.Criterion]
    private let questions: [String: LocalizedText]

    init(survey: Survey, officials: [RoundOfficial]) {
        self.survey = survey
        self.officials = Dictionary(officials.map { ($0.officialID, $0) }, uniquingKeysWith: { a, _ in a })
        criteria = Dictionary(survey.criteria.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        questions = Dictionary(survey.questions.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
    }

    /// The label of a column (a question id as an import reads it); the id itself when unknown.
    func label(_ column: String, _ l: Language) -> String {
        switch survey.shape {
        case .grid:
            let parts = column.split(separator: ".", maxSplits: 1).map(String.init)
            let official = officials[OfficialID(parts[0])]?.fullName ?? parts[0]
            let criterion = parts.count > 1 ? criteria[parts[1]]?.shortLabel.text(l) ?? parts[1] : ""
            return "\(official) — \(criterion)"
        case .officialChoice:
            let official = officials[OfficialID(column)]
            return [official?.fullName ?? column, official?.title ?? ""].filter { !$0.isEmpty }.joined(
                separator: ", ")
        case .questions:
            return questions[column]?.text(l) ?? column
        }
    }

    /// One answer box: the column's label, and for choice ballots the choice's label too (a grid
    /// box has one code, "marked").
    func box(question: String, code: String, _ l: Language) -> String {
        guard survey.shape != .grid, let choice = survey.choices.first(where: { $0.code == code }) else {
            return label(question, l)
        }
        return label(question, l) + ": " + choice.label.text(l)
    }
}
