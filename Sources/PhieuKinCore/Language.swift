public import PhieuKinMessages

/// The language of everything a person reads (defined with the message catalogue, below every
/// module, so that crypto and storage errors can be translated too).
public typealias Language = PhieuKinMessages.Language

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
