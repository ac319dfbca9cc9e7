public import PhieuKinMessages

/// A ballot serial: 128 random bits, printed for people as Crockford base32 with a check symbol.
///
/// Text form (docs/SERIALS.md): the 16 bytes are one unsigned 128-bit big-endian integer, written
/// in base 32 as exactly 26 symbols, most significant first, from the alphabet
/// `0123456789ABCDEFGHJKMNPQRSTVWXYZ`. 26 × 5 = 130 bits, so the first symbol carries only the top
/// 3 bits (it is always 0–7) and each of the other 25 carries 5. A 27th symbol is Crockford's
/// check symbol: the integer mod 37, from `0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U`. The 27 symbols
/// are printed in groups of four joined by hyphens (4-4-4-4-4-4-3).
///
/// Mod 37 (a prime larger than 32) catches every single wrong symbol and every swap of two
/// adjacent symbols, which are the usual mistakes when a teller keys a serial from paper.
public struct Serial: Sendable, Hashable, CustomStringConvertible {
    public static let byteCount = 16
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    static let checkAlphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U".utf8)
    static let symbolCount = 26
    /// Byte → its value in `checkAlphabet` (which extends `alphabet`), 0xFF when not a symbol:
    /// one table load per keyed symbol instead of a search (an import parses a million serials).
    static let symbolValues: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, symbol) in checkAlphabet.enumerated() { table[Int(symbol)] = UInt8(value) }
        return table
    }()

    public let bytes: [UInt8]

    /// Wraps exactly 16 bytes (from `SecureRandom` when issuing serials).
    public init(bytes: [UInt8]) throws {
        guard bytes.count == Self.byteCount else { throw SerialError.wrongByteCount(bytes.count) }
        self.bytes = bytes
    }

    /// The printed form, e.g. `0000-0000-0000-0000-0000-0000-000`.
    public var text: String {
        let symbols = Self.symbols(of: bytes) + [Self.checkAlphabet[Self.mod37(bytes)]]
        var out: [UInt8] = []
        out.reserveCapacity(33)
        for (i, symbol) in symbols.enumerated() {
            if i > 0 && i % 4 == 0 { out.append(UInt8(ascii: "-")) }
            out.append(symbol)
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { text }

    /// Reads a serial as a person typed it: case-insensitive, `I`/`L` read as `1`, `O` as `0`,
    /// hyphens and spaces ignored. The check symbol must match.
    public init(parsing text: String) throws {
        try self.init(parsingUTF8: text.utf8)
    }

    /// `init(parsing:)` over the text's UTF-8 bytes (the import reads serials straight from CSV).
    public init(parsingUTF8 text: some Sequence<UInt8>) throws {
        // The 26 symbols are one 130-bit big-endian base-32 number, accumulated in two words
        // (the first symbol may only carry 3 bits, checked below, so 128 bits suffice).
        var high: UInt64 = 0
        var low: UInt64 = 0
        var count = 0
        var first: UInt8 = 0
        var checkSymbol: UInt8?
        for var c in text {
            if c == UInt8(ascii: "-") || c == UInt8(ascii: " ") { continue }
            guard checkSymbol == nil else { throw SerialError.wrongLength }
            if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") { c -= 0x20 }
            switch c {
            case UInt8(ascii: "I"), UInt8(ascii: "L"): c = UInt8(ascii: "1")
            case UInt8(ascii: "O"): c = UInt8(ascii: "0")
            default: break
            }
            let value = Self.symbolValues[Int(c)]
            if count == Self.symbolCount {
                guard value != 0xFF else { throw SerialError.invalidSymbol }
                checkSymbol = value
            } else {
                guard value < 32 else { throw SerialError.invalidSymbol }
                if count == 0 { first = value }
                high = high << 5 | low >> 59
                low = low << 5 | UInt64(value)
                count += 1
            }
        }
        guard count == Self.symbolCount, let checkSymbol else { throw SerialError.wrongLength }
        // 26 symbols hold 130 bits; a first symbol above 7 would need 129 or 130 bits.
        guard first < 8 else { throw SerialError.checkMismatch }
        let bytes = [UInt8](unsafeUninitializedCapacity: Self.byteCount) { buffer, initialized in
            for i in 0..<8 {
                buffer[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * i))
                buffer[8 + i] = UInt8(truncatingIfNeeded: low >> (56 - 8 * i))
            }
            initialized = Self.byteCount
        }
        guard Int(checkSymbol) == Self.mod37(bytes) else { throw SerialError.checkMismatch }
        self.bytes = bytes
    }

    /// The 26 base-32 symbols of the 128-bit big-endian integer, most significant first.
    static func symbols(of bytes: [UInt8]) -> [UInt8] {
        var symbols = [UInt8](repeating: 0, count: symbolCount)
        var accumulator: UInt32 = 0
        var bits = 0
        var position = symbolCount - 1
        for byte in bytes.reversed() {
            accumulator |= UInt32(byte) << bits
            bits += 8
            while bits >= 5 {
                symbols[position] = alphabet[Int(accumulator & 0x1F)]
                accumulator >>= 5
                bits -= 5
                position -= 1
            }
        }
        symbols[0] = alphabet[Int(accumulator)]  // the remaining top 3 bits
        return symbols
    }

    /// The 128-bit integer mod 37, by Horner's rule over the bytes as base-256 digits.
    static func mod37(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { ($0 * 256 + Int($1)) % 37 }
    }
}

/// Why a typed serial was refused. Never echoes the serial (it is secret-adjacent).
public struct SerialError: Error, Equatable, CustomStringConvertible, MessageConvertible {
    /// What kind of failure this is; new kinds may be added, so switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A serial is not 16 bytes.
        public static let wrongByteCount = Kind("wrongByteCount")
        /// A typed serial has the wrong number of symbols.
        public static let wrongLength = Kind("wrongLength")
        /// A typed serial uses a symbol outside its alphabet.
        public static let invalidSymbol = Kind("invalidSymbol")
        /// A typed serial's check symbol does not match (a typo).
        public static let checkMismatch = Kind("checkMismatch")
    }

    /// What failed, for a caller to switch on.
    public let kind: Kind
    public let message: Message
    /// The message in English.
    public var reason: String { message.description }

    private init(_ kind: Kind, _ reason: Message) {
        self.kind = kind
        self.message = reason
    }

    static func wrongByteCount(_ count: Int) -> Self {
        .init(.wrongByteCount, "a serial is exactly 16 bytes, not \(count)")
    }
    public static let wrongLength = Self(
        .wrongLength, "a serial has 27 symbols (26 + check symbol): re-read it from the paper")
    public static let invalidSymbol = Self(
        .invalidSymbol,
        "a serial uses only 0-9 and A-Z without U (check symbol: also * ~ $ = U): re-read it from the paper")
    public static let checkMismatch = Self(
        .checkMismatch, "serial check symbol does not match: re-read it from the paper")

    public var description: String { reason }
}
