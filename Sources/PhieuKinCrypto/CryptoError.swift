public import PhieuKinMessages

/// The one error type PhieuKinCrypto throws.
///
/// Equality compares the *kind* of error only, never the reason text, so callers and tests can
/// match `CryptoError.malformedInput("")` against any malformed-input error. Reasons never contain
/// key material or plaintext: they describe sizes and what to do next.
public struct CryptoError: Error, Equatable, CustomStringConvertible, MessageConvertible {
    /// What kind of failure this is; new kinds may be added, so switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A signature did not verify against the key and message.
        public static let invalidSignature = Kind("invalidSignature")
        /// AES-GCM or sealed-box authentication failed: wrong key, wrong associated data, or altered bytes.
        public static let authenticationFailed = Kind("authenticationFailed")
        /// A key has the wrong length, type or value.
        public static let invalidKey = Kind("invalidKey")
        /// Input bytes are truncated, too long or not in the expected layout.
        public static let malformedInput = Kind("malformedInput")
        /// A numeric parameter (size, index, threshold) is out of range.
        public static let invalidParameter = Kind("invalidParameter")
        /// A PEM document could not be parsed, or holds a different kind of key.
        public static let invalidPEM = Kind("invalidPEM")
        /// A PEM key file was encrypted with a different passphrase (or is damaged).
        public static let wrongPassphrase = Kind("wrongPassphrase")
        /// Shamir shares are inconsistent (duplicate or zero index, mismatched lengths, too few).
        public static let invalidShares = Kind("invalidShares")
        /// libcrypto reported an unexpected failure (out of memory, missing provider).
        public static let libraryFailure = Kind("libraryFailure")
    }

    /// What failed, for a caller to switch on.
    public let kind: Kind
    /// A human explanation that says what went wrong and what to do next (`MessageCatalogue`).
    public let message: Message
    /// The message in English.
    public var reason: String { message.description }

    private init(_ kind: Kind, _ message: Message) {
        self.kind = kind
        self.message = message
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.kind == rhs.kind }

    public var description: String { "CryptoError.\(kind): \(reason)" }

    /// A signature did not verify against the key and message.
    public static let invalidSignature = Self(
        .invalidSignature, "the signature does not match this key and message; check that the right public key is used")
    /// AES-GCM or sealed-box authentication failed: wrong key, wrong associated data, or tampered bytes.
    public static let authenticationFailed = Self(
        .authenticationFailed,
        "authentication failed: wrong key, wrong context/associated data, or the data was altered or damaged")
    /// A PEM key file was encrypted with a different passphrase (or is damaged).
    public static let wrongPassphrase = Self(
        .wrongPassphrase, "could not decrypt the key file: wrong passphrase, or the file is damaged")

    /// A key has the wrong length, type or value.
    public static func invalidKey(_ reason: Message) -> Self { Self(.invalidKey, reason) }
    /// Input bytes are truncated, too long or not in the expected layout.
    public static func malformedInput(_ reason: Message) -> Self { Self(.malformedInput, reason) }
    /// A numeric parameter (size, index, threshold) is out of range.
    public static func invalidParameter(_ reason: Message) -> Self { Self(.invalidParameter, reason) }
    /// A PEM document could not be parsed, or holds a different kind of key.
    public static func invalidPEM(_ reason: Message) -> Self { Self(.invalidPEM, reason) }
    /// Shamir shares are inconsistent (duplicate or zero index, mismatched lengths, too few).
    public static func invalidShares(_ reason: Message) -> Self { Self(.invalidShares, reason) }
    /// libcrypto reported an unexpected failure (out of memory, missing provider).
    public static func libraryFailure(_ reason: Message) -> Self { Self(.libraryFailure, reason) }
}
