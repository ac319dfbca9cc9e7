import Foundation
import PhieuKinCrypto

/// Known-answer vectors from `Test Vectors/*.json` (regenerate and cross-check with
/// `python3 scripts/crypto-test-vectors.py`).
enum Vectors {
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Test Vectors")
        else { fatalError("missing test vector file \(name).json") }
        return try! JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static let primitives: Primitives = load("primitives")
    static let merkle: MerkleVectors = load("merkle")
    static let format: FormatVectors = load("format")

    struct Primitives: Decodable, Sendable {
        var sha256: [SHA]
        var hmacSHA256: [HMACCase]
        var hkdfSHA256: [HKDFCase]
        var ed25519: [Ed25519Case]
        var x25519: [X25519Case]
        var x25519DiffieHellman: DiffieHellman
        var aes256GCM: [GCMCase]
    }

    struct SHA: Codable, Sendable, Hashable, CustomStringConvertible {
        var text: String
        var digest: String
        var description: String { "SHA-256(\"\(text.prefix(12))\")" }
    }
    struct HMACCase: Codable, Sendable, CustomStringConvertible {
        var `case`: Int
        var key, message, mac: String
        var description: String { "RFC 4231 case \(self.case)" }
    }
    struct HKDFCase: Codable, Sendable, CustomStringConvertible {
        var `case`: Int
        var ikm, salt, info: String
        var length: Int
        var okm: String
        var description: String { "RFC 5869 case \(self.case)" }
    }
    struct Ed25519Case: Codable, Sendable, CustomStringConvertible {
        var test: Int
        var secretKey, publicKey, message, signature: String
        var description: String { "RFC 8032 TEST \(test)" }
    }
    struct X25519Case: Codable, Sendable, CustomStringConvertible {
        var scalar, u, output: String
        var description: String { "RFC 7748 5.2 \(scalar.prefix(8))" }
    }
    struct DiffieHellman: Codable, Sendable {
        var alicePrivate, alicePublic, bobPrivate, bobPublic, shared: String
    }
    struct GCMCase: Codable, Sendable, CustomStringConvertible {
        var `case`: Int
        var key, nonce, plaintext, aad, ciphertext, tag: String
        var description: String { "GCM test case \(self.case)" }
    }

    struct MerkleVectors: Decodable, Sendable {
        var leaves: [String]
        var roots: [String]
        var ctInclusion: [Inclusion]
        var ctConsistency: [Consistency]
        var inclusion: [Inclusion]
        var consistency: [Consistency]
    }
    struct Inclusion: Codable, Sendable, CustomStringConvertible {
        var index, size: Int
        var proof: [String]
        var description: String { "PATH(\(index), D[\(size)])" }
    }
    struct Consistency: Codable, Sendable, CustomStringConvertible {
        var oldSize, newSize: Int
        var proof: [String]
        var description: String { "PROOF(\(oldSize), D[\(newSize)])" }
    }

    struct FormatVectors: Decodable, Sendable {
        struct MerkleDoc: Decodable, Sendable {
            struct OneLeaf: Decodable, Sendable { var leaf, root: String }
            struct Eight: Decodable, Sendable { var leaves, roots: [String] }
            var emptyRoot: String
            var oneLeaf: OneLeaf
            var eightLeaves: Eight
        }
        struct Box: Decodable, Sendable {
            var recipientPrivateKey, recipientPublicKey, ephemeralPrivateKey, ephemeralPublicKey: String
            var context, sharedSecret, key, nonce, box, plaintext: String
        }
        struct ShamirDoc: Decodable, Sendable {
            var threshold: Int
            var secret: String
            var coefficients, shares, combineFrom: [String]
        }
        var sha256: [SHA]
        var merkle: MerkleDoc
        var sealedBox: Box
        var shamir: ShamirDoc
    }
}

/// Decodes hex in tests (the vectors are trusted, so a failure is a broken vector file).
func hex(_ text: String) -> [UInt8] { try! Hex.decode(text) }
