import PhieuKinCrypto

/// An access code for electronic voting (docs/SERIALS.md, "Access codes"): 70 random bits as 14
/// Crockford base-32 symbols, then two check symbols, printed `XXXX-XXXX-XXXX-XXXX`.
///
/// Short enough to type on a phone, with no symbol a voter must hunt for (digits and capital
/// letters only), and read as leniently as serials: case-insensitive, spaces and dashes ignored,
/// `O` read as `0`, `I` and `L` as `1`. The check is the 70-bit value mod 1021 (a prime below
/// 32²), written as two symbols: every single wrong symbol and every swap of two adjacent symbols
/// of the first fourteen changes it.
public struct AccessCode: Sendable, Hashable, CustomStringConvertible {
    /// Symbols carrying the random value.
    public static let payloadSymbols = 14
    public static let checkModulus = 1021
    /// The 16 symbols, uppercase, without dashes.
    public let canonical: String

    /// A fresh code from `SecureRandom` (each byte's low 5 bits: 256 is a multiple of 32, so each
    /// symbol is uniform).
    public static func random() -> AccessCode {
        let bytes = SecureRandom.bytes(payloadSymbols)
        return AccessCode(values: bytes.map { $0 & 31 })
    }

    init(values: [UInt8]) {
        precondition(values.count == Self.payloadSymbols)
        let check = Self.check(values)
        let all = values + [UInt8(check / 32), UInt8(check % 32)]
        canonical = String(decoding: all.map { Serial.alphabet[Int($0)] }, as: UTF8.self)
    }

    /// `V mod 1021` over the 14 payload symbol values, by Horner's rule.
    static func check(_ values: [UInt8]) -> Int {
        values.reduce(0) { ($0 * 32 + Int($1)) % checkModulus }
    }

    /// Reads a code as a person typed it; nil when it is not 16 symbols with matching check
    /// symbols (nothing here says which symbol is wrong: a guess would help a brute-forcer).
    public init?(parsing text: String) {
        var values: [UInt8] = []
        values.reserveCapacity(16)
        for var c in text.utf8 {
            if c == UInt8(ascii: "-") || c == UInt8(ascii: " ") { continue }
            guard values.count < 16 else { return nil }
            if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") { c -= 0x20 }
            switch c {
            case UInt8(ascii: "I"), UInt8(ascii: "L"): c = UInt8(ascii: "1")
            case UInt8(ascii: "O"): c = UInt8(ascii: "0")
            default: break
            }
            let value = Serial.symbolValues[Int(c)]
            guard value < 32 else { return nil }
            values.append(value)
        }
        guard values.count == 16 else { return nil }
        let payload = Array(values.prefix(Self.payloadSymbols))
        guard Self.check(payload) == Int(values[14]) * 32 + Int(values[15]) else { return nil }
        self.init(values: payload)
    }

    /// The printed form, four groups of four joined by hyphens.
    public var text: String {
        var out = ""
        for (i, c) in canonical.enumerated() {
            if i > 0 && i % 4 == 0 { out.append("-") }
            out.append(c)
        }
        return out
    }

    public var description: String { "AccessCode(…)" }

    /// What is stored of an issued or used code: `SHA-256("phieukin access code v1|" ‖ round ‖
    /// "|" ‖ canonical)`. The round id salts it, so one round's hashes say nothing of another's.
    public func hash(roundID: RoundID) -> SerialHash {
        SerialHash(hash: SHA256.hash(Array("phieukin access code v1|\(roundID.rawValue)|\(canonical)".utf8)))!
    }
}
