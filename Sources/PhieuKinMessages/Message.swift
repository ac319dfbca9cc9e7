/// A sentence shown to a person — an error's reason, a hint, a command's output line — kept
/// apart from its language until a front end shows it.
///
/// Messages are written in the code as English string literals, as gettext and Swift string
/// catalogues do: the English text, with each interpolation replaced by `{0}`, `{1}`…, is the
/// *key*, and `MessageCatalogue` holds the Vietnamese for every key in one place. Arguments are
/// kept apart so a translation can place them in its own word order, and an argument that is
/// itself a message (a nested error's reason) is translated too.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// One interpolated value: plain text (a file name, a number, an id) or a nested message.
    public indirect enum Argument: Sendable, Hashable {
        case text(String)
        case message(Message)
    }

    /// The English template: the literal with `{0}`, `{1}`… where the arguments go.
    public let key: String
    public let arguments: [Argument]

    public init(key: String, arguments: [Argument] = []) {
        self.key = key
        self.arguments = arguments
    }

    /// Text that is shown as is in every language: a name, a path, an upstream library's words.
    public static func verbatim(_ text: String) -> Message {
        Message(key: "{0}", arguments: [.text(text)])
    }

    /// The message in `language`: the catalogue's template (English: the key itself), with the
    /// arguments, themselves rendered in `language`, put in place.
    public func text(_ language: Language) -> String {
        let template = language == .en ? key : MessageCatalogue.vietnamese[key] ?? key
        return Self.fill(template, arguments.map { $0.text(language) })
    }

    /// English: what logs, tests and `description` show.
    public var description: String { text(.en) }

    /// `template` with `{0}`, `{1}`… replaced by `values`, in one left-to-right pass (so a value
    /// that itself contains `{1}` is never substituted again). Shared by the report wording.
    public static func fill(_ template: String, _ values: [String]) -> String {
        guard !values.isEmpty else { return template }
        return replacingPlaceholders(in: template) { values.indices.contains($0) ? values[$0] : nil }
    }

    /// `template` with each `{n}` replaced by `replacement(n)` (kept as is when that is nil), in
    /// one left-to-right pass: the one scanner of placeholders (`fill`, and `+` renumbering).
    static func replacingPlaceholders(in template: String, _ replacement: (Int) -> String?) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
                let value = replacement(index)
            {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }
}

extension Message.Argument {
    func text(_ language: Language) -> String {
        switch self {
        case .text(let text): text
        case .message(let message): message.text(language)
        }
    }
}

/// A value that reads as a sentence: errors of every layer, so an error interpolated into
/// another's reason is translated with it.
public protocol MessageConvertible {
    var message: Message { get }
}

extension Message: MessageConvertible {
    public var message: Message { self }
}

extension Message: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        self.init(key: value)
    }

    public init(stringInterpolation: Interpolation) {
        self.init(key: stringInterpolation.key, arguments: stringInterpolation.arguments)
    }

    public struct Interpolation: StringInterpolationProtocol {
        var key = ""
        var arguments: [Argument] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            key.reserveCapacity(literalCapacity + 3 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            key += literal
        }

        /// A nested message (or an error of any layer): translated with the outer one.
        public mutating func appendInterpolation(_ value: some MessageConvertible) {
            append(.message(value.message))
        }

        /// Anything else — ids, numbers, paths — as its text.
        public mutating func appendInterpolation<T>(_ value: T) {
            append(.text(String(describing: value)))
        }

        private mutating func append(_ argument: Argument) {
            key += "{\(arguments.count)}"
            arguments.append(argument)
        }
    }
}

extension Message {
    /// "1 batch" / "3 batches" in English, "3 lô" in Vietnamese: `singular` and `plural` are
    /// both keys (with `{0}` for the count) so each has its catalogue entry.
    public static func counted(_ count: Int, _ singular: String, _ plural: String) -> Message {
        Message(key: count == 1 ? singular : plural, arguments: [.text(String(count))])
    }

    /// Messages joined by `separator` (a list of reasons, lines of a table).
    public static func joined(_ parts: [Message], separator: String) -> Message {
        guard !parts.isEmpty else { return Message(key: "") }
        let key = parts.indices.map { "{\($0)}" }.joined(separator: separator)
        return Message(key: key, arguments: parts.map { .message($0) })
    }
}

extension Message {
    /// One message from two: a long sentence written as `"…" + "…"` across lines is one key
    /// (the right side's placeholders are renumbered after the left's).
    public static func + (lhs: Message, rhs: Message) -> Message {
        let shift = lhs.arguments.count
        let shifted = shift == 0 ? rhs.key : replacingPlaceholders(in: rhs.key) { "{\($0 + shift)}" }
        return Message(key: lhs.key + shifted, arguments: lhs.arguments + rhs.arguments)
    }
}

extension Message {
    public static func += (lhs: inout Message, rhs: Message) { lhs = lhs + rhs }
}

/// In JSON outputs a message is its English text (the `--json` documents are for programs).
extension Message: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(key: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
