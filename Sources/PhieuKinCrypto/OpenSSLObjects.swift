internal import COpenSSL
import PhieuKinMessages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// One `final class` per OpenSSL object, owning the pointer and freeing it in `deinit`
// (the layering apple/swift-crypto uses). Public value types wrap these.

/// Algorithm handles fetched once per process. OpenSSL 3's implicit fetch (EVP_sha256() etc.)
/// looks the provider up on every init; pre-fetched handles skip that on hot paths.
// @unchecked Sendable: immutable after init; fetched EVP_MD/EVP_CIPHER/EVP_KDF are thread-safe.
final class FetchedAlgorithms: @unchecked Sendable {
    let sha256: OpaquePointer
    let aes256GCM: OpaquePointer
    let hkdf: OpaquePointer

    static let shared = FetchedAlgorithms()

    private init() {
        guard let sha256 = EVP_MD_fetch(nil, "SHA256", nil),
            let aes256GCM = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil),
            let hkdf = EVP_KDF_fetch(nil, "HKDF", nil)
        else {
            fatalError("libcrypto's default provider lacks SHA-256, AES-256-GCM or HKDF: reinstall OpenSSL 3 (libssl3)")
        }
        self.sha256 = sha256
        self.aes256GCM = aes256GCM
        self.hkdf = hkdf
    }

    deinit {
        EVP_MD_free(sha256)
        EVP_CIPHER_free(aes256GCM)
        EVP_KDF_free(hkdf)
    }
}

/// Traps on an OpenSSL failure that cannot be caused by caller input (allocation, provider loss).
@inline(__always)
func opensslPrecondition(_ ok: Bool, _ what: StaticString) {
    if !ok {
        ERR_clear_error()
        fatalError("libcrypto failed in \(what) (out of memory or broken OpenSSL installation)")
    }
}

/// Throws `CryptoError.libraryFailure` and empties OpenSSL's error queue.
@inline(__always)
func opensslCheck(_ ok: Bool, _ what: String) throws {
    if !ok {
        ERR_clear_error()
        throw CryptoError.libraryFailure("libcrypto failed in \(what)")
    }
}

/// Owns an `EVP_MD_CTX` (digests and one-shot Ed25519 sign/verify).
final class DigestContext {
    let pointer: OpaquePointer

    init() {
        guard let pointer = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
        self.pointer = pointer
    }

    /// A deep copy, so `SHA256Hasher` can be copy-on-write.
    init(copying other: DigestContext) {
        guard let pointer = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
        self.pointer = pointer
        opensslPrecondition(EVP_MD_CTX_copy_ex(pointer, other.pointer) == 1, "EVP_MD_CTX_copy_ex")
    }

    deinit { EVP_MD_CTX_free(pointer) }

    @inline(__always)
    func startSHA256() {
        opensslPrecondition(
            EVP_DigestInit_ex2(pointer, FetchedAlgorithms.shared.sha256, nil) == 1, "EVP_DigestInit_ex2")
    }

    @inline(__always)
    func update(_ bytes: UnsafeRawPointer?, count: Int) {
        guard count > 0 else { return }
        opensslPrecondition(EVP_DigestUpdate(pointer, bytes, count) == 1, "EVP_DigestUpdate")
    }

    /// Writes the 32-byte SHA-256 digest to `output`.
    @inline(__always)
    func finish(into output: UnsafeMutablePointer<UInt8>) {
        var length: UInt32 = 0
        opensslPrecondition(EVP_DigestFinal_ex(pointer, output, &length) == 1, "EVP_DigestFinal_ex")
    }
}

/// Owns an `EVP_CIPHER_CTX`.
final class CipherContext {
    let pointer: OpaquePointer

    init() {
        guard let pointer = EVP_CIPHER_CTX_new() else { fatalError("EVP_CIPHER_CTX_new: out of memory") }
        self.pointer = pointer
    }

    deinit { EVP_CIPHER_CTX_free(pointer) }
}

