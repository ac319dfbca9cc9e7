import Foundation
public import PhieuKinMessages

/// A JSON value as PhieuKin signs and hashes it.
///
/// Parsed strictly (RFC 8259: valid UTF-8, no lone surrogates, no duplicate keys, nothing after
/// the value) and serialized canonically (RFC 8785, JCS) by `canonicalBytes`, so that the same
/// data always gives the same bytes. See docs/FORMAT.md, "Canonical JSON".
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// An IEEE 754 double. NaN and infinities cannot be canonicalized: `canonicalBytes` throws.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

/// Why JSON could not be parsed or canonicalized. Never quotes the input (it may be a ballot).
public struct JSONError: Error, Equatable, CustomStringConvertible, MessageConvertible {
    /// What kind of failure this is; new kinds may be added, so switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The bytes are not JSON.
        public static let syntax = Kind("syntax")
        /// The input is not valid UTF-8 (or has a byte-order mark).
        public static let encoding = Kind("encoding")
        /// An object has the same key twice.
        public static let duplicateKey = Kind("duplicateKey")
        /// Nesting is deeper than the parser allows.
        public static let tooDeep = Kind("tooDeep")
        /// NaN or an infinity cannot be written as JSON.
        public static let notFinite = Kind("notFinite")
        /// A value cannot be encoded (or is not in the expected canonical form).
        public static let encoder = Kind("encoder")
    }

    /// What failed, for a caller to switch on.
    public let kind: Kind
    /// Byte offset in the input where the problem was found, when parsing.
    public let offset: Int?
    public let message: Message
    /// The message in English.
    public var reason: String { message.description }

    private init(_ kind: Kind, offset: Int?, _ reason: Message) {
        self.kind = kind
        self.offset = offset
        self.message = reason
    }

    static func syntax(_ reason: Message, at offset: Int) -> Self { .init(.syntax, offset: offset, reason) }
    static func encoding(_ reason: Message, at offset: Int) -> Self { .init(.encoding, offset: offset, reason) }
    static func duplicateKey(at offset: Int) -> Self {
        .init(.duplicateKey, offset: offset, "duplicate object key (keys must be unique after NFC normalization)")
    }
    static func tooDeep(at offset: Int) -> Self {
        .init(.tooDeep, offset: offset, "nesting deeper than \(JSONParser.maxDepth) levels")
    }
    static let notFinite = Self(.notFinite, offset: nil, "NaN and infinity have no JSON form")
    static func encoder(_ reason: Message) -> Self { .init(.encoder, offset: nil, reason) }

    public var description: String {
        if let offset { return "invalid JSON at byte \(offset): \(reason)" }
        return "JSON: \(reason)"
    }
}

extension JSONValue {
    /// Parses one JSON text (RFC 8259) from UTF-8 bytes, strictly.
    ///
    /// Rejects: invalid or overlong UTF-8, a byte-order mark, lone surrogate escapes, raw control
    /// characters in strings, duplicate object keys (compared after NFC normalization, because
    /// canonicalization would otherwise merge them), numbers outside the double range, and
    /// anything but whitespace after the value.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer)
            return try parser.parseDocument()
        }
    }

    /// The RFC 8785 canonical form, with every string (keys included) NFC-normalized first.
    ///
    /// NFC is PhieuKin's addition to RFC 8785: canonically equivalent Vietnamese text must sign
    /// and hash identically. It only changes strings that were not already NFC.
    public var canonicalBytes: [UInt8] {
        get throws {
            var out: [UInt8] = []
            out.reserveCapacity(256)
            try JSONCanonicalizer(normalize: true).write(self, into: &out)
            return out
        }
    }

    /// Plain RFC 8785 without PhieuKin's NFC step; used to check the RFC's own examples.
    var rfc8785Bytes: [UInt8] {
        get throws {
            var out: [UInt8] = []
            try JSONCanonicalizer(normalize: false).write(self, into: &out)
            return out
        }
    }
}

