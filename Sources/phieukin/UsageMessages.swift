import PhieuKinMessages

/// ArgumentParser's usage errors in the interface language. Its messages are fixed English
/// sentences around the option or value in quotes; each known sentence is a catalogue key with
/// `{0}`, `{1}` for the quoted parts, so the Vietnamese lives in `MessageCatalogue` with the rest.
enum UsageMessages {
    /// The sentences ArgumentParser writes (see its `ErrorMessageGenerator`), as keys.
    private static let known: [String] = [
        "Error: Missing expected argument '{0}'",
        "Error: Unknown option '{0}'",
        "Error: Unexpected argument '{0}'",
        "Error: The value '{0}' is invalid for '{1}'",
        "Error: Missing value for '{0}'",
        "Error: Value to be set with flag '{0}' had an unexpected value '{1}'",
        "Usage: {0}",
        "  See '{0}' for more information.",
        "Help:  {0}",
        "OVERVIEW: {0}",
        "USAGE: {0}",
        "OPTIONS:",
        "ARGUMENTS:",
        "SUBCOMMANDS:",
        "  -h, --help{0}Show help information.",
        "  See '{0}' for detailed help.",
        // Last: any other error line (a `ValidationError`'s text is already translated).
        "Error: {0}",
    ]

    /// `text` line by line: a line matching a known sentence is replaced by its translation,
    /// any other line (option lists, ArgumentParser messages not known here) stays as is.
    static func translated(_ text: String, to language: Language) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for key in known {
                if let values = match(String(line), key) {
                    return Message(key: key, arguments: values.map { .text($0) }).text(language)
                }
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// The values in the `{n}` places if `line` is `template` filled in (placeholders in order).
    static func match(_ line: String, _ template: String) -> [String]? {
        var parts: [String] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{") {
            parts.append(String(rest[..<open.lowerBound]))
            guard let close = rest[open.upperBound...].range(of: "}") else { return nil }
            rest = rest[close.upperBound...]
        }
        parts.append(String(rest))
        var values: [String] = []
        var remaining = Substring(line)
        guard remaining.hasPrefix(parts[0]) else { return nil }
        remaining = remaining.dropFirst(parts[0].count)
        for (index, literal) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 && literal.isEmpty {
                values.append(String(remaining))
                return values
            }
            guard let found = remaining.range(of: literal) else { return nil }
            values.append(String(remaining[..<found.lowerBound]))
            remaining = remaining[found.upperBound...]
        }
        return remaining.isEmpty ? values : nil
    }
}
