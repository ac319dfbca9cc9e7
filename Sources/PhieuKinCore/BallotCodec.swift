import PhieuKinMessages

/// The one byte encoding of a `Ballot`, the plaintext that is sealed into the ballot log.
///
/// `encode` is a hand-written fast path (an import seals a million ballots) that produces exactly
/// the RFC 8785 canonical JSON (with PhieuKin's NFC step) of
/// `{"answers": {…}, "remark": "…", "round": "…", "survey": "…", "v": 1}`; tests hold it
/// byte-identical to `JSONValue.canonicalBytes` of the same object. See docs/FORMAT.md, "Ballot".
public enum BallotCodec {
    /// The format version written as `"v"`.
    public static let version = 1

    /// Canonical bytes of `ballot`. `remark` is omitted when nil or empty.
    public static func encode(_ ballot: Ballot) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + ballot.answers.count * 24 + (ballot.remark?.utf8.count ?? 0))
        encode(ballot, into: &out)
        return out
    }

    /// Appends the canonical bytes of `ballot` to `out` (no intermediate allocation).
    public static func encode(_ ballot: Ballot, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"answers":{"#.utf8)
        // JCS orders members by the UTF-16 code units of their (NFC) keys.
        var entries: [(key: String, value: String)] = []
        entries.reserveCapacity(ballot.answers.count)
        for (key, value) in ballot.answers { entries.append((normalized(key), value)) }
        entries.sort { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
        for (i, entry) in entries.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            writeString(entry.key, into: &out)
            out.append(UInt8(ascii: ":"))
            writeString(normalized(entry.value), into: &out)
        }
        out.append(UInt8(ascii: "}"))
        if let remark = ballot.remark, !remark.isEmpty {
            out.append(contentsOf: #","remark":"#.utf8)
            writeString(normalized(remark), into: &out)
        }
        out.append(contentsOf: #","round":"#.utf8)
        writeString(normalized(ballot.roundID.rawValue), into: &out)
        out.append(contentsOf: #","survey":"#.utf8)
        writeString(normalized(ballot.surveyID.rawValue), into: &out)
        out.append(contentsOf: #","v":1}"#.utf8)
    }

    /// Reads ballot bytes back, strictly: canonical form, version 1, string answers only.
    public static func decode(_ bytes: [UInt8]) throws -> Ballot {
        try bytes.withUnsafeBytes { try decodeCanonical($0) }
    }

    /// The general path: parse as JSON, then require that re-encoding gives the same bytes.
    /// Kept as the reference the strict single-pass decoder is tested against.
    static func decodeViaJSONValue(_ bytes: [UInt8]) throws -> Ballot {
        let value = try JSONValue.parse(bytes)
        guard case .object(let members) = value, case .number(let v)? = members["v"], v == Double(version),
            case .string(let round)? = members["round"], case .string(let survey)? = members["survey"],
            case .object(let answerValues)? = members["answers"]
        else {
            throw JSONError.encoder("not a version-1 PhieuKin ballot (needs answers, round, survey, v)")
        }
        let allowed: Set<String> = ["answers", "remark", "round", "survey", "v"]
        guard Set(members.keys).isSubset(of: allowed) else {
            throw JSONError.encoder("a version-1 ballot has only answers, remark, round, survey and v")
        }
        var answers: [String: String] = [:]
        for (key, answer) in answerValues {
            guard case .string(let code) = answer else { throw JSONError.encoder("ballot answers must be strings") }
            answers[key] = code
        }
        var remark: String?
        if let remarkValue = members["remark"] {
            guard case .string(let text) = remarkValue else {
                throw JSONError.encoder("ballot remark must be a string")
            }
            remark = text
        }
        let ballot = Ballot(surveyID: SurveyID(survey), roundID: RoundID(round), answers: answers, remark: remark)
        guard encode(ballot) == bytes else {
            throw JSONError.encoder("ballot bytes are not in canonical form")
        }
        return ballot
    }

    /// NFC, skipping the Foundation call for pure ASCII (ids and codes always are).
    @inline(__always)
    static func normalized(_ text: String) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        return ascii ? text : text.nfc
    }

    /// RFC 8785 string escaping (shared with `JSONValue.canonicalBytes`).
    @inline(__always)
    static func writeString(_ text: String, into out: inout [UInt8]) {
        CanonicalJSON.appendEscapedString(text, into: &out)
    }
}

extension Ballot {
    /// The ballot as a JSON value (the slow, obviously-correct reference for `BallotCodec`).
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [
            "answers": .object(answers.mapValues { .string($0) }), "round": .string(roundID.rawValue),
            "survey": .string(surveyID.rawValue), "v": .number(Double(BallotCodec.version)),
        ]
        if let remark, !remark.isEmpty { members["remark"] = .string(remark) }
        return .object(members)
    }
}