/// Canonical JSON bytes of any `Encodable`: `JSONEncoder` → `JSONValue` → RFC 8785 (+ NFC).
public enum CanonicalJSON {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// RFC 8785 §3.2.2.2 string escaping, the one implementation every JSON writer here uses:
    /// escape only `"`, `\` and C0 controls; the five with short forms use them, the rest
    /// `\u00xx` in lowercase hex; everything else is literal UTF-8. Normalizing is the caller's.
    @inline(__always)
    public static func appendEscapedString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x00..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try jsonValue(value).canonicalBytes
    }

    /// `value` through `encoder` (its key strategy and user info), as a JSON value to canonicalize.
    static func jsonValue<T: Encodable>(
        _ value: T, using encoder: JSONEncoder = JSONEncoder()
    ) throws
        -> JSONValue
    {
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw JSONError.encoder("value cannot be encoded as JSON (\(type(of: value)))")
        }
        return try JSONValue.parse([UInt8](data))
    }
}

// MARK: - Parser

struct JSONParser {
    static let maxDepth = 256
    private let input: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    mutating func parseDocument() throws -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == input.count else { throw JSONError.syntax("unexpected data after the JSON value", at: index) }
        return value
    }

    private mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func peek() -> UInt8? { index < input.count ? input[index] : nil }

    private mutating func parseValue(depth: Int) throws -> JSONValue {
        guard depth < Self.maxDepth else { throw JSONError.tooDeep(at: index) }
        guard let byte = peek() else { throw JSONError.syntax("unexpected end of input", at: index) }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case 0xEF where index + 2 < input.count && input[index + 1] == 0xBB && input[index + 2] == 0xBF:
            throw JSONError.encoding("byte-order mark is not allowed", at: index)
        default: throw JSONError.syntax("expected a JSON value", at: index)
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws {
        let start = index
        let count = literal.utf8CodeUnitCount
        guard input.count - index >= count else { throw JSONError.syntax("invalid literal", at: start) }
        for offset in 0..<count where input[index + offset] != literal.utf8Start[offset] {
            throw JSONError.syntax("invalid literal", at: start)
        }
        index += count
    }

    private mutating func parseObject(depth: Int) throws -> JSONValue {
        index += 1  // {
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let keyOffset = index
            guard peek() == UInt8(ascii: "\"") else { throw JSONError.syntax("expected a string key", at: index) }
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw JSONError.syntax("expected ':' after key", at: index) }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            // Swift String equality is canonical equivalence, so NFC-equal keys collide here too.
            guard members.updateValue(value, forKey: key) == nil else { throw JSONError.duplicateKey(at: keyOffset) }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw JSONError.syntax("expected ',' or '}' in object", at: index)
            }
        }
    }

    private mutating func parseArray(depth: Int) throws -> JSONValue {
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default: throw JSONError.syntax("expected ',' or ']' in array", at: index)
            }
        }
    }

    private mutating func parseNumber() throws -> Double {
        let start = index
        func digits() -> Int {
            let from = index
            while let b = peek(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { index += 1 }
            return index - from
        }
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw JSONError.syntax("invalid number", at: start)
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw JSONError.syntax("invalid number", at: start) }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw JSONError.syntax("invalid number", at: start) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONError.syntax("number is outside the IEEE 754 double range", at: start)
        }
        return value
    }

    private mutating func parseHex4() throws -> UInt16 {
        guard input.count - index >= 4 else { throw JSONError.syntax("incomplete \\u escape", at: index) }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let b = input[index]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw JSONError.syntax("invalid hex digit in \\u escape", at: index)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private mutating func parseString() throws -> String {
        index += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        while true {
            guard index < input.count else { throw JSONError.syntax("unterminated string", at: index) }
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < input.count else { throw JSONError.syntax("unterminated string", at: index) }
                let escape = input[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let escapeStart = index - 2
                    let unit = try parseHex4()
                    if (0xD800...0xDBFF).contains(unit) {
                        guard input.count - index >= 6, input[index] == UInt8(ascii: "\\"),
                            input[index + 1] == UInt8(ascii: "u")
                        else { throw JSONError.encoding("lone surrogate in \\u escape", at: escapeStart) }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw JSONError.encoding("lone surrogate in \\u escape", at: escapeStart)
                        }
                        let value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
                        scalars.append(Unicode.Scalar(value)!)
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        throw JSONError.encoding("lone surrogate in \\u escape", at: escapeStart)
                    } else {
                        scalars.append(Unicode.Scalar(unit)!)
                    }
                default:
                    throw JSONError.syntax("invalid escape sequence", at: index - 2)
                }
            case 0x00..<0x20:
                throw JSONError.syntax("control character in string must be escaped", at: index)
            case 0x20..<0x80:
                scalars.append(Unicode.Scalar(byte))
                index += 1
            default:
                scalars.append(try decodeUTF8Scalar())
            }
        }
    }

    /// Decodes one multi-byte UTF-8 sequence, rejecting overlong forms, surrogates and values
    /// above U+10FFFF (RFC 3629).
    private mutating func decodeUTF8Scalar() throws -> Unicode.Scalar {
        let start = index
        let lead = input[index]
        let length: Int
        var value: UInt32
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: (length, value, minimum) = (2, UInt32(lead & 0x1F), 0x80)
        case 0xE0...0xEF: (length, value, minimum) = (3, UInt32(lead & 0x0F), 0x800)
        case 0xF0...0xF4: (length, value, minimum) = (4, UInt32(lead & 0x07), 0x10000)
        default: throw JSONError.encoding("invalid UTF-8", at: start)
        }
        guard input.count - index >= length else { throw JSONError.encoding("truncated UTF-8", at: start) }
        for offset in 1..<length {
            let b = input[index + offset]
            guard b & 0xC0 == 0x80 else { throw JSONError.encoding("invalid UTF-8", at: start) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value),
            let scalar = Unicode.Scalar(value)
        else { throw JSONError.encoding("invalid UTF-8", at: start) }
        index += length
        return scalar
    }
}

