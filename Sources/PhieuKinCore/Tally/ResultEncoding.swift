import Foundation

/// How a committed result and its flags are written as bytes (docs/FORMAT.md, "Result and flag
/// encoding").
///
/// `v2` is the documented form every new tally writes: RFC 8785 canonical JSON with snake_case
/// keys (`roundID` → `round_id`, `criterionIDs` → `criterion_ids`), the counts as
/// `{"<kind>": {…}}`, and a `format` tag naming it, so an outside verifier needs FORMAT.md only.
/// `v1` is what tallies before it wrote (Swift's `Codable` keys, counts as
/// `{"grid": {"_0": {…}}}`): still read, and still written when a v1 result is recounted or
/// re-verified, because those compare bytes.
public enum ResultEncoding: Sendable, Hashable {
    case v1
    case v2

    /// The `format` tag of a v2 result, and of a v2 flag.
    public static let resultFormat = "phieukin-result-v2"
    public static let flagFormat = "phieukin-flag-v2"

    /// The encoding of stored bytes: v2 when the top-level object carries a `format` tag.
    public static func of(_ bytes: [UInt8]) -> ResultEncoding {
        guard case .object(let object)? = try? JSONValue.parse(bytes), object["format"] != nil else { return .v1 }
        return .v2
    }

    /// `value`'s canonical bytes in this encoding; `format` is its v2 tag.
    public func encode<T: Encodable>(_ value: T, format: String) throws -> [UInt8] {
        guard self == .v2 else { return try CanonicalJSON.encode(value) }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in ResultKey(Self.snakeCase(path.last!.stringValue)) }
        encoder.userInfo[Self.userInfoKey] = true
        guard case .object(var object) = try CanonicalJSON.jsonValue(value, using: encoder) else {
            throw JSONError.encoder("a result or flag encodes as a JSON object")
        }
        object["format"] = .string(format)
        return try JSONValue.object(object).canonicalBytes
    }

    /// Reads a result or flag written in either encoding.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let decoder = JSONDecoder()
        if of(bytes) == .v2 {
            decoder.keyDecodingStrategy = .custom { path in ResultKey(camelCase(path.last!.stringValue)) }
        }
        return try decoder.decode(type, from: Data(bytes))
    }

    /// `criterionIDs` → `criterion_ids`: a capital starts a new word; the run "ID" is one word.
    static func snakeCase(_ key: String) -> String {
        guard !key.hasPrefix("_") else { return key }
        var words: [String] = []
        var current = ""
        let scalars = Array(key)
        for (i, c) in scalars.enumerated() {
            let upper = c.isUppercase
            let startsWord =
                upper && !current.isEmpty && !(current.last!.isUppercase && scalars[i - 1] == "I" && c == "D")
            if startsWord { words.append(current); current = "" }
            current.append(c)
        }
        words.append(current)
        return words.map { $0.lowercased() }.joined(separator: "_")
    }

    /// `criterion_ids` → `criterionIDs`: the inverse of `snakeCase` for PhieuKin's keys.
    static func camelCase(_ key: String) -> String {
        guard !key.hasPrefix("_"), key.contains("_") else { return key }
        let words = key.split(separator: "_").map(String.init)
        return words.enumerated().map { index, word in
            if index == 0 { return word }
            if word == "id" { return "ID" }
            if word == "ids" { return "IDs" }
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
    }

    /// Set by the v2 encoder, read by `RoundResult.Counts` to drop Swift's `_0` wrapper.
    static let userInfoKey = CodingUserInfoKey(rawValue: "phieukin.result-encoding-v2")!
}

struct ResultKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// `{"grid": {…}}` in v2; `{"grid": {"_0": {…}}}` as Swift wrote it in v1. Both are read.
extension RoundResult.Counts {
    private enum Kind: String, CodingKey { case grid, confidenceVote, satisfaction, rating }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Kind.self)
        guard let kind = container.allKeys.first, container.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "counts name exactly one kind"))
        }
        func value<T: Decodable>(_ type: T.Type) throws -> T {
            let wrapped = try container.nestedContainer(keyedBy: ResultKey.self, forKey: kind)
            if let legacy = ResultKey(stringValue: "_0"), wrapped.contains(legacy) {
                return try wrapped.decode(type, forKey: legacy)
            }
            return try container.decode(type, forKey: kind)
        }
        switch kind {
        case .grid: self = .grid(try value(RoundResult.GridCounts.self))
        case .confidenceVote: self = .confidenceVote(try value(RoundResult.ConfidenceCounts.self))
        case .satisfaction: self = .satisfaction(try value(RoundResult.SatisfactionCounts.self))
        case .rating: self = .rating(try value(RoundResult.RatingCounts.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Kind.self)
        let v2 = encoder.userInfo[ResultEncoding.userInfoKey] as? Bool == true
        func put<T: Encodable>(_ value: T, _ kind: Kind) throws {
            if v2 {
                try container.encode(value, forKey: kind)
            } else {
                var wrapped = container.nestedContainer(keyedBy: ResultKey.self, forKey: kind)
                try wrapped.encode(value, forKey: ResultKey("_0"))
            }
        }
        switch self {
        case .grid(let counts): try put(counts, .grid)
        case .confidenceVote(let counts): try put(counts, .confidenceVote)
        case .satisfaction(let counts): try put(counts, .satisfaction)
        case .rating(let counts): try put(counts, .rating)
        }
    }
}
