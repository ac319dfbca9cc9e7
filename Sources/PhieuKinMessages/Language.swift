/// The language of everything a person reads. Vietnamese is the default for every
/// printed ballot, report and message meant for agency users.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case vi
    case en
}
