internal import COpenSSL
import PhieuKinMessages

/// An Ed25519 signing key (RFC 8032, pure Ed25519, no prehash).
///
/// Holds one `EVP_PKEY` and one signing context reused by every signature (see
/// `SignatureContextCache`), as `openssl speed ed25519` reuses one context.
public struct Ed25519PrivateKey: Sendable {
    private let key: PKey
    private let signer: SignatureContextCache
    /// The matching verification key.
    public let publicKey: Ed25519PublicKey

    /// Generates a new key with OpenSSL's CSPRNG.
    public init() {
        let key = PKey.generate("ED25519")
        self.init(key: key, publicRaw: try! key.rawPublicKey())
    }

    /// Imports the 32-byte RFC 8032 secret (seed).
    public init(rawRepresentation: [UInt8]) throws {
        let key = try PKey.rawPrivate("ED25519", rawRepresentation)
        self.init(key: key, publicRaw: try key.rawPublicKey())
    }

    private init(key: PKey, publicRaw: [UInt8]) {
        self.key = key
        self.signer = SignatureContextCache(key: key, operation: .sign)
        self.publicKey = try! Ed25519PublicKey(rawRepresentation: publicRaw)
    }

    /// The 32-byte RFC 8032 secret. Handle with care: this is the whole signing key.
    public var rawRepresentation: [UInt8] { try! key.rawPrivateKey() }

    /// A 64-byte Ed25519 signature over `message` (deterministic, RFC 8032 §5.1.6).
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: 64) { output, count in
            let signed = message.withNonNullPointer { messagePointer, messageCount in
                signer.withContext { context in
                    var length = 64
                    return EVP_DigestSign(context, output.baseAddress, &length, messagePointer, messageCount) == 1
                        && length == 64
                }
            }
            try opensslCheck(signed == true, "EVP_DigestSignInit_ex/EVP_DigestSign(Ed25519)")
            count = 64
        }
    }

    /// PKCS#8 PEM: "PRIVATE KEY", or with a passphrase "ENCRYPTED PRIVATE KEY" (PBES2:
    /// PBKDF2-HMAC-SHA-256 + AES-256-CBC), readable by `openssl pkey -passin`.
    public func pemRepresentation(passphrase: [UInt8]? = nil) throws -> String {
        try PEM.writePrivateKey(key, passphrase: passphrase)
    }

    /// Reads a PKCS#8 PEM Ed25519 private key (encrypted or not).
    public init(pemRepresentation: String, passphrase: [UInt8]? = nil) throws {
        try self.init(pemBytes: Array(pemRepresentation.utf8), passphrase: passphrase)
    }

    /// From the PEM file's bytes, read straight from the key file: no `String` copy of the key
    /// text is made, so the caller can overwrite `pemBytes` once the key is parsed.
    public init(pemBytes: [UInt8], passphrase: [UInt8]? = nil) throws {
        let key = try PEM.readPrivateKey(bytes: pemBytes, passphrase: passphrase, algorithm: "ED25519")
        self.init(key: key, publicRaw: try key.rawPublicKey())
    }
}

/// An Ed25519 verification key.
///
/// Holds one `EVP_PKEY` and one verifying context reused by every verification.
public struct Ed25519PublicKey: Sendable, Hashable {
    private let key: PKey
    private let verifier: SignatureContextCache
    /// The 32-byte RFC 8032 public key.
    public let rawRepresentation: [UInt8]

    public init(rawRepresentation: [UInt8]) throws {
        self.key = try PKey.rawPublic("ED25519", rawRepresentation)
        self.verifier = SignatureContextCache(key: key, operation: .verify)
        self.rawRepresentation = rawRepresentation
    }

