public import PhieuKinCore
public import PhieuKinMessages

/// Errors from the store: a `kind` to switch on, a human `reason`, the `nextSteps` a front end
/// can offer, and the `underlying` SQLite error when there is one (its description names at most
/// the SQL statement, never its arguments: `publicStatementArguments` stays off). Errors compare
/// by kind only.
public struct StoreError: Error, CustomStringConvertible, Equatable, SuggestsNextSteps, MessageConvertible {
    /// What kind of failure this is; new kinds may be added, so switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The database exists but cannot be opened (permissions, not a database…).
        public static let cannotOpen = Kind("cannotOpen")
        /// The database file does not exist (`Store(openingExisting:)` never creates one).
        public static let missing = Kind("missing")
        /// The database file has 0 bytes: whatever it held was lost.
        public static let empty = Kind("empty")
        /// The file is an SQLite database without PhieuKin's tables.
        public static let noSchema = Kind("noSchema")
        /// A round (or other record) does not exist.
        public static let notFound = Kind("notFound")
        /// The change contradicts what is stored (e.g. the round was tallied meanwhile).
        public static let conflict = Kind("conflict")
        /// Another connection held the write lock for the whole busy timeout.
        public static let busy = Kind("busy")
        /// The disk holding the database is full.
        public static let diskFull = Kind("diskFull")
        /// The database cannot be written here (permissions, read-only disk).
        public static let readOnly = Kind("readOnly")
        /// Any other SQLite failure.
        public static let database = Kind("database")
    }

    /// What failed, for a caller to decide what to tell the person.
    public let kind: Kind
    /// What went wrong, naming the database file (never SQL arguments).
    public let message: Message
    /// The message in English.
    public var reason: String { message.description }
    /// What the person can do about it (see `NextStep`).
    public let nextSteps: [NextStep]
    /// The SQLite error behind this one, if any.
    public let underlying: (any Error)?

    public var description: String { reason }

    private init(_ kind: Kind, _ message: Message, next: [NextStep] = [], underlying: (any Error)? = nil) {
        self.kind = kind
        self.message = message
        self.nextSteps = next
        self.underlying = underlying
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.kind == rhs.kind }

    public static func cannotOpen(path: String, reason: Message, underlying: (any Error)? = nil) -> Self {
        .init(
            .cannotOpen,
            "cannot open the database \(path): \(reason). Check that the workspace exists and that you may read it.",
            underlying: underlying)
    }
    /// The database file does not exist (`Store(openingExisting:)` never creates one).
    public static func missing(path: String) -> Self {
        .init(.missing, "the database \(path) does not exist")
    }
    /// The database file has 0 bytes: whatever it held was lost.
    public static func empty(path: String) -> Self {
        .init(.empty, "the database \(path) is empty (0 bytes)")
    }
    /// The file is an SQLite database without PhieuKin's tables.
    public static func noSchema(path: String) -> Self {
        .init(.noSchema, "the database \(path) holds no PhieuKin tables")
    }
    public var isMissing: Bool { kind == .missing }
    public var isEmpty: Bool { kind == .empty }
    public var hasNoSchema: Bool { kind == .noSchema }

    /// `what` (e.g. "round R") does not exist; `next` says where to look.
    public static func notFound(_ what: Message, next: [NextStep] = []) -> Self {
        .init(.notFound, "\(what) not found.", next: next)
    }
    /// A round id that is not in the workspace.
    public static func roundNotFound(_ id: RoundID) -> Self {
        notFound("round \(id)", next: [.listRounds])
    }
    public static func conflict(_ reason: Message) -> Self {
        .init(.conflict, reason)
    }
    /// The write lock was held by another connection for the whole busy timeout.
    public static var busy: Self { busy(underlying: nil) }
    package static func busy(underlying: (any Error)?) -> Self {
        .init(
            .busy,
            "another PhieuKin command is writing to this workspace; wait for it to finish and try again. Nothing was changed.",
            underlying: underlying)
    }
    public static func diskFull(path: String, underlying: (any Error)? = nil) -> Self {
        .init(
            .diskFull,
            "the disk is full (the one holding \(path)). Free some space on it and run the command again; nothing was changed.",
            underlying: underlying)
    }
    public static func readOnly(path: String, underlying: (any Error)? = nil) -> Self {
        .init(
            .readOnly,
            "the workspace database \(path) is read-only here (no write permission, or a read-only disk): it can be listed, verified and reported, but this command changes it. Run it on the writable workspace.",
            underlying: underlying)
    }
    public static func database(path: String, reason: Message, underlying: (any Error)? = nil) -> Self {
        .init(.database, "database error in \(path): \(reason).", underlying: underlying)
    }

    /// Another connection held the write lock too long (see `busy`).
    public var isBusy: Bool { kind == .busy }
    /// The change contradicts what is stored (e.g. the round was tallied meanwhile).
    public var isConflict: Bool { kind == .conflict }
}
