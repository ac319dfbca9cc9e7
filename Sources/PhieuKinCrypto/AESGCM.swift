internal import COpenSSL

/// AES-256-GCM (NIST SP 800-38D) with a 32-byte key, 12-byte nonce and 16-byte tag.
public enum AES256GCM {
    public static let keyByteCount = 32
    public static let nonceByteCount = 12
    public static let tagByteCount = 16

    /// A sealed message; `combined` is the wire layout `nonce (12) ‖ ciphertext ‖ tag (16)`.
    public struct SealedMessage: Sendable, Hashable {
        public var nonce: [UInt8]
        public var ciphertext: [UInt8]
        public var tag: [UInt8]

        public init(nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
            self.nonce = nonce
            self.ciphertext = ciphertext
            self.tag = tag
        }

        public var combined: [UInt8] { nonce + ciphertext + tag }

        /// Splits `nonce ‖ ciphertext ‖ tag`; needs at least 28 bytes.
        public init(combined: [UInt8]) throws {
            let overhead = nonceByteCount + tagByteCount
            guard combined.count >= overhead else {
                throw CryptoError.malformedInput(
                    "an AES-256-GCM message is at least \(overhead) bytes (nonce ‖ ciphertext ‖ tag), got \(combined.count)"
                )
            }
            nonce = Array(combined[..<nonceByteCount])
            ciphertext = Array(combined[nonceByteCount..<(combined.count - tagByteCount)])
            tag = Array(combined[(combined.count - tagByteCount)...])
        }
    }

    /// Seals `plaintext`; the nonce is random unless given (never reuse a nonce with a key).
    public static func seal(
        _ plaintext: [UInt8], key: [UInt8], nonce: [UInt8]? = nil, associatedData: [UInt8] = []
    ) throws -> SealedMessage {
        let sealer = try AES256GCMSealer(key: key)
        if let nonce {
            return try sealer.seal(plaintext, nonce: nonce, associatedData: associatedData)
        }
        return try sealer.seal(plaintext, associatedData: associatedData)
    }

    /// Opens `message`; throws `CryptoError.authenticationFailed` on any mismatch.
    public static func open(_ message: SealedMessage, key: [UInt8], associatedData: [UInt8] = []) throws -> [UInt8] {
        try AES256GCMOpener(key: key).open(message, associatedData: associatedData)
    }

    static func checkKey(_ key: [UInt8]) throws {
        guard key.count == keyByteCount else {
            throw CryptoError.invalidKey("an AES-256-GCM key is \(keyByteCount) bytes, got \(key.count)")
        }
    }

    static func checkLength(_ count: Int, _ what: String) throws {
        guard count < Int(Int32.max) - 32 else {
            throw CryptoError.invalidParameter("AES-256-GCM \(what) is too large (max 2 GiB per message)")
        }
    }
}

/// Reusable AES-GCM sealer for hot loops: owns one `EVP_CIPHER_CTX` keyed once; each message
/// only sets a fresh random 12-byte nonce. Not thread-safe: use one per task.
///
/// Random 96-bit nonces are safe for up to 2^32 messages per key (SP 800-38D §8.3); the sealer
/// refuses more.
public final class AES256GCMSealer {
    private let context = CipherContext()
    private var messageCount: UInt64 = 0
    private static let messageLimit: UInt64 = 1 << 32

    public init(key: [UInt8]) throws {
        try AES256GCM.checkKey(key)
        let ok = key.withUnsafeBufferPointer {
            EVP_EncryptInit_ex2(context.pointer, FetchedAlgorithms.shared.aes256GCM, $0.baseAddress, nil, nil)
        }
        try opensslCheck(ok == 1, "EVP_EncryptInit_ex2")
        try opensslCheck(
            EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(AES256GCM.nonceByteCount), nil) == 1,
            "EVP_CTRL_GCM_SET_IVLEN")
    }

    /// Random bytes for the next nonces: one `RAND_bytes` call per 256 messages instead of one
    /// per message (the DRBG call costs about as much as sealing a 1 KiB record).
    private var noncePool = [UInt8](repeating: 0, count: 256 * AES256GCM.nonceByteCount)
    private var nonceOffset = 256 * AES256GCM.nonceByteCount

    /// Seals with a fresh random nonce.
    public func seal(_ plaintext: [UInt8], associatedData: [UInt8]) throws -> AES256GCM.SealedMessage {
        if nonceOffset == noncePool.count {
            noncePool.withUnsafeMutableBytes { SecureRandom.fill($0) }
            nonceOffset = 0
        }
        let nonce = Array(noncePool[nonceOffset..<(nonceOffset + AES256GCM.nonceByteCount)])
        nonceOffset += AES256GCM.nonceByteCount
        return try seal(plaintext, nonce: nonce, associatedData: associatedData)
    }

    /// Seals with a caller-chosen nonce (test vectors; callers must never repeat a nonce).
    public func seal(
        _ plaintext: [UInt8], nonce: [UInt8], associatedData: [UInt8]
    ) throws
        -> AES256GCM.SealedMessage
    {
        guard nonce.count == AES256GCM.nonceByteCount else {
            throw CryptoError.invalidParameter("an AES-256-GCM nonce is 12 bytes, got \(nonce.count)")
        }
        try AES256GCM.checkLength(plaintext.count, "plaintext")
        try AES256GCM.checkLength(associatedData.count, "associated data")
        guard messageCount < Self.messageLimit else {
            throw CryptoError.invalidParameter("this AES-256-GCM key has sealed 2^32 messages; rotate to a new key")
        }
        messageCount += 1
        let ctx = context.pointer
        let ivOK = nonce.withUnsafeBufferPointer { EVP_EncryptInit_ex2(ctx, nil, nil, $0.baseAddress, nil) }
        try opensslCheck(ivOK == 1, "EVP_EncryptInit_ex2(nonce)")
        if !associatedData.isEmpty {
            var outLength: Int32 = 0
            let ok = associatedData.withUnsafeBufferPointer {
                EVP_EncryptUpdate(ctx, nil, &outLength, $0.baseAddress, Int32($0.count))
            }
            try opensslCheck(ok == 1, "EVP_EncryptUpdate(associated data)")
        }
        let ciphertext = try [UInt8](unsafeUninitializedCapacity: plaintext.count) { output, count in
            var written: Int32 = 0
            if !plaintext.isEmpty {
                let ok = plaintext.withUnsafeBufferPointer {
                    EVP_EncryptUpdate(ctx, output.baseAddress, &written, $0.baseAddress, Int32($0.count))
                }
                try opensslCheck(ok == 1, "EVP_EncryptUpdate")
            }
            var finalLength: Int32 = 0
            var scratch: UInt8 = 0
            let ok = withUnsafeMutablePointer(to: &scratch) {
                EVP_EncryptFinal_ex(ctx, output.baseAddress.map { $0 + Int(written) } ?? $0, &finalLength)
            }
            try opensslCheck(ok == 1 && finalLength == 0, "EVP_EncryptFinal_ex")
            count = Int(written)
        }
        let tag = try [UInt8](unsafeUninitializedCapacity: AES256GCM.tagByteCount) { output, count in
            try opensslCheck(
                EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, Int32(AES256GCM.tagByteCount), output.baseAddress) == 1,
                "EVP_CTRL_GCM_GET_TAG")
            count = AES256GCM.tagByteCount
        }
        return AES256GCM.SealedMessage(nonce: nonce, ciphertext: ciphertext, tag: tag)
    }
}