/// Owns an `EVP_PKEY` (Ed25519 or X25519).
// @unchecked Sendable: never mutated after creation; OpenSSL allows concurrent use of one EVP_PKEY.
final class PKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }

    func isA(_ name: String) -> Bool { EVP_PKEY_is_a(pointer, name) == 1 }

    /// Reads the 32-byte raw public key.
    func rawPublicKey() throws -> [UInt8] {
        var length = 0
        try opensslCheck(EVP_PKEY_get_raw_public_key(pointer, nil, &length) == 1, "EVP_PKEY_get_raw_public_key")
        return try [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            try opensslCheck(
                EVP_PKEY_get_raw_public_key(pointer, buffer.baseAddress, &length) == 1, "EVP_PKEY_get_raw_public_key")
            count = length
        }
    }

    /// Reads the 32-byte raw private key.
    func rawPrivateKey() throws -> [UInt8] {
        var length = 0
        try opensslCheck(EVP_PKEY_get_raw_private_key(pointer, nil, &length) == 1, "EVP_PKEY_get_raw_private_key")
        return try [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            try opensslCheck(
                EVP_PKEY_get_raw_private_key(pointer, buffer.baseAddress, &length) == 1, "EVP_PKEY_get_raw_private_key")
            count = length
        }
    }

    /// Imports a raw private key of algorithm `name` ("ED25519" or "X25519").
    static func rawPrivate(_ name: String, _ raw: [UInt8]) throws -> PKey {
        guard raw.count == 32 else {
            throw CryptoError.invalidKey("a raw \(name) private key is 32 bytes, got \(raw.count)")
        }
        let pointer = raw.withUnsafeBufferPointer {
            EVP_PKEY_new_raw_private_key_ex(nil, name, nil, $0.baseAddress, 32)
        }
        guard let pointer else {
            ERR_clear_error()
            throw CryptoError.invalidKey("libcrypto rejected the raw \(name) private key")
        }
        return PKey(taking: pointer)
    }

    /// Imports a raw public key of algorithm `name` ("ED25519" or "X25519").
    static func rawPublic(_ name: String, _ raw: [UInt8]) throws -> PKey {
        guard raw.count == 32 else {
            throw CryptoError.invalidKey("a raw \(name) public key is 32 bytes, got \(raw.count)")
        }
        let pointer = raw.withUnsafeBufferPointer {
            EVP_PKEY_new_raw_public_key_ex(nil, name, nil, $0.baseAddress, 32)
        }
        guard let pointer else {
            ERR_clear_error()
            throw CryptoError.invalidKey("libcrypto rejected the raw \(name) public key")
        }
        return PKey(taking: pointer)
    }

    /// Generates a fresh key pair of algorithm `name` with OpenSSL's CSPRNG.
    static func generate(_ name: String) -> PKey {
        guard let context = PKeyContext(algorithm: name) else {
            fatalError("EVP_PKEY_CTX_new_from_name(\(name)) failed")
        }
        opensslPrecondition(EVP_PKEY_keygen_init(context.pointer) == 1, "EVP_PKEY_keygen_init")
        var key: OpaquePointer? = nil
        opensslPrecondition(EVP_PKEY_generate(context.pointer, &key) == 1 && key != nil, "EVP_PKEY_generate")
        return PKey(taking: key!)
    }
}

/// One `EVP_MD_CTX` set up for Ed25519 signing or verifying with one key, kept for the key's
/// lifetime and re-armed per call.
///
/// Why: `EVP_MD_CTX_new` + `EVP_DigestSignInit_ex` cost about 4.4 µs per call (OpenSSL 3.0,
/// measured here), 7 % of a signature, while re-arming an initialized context with
/// `EVP_DigestSignInit_ex(ctx, NULL…)` costs 0.1 µs. The re-arm is needed on OpenSSL ≥ 3.2, which
/// refuses a second one-shot `EVP_DigestSign` on a context; current `openssl speed` does the same.
///
/// The keys are `Sendable` values, so a try-lock guards the context: a caller that finds it busy
/// (another thread using the same key at that moment) gets a fresh context instead of waiting.
// @unchecked Sendable: `context` is only touched while holding `mutex`.
final class SignatureContextCache: @unchecked Sendable {
    enum Operation { case sign, verify }

    private let key: PKey
    private let operation: Operation
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var context: DigestContext?

