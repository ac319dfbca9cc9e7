import Foundation
public import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages

/// Errors from the workflows: a `kind` to switch on, a human `reason` that says what went wrong,
/// the `nextSteps` a front end can offer, and the `underlying` error when one caused it.
///
/// Reasons name rounds, units, files and lines; never ballot contents, serials or access codes,
/// and never a command line (the CLI adds those from `nextSteps`). Errors compare by kind only.
public struct PhieuKinError: Error, CustomStringConvertible, Equatable, SuggestsNextSteps, MessageConvertible {
    /// What kind of failure this is; new kinds may be added, so switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// No workspace at the given folder.
        public static let workspaceMissing = Kind("workspaceMissing")
        /// The workspace's database is missing, empty or not PhieuKin's although its keys remain
        /// (or the reverse): restore it from a backup.
        public static let workspaceDamaged = Kind("workspaceDamaged")
        /// PhieuKin would have to overwrite something it never overwrites: a workspace, a key or
        /// share file, an output file.
        public static let alreadyExists = Kind("alreadyExists")
        /// A key, share or passphrase file is missing, unreadable or not what it should be.
        public static let keyFile = Kind("keyFile")
        /// A secret file can be read by other users.
        public static let filePermissions = Kind("filePermissions")
        /// An encrypted key or share was given without its passphrase.
        public static let passphraseNeeded = Kind("passphraseNeeded")
        /// The passphrase does not open the key (or the key file is damaged).
        public static let wrongPassphrase = Kind("wrongPassphrase")
        /// A committee round needs more of its members' shares.
        public static let sharesNeeded = Kind("sharesNeeded")
        /// A value of the request is missing, out of range or inconsistent with another.
        public static let invalidInput = Kind("invalidInput")
        /// An input file (ballots, roster) cannot be read as a whole; nothing of it was stored.
        public static let invalidFile = Kind("invalidFile")
        /// A file or folder cannot be read, created or written.
        public static let fileAccess = Kind("fileAccess")
        /// The same ballots were given or imported before (unnumbered rounds).
        public static let duplicateImport = Kind("duplicateImport")
        /// The round's state (open, closed, tallied, voided, numbered or not) does not allow this.
        public static let roundState = Kind("roundState")
        /// Quarantined ballots of the round must be decided first.
        public static let rejectsPending = Kind("rejectsPending")
        /// More ballots than the round was opened for.
        public static let roundFull = Kind("roundFull")
        /// A unit, round or reject does not exist.
        public static let notFound = Kind("notFound")
        /// The change contradicts what is stored (a round already holds the period, a decision
        /// was already taken, another command changed it meanwhile).
        public static let conflict = Kind("conflict")
        /// Stored data fails its signature or hash checks, or cannot be read: run the verifier.
        public static let tampered = Kind("tampered")
    }

    /// What failed, for a caller to decide what to tell the person.
    public let kind: Kind
    /// What went wrong, in English, naming rounds, files and lines (never ballot content).
    public let message: Message
    /// The message in English.
    public var reason: String { message.description }
    /// What the person can do about it, the likeliest first (see `NextStep`).
    public let nextSteps: [NextStep]
    /// The error that caused this one (a `CryptoError`, `StoreError`, parse error…), if any.
    public let underlying: (any Error)?

    public var description: String { reason }

    init(_ kind: Kind, _ reason: Message, next: [NextStep] = [], underlying: (any Error)? = nil) {
        self.kind = kind
        self.message = reason
        self.nextSteps = next
        self.underlying = underlying
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.kind == rhs.kind }

    // Shorthands for the common kinds.
    static func invalidInput(_ reason: Message, next: [NextStep] = []) -> Self {
        .init(.invalidInput, reason, next: next)
    }
    static func roundState(_ reason: Message, next: [NextStep] = []) -> Self { .init(.roundState, reason, next: next) }
    static func keyFile(_ reason: Message, next: [NextStep] = [], underlying: (any Error)? = nil) -> Self {
        .init(.keyFile, reason, next: next, underlying: underlying)
    }
    static func notFound(_ reason: Message, next: [NextStep] = []) -> Self { .init(.notFound, reason, next: next) }
    /// Stored data that should verify does not: the reason says what, the next step is `verify`.
    static func tampered(_ reason: Message, underlying: (any Error)? = nil) -> Self {
        .init(.tampered, reason, next: [.verify], underlying: underlying)
    }
    /// A key (`what`: its path, or "share PATH") that would not open with the passphrase given:
    /// `.wrongPassphrase` when the crypto layer says so, else `.keyFile`.
    static func cannotOpenKey(_ what: String, _ error: any Error, check: Message = "the passphrase file") -> Self {
        let crypto = error as? CryptoError
        if crypto?.kind == .wrongPassphrase {
            return .init(
                .wrongPassphrase, "the passphrase does not open \(what) (or the file is damaged). Check \(check).",
                underlying: error)
        }
        let why: Message = crypto?.message ?? .verbatim(String(describing: error))
        return .init(.keyFile, "cannot open \(what): \(why). Check \(check).", underlying: error)
    }
    /// A front end could not read a file it was given (`errno`): nothing was done with it.
    public static func cannotRead(_ path: String, errno code: Int32) -> Self {
        fileAccess("cannot read \(path): \(Message.systemError(code)); nothing was done.", errno: code)
    }
    /// A file operation failed with `errno`; the reason names the file, the underlying error is
    /// the `POSIXError`.
    static func fileAccess(_ reason: Message, errno code: Int32) -> Self {
        .init(.fileAccess, reason, underlying: POSIXErrorCode(rawValue: code).map { POSIXError($0) })
    }
}
