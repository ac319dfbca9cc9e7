import Foundation
public import PhieuKinMessages
import Yams

/// Why a survey definition was refused, as `file:line: field.path: what is wrong`.
///
/// Lines come from the YAML parser's marks; the path names the field the way it is written in
/// the file (`criteria[2].id`, `policy.noted.min_share`), so the author can go straight to it.
public struct SurveyError: Error, Equatable, CustomStringConvertible, MessageConvertible {
    /// What kind of failure this is; new kinds may be added, so switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The text is not valid YAML (or JSON) syntax.
        public static let syntax = Kind("syntax")
        /// A required key is missing.
        public static let missingKey = Kind("missingKey")
        /// A key is not part of the schema (a typo, or the wrong place).
        public static let unknownKey = Kind("unknownKey")
        /// A value has the wrong type or is out of range.
        public static let invalidValue = Kind("invalidValue")
        /// An id or code appears twice.
        public static let duplicate = Kind("duplicate")
        /// The definition is inconsistent with its own shape (choices, codes, policy).
        public static let shape = Kind("shape")
        /// A definition file was refused as a whole (too large, unsafe permissions, overrides a shipped survey).
        public static let catalog = Kind("catalog")
        /// No survey has this id.
        public static let unknownSurvey = Kind("unknownSurvey")
    }

    /// What failed, for a caller to switch on.
    public let kind: Kind
    public let fileName: String?
    public let line: Int?
    /// The field path, e.g. `criteria[2].id`; nil for file-level problems.
    public let path: String?
    /// What is wrong, without the location.
    public let why: Message
    /// The reason in English.
    public var reason: String { why.description }
    /// The YAML parser's error behind a `.syntax` error.
    public let underlying: (any Error)?

    private init(
        _ kind: Kind, file: String?, line: Int?, path: String?, _ reason: Message, underlying: (any Error)? = nil
    ) {
        self.kind = kind
        self.fileName = file
        self.line = line
        self.path = path
        self.why = reason
        self.underlying = underlying
    }

    /// Equal when kind, location and reason are (the underlying error is not compared).
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.kind == rhs.kind && lhs.fileName == rhs.fileName && lhs.line == rhs.line && lhs.path == rhs.path
            && lhs.reason == rhs.reason
    }

    /// "file:line: path: reason", the reason translated.
    public var message: Message {
        var location = fileName ?? ""
        if let line { location += ":\(line)" }
        var parts: [Message] = location.isEmpty ? [] : [.verbatim(location)]
        if let path { parts.append(.verbatim(path)) }
        parts.append(why)
        return Message.joined(parts, separator: ": ")
    }
    public var description: String { message.description }

    static func syntax(file: String, line: Int?, _ reason: Message, underlying: (any Error)? = nil) -> Self {
        .init(.syntax, file: file, line: line, path: nil, reason, underlying: underlying)
    }
    static func missingKey(file: String, line: Int?, path: String) -> Self {
        .init(.missingKey, file: file, line: line, path: path, "required key is missing")
    }
    static func unknownKey(file: String, line: Int?, path: String, _ reason: Message) -> Self {
        .init(.unknownKey, file: file, line: line, path: path, reason)
    }
    static func invalid(file: String, line: Int?, path: String, _ reason: Message) -> Self {
        .init(.invalidValue, file: file, line: line, path: path, reason)
    }
    static func duplicate(file: String, line: Int?, path: String, _ reason: Message) -> Self {
        .init(.duplicate, file: file, line: line, path: path, reason)
    }
    static func shape(file: String, line: Int?, path: String, _ reason: Message) -> Self {
        .init(.shape, file: file, line: line, path: path, reason)
    }
    static func catalog(file: String, line: Int?, path: String?, _ reason: Message) -> Self {
        .init(.catalog, file: file, line: line, path: path, reason)
    }
    static func unknownSurvey(_ id: String, known: [String], unreadable: [SurveyError] = []) -> Self {
        var reason: Message = "unknown survey \"\(excerpt(id))\"; known surveys: \(known.joined(separator: ", "))"
        if !unreadable.isEmpty {
            reason += Message.counted(
                unreadable.count, ". {0} definition file was refused: ", ". {0} definition files were refused: ")
            reason += Message.joined(unreadable.map(\.message), separator: "; ")
        }
        return .init(.unknownSurvey, file: nil, line: nil, path: nil, reason)
    }
    /// A whole definition file refused before parsing (too large, not UTF-8, unsafe permissions).
    public static func file(_ name: String, _ reason: Message) -> Self {
        .init(.catalog, file: name, line: nil, path: nil, reason)
    }
}