    /// SPKI PEM ("PUBLIC KEY").
    public init(pemRepresentation: String) throws {
        let key = try PEM.readPublicKey(pemRepresentation, algorithm: "ED25519")
        self.key = key
        self.verifier = SignatureContextCache(key: key, operation: .verify)
        self.rawRepresentation = try key.rawPublicKey()
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawRepresentation == rhs.rawRepresentation }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawRepresentation) }

    /// True only for a valid 64-byte RFC 8032 signature of `message` under this key.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 64 else { return false }
        let result = signature.withUnsafeBufferPointer { signaturePointer in
            message.withNonNullPointer { messagePointer, messageCount in
                verifier.withContext { context in
                    EVP_DigestVerify(context, signaturePointer.baseAddress, 64, messagePointer, messageCount)
                }
            }
        }
        if result != 1 { ERR_clear_error() }
        return result == 1
    }

    /// SPKI PEM ("PUBLIC KEY").
    public var pemRepresentation: String { try! PEM.writePublicKey(key) }

    /// "SHA256:" + lowercase hex of SHA-256 of the raw 32-byte key: short, stable, printable.
    public var fingerprint: String { "SHA256:" + Hex.encode(SHA256.hash(rawRepresentation)) }
}

/// An X25519 key-agreement key (RFC 7748).
public struct X25519PrivateKey: Sendable {
    private let key: PKey
    public let publicKey: X25519PublicKey

    /// Generates a new key with OpenSSL's CSPRNG.
    public init() {
        let key = PKey.generate("X25519")
        self.init(key: key, publicRaw: try! key.rawPublicKey())
    }

    /// Imports a 32-byte scalar (clamped by X25519 itself, RFC 7748 §5).
    public init(rawRepresentation: [UInt8]) throws {
        let key = try PKey.rawPrivate("X25519", rawRepresentation)
        self.init(key: key, publicRaw: try key.rawPublicKey())
    }

    /// Reads a PKCS#8 PEM X25519 private key (encrypted or not).
    public init(pemRepresentation: String, passphrase: [UInt8]? = nil) throws {
        let key = try PEM.readPrivateKey(pemRepresentation, passphrase: passphrase, algorithm: "X25519")
        self.init(key: key, publicRaw: try key.rawPublicKey())
    }

    private init(key: PKey, publicRaw: [UInt8]) {
        self.key = key
        self.publicKey = try! X25519PublicKey(rawRepresentation: publicRaw)
    }

    public var rawRepresentation: [UInt8] { try! key.rawPrivateKey() }

    /// The 32-byte X25519 shared secret with `peer`. Throws `invalidKey` for a low-order peer
    /// key (all-zero result), which OpenSSL refuses.
    public func sharedSecret(with peer: X25519PublicKey) throws -> [UInt8] {
        guard let context = PKeyContext(key: key) else {
            throw CryptoError.libraryFailure("EVP_PKEY_CTX_new_from_pkey failed")
        }
        try opensslCheck(EVP_PKEY_derive_init(context.pointer) == 1, "EVP_PKEY_derive_init")
        guard EVP_PKEY_derive_set_peer(context.pointer, peer.key.pointer) == 1 else {
            ERR_clear_error()
            throw CryptoError.invalidKey("the peer X25519 public key was rejected")
        }
        return try [UInt8](unsafeUninitializedCapacity: 32) { output, count in
            var length = 32
            guard EVP_PKEY_derive(context.pointer, output.baseAddress, &length) == 1, length == 32 else {
                ERR_clear_error()
                throw CryptoError.invalidKey("X25519 with this peer key gives an all-zero secret (low-order point)")
            }
            count = 32
        }
    }

    public func pemRepresentation(passphrase: [UInt8]? = nil) throws -> String {
        try PEM.writePrivateKey(key, passphrase: passphrase)
    }
}

/// An X25519 public key.
public struct X25519PublicKey: Sendable, Hashable {
    fileprivate let key: PKey
    public let rawRepresentation: [UInt8]

    public init(rawRepresentation: [UInt8]) throws {
        self.key = try PKey.rawPublic("X25519", rawRepresentation)
        self.rawRepresentation = rawRepresentation
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawRepresentation == rhs.rawRepresentation }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawRepresentation) }
}