    init(key: PKey, operation: Operation) {
        self.key = key
        self.operation = operation
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        precondition(pthread_mutex_init(mutex, nil) == 0, "pthread_mutex_init failed")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with an `EVP_MD_CTX` ready for one `EVP_DigestSign`/`EVP_DigestVerify`.
    /// Returns nil (error queue cleared) if libcrypto cannot set one up.
    @inline(__always)
    func withContext<R>(_ body: (OpaquePointer) -> R) -> R? {
        guard pthread_mutex_trylock(mutex) == 0 else {
            let fresh = DigestContext()
            return start(fresh.pointer, key: key.pointer) ? body(fresh.pointer) : nil
        }
        defer { pthread_mutex_unlock(mutex) }
        if let context {
            if start(context.pointer, key: nil) { return body(context.pointer) }
            self.context = nil
        }
        let fresh = DigestContext()
        guard start(fresh.pointer, key: key.pointer) else { return nil }
        context = fresh
        return body(fresh.pointer)
    }

    /// `EVP_Digest{Sign,Verify}Init_ex`; a nil key re-arms a context that already holds one.
    @inline(__always)
    private func start(_ context: OpaquePointer, key: OpaquePointer?) -> Bool {
        let ok =
            switch operation {
            case .sign: EVP_DigestSignInit_ex(context, nil, nil, nil, nil, key, nil)
            case .verify: EVP_DigestVerifyInit_ex(context, nil, nil, nil, nil, key, nil)
            }
        if ok != 1 { ERR_clear_error() }
        return ok == 1
    }
}

/// Owns an `EVP_PKEY_CTX` (key generation, X25519 derivation).
final class PKeyContext {
    let pointer: OpaquePointer

    init?(algorithm: String) {
        guard let pointer = EVP_PKEY_CTX_new_from_name(nil, algorithm, nil) else {
            ERR_clear_error()
            return nil
        }
        self.pointer = pointer
    }

    init?(key: PKey) {
        guard let pointer = EVP_PKEY_CTX_new_from_pkey(nil, key.pointer, nil) else {
            ERR_clear_error()
            return nil
        }
        self.pointer = pointer
    }

    deinit { EVP_PKEY_CTX_free(pointer) }
}

/// Owns an `EVP_KDF_CTX`.
final class KDFContext {
    let pointer: OpaquePointer

    init(_ kdf: OpaquePointer) {
        guard let pointer = EVP_KDF_CTX_new(kdf) else { fatalError("EVP_KDF_CTX_new: out of memory") }
        self.pointer = pointer
    }

    deinit { EVP_KDF_CTX_free(pointer) }
}

/// Owns a memory `BIO` used to read and write PEM text.
final class MemoryBIO {
    let pointer: OpaquePointer

    /// An empty, writable memory BIO.
    init() {
        guard let pointer = BIO_new(BIO_s_mem()) else { fatalError("BIO_new: out of memory") }
        self.pointer = pointer
    }

    deinit { BIO_free(pointer) }

    /// Everything written so far, as text.
    func contents() -> String {
        var data: UnsafeMutablePointer<CChar>? = nil
        let length = Int(phieukin_BIO_get_mem_data(pointer, &data))
        guard let data, length > 0 else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// Runs `body` with a read-only BIO over `text`'s bytes (valid only inside `body`).
    static func reading<R>(_ text: String, _ body: (OpaquePointer) throws -> R) throws -> R {
        try reading(bytes: Array(text.utf8), body)
    }

    /// Runs `body` with a read-only BIO over `bytes` (no copy of them is made here).
    static func reading<R>(bytes: [UInt8], _ body: (OpaquePointer) throws -> R) throws -> R {
        try bytes.withUnsafeBytes { buffer in
            guard buffer.count < Int(Int32.max),
                let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count))
            else {
                ERR_clear_error()
                throw CryptoError.invalidPEM("the PEM text is empty or too large")
            }
            defer { BIO_free(bio) }
            return try body(bio)
        }
    }
}

extension Array where Element == UInt8 {
    /// Calls `body` with a non-null pointer even for an empty array (some OpenSSL calls reject
    /// NULL even with length 0).
    @inline(__always)
    func withNonNullPointer<R>(_ body: (UnsafePointer<UInt8>, Int) throws -> R) rethrows -> R {
        if isEmpty {
            var zero: UInt8 = 0
            return try Swift.withUnsafePointer(to: &zero) { try body($0, 0) }
        }
        return try withUnsafeBufferPointer { try body($0.baseAddress!, $0.count) }
    }
}
