/// The language of everything a person reads. Vietnamese is the default for every
/// printed ballot, report and message meant for agency users.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case vi
    case en
}

/// Text shown to people, in both supported languages.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}