/// Reusable AES-GCM opener: owns one `EVP_CIPHER_CTX` keyed once. Not thread-safe.
public final class AES256GCMOpener {
    private let context = CipherContext()

    public init(key: [UInt8]) throws {
        try AES256GCM.checkKey(key)
        let ok = key.withUnsafeBufferPointer {
            EVP_DecryptInit_ex2(context.pointer, FetchedAlgorithms.shared.aes256GCM, $0.baseAddress, nil, nil)
        }
        try opensslCheck(ok == 1, "EVP_DecryptInit_ex2")
        try opensslCheck(
            EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(AES256GCM.nonceByteCount), nil) == 1,
            "EVP_CTRL_GCM_SET_IVLEN")
    }

    /// Verifies the tag and returns the plaintext; `CryptoError.authenticationFailed` otherwise.
    /// No plaintext is released unless the tag verifies.
    public func open(_ message: AES256GCM.SealedMessage, associatedData: [UInt8]) throws -> [UInt8] {
        guard message.nonce.count == AES256GCM.nonceByteCount else {
            throw CryptoError.malformedInput("an AES-256-GCM nonce is 12 bytes, got \(message.nonce.count)")
        }
        guard message.tag.count == AES256GCM.tagByteCount else {
            throw CryptoError.malformedInput("an AES-256-GCM tag is 16 bytes, got \(message.tag.count)")
        }
        try AES256GCM.checkLength(message.ciphertext.count, "ciphertext")
        try AES256GCM.checkLength(associatedData.count, "associated data")
        let ctx = context.pointer
        let ivOK = message.nonce.withUnsafeBufferPointer { EVP_DecryptInit_ex2(ctx, nil, nil, $0.baseAddress, nil) }
        try opensslCheck(ivOK == 1, "EVP_DecryptInit_ex2(nonce)")
        if !associatedData.isEmpty {
            var outLength: Int32 = 0
            let ok = associatedData.withUnsafeBufferPointer {
                EVP_DecryptUpdate(ctx, nil, &outLength, $0.baseAddress, Int32($0.count))
            }
            try opensslCheck(ok == 1, "EVP_DecryptUpdate(associated data)")
        }
        var plaintext = try [UInt8](unsafeUninitializedCapacity: message.ciphertext.count) { output, count in
            var written: Int32 = 0
            if !message.ciphertext.isEmpty {
                let ok = message.ciphertext.withUnsafeBufferPointer {
                    EVP_DecryptUpdate(ctx, output.baseAddress, &written, $0.baseAddress, Int32($0.count))
                }
                try opensslCheck(ok == 1, "EVP_DecryptUpdate")
            }
            count = Int(written)
        }
        var tag = message.tag
        let tagOK = tag.withUnsafeMutableBufferPointer {
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, Int32(AES256GCM.tagByteCount), $0.baseAddress)
        }
        try opensslCheck(tagOK == 1, "EVP_CTRL_GCM_SET_TAG")
        var finalLength: Int32 = 0
        var scratch = [UInt8](repeating: 0, count: 16)
        let verified = scratch.withUnsafeMutableBufferPointer {
            EVP_DecryptFinal_ex(ctx, $0.baseAddress, &finalLength)
        }
        guard verified == 1 else {
            ERR_clear_error()
            for i in plaintext.indices { plaintext[i] = 0 }
            throw CryptoError.authenticationFailed
        }
        return plaintext
    }
}
