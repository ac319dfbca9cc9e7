import PhieuKinMessages

/// Anonymous public-key encryption to an X25519 recipient (ECIES-style), see docs/FORMAT.md.
///
/// Layout: `0x01 ‖ ephemeral X25519 public key (32) ‖ nonce (12) ‖ ciphertext ‖ tag (16)`.
/// Key = HKDF-SHA-256(ikm = X25519(eph, recipient), salt = eph_pub ‖ recipient_pub,
/// info = "phieukin sealed-box v1" ‖ context, 32 bytes). AES-256-GCM associated data =
/// `0x01 ‖ eph_pub ‖ recipient_pub ‖ context`, so a box only opens for the intended recipient
/// and context (e.g. one survey round).
public enum SealedBox {
    /// The layout version byte.
    public static let version: UInt8 = 0x01
    /// Bytes added to the plaintext: version + ephemeral key + nonce + tag.
    public static let overhead = 1 + 32 + AES256GCM.nonceByteCount + AES256GCM.tagByteCount
    static let infoPrefix: [UInt8] = Array("phieukin sealed-box v1".utf8)

    public static func seal(_ plaintext: [UInt8], to recipient: X25519PublicKey, context: [UInt8]) throws -> [UInt8] {
        try seal(plaintext, to: recipient, context: context, ephemeral: X25519PrivateKey(), nonce: nil)
    }

    /// Deterministic variant for test vectors only (fixed ephemeral key and nonce).
    static func seal(
        _ plaintext: [UInt8], to recipient: X25519PublicKey, context: [UInt8], ephemeral: X25519PrivateKey,
        nonce: [UInt8]?
    ) throws -> [UInt8] {
        let ephemeralPublic = ephemeral.publicKey.rawRepresentation
        let shared = try ephemeral.sharedSecret(with: recipient)
        let key = try deriveKey(shared, ephemeralPublic, recipient.rawRepresentation, context)
        let sealed = try AES256GCM.seal(
            plaintext, key: key, nonce: nonce,
            associatedData: associatedData(ephemeralPublic, recipient.rawRepresentation, context))
        var box = [UInt8]()
        box.reserveCapacity(overhead + plaintext.count)
        box.append(version)
        box += ephemeralPublic
        box += sealed.nonce
        box += sealed.ciphertext
        box += sealed.tag
        return box
    }

    /// Opens a box sealed to `recipient`'s public key under the same `context`.
    /// Throws `malformedInput` for a short box or unknown version, `authenticationFailed` otherwise.
    public static func open(_ box: [UInt8], with recipient: X25519PrivateKey, context: [UInt8]) throws -> [UInt8] {
        guard box.count >= overhead else {
            throw CryptoError.malformedInput("a sealed box is at least \(overhead) bytes, got \(box.count)")
        }
        guard box[0] == version else {
            throw CryptoError.malformedInput("unknown sealed-box version \(box[0]); this build reads version 1")
        }
        let ephemeralPublic = Array(box[1..<33])
        let nonceEnd = 33 + AES256GCM.nonceByteCount
        let message = AES256GCM.SealedMessage(
            nonce: Array(box[33..<nonceEnd]),
            ciphertext: Array(box[nonceEnd..<(box.count - AES256GCM.tagByteCount)]),
            tag: Array(box[(box.count - AES256GCM.tagByteCount)...]))
        let recipientPublic = recipient.publicKey.rawRepresentation
        let shared: [UInt8]
        do {
            shared = try recipient.sharedSecret(with: X25519PublicKey(rawRepresentation: ephemeralPublic))
        } catch {
            throw CryptoError.authenticationFailed
        }
        let key = try deriveKey(shared, ephemeralPublic, recipientPublic, context)
        return try AES256GCM.open(
            message, key: key, associatedData: associatedData(ephemeralPublic, recipientPublic, context))
    }

    static func deriveKey(
        _ shared: [UInt8], _ ephemeralPublic: [UInt8], _ recipientPublic: [UInt8], _ context: [UInt8]
    ) throws -> [UInt8] {
        try HKDFSHA256.deriveKey(
            inputKeyMaterial: shared, salt: ephemeralPublic + recipientPublic, info: infoPrefix + context,
            outputByteCount: AES256GCM.keyByteCount)
    }

    static func associatedData(_ ephemeralPublic: [UInt8], _ recipientPublic: [UInt8], _ context: [UInt8]) -> [UInt8] {
        [version] + ephemeralPublic + recipientPublic + context
    }
}
