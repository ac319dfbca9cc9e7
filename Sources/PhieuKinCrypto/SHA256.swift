internal import COpenSSL
import PhieuKinMessages

/// SHA-256 (FIPS 180-4) through libcrypto's EVP interface.
public enum SHA256 {
    /// Digest length in bytes.
    public static let byteCount = 32

    /// One-shot digest of `data`.
    public static func hash(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { hash($0) }
    }

    /// One-shot digest of raw bytes (no copy into an array first).
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: byteCount) { output, count in
            var length: UInt32 = 0
            let ok = EVP_Digest(
                buffer.baseAddress, buffer.count, output.baseAddress, &length, FetchedAlgorithms.shared.sha256, nil)
            opensslPrecondition(ok == 1, "EVP_Digest")
            count = byteCount
        }
    }
}

/// Streaming SHA-256 that owns one `EVP_MD_CTX`.
///
/// A value type with copy-on-write: copying a hasher mid-stream forks the state (the context is
/// duplicated with `EVP_MD_CTX_copy_ex` only when a shared copy is mutated). After `finalize()`
/// the hasher is reset and can hash a new message without reallocating its context.
public struct SHA256Hasher {
    private var context: DigestContext

    public init() {
        context = DigestContext()
        context.startSHA256()
    }

    @inline(__always)
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&context) {
            context = DigestContext(copying: context)
        }
    }

    /// Absorbs `data`.
    public mutating func update(_ data: [UInt8]) {
        makeUnique()
        data.withUnsafeBytes { context.update($0.baseAddress, count: $0.count) }
    }

    /// Absorbs raw bytes without copying them.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        makeUnique()
        context.update(buffer.baseAddress, count: buffer.count)
    }

    /// Returns the 32-byte digest of everything absorbed since `init()` or the last `finalize()`,
    /// and resets the hasher.
    public mutating func finalize() -> [UInt8] {
        makeUnique()
        let digest = [UInt8](unsafeUninitializedCapacity: SHA256.byteCount) { output, count in
            context.finish(into: output.baseAddress!)
            count = SHA256.byteCount
        }
        context.startSHA256()
        return digest
    }
}

/// HMAC-SHA-256 (RFC 2104, FIPS 198-1) via OpenSSL's `EVP_MAC` "HMAC" one-shot.
public enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key` (any key length).
    public static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        key.withNonNullPointer { keyPointer, keyCount in
            message.withNonNullPointer { messagePointer, messageCount in
                [UInt8](unsafeUninitializedCapacity: SHA256.byteCount) { output, count in
                    var length = 0
                    let result = EVP_Q_mac(
                        nil, "HMAC", nil, "SHA256", nil, keyPointer, keyCount, messagePointer, messageCount,
                        output.baseAddress, SHA256.byteCount, &length)
                    opensslPrecondition(result != nil && length == SHA256.byteCount, "EVP_Q_mac(HMAC)")
                    count = SHA256.byteCount
                }
            }
        }
    }
}

/// HKDF with SHA-256 (RFC 5869), extract-then-expand, via OpenSSL's `EVP_KDF` "HKDF".
public enum HKDFSHA256 {
    /// Derives `outputByteCount` bytes (1…8160 = 255 × 32). An empty `salt` means a string of
    /// 32 zero bytes, as RFC 5869 specifies.
    public static func deriveKey(
        inputKeyMaterial: [UInt8], salt: [UInt8], info: [UInt8], outputByteCount: Int
    ) throws -> [UInt8] {
        guard (1...(255 * SHA256.byteCount)).contains(outputByteCount) else {
            throw CryptoError.invalidParameter(
                "HKDF-SHA-256 output must be 1…8160 bytes, got \(outputByteCount)")
        }
        guard !inputKeyMaterial.isEmpty else {
            throw CryptoError.invalidKey("HKDF input key material is empty; pass the shared secret or key to expand")
        }
        let context = KDFContext(FetchedAlgorithms.shared.hkdf)
        var digestName: [CChar] = Array("SHA256".utf8CString)
        return try digestName.withUnsafeMutableBufferPointer { digestBuffer in
            try inputKeyMaterial.withNonNullPointer { ikm, ikmCount in
                try salt.withNonNullPointer { saltPointer, saltCount in
                    try info.withNonNullPointer { infoPointer, infoCount in
                        var params: [OSSL_PARAM] = [
                            OSSL_PARAM_construct_utf8_string(
                                cString("digest"), digestBuffer.baseAddress, digestBuffer.count - 1),
                            OSSL_PARAM_construct_octet_string(
                                cString("key"), UnsafeMutableRawPointer(mutating: ikm), ikmCount),
                            OSSL_PARAM_construct_octet_string(
                                cString("salt"), UnsafeMutableRawPointer(mutating: saltPointer), saltCount),
                            OSSL_PARAM_construct_octet_string(
                                cString("info"), UnsafeMutableRawPointer(mutating: infoPointer), infoCount),
                            OSSL_PARAM_construct_end(),
                        ]
                        return try [UInt8](unsafeUninitializedCapacity: outputByteCount) { output, count in
                            let ok = params.withUnsafeMutableBufferPointer {
                                EVP_KDF_derive(context.pointer, output.baseAddress, outputByteCount, $0.baseAddress)
                            }
                            try opensslCheck(ok == 1, "EVP_KDF_derive(HKDF)")
                            count = outputByteCount
                        }
                    }
                }
            }
        }
    }
}

/// A NUL-terminated C string with static lifetime, for OSSL_PARAM keys (which OpenSSL stores by
/// pointer, so a temporary bridged String would dangle).
@inline(__always)
func cString(_ literal: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)
}
