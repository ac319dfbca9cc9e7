import PhieuKinMessages

/// Shamir secret sharing, k of n, over GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1
/// (0x11b), byte by byte. Randomness comes from `SecureRandom` (OpenSSL's DRBG).
///
/// Used to split a round's decryption key among tellers so no single person can open ballots.
/// Arithmetic is table-free and branch-free on secret data (no lookup tables indexed by secrets).
public enum Shamir {
    /// One share: the evaluation point `index` (1…255) and the polynomial values, one per secret byte.
    public struct Share: Sendable, Hashable {
        public var index: UInt8
        public var value: [UInt8]

        public init(index: UInt8, value: [UInt8]) {
            self.index = index
            self.value = value
        }

        /// Wire form: `index (1 byte) ‖ value`.
        public var encoded: [UInt8] { [index] + value }

        /// Parses `index ‖ value`; rejects index 0 (it would be the secret itself) and empty values.
        public init(encoded: [UInt8]) throws {
            guard encoded.count >= 2 else {
                throw CryptoError.malformedInput(
                    "an encoded share is index ‖ value, at least 2 bytes; got \(encoded.count)")
            }
            guard encoded[0] != 0 else {
                throw CryptoError.invalidShares("share index 0 is not allowed; the share is damaged or not a share")
            }
            index = encoded[0]
            value = Array(encoded[1...])
        }
    }

    /// Splits `secret` into `shareCount` shares (indices 1…shareCount); any `threshold` of them
    /// reconstruct it, fewer reveal nothing.
    public static func split(secret: [UInt8], threshold: Int, shareCount: Int) throws -> [Share] {
        try validate(secretCount: secret.count, threshold: threshold, shareCount: shareCount)
        var coefficients = (1..<threshold).map { _ in SecureRandom.bytes(secret.count) }
        defer {
            for i in coefficients.indices {
                for j in coefficients[i].indices { coefficients[i][j] = 0 }
            }
        }
        return split(secret, shareCount: shareCount, coefficients: coefficients)
    }

    static func validate(secretCount: Int, threshold: Int, shareCount: Int) throws {
        guard secretCount > 0 else {
            throw CryptoError.invalidParameter("the secret to split is empty")
        }
        guard threshold >= 1 else {
            throw CryptoError.invalidParameter("the threshold must be at least 1, got \(threshold)")
        }
        guard shareCount <= 255 else {
            throw CryptoError.invalidParameter("at most 255 shares fit GF(256), got \(shareCount)")
        }
        guard threshold <= shareCount else {
            throw CryptoError.invalidParameter(
                "the threshold (\(threshold)) cannot exceed the number of shares (\(shareCount))")
        }
    }

    /// Deterministic core: `coefficients[i][b]` is the coefficient of x^(i+1) for secret byte `b`.
    static func split(_ secret: [UInt8], shareCount: Int, coefficients: [[UInt8]]) -> [Share] {
        (1...shareCount).map { x in
            let point = UInt8(x)
            var value = [UInt8](repeating: 0, count: secret.count)
            for b in secret.indices {
                // Horner: ((c_{k-1} x + c_{k-2}) x + …) x + secret
                var accumulator: UInt8 = 0
                for i in coefficients.indices.reversed() {
                    accumulator = multiply(accumulator, point) ^ coefficients[i][b]
                }
                value[b] = multiply(accumulator, point) ^ secret[b]
            }
            return Share(index: point, value: value)
        }
    }

    /// Lagrange interpolation at x = 0. Needs at least the threshold number of distinct shares;
    /// with fewer it returns a wrong value that cannot be detected here, so callers check the
    /// result (e.g. that the recovered private key matches the published public key).
    public static func combine(_ shares: [Share]) throws -> [UInt8] {
        guard let length = shares.first?.value.count else {
            throw CryptoError.invalidShares("no shares given")
        }
        guard length > 0 else { throw CryptoError.invalidShares("a share has an empty value") }
        var seen = Set<UInt8>()
        for share in shares {
            guard share.index != 0 else {
                throw CryptoError.invalidShares("share index 0 is not allowed; the share is damaged or not a share")
            }
            guard seen.insert(share.index).inserted else {
                throw CryptoError.invalidShares("share \(share.index) was given twice; give distinct shares")
            }
            guard share.value.count == length else {
                throw CryptoError.invalidShares(
                    "shares have different lengths (\(length) and \(share.value.count)); they come from different splits"
                )
            }
        }
        // Basis polynomial at 0: l_i(0) = Π_{j≠i} x_j / (x_j − x_i); subtraction is XOR in GF(2^8).
        let basis = shares.map { share in
            var numerator: UInt8 = 1
            var denominator: UInt8 = 1
            for other in shares where other.index != share.index {
                numerator = multiply(numerator, other.index)
                denominator = multiply(denominator, other.index ^ share.index)
            }
            return multiply(numerator, inverse(denominator))
        }
        var secret = [UInt8](repeating: 0, count: length)
        for (share, coefficient) in zip(shares, basis) {
            for b in 0..<length {
                secret[b] ^= multiply(coefficient, share.value[b])
            }
        }
        return secret
    }

    /// GF(2^8) product modulo 0x11b, shift-and-add with masks (no branches or tables on data).
    @inline(__always)
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = a
        var b = b
        var product: UInt8 = 0
        for _ in 0..<8 {
            product ^= a & (0 &- (b & 1))
            let carry = 0 &- (a >> 7)
            a = (a << 1) ^ (0x1b & carry)
            b >>= 1
        }
        return product
    }

    /// Multiplicative inverse as a^254 (a^255 = 1 for a ≠ 0); inverse(0) = 0.
    static func inverse(_ a: UInt8) -> UInt8 {
        var result: UInt8 = 1
        var base = a
        var exponent = 254
        while exponent > 0 {
            if exponent & 1 == 1 { result = multiply(result, base) }
            base = multiply(base, base)
            exponent >>= 1
        }
        return result
    }
}
