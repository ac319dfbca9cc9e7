internal import COpenSSL
import PhieuKinMessages

/// AES-256-GCM (NIST SP 800-38D) with a 32-byte key, 12-byte nonce and 16-byte tag.
public enum AES256GCM {
    public static let keyByteCount = 32
    public static let nonceByteCount = 12
    public static let tagByteCount = 16
    /// Bytes the combined form adds to a plaintext: nonce (12) + tag (16).
    public static let combinedOverhead = nonceByteCount + tagByteCount

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

    @inline(__always)
    static func checkLength(_ count: Int, _ what: String) throws {
        guard count < Int(Int32.max) - 32 else {
            throw CryptoError.invalidParameter("AES-256-GCM \(what) is too large (max 2 GiB per message)")
        }
    }

    /// Refuses output bytes that overlap an input, unless `allowed` (working in place: OpenSSL
    /// encrypts and decrypts with output at exactly the input address, not at a shifted one).
    @inline(__always)
    static func checkOverlap(
        _ input: UnsafeRawBufferPointer, _ output: UnsafeRawPointer, _ outputCount: Int, allowed: Bool = false
    ) throws {
        guard !allowed, let start = input.baseAddress, input.count > 0, outputCount > 0 else { return }
        guard start >= output + outputCount || output >= start + input.count else {
            throw CryptoError.invalidParameter(
                "the AES-256-GCM output buffer overlaps an input; use separate buffers, or work exactly in place")
        }
    }
}