/// PEM reading and writing through libcrypto's PEM/BIO functions.
enum PEM {
    static func writePrivateKey(_ key: PKey, passphrase: [UInt8]?) throws -> String {
        let bio = MemoryBIO()
        let ok: Int32
        if let passphrase {
            guard !passphrase.isEmpty, passphrase.count <= 1024 else {
                throw CryptoError.invalidParameter("the key-file passphrase must be 1…1024 bytes")
            }
            ok = passphrase.withUnsafeBufferPointer { pass in
                pass.withMemoryRebound(to: CChar.self) {
                    PEM_write_bio_PKCS8PrivateKey(
                        bio.pointer, key.pointer, EVP_aes_256_cbc(), $0.baseAddress, Int32($0.count), nil, nil)
                }
            }
        } else {
            ok = PEM_write_bio_PKCS8PrivateKey(bio.pointer, key.pointer, nil, nil, 0, nil, nil)
        }
        try opensslCheck(ok == 1, "PEM_write_bio_PKCS8PrivateKey")
        return bio.contents()
    }

    static func writePublicKey(_ key: PKey) throws -> String {
        let bio = MemoryBIO()
        try opensslCheck(PEM_write_bio_PUBKEY(bio.pointer, key.pointer) == 1, "PEM_write_bio_PUBKEY")
        return bio.contents()
    }

    /// Holds the passphrase for the C callback; `nil` makes the callback refuse, so OpenSSL never
    /// falls back to prompting on the terminal.
    private struct PassphraseSource {
        var bytes: [UInt8]?
    }

    static func readPrivateKey(_ pem: String, passphrase: [UInt8]?, algorithm: String) throws -> PKey {
        try readPrivateKey(bytes: Array(pem.utf8), passphrase: passphrase, algorithm: algorithm)
    }

    static func readPrivateKey(bytes pem: [UInt8], passphrase: [UInt8]?, algorithm: String) throws -> PKey {
        let marker = Array("-----BEGIN ENCRYPTED PRIVATE KEY-----".utf8)
        let encrypted =
            pem.count >= marker.count
            && (0...(pem.count - marker.count)).contains {
                pem[$0..<($0 + marker.count)].elementsEqual(marker)
            }
        if encrypted && passphrase == nil {
            throw CryptoError.wrongPassphrase
        }
        var source = PassphraseSource(bytes: passphrase)
        let pointer: OpaquePointer? = try MemoryBIO.reading(bytes: pem) { bio in
            withUnsafeMutablePointer(to: &source) { sourcePointer in
                PEM_read_bio_PrivateKey(
                    bio, nil,
                    { buffer, size, _, user in
                        guard let buffer, let user,
                            let bytes = user.assumingMemoryBound(to: PassphraseSource.self).pointee.bytes,
                            bytes.count <= Int(size)
                        else { return -1 }
                        bytes.withUnsafeBytes {
                            UnsafeMutableRawPointer(buffer).copyMemory(from: $0.baseAddress!, byteCount: $0.count)
                        }
                        return Int32(bytes.count)
                    }, sourcePointer)
            }
        }
        guard let pointer else {
            ERR_clear_error()
            if encrypted { throw CryptoError.wrongPassphrase }
            throw CryptoError.invalidPEM("no readable PKCS#8 private key in the PEM text; check the file is a key file")
        }
        let key = PKey(taking: pointer)
        guard key.isA(algorithm) else {
            throw CryptoError.invalidPEM("the PEM private key is not an \(algorithm) key")
        }
        return key
    }

    static func readPublicKey(_ pem: String, algorithm: String) throws -> PKey {
        let pointer: OpaquePointer? = try MemoryBIO.reading(pem) { bio in
            PEM_read_bio_PUBKEY(bio, nil, { _, _, _, _ in -1 }, nil)
        }
        guard let pointer else {
            ERR_clear_error()
            throw CryptoError.invalidPEM("no SPKI \"PUBLIC KEY\" in the PEM text; check the file is a public key")
        }
        let key = PKey(taking: pointer)
        guard key.isA(algorithm) else {
            throw CryptoError.invalidPEM("the PEM public key is not an \(algorithm) key")
        }
        return key
    }
}
