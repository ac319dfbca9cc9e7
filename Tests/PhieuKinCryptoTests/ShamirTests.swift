import Testing

@testable import PhieuKinCrypto

@Suite("Shamir secret sharing over GF(256)")
struct ShamirTests {
    @Test("Field arithmetic: FIPS-197 §4.2 products and the known inverse of 0x53")
    func field() {
        #expect(Shamir.multiply(0x57, 0x83) == 0xc1)
        #expect(Shamir.multiply(0x57, 0x13) == 0xfe)
        #expect(Shamir.multiply(0x57, 0x02) == 0xae)
        #expect(Shamir.multiply(0x80, 0x02) == 0x1b)
        #expect(Shamir.inverse(0x53) == 0xca)
        #expect(Shamir.inverse(0x01) == 0x01)
        for a in 1...255 {
            #expect(Shamir.multiply(UInt8(a), Shamir.inverse(UInt8(a))) == 1)
        }
    }

    @Test("Hand-computed 2-of-3 vector")
    func handVector() throws {
        // f(x) = 0x01 + 0x02·x:  f(1) = 0x03, f(2) = 0x01 ⊕ 0x04 = 0x05, f(3) = 0x01 ⊕ (0x02·0x03 = 0x06) = 0x07.
        // g(x) = 0x10 + 0x80·x:  g(1) = 0x90, g(2) = 0x10 ⊕ (0x80·0x02 = 0x100 mod 0x11b = 0x1b) = 0x0b,
        //                        g(3) = 0x10 ⊕ (0x80·0x03 = 0x1b ⊕ 0x80 = 0x9b) = 0x8b.
        let shares = Shamir.split([0x01, 0x10], shareCount: 3, coefficients: [[0x02, 0x80]])
        #expect(shares.map(\.encoded) == [[1, 0x03, 0x90], [2, 0x05, 0x0b], [3, 0x07, 0x8b]])
        #expect(try Shamir.combine([shares[0], shares[1]]) == [0x01, 0x10])
        #expect(try Shamir.combine([shares[2], shares[0]]) == [0x01, 0x10])
        #expect(try Shamir.combine([shares[1], shares[2]]) == [0x01, 0x10])
    }

    @Test("docs/FORMAT.md Shamir vector (computed independently in Python)")
    func formatVector() throws {
        let v = Vectors.format.shamir
        let shares = Shamir.split(hex(v.secret), shareCount: v.shares.count, coefficients: v.coefficients.map(hex))
        #expect(shares.map { Hex.encode($0.encoded) } == v.shares)
        let chosen = try v.combineFrom.map { try Shamir.Share(encoded: hex($0)) }
        #expect(chosen.count == v.threshold)
        #expect(try Shamir.combine(chosen) == hex(v.secret))
    }

    static let shapes: [(threshold: Int, count: Int)] = [
        (1, 1), (1, 3), (2, 2), (2, 3), (3, 5), (2, 5), (4, 6), (5, 5),
    ]

    @Test("Every k-subset reconstructs; every (k−1)-subset does not", arguments: shapes)
    func subsets(shape: (threshold: Int, count: Int)) throws {
        let secret = SecureRandom.bytes(32)
        let shares = try Shamir.split(secret: secret, threshold: shape.threshold, shareCount: shape.count)
        #expect(shares.map(\.index) == (1...shape.count).map { UInt8($0) })
        for subset in combinations(of: shares, size: shape.threshold) {
            #expect(try Shamir.combine(subset) == secret)
            #expect(try Shamir.combine(subset.reversed()) == secret)
        }
        if shape.threshold > 1 {
            for subset in combinations(of: shares, size: shape.threshold - 1) {
                // Wrong with probability 1 − 2^-256.
                #expect(try Shamir.combine(subset) != secret)
            }
        }
        // More than k shares also reconstruct.
        #expect(try Shamir.combine(shares) == secret)
    }

    @Test("Large split: 255 shares, threshold 200")
    func large() throws {
        let secret = SecureRandom.bytes(4)
        let shares = try Shamir.split(secret: secret, threshold: 200, shareCount: 255)
        #expect(try Shamir.combine(Array(shares.shuffled().prefix(200))) == secret)
    }

    @Test(
        "Split rejects bad parameters",
        arguments: [(0, 3), (-1, 3), (4, 3), (1, 0), (2, 256), (300, 300)])
    func badSplit(parameters: (threshold: Int, count: Int)) {
        #expect(throws: CryptoError.invalidParameter("")) {
            try Shamir.split(secret: [1, 2, 3], threshold: parameters.threshold, shareCount: parameters.count)
        }
    }

    @Test("Split rejects an empty secret")
    func emptySecret() {
        #expect(throws: CryptoError.invalidParameter("")) { try Shamir.split(secret: [], threshold: 1, shareCount: 1) }
    }

    @Test("Combine rejects inconsistent shares")
    func badCombine() throws {
        let shares = try Shamir.split(secret: [9, 8, 7], threshold: 2, shareCount: 3)
        #expect(throws: CryptoError.invalidShares("")) { try Shamir.combine([]) }
        #expect(throws: CryptoError.invalidShares("")) { try Shamir.combine([shares[0], shares[0]]) }
        #expect(throws: CryptoError.invalidShares("")) {
            try Shamir.combine([shares[0], Shamir.Share(index: 2, value: [1, 2])])
        }
        #expect(throws: CryptoError.invalidShares("")) {
            try Shamir.combine([shares[0], Shamir.Share(index: 0, value: [1, 2, 3])])
        }
        #expect(throws: CryptoError.invalidShares("")) {
            try Shamir.combine([Shamir.Share(index: 1, value: []), Shamir.Share(index: 2, value: [])])
        }
    }

    @Test("Share encoding round trip and malformed encodings")
    func encoding() throws {
        let share = Shamir.Share(index: 7, value: [1, 2, 3])
        #expect(share.encoded == [7, 1, 2, 3])
        #expect(try Shamir.Share(encoded: share.encoded) == share)
        #expect(throws: CryptoError.malformedInput("")) { try Shamir.Share(encoded: []) }
        #expect(throws: CryptoError.malformedInput("")) { try Shamir.Share(encoded: [5]) }
        #expect(throws: CryptoError.invalidShares("")) { try Shamir.Share(encoded: [0, 1, 2]) }
    }
}

/// All `size`-element subsets, in index order.
func combinations<T>(of items: [T], size: Int) -> [[T]] {
    guard size > 0 else { return [[]] }
    guard items.count >= size else { return [] }
    var result: [[T]] = []
    for (i, item) in items.enumerated() {
        for rest in combinations(of: Array(items[(i + 1)...]), size: size - 1) {
            result.append([item] + rest)
        }
    }
    return result
}