/// Reusable AES-GCM sealer for hot loops: owns one `EVP_CIPHER_CTX` keyed once; each message
/// only sets a fresh random 12-byte nonce. Not thread-safe: use one per task.
///
/// Random 96-bit nonces are safe for up to 2^32 messages per key (SP 800-38D §8.3); the sealer
/// refuses more.
///
/// Per message it makes the same libcrypto calls as `openssl speed -aead -evp aes-256-gcm`
/// (`EVP_EncryptInit_ex2` with the nonce, AAD update, update, final) plus the one
/// `EVP_CTRL_GCM_GET_TAG` a real seal needs. `seal(_:associatedData:into:)` allocates nothing;
/// `sealCombined` allocates exactly its result; the `SealedMessage` API allocates three arrays.
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

    deinit { noncePool.deallocate() }

    /// Random bytes for the next nonces: one `RAND_bytes` call per 256 messages instead of one
    /// per message (the DRBG call costs about as much as sealing a 1 KiB record). A raw buffer,
    /// so taking a nonce is a 12-byte copy with no array bookkeeping.
    private static let poolByteCount = 256 * AES256GCM.nonceByteCount
    private let noncePool = UnsafeMutableRawBufferPointer.allocate(byteCount: poolByteCount, alignment: 16)
    private var nonceOffset = poolByteCount

    /// Copies a fresh random nonce to `destination` (12 bytes).
    @inline(__always)
    private func takeNonce(into destination: UnsafeMutableRawPointer) {
        if nonceOffset == Self.poolByteCount {
            SecureRandom.fill(noncePool)
            nonceOffset = 0
        }
        destination.copyMemory(from: noncePool.baseAddress! + nonceOffset, byteCount: AES256GCM.nonceByteCount)
        // Each nonce is handed out once: wipe it from the pool.
        (noncePool.baseAddress! + nonceOffset).initializeMemory(
            as: UInt8.self, repeating: 0, count: AES256GCM.nonceByteCount)
        nonceOffset += AES256GCM.nonceByteCount
    }

    /// Seals `plaintext` with a fresh random nonce into `output` in the combined form
    /// `nonce (12) ‖ ciphertext ‖ tag (16)` (docs/FORMAT.md) and returns the bytes written,
    /// `plaintext.count + AES256GCM.combinedOverhead`. Allocates nothing.
    ///
    /// `output` may be larger than needed; a smaller one is `CryptoError.invalidParameter`.
    /// Sealing in place is allowed when `plaintext` starts exactly at `output + 12`; any other
    /// overlap is refused.
    public func seal(
        _ plaintext: UnsafeRawBufferPointer, associatedData: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws -> Int {
        let total = plaintext.count + AES256GCM.combinedOverhead
        guard let base = output.baseAddress, output.count >= total else {
            throw CryptoError.invalidParameter(
                "the AES-256-GCM output buffer holds \(output.count) bytes; this message needs \(total)")
        }
        let ciphertext = base + AES256GCM.nonceByteCount
        try AES256GCM.checkOverlap(
            plaintext, base, total, allowed: plaintext.baseAddress == UnsafeRawPointer(ciphertext))
        try AES256GCM.checkOverlap(associatedData, base, total)
        try checkMessage(plaintext.count, associatedData.count)
        takeNonce(into: base)
        try sealCore(
            nonce: UnsafeRawPointer(base), plaintext, associatedData, ciphertext: ciphertext,
            tag: ciphertext + plaintext.count)
        return total
    }

    /// `prefix ‖ nonce (12) ‖ ciphertext ‖ tag (16)` in one allocation, with a fresh random nonce.
    /// The prefix lets callers that frame messages (the ballot store's `u32be(seq) ‖ combined`
    /// leaves) build the whole record without a second copy.
    public func sealCombined(_ plaintext: [UInt8], associatedData: [UInt8], prefix: [UInt8] = []) throws -> [UInt8] {
        let total = prefix.count + plaintext.count + AES256GCM.combinedOverhead
        return try plaintext.withUnsafeBytes { plaintext in
            try associatedData.withUnsafeBytes { associatedData in
                try [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
                    let raw = UnsafeMutableRawBufferPointer(buffer)
                    prefix.withUnsafeBytes { raw.copyMemory(from: $0) }
                    count =
                        try prefix.count
                        + seal(
                            plaintext, associatedData: associatedData,
                            into: UnsafeMutableRawBufferPointer(rebasing: raw[prefix.count...]))
                }
            }
        }
    }

    /// Seals with a fresh random nonce.
    public func seal(_ plaintext: [UInt8], associatedData: [UInt8]) throws -> AES256GCM.SealedMessage {
        let nonce = [UInt8](unsafeUninitializedCapacity: AES256GCM.nonceByteCount) { buffer, count in
            takeNonce(into: buffer.baseAddress!)
            count = AES256GCM.nonceByteCount
        }
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
        try checkMessage(plaintext.count, associatedData.count)
        var tag = [UInt8](repeating: 0, count: AES256GCM.tagByteCount)
        let ciphertext = try [UInt8](unsafeUninitializedCapacity: plaintext.count) { output, count in
            try nonce.withUnsafeBytes { nonce in
                try plaintext.withUnsafeBytes { plaintext in
                    try associatedData.withUnsafeBytes { associatedData in
                        try tag.withUnsafeMutableBytes { tag in
                            try sealCore(
                                nonce: nonce.baseAddress!, plaintext, associatedData,
                                ciphertext: output.baseAddress.map(UnsafeMutableRawPointer.init),
                                tag: tag.baseAddress!)
                        }
                    }
                }
            }
            count = plaintext.count
        }
        return AES256GCM.SealedMessage(nonce: nonce, ciphertext: ciphertext, tag: tag)
    }

    /// Size limits and the per-key message limit; counts the message.
    @inline(__always)
    private func checkMessage(_ plaintextCount: Int, _ associatedDataCount: Int) throws {
        try AES256GCM.checkLength(plaintextCount, "plaintext")
        try AES256GCM.checkLength(associatedDataCount, "associated data")
        guard messageCount < Self.messageLimit else {
            throw CryptoError.invalidParameter("this AES-256-GCM key has sealed 2^32 messages; rotate to a new key")
        }
        messageCount += 1
    }

    /// The per-message libcrypto calls. `ciphertext` has room for `plaintext.count` bytes.
    @inline(__always)
    private func sealCore(
        nonce: UnsafeRawPointer, _ plaintext: UnsafeRawBufferPointer, _ associatedData: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawPointer?, tag: UnsafeMutableRawPointer
    ) throws {
        let ctx = context.pointer
        try opensslCheck(
            EVP_EncryptInit_ex2(ctx, nil, nil, nonce.assumingMemoryBound(to: UInt8.self), nil) == 1,
            "EVP_EncryptInit_ex2(nonce)")
        var written: Int32 = 0
        if let aad = associatedData.baseAddress, associatedData.count > 0 {
            try opensslCheck(
                EVP_EncryptUpdate(
                    ctx, nil, &written, aad.assumingMemoryBound(to: UInt8.self), Int32(associatedData.count)) == 1,
                "EVP_EncryptUpdate(associated data)")
        }
        written = 0
        if let input = plaintext.baseAddress, plaintext.count > 0, let ciphertext {
            let output = ciphertext.assumingMemoryBound(to: UInt8.self)
            try opensslCheck(
                EVP_EncryptUpdate(
                    ctx, output, &written, input.assumingMemoryBound(to: UInt8.self), Int32(plaintext.count))
                    == 1,
                "EVP_EncryptUpdate")
        }
        // GCM's final writes no bytes; it computes the tag.
        var finalLength: Int32 = 0
        var scratch: UInt8 = 0
        try opensslCheck(
            EVP_EncryptFinal_ex(ctx, &scratch, &finalLength) == 1 && finalLength == 0
                && Int(written) == plaintext.count,
            "EVP_EncryptFinal_ex")
        try opensslCheck(
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, Int32(AES256GCM.tagByteCount), tag) == 1,
            "EVP_CTRL_GCM_GET_TAG")
    }
}

