import PhieuKinMessages

/// A single-pass reader for the canonical ballot bytes — the tally's hot loop decodes a million.
///
/// It accepts exactly what `BallotCodec.encode` writes and nothing else, so it checks canonical
/// form while reading instead of re-encoding: fixed member order, answer keys strictly ascending
/// (UTF-16 order, which also rules out duplicates), only the escapes RFC 8785 writes, valid
/// UTF-8 in NFC, a non-empty remark when present, `"v":1`, no trailing bytes. Differential tests
/// hold it to the general JSON path (`decodeViaJSONValue`).
extension BallotCodec {
    public static func decodeCanonical(_ bytes: UnsafeRawBufferPointer) throws -> Ballot {
        var reader = CanonicalReader(bytes)
        try reader.expect(#"{"answers":{"#)
        var answers: [String: String] = [:]
        var previousKey: String?
        if !reader.consume("}") {
            repeat {
                let key = try reader.string()
                if let previousKey, !previousKey.utf16.lexicographicallyPrecedes(key.utf16) {
                    throw CanonicalReader.notCanonical("answer keys out of order or repeated")
                }
                try reader.expect(":")
                answers[key] = try reader.string()
                previousKey = key
            } while reader.consume(",")
            try reader.expect("}")
        }
        var remark: String?
        if reader.consume(#","remark":"#) {
            let text = try reader.string()
            guard !text.isEmpty else { throw CanonicalReader.notCanonical("empty remark is written by omission") }
            remark = text
        }
        try reader.expect(#","round":"#)
        let round = try reader.string()
        try reader.expect(#","survey":"#)
        let survey = try reader.string()
        try reader.expect(#","v":1}"#)
        guard reader.atEnd else { throw CanonicalReader.notCanonical("bytes after the ballot") }
        return Ballot(surveyID: SurveyID(survey), roundID: RoundID(round), answers: answers, remark: remark)
    }
}

/// Cursor over canonical JSON bytes; every mismatch is a `JSONError` without quoting input.
struct CanonicalReader {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    static func notCanonical(_ why: String) -> JSONError {
        JSONError.encoder("ballot bytes are not in canonical form (\(why))")
    }

    var atEnd: Bool { index == bytes.count }

    /// Consumes `literal` if it comes next.
    mutating func consume(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let start = literal.utf8Start
        for i in 0..<count where bytes[index + i] != start[i] { return false }
        index += count
        return true
    }

    mutating func expect(_ literal: StaticString) throws {
        guard consume(literal) else {
            throw Self.notCanonical("expected \(literal) at byte \(index)")
        }
    }

    /// A JSON string in RFC 8785 form, returned NFC-checked.
    mutating func string() throws -> String {
        try expect("\"")
        let start = index
        var plain = true  // no escapes: the bytes are the text
        var ascii = true
        while true {
            guard index < bytes.count else { throw Self.notCanonical("unterminated string") }
            let byte = bytes[index]
            if byte == 0x22 { break }
            if byte < 0x20 { throw Self.notCanonical("raw control character") }
            if byte == 0x5C {
                plain = false
                index += 2  // validated below, when unescaping
                continue
            }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        let body = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        index += 1  // closing quote
        let text: String
        if plain {
            if ascii { return String(decoding: body, as: UTF8.self) }
            guard let decoded = String(validating: body, as: UTF8.self) else {
                throw Self.notCanonical("not UTF-8")
            }
            text = decoded
        } else {
            text = try Self.unescape(body)
        }
        guard ascii || text.nfc.utf8.elementsEqual(text.utf8) else {
            throw Self.notCanonical("text not in NFC")
        }
        return text
    }

    /// Undoes exactly the escapes RFC 8785 §3.2.2.2 writes; any other escape is not canonical.
    private static func unescape(_ body: UnsafeRawBufferPointer) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        while i < body.count {
            let byte = body[i]
            guard byte == 0x5C else {
                out.append(byte)
                i += 1
                continue
            }
            guard i + 1 < body.count else { throw notCanonical("dangling escape") }
            switch body[i + 1] {
            case UInt8(ascii: "\""): out.append(0x22)
            case 0x5C: out.append(0x5C)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "u"):
                // Only controls without a short escape are written as \u00xx, lowercase.
                guard i + 5 < body.count, body[i + 2] == 0x30, body[i + 3] == 0x30,
                    let high = lowerHex(body[i + 4]), let low = lowerHex(body[i + 5]), high < 2
                else { throw notCanonical("non-canonical \\u escape") }
                let value = high << 4 | low
                guard ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(value) else {
                    throw notCanonical("\\u escape where a short escape is canonical")
                }
                out.append(value)
                i += 6
                continue
            default:
                throw notCanonical("escape RFC 8785 does not write")
            }
            i += 2
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw notCanonical("not UTF-8") }
        return text
    }

    private static func lowerHex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