// MARK: - Canonicalizer

struct JSONCanonicalizer {
    let normalize: Bool

    func write(_ value: JSONValue, into out: inout [UInt8]) throws {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let d): out.append(contentsOf: try Self.serialize(number: d).utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            // RFC 8785 §3.2.3: sort by the keys' UTF-16 code units, after NFC (PhieuKin).
            let entries = members.map { (key: normalize ? $0.key.nfc : $0.key, value: $0.value) }
                .sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            out.append(UInt8(ascii: "{"))
            for (i, entry) in entries.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(entry.key, into: &out, alreadyNormalized: true)
                out.append(UInt8(ascii: ":"))
                try write(entry.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private func writeString(_ string: String, into out: inout [UInt8], alreadyNormalized: Bool = false) {
        CanonicalJSON.appendEscapedString(normalize && !alreadyNormalized ? string.nfc : string, into: &out)
    }

    /// ECMAScript `Number::toString` (ECMA-262 §6.1.6.1.20), which RFC 8785 §3.2.2.3 mandates.
    ///
    /// Swift's `description` already yields the shortest digits that round-trip (closest to the
    /// exact value when several are that short), which is exactly the ECMAScript digit choice;
    /// only the layout (where the point goes, when to use an exponent) is redone here.
    static func serialize(number value: Double) throws -> String {
        guard value.isFinite else { throw JSONError.notFinite }
        if value == 0 { return "0" }  // also -0
        var text = value.magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = String(text[..<e])
        }
        var integerPart = Substring(text)
        var fractionPart = Substring("")
        if let dot = text.firstIndex(of: ".") {
            integerPart = text[..<dot]
            fractionPart = text[text.index(after: dot)...]
        }
        var digits = Array((integerPart + fractionPart).utf8)
        // value = 0.d1d2…dk × 10^n (ECMAScript's n), after trimming zeros.
        var n = integerPart.count + exponent
        let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
        digits.removeFirst(leadingZeros)
        n -= leadingZeros
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count
        let s = String(decoding: digits, as: UTF8.self)
        let sign = value < 0 ? "-" : ""
        if k <= n && n <= 21 {
            return sign + s + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            let cut = s.index(s.startIndex, offsetBy: n)
            return sign + s[..<cut] + "." + s[cut...]
        }
        if -6 < n && n <= 0 {
            return sign + "0." + String(repeating: "0", count: -n) + s
        }
        let e = n - 1
        let exponentText = (e < 0 ? "e-" : "e+") + String(e.magnitude)
        if k == 1 { return sign + s + exponentText }
        return sign + String(s.prefix(1)) + "." + String(s.dropFirst()) + exponentText
    }
}