/// Reusable AES-GCM opener: owns one `EVP_CIPHER_CTX` keyed once. Not thread-safe.
///
/// `open(_:associatedData:into:)` allocates nothing; `openCombined` allocates exactly its result.
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

    /// Opens a combined `nonce (12) ‖ ciphertext ‖ tag (16)` message into `output` and returns the
    /// plaintext length (`combined.count - 28`). Allocates nothing.
    ///
    /// Throws `CryptoError.malformedInput` for fewer than 28 bytes, `invalidParameter` for a too
    /// small (or partly overlapping) `output`, `authenticationFailed` on any mismatch; on failure
    /// the bytes written to `output` are zeroed, so no unauthenticated plaintext is released.
    /// Opening in place is allowed when `output` starts exactly at `combined + 12`.
    public func open(
        _ combined: UnsafeRawBufferPointer, associatedData: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer
    ) throws -> Int {
        guard let base = combined.baseAddress, combined.count >= AES256GCM.combinedOverhead else {
            throw CryptoError.malformedInput(
                "an AES-256-GCM message is at least \(AES256GCM.combinedOverhead) bytes (nonce ‖ ciphertext ‖ tag), got \(combined.count)"
            )
        }
        let count = combined.count - AES256GCM.combinedOverhead
        guard output.count >= count else {
            throw CryptoError.invalidParameter(
                "the AES-256-GCM output buffer holds \(output.count) bytes; this message needs \(count)")
        }
        let ciphertext = UnsafeRawBufferPointer(start: base + AES256GCM.nonceByteCount, count: count)
        if let outputBase = output.baseAddress {
            try AES256GCM.checkOverlap(
                combined, outputBase, count, allowed: ciphertext.baseAddress == UnsafeRawPointer(outputBase))
        }
        try openCore(
            nonce: base, ciphertext, tag: base + AES256GCM.nonceByteCount + count, associatedData,
            plaintext: output.baseAddress)
        return count
    }

    /// Opens `prefix ‖ nonce ‖ ciphertext ‖ tag`, skipping the first `prefixByteCount` bytes (the
    /// framing `sealCombined(_:associatedData:prefix:)` added), into one new array.
    public func openCombined(_ combined: [UInt8], associatedData: [UInt8], prefixByteCount: Int = 0) throws -> [UInt8] {
        guard prefixByteCount >= 0, prefixByteCount <= combined.count else {
            throw CryptoError.malformedInput(
                "the message is \(combined.count) bytes, shorter than its \(prefixByteCount)-byte prefix")
        }
        return try combined.withUnsafeBytes { combined in
            let message = UnsafeRawBufferPointer(rebasing: combined[prefixByteCount...])
            let count = max(0, message.count - AES256GCM.combinedOverhead)
            return try associatedData.withUnsafeBytes { associatedData in
                try [UInt8](unsafeUninitializedCapacity: count) { buffer, written in
                    written = try open(
                        message, associatedData: associatedData, into: UnsafeMutableRawBufferPointer(buffer))
                }
            }
        }
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
        let count = message.ciphertext.count
        return try message.nonce.withUnsafeBytes { nonce in
            try message.ciphertext.withUnsafeBytes { ciphertext in
                try message.tag.withUnsafeBytes { tag in
                    try associatedData.withUnsafeBytes { associatedData in
                        try [UInt8](unsafeUninitializedCapacity: count) { buffer, written in
                            try openCore(
                                nonce: nonce.baseAddress!, ciphertext, tag: tag.baseAddress!, associatedData,
                                plaintext: buffer.baseAddress.map(UnsafeMutableRawPointer.init))
                            written = count
                        }
                    }
                }
            }
        }
    }

    /// The per-message libcrypto calls; zeroes `plaintext` and throws unless the tag verifies.
    @inline(__always)
    private func openCore(
        nonce: UnsafeRawPointer, _ ciphertext: UnsafeRawBufferPointer, tag: UnsafeRawPointer,
        _ associatedData: UnsafeRawBufferPointer, plaintext: UnsafeMutableRawPointer?
    ) throws {
        try AES256GCM.checkLength(ciphertext.count, "ciphertext")
        try AES256GCM.checkLength(associatedData.count, "associated data")
        let ctx = context.pointer
        try opensslCheck(
            EVP_DecryptInit_ex2(ctx, nil, nil, nonce.assumingMemoryBound(to: UInt8.self), nil) == 1,
            "EVP_DecryptInit_ex2(nonce)")
        var written: Int32 = 0
        if let aad = associatedData.baseAddress, associatedData.count > 0 {
            try opensslCheck(
                EVP_DecryptUpdate(
                    ctx, nil, &written, aad.assumingMemoryBound(to: UInt8.self), Int32(associatedData.count)) == 1,
                "EVP_DecryptUpdate(associated data)")
        }
        written = 0
        if let input = ciphertext.baseAddress, ciphertext.count > 0, let plaintext {
            let output = plaintext.assumingMemoryBound(to: UInt8.self)
            try opensslCheck(
                EVP_DecryptUpdate(
                    ctx, output, &written, input.assumingMemoryBound(to: UInt8.self), Int32(ciphertext.count)) == 1,
                "EVP_DecryptUpdate")
        }
        try opensslCheck(
            EVP_CIPHER_CTX_ctrl(
                ctx, EVP_CTRL_GCM_SET_TAG, Int32(AES256GCM.tagByteCount), UnsafeMutableRawPointer(mutating: tag)) == 1,
            "EVP_CTRL_GCM_SET_TAG")
        // GCM's final writes no bytes; it only checks the tag.
        var finalLength: Int32 = 0
        var scratch: UInt8 = 0
        guard EVP_DecryptFinal_ex(ctx, &scratch, &finalLength) == 1, finalLength == 0 else {
            ERR_clear_error()
            if let plaintext, ciphertext.count > 0 { OPENSSL_cleanse(plaintext, ciphertext.count) }
            throw CryptoError.authenticationFailed
        }
    }
}