/// Reads and validates survey definitions written in YAML (schema: ballots/README.md).
///
/// Strict on purpose: unknown keys, unknown enum values and inconsistent codes are errors, since
/// a typo in a definition would otherwise silently change how ballots are printed or counted.
/// All text is NFC-normalized.
public enum SurveyLoader {
    public static func load(yaml: String, fileName: String) throws -> Survey {
        try loadLocated(yaml: yaml, fileName: fileName).survey
    }

    /// The survey and the line of its `version` key (for catalog override errors).
    static func loadLocated(yaml: String, fileName: String) throws -> (survey: Survey, versionLine: Int?) {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw SurveyError.syntax(file: fileName, line: 1, "the file is empty; see ballots/README.md")
            }
            root = node
        } catch let error as YamlError {
            throw syntaxError(error, fileName: fileName)
        }
        var reader = Reader(file: fileName)
        return try reader.survey(root)
    }

    private static func syntaxError(_ error: YamlError, fileName: String) -> SurveyError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return .syntax(
                file: fileName, line: mark.line, "YAML syntax error: \(excerpt(prefix + problem, limit: 200))",
                underlying: error)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "\"\(excerpt($0))\"" }.joined(separator: ", ")
            return .syntax(
                file: fileName, line: context.mark.line, "duplicate key \(keys) in the same mapping", underlying: error)
        case .reader(let problem, _, _, _):
            return .syntax(
                file: fileName, line: nil, "cannot read the file as YAML text: \(excerpt(problem, limit: 200))",
                underlying: error)
        default:
            return .syntax(
                file: fileName, line: nil, "YAML error: \(excerpt("\(error)", limit: 200))", underlying: error)
        }
    }
}

// MARK: - Reader

private struct Reader {
    let file: String

    static let surveyKeys = [
        "id", "version", "title", "instructions", "shape", "cadence", "channels", "criteria", "choices",
        "questions", "remark", "policy",
    ]
    static let policyKeys = [
        "min_respondents", "noted", "quorum", "low_confidence_code", "thresholds", "satisfied_codes",
    ]

