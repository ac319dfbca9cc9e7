/// The id of a round, unit, official, survey or criterion: a string that knows what it names, so a
/// round id cannot be passed where an official id is expected.
///
/// `Kind` is a phantom: the domain type the id names (`Identifier<Round>` is a `RoundID`); nothing
/// of it is stored. The text is kept exactly as given — the roster, the survey loader and the round
/// workflow decide what a valid id is, not this type.
///
/// Encodes as the bare string (a JSON string, a dictionary key), never as an object, so canonical
/// JSON, CSV, reports and database columns hold the same bytes as when ids were plain strings.
public struct Identifier<Kind>: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    /// By the id's text, as `String` orders it (the order the ids sorted in as plain strings).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Identifier: Codable {
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Identifier: CodingKeyRepresentable {
    public var codingKey: any CodingKey { IdentifierCodingKey(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }
}

private struct IdentifierCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

/// A round, e.g. `quarterly-7-VP-2026-Q1`.
public typealias RoundID = Identifier<Round>
/// A unit of the roster, e.g. `VP`.
public typealias UnitID = Identifier<Unit>
/// An official of the roster, kept across rounds (never contains a dot: see `QuestionID`).
public typealias OfficialID = Identifier<Official>
/// A survey definition, e.g. `quarterly-7`.
public typealias SurveyID = Identifier<Survey>
/// A criterion (grid column) of a survey, e.g. `thai-do`.
public typealias CriterionID = Identifier<Survey.Criterion>