    mutating func survey(_ root: Node) throws -> (survey: Survey, versionLine: Int?) {
        let top = try mapping(root, path: nil, allowed: Self.surveyKeys)
        let id = try identifier(top.required("id"), path: "id")
        let versionNode = try top.required("version")
        let version = try integer(versionNode, path: "version", range: 1...1_000_000)
        let title = try localized(top.required("title"), path: "title")
        let instructions = try localized(top.required("instructions"), path: "instructions")
        let shapeNode = try top.required("shape")
        let shape: Survey.Shape = try enumeration(shapeNode, path: "shape")
        let cadence: Survey.Cadence = try enumeration(top.required("cadence"), path: "cadence")
        let channels = try channelList(top.required("channels"), path: "channels")
        let shapeLine = line(shapeNode)

        var criteria: [Survey.Criterion] = []
        if let node = top.optional("criteria") {
            guard shape == .grid else {
                throw SurveyError.shape(
                    file: file, line: top.keyLine("criteria"), path: "criteria", "only a grid survey has criteria")
            }
            var ids = UniqueIDs()
            for (i, item) in try sequence(node, path: "criteria").enumerated() {
                let path = "criteria[\(i)]"
                let fields = try mapping(item, path: path, allowed: ["id", "label", "short_label"])
                let idNode = try fields.required("id")
                let criterionID = try identifier(idNode, path: "\(path).id")
                try ids.insert(criterionID, node: idNode, path: "\(path).id", reader: self)
                let label = try localized(fields.required("label"), path: "\(path).label")
                let short = try fields.optional("short_label").map { try localized($0, path: "\(path).short_label") }
                criteria.append(Survey.Criterion(id: CriterionID(criterionID), label: label, shortLabel: short))
            }
        }

        var questions: [Survey.Question] = []
        if let node = top.optional("questions") {
            guard shape == .questions else {
                throw SurveyError.shape(
                    file: file, line: top.keyLine("questions"), path: "questions",
                    "only a questions survey has questions")
            }
            var ids = UniqueIDs()
            for (i, item) in try sequence(node, path: "questions").enumerated() {
                let path = "questions[\(i)]"
                let fields = try mapping(item, path: path, allowed: ["id", "label"])
                let idNode = try fields.required("id")
                let questionID = try identifier(idNode, path: "\(path).id")
                try ids.insert(questionID, node: idNode, path: "\(path).id", reader: self)
                questions.append(
                    Survey.Question(
                        id: questionID, label: try localized(fields.required("label"), path: "\(path).label")))
            }
        }

        var choices: [Survey.Choice] = []
        let choicesNode = top.optional("choices")
        if let node = choicesNode {
            var codes = UniqueIDs(noun: "code")
            for (i, item) in try sequence(node, path: "choices").enumerated() {
                let path = "choices[\(i)]"
                let fields = try mapping(item, path: path, allowed: ["code", "label"])
                let codeNode = try fields.required("code")
                let code = try self.code(codeNode, path: "\(path).code")
                try codes.insert(code, node: codeNode, path: "\(path).code", reader: self)
                choices.append(
                    Survey.Choice(code: code, label: try localized(fields.required("label"), path: "\(path).label")))
            }
        }

        // Shape-specific requirements.
        let choicesLine = choicesNode == nil ? shapeLine : top.keyLine("choices")
        switch shape {
        case .grid:
            guard !criteria.isEmpty else {
                throw SurveyError.shape(
                    file: file, line: top.keyLine("criteria") ?? shapeLine, path: "criteria",
                    "a grid survey needs at least one criterion")
            }
            guard !choices.isEmpty else {
                throw SurveyError.shape(
                    file: file, line: choicesLine, path: "choices",
                    "a grid survey needs at least one mark code (the first is canonical)")
            }
        case .officialChoice:
            guard choices.count >= 2 else {
                throw SurveyError.shape(
                    file: file, line: choicesLine, path: "choices", "an official-choice survey needs at least 2 choices"
                )
            }
        case .questions:
            guard !questions.isEmpty else {
                throw SurveyError.shape(
                    file: file, line: top.keyLine("questions") ?? shapeLine, path: "questions",
                    "a questions survey needs at least one question")
            }
            guard choices.count >= 2 else {
                throw SurveyError.shape(
                    file: file, line: choicesLine, path: "choices", "a questions survey needs at least 2 choices")
            }
        }

        var remark = Survey.RemarkPolicy(allowed: false)
        if let node = top.optional("remark") {
            let fields = try mapping(node, path: "remark", allowed: ["allowed", "max_length"])
            remark.allowed = try boolean(fields.required("allowed"), path: "remark.allowed")
            if let maxNode = fields.optional("max_length") {
                remark.maxLength = try integer(maxNode, path: "remark.max_length", range: 1...10_000)
            }
        }

        let policy = try top.optional("policy").map { try self.policy($0, shape: shape, choices: choices) }
        let survey = Survey(
            id: SurveyID(id), version: version, title: title, instructions: instructions, shape: shape,
            cadence: cadence,
            channels: channels, criteria: criteria, choices: choices, questions: questions, remark: remark,
            policy: policy ?? CountingPolicy())
        return (survey, line(versionNode))
    }

    private func policy(_ node: Node, shape: Survey.Shape, choices: [Survey.Choice]) throws -> CountingPolicy {
        let fields = try mapping(node, path: "policy", allowed: Self.policyKeys)
        var policy = CountingPolicy()
        if let n = fields.optional("min_respondents") {
            let value = try integer(n, path: "policy.min_respondents", range: 0...1_000_000)
            guard value >= 3 else {
                throw SurveyError.invalid(
                    file: file, line: line(n), path: "policy.min_respondents",
                    "must be at least 3 (smaller groups could reveal how someone voted)")
            }
            policy.minRespondents = value
        }
        func onlyFor(_ key: String, _ allowed: Survey.Shape) throws -> Node? {
            guard let n = fields.optional(key) else { return nil }
            guard shape == allowed else {
                throw SurveyError.shape(
                    file: file, line: fields.keyLine(key), path: "policy.\(key)",
                    "only used by \(allowed.rawValue) surveys; remove it for shape \(shape.rawValue)")
            }
            return n
        }
        let codes = choices.map(\.code)
        func choiceCode(_ n: Node, path: String) throws -> String {
            let value = try code(n, path: path)
            guard codes.contains(value) else {
                throw SurveyError.invalid(
                    file: file, line: line(n), path: path,
                    "code \"\(excerpt(value))\" is not one of the choices (\(codes.joined(separator: ", ")))")
            }
            return value
        }
        if let n = try onlyFor("noted", .grid) {
            let noted = try mapping(n, path: "policy.noted", allowed: ["min_share", "min_count"])
            if let share = noted.optional("min_share") {
                policy.noted.minShare = try fraction(share, path: "policy.noted.min_share")
            }
            if let count = noted.optional("min_count") {
                policy.noted.minCount = try integer(count, path: "policy.noted.min_count", range: 1...1_000_000)
            }
        }
        if let n = fields.optional("quorum") {
            policy.quorum = try fraction(n, path: "policy.quorum")
        }
        if let n = try onlyFor("low_confidence_code", .officialChoice) {
            policy.lowConfidenceCode = try choiceCode(n, path: "policy.low_confidence_code")
        }
        if let n = try onlyFor("thresholds", .officialChoice) {
            guard policy.lowConfidenceCode != nil else {
                throw SurveyError.shape(
                    file: file, line: fields.keyLine("thresholds"), path: "policy.thresholds",
                    "thresholds need policy.low_confidence_code (the choice whose share they check)")
            }
            var ids = UniqueIDs()
            for (i, item) in try sequence(n, path: "policy.thresholds").enumerated() {
                let path = "policy.thresholds[\(i)]"
                let t = try mapping(item, path: path, allowed: ["id", "share", "inclusive", "label"])
                let idNode = try t.required("id")
                let thresholdID = try identifier(idNode, path: "\(path).id")
                try ids.insert(thresholdID, node: idNode, path: "\(path).id", reader: self)
                policy.thresholds.append(
                    CountingPolicy.Threshold(
                        id: thresholdID, share: try fraction(t.required("share"), path: "\(path).share"),
                        inclusive: try boolean(t.required("inclusive"), path: "\(path).inclusive"),
                        label: try localized(t.required("label"), path: "\(path).label")))
            }
        }
        if let n = try onlyFor("satisfied_codes", .questions) {
            var seen = UniqueIDs(noun: "code")
            for (i, item) in try sequence(n, path: "policy.satisfied_codes").enumerated() {
                let path = "policy.satisfied_codes[\(i)]"
                let value = try choiceCode(item, path: path)
                try seen.insert(value, node: item, path: path, reader: self)
                policy.satisfiedCodes.append(value)
            }
            guard !policy.satisfiedCodes.isEmpty else {
                throw SurveyError.invalid(
                    file: file, line: line(n), path: "policy.satisfied_codes", "list at least one choice code")
            }
        }
        return policy
    }

    // MARK: Node helpers

    func line(_ node: Node) -> Int? { node.mark?.line }

    struct Fields {
        let node: Node
        let path: String?
        let values: [String: Node]
        let keys: [String: Node]
        let file: String

        func optional(_ key: String) -> Node? { values[key] }

        /// The line of `key:` itself (a block list's value starts on the next line).
        func keyLine(_ key: String) -> Int? { keys[key]?.mark?.line ?? values[key]?.mark?.line }

        func required(_ key: String) throws -> Node {
            guard let value = values[key] else {
                throw SurveyError.missingKey(file: file, line: node.mark?.line, path: join(path, key))
            }
            return value
        }
    }

    func mapping(_ node: Node, path: String?, allowed: [String]) throws -> Fields {
        guard case .mapping(let mapping) = node else {
            throw SurveyError.invalid(
                file: file, line: line(node), path: path ?? "(top level)",
                "expected keys and values, found \(kind(node))")
        }
        var values: [String: Node] = [:]
        var keys: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw SurveyError.invalid(
                    file: file, line: line(keyNode), path: path ?? "(top level)", "keys must be text")
            }
            let key = scalar.string
            guard allowed.contains(key) else {
                var reason: Message = "unknown key"
                if key.utf8.count <= 64,
                    let guess = allowed.min(by: { editDistance($0, key) < editDistance($1, key) }),
                    editDistance(guess, key) <= 2
                {
                    reason += "; did you mean \"\(guess)\"?"
                } else {
                    reason += "; allowed here: \(allowed.joined(separator: ", "))"
                }
                throw SurveyError.unknownKey(file: file, line: line(keyNode), path: join(path, key), reason)
            }
            values[key] = value
            keys[key] = keyNode
        }
        return Fields(node: node, path: path, values: values, keys: keys, file: file)
    }

    func sequence(_ node: Node, path: String) throws -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw SurveyError.invalid(file: file, line: line(node), path: path, "expected a list, found \(kind(node))")
        }
        return Array(sequence)
    }

    func scalar(_ node: Node, path: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw SurveyError.invalid(file: file, line: line(node), path: path, "expected a value, found \(kind(node))")
        }
        return scalar.string
    }

    func text(_ node: Node, path: String) throws -> String {
        let value = try scalar(node, path: path).trimmingCharacters(in: .whitespacesAndNewlines).nfc
        guard !value.isEmpty else {
            throw SurveyError.invalid(file: file, line: line(node), path: path, "must not be empty")
        }
        return value
    }

    func localized(_ node: Node, path: String) throws -> LocalizedText {
        let fields = try mapping(node, path: path, allowed: ["vi", "en"])
        return LocalizedText(
            vi: try text(fields.required("vi"), path: "\(path).vi"),
            en: try text(fields.required("en"), path: "\(path).en"))
    }

    func identifier(_ node: Node, path: String) throws -> String {
        let value = try scalar(node, path: path)
        let valid =
            !value.isEmpty && value.utf8.count <= 64
            && value.utf8.allSatisfy {
                ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F
            }
        guard valid else {
            throw SurveyError.invalid(
                file: file, line: line(node), path: path,
                "\"\(excerpt(value.nfc))\" is not an id: use 1 to 64 lowercase ASCII letters, digits, \"-\" or \"_\"")
        }
        return value
    }

    func code(_ node: Node, path: String) throws -> String {
        let value = try scalar(node, path: path)
        let valid =
            !value.isEmpty && value.utf8.count <= 8
            && value.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        guard valid else {
            throw SurveyError.invalid(
                file: file, line: line(node), path: path,
                "\"\(excerpt(value.nfc))\" is not a code: use 1 to 8 lowercase ASCII letters or digits, as tellers key them"
            )
        }
        return value
    }

    func integer(_ node: Node, path: String, range: ClosedRange<Int>) throws -> Int {
        let value = try scalar(node, path: path)
        guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(value), range.contains(number)
        else {
            throw SurveyError.invalid(
                file: file, line: line(node), path: path,
                "\"\(excerpt(value.nfc))\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func boolean(_ node: Node, path: String) throws -> Bool {
        switch try scalar(node, path: path) {
        case "true": return true
        case "false": return false
        case let other:
            throw SurveyError.invalid(
                file: file, line: line(node), path: path, "\"\(excerpt(other.nfc))\" is not true or false")
        }
    }

    /// `n/d` with 0 < n/d ≤ 1, kept exact.
    func fraction(_ node: Node, path: String) throws -> Fraction {
        let value = try scalar(node, path: path)
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        let digits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard parts.count == 2, digits(parts[0]), digits(parts[1]), let n = Int(parts[0]), let d = Int(parts[1]),
            n > 0, d > 0, n <= d, d <= 1_000_000
        else {
            throw SurveyError.invalid(
                file: file, line: line(node), path: path,
                "\"\(excerpt(value.nfc))\" is not a fraction n/d with 0 < n/d ≤ 1")
        }
        return Fraction(n, d)
    }

    func enumeration<T: RawRepresentable & CaseIterable>(_ node: Node, path: String) throws -> T
    where T.RawValue == String {
        let value = try scalar(node, path: path)
        guard let result = T(rawValue: value) else {
            throw SurveyError.invalid(
                file: file, line: line(node), path: path,
                "unknown value \"\(excerpt(value.nfc))\"; use one of \(T.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return result
    }

    func channelList(_ node: Node, path: String) throws -> [Survey.Channel] {
        var channels: [Survey.Channel] = []
        for (i, item) in try sequence(node, path: path).enumerated() {
            let channel: Survey.Channel = try enumeration(item, path: "\(path)[\(i)]")
            guard !channels.contains(channel) else {
                throw SurveyError.duplicate(
                    file: file, line: line(item), path: "\(path)[\(i)]", "duplicate channel \"\(channel.rawValue)\"")
            }
            channels.append(channel)
        }
        guard !channels.isEmpty else {
            throw SurveyError.invalid(file: file, line: line(node), path: path, "list at least one channel")
        }
        return channels
    }

    private func kind(_ node: Node) -> Message {
        switch node {
        case .scalar: "a single value"
        case .mapping: "keys and values"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Ids or codes that must be unique within one list.
    struct UniqueIDs {
        var noun = "id"
        private var seen: Set<String> = []

        init(noun: String = "id") { self.noun = noun }

        mutating func insert(_ value: String, node: Node, path: String, reader: Reader) throws {
            guard seen.insert(value).inserted else {
                throw SurveyError.duplicate(
                    file: reader.file, line: reader.line(node), path: path, "duplicate \(noun) \"\(excerpt(value))\"")
            }
        }
    }
}

private func join(_ path: String?, _ key: String) -> String {
    path.map { "\($0).\(excerpt(key))" } ?? excerpt(key)
}

/// At most `limit` characters of text from a definition, for an error message: a long or
/// hostile value is never echoed whole (its start, then "…"). Line breaks are shown as spaces.
public func excerpt(_ text: String, limit: Int = 60) -> String {
    var out = ""
    var count = 0
    for character in text {
        if count == limit { return out + "…" }
        out.append(character.isNewline ? " " : character)
        count += 1
    }
    return out
}

/// Levenshtein distance, for "did you mean" on misspelt keys (a survey's YAML keys, a keyed
/// file's header columns).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
