import Foundation
import GRDB
import PhieuKinCore

/// The workspace's embedded database: one SQLite file reached only through GRDB.
///
/// WAL mode and foreign keys are always on. Values are always bound as statement
/// arguments, never interpolated into SQL, and GRDB's `publicStatementArguments` stays
/// off so that no ballot bytes can surface in an error message.
public final class Store: Sendable {
    public let dbQueue: DatabaseQueue
    public let path: String

    /// Creates a new database at `path` (which must not exist): the file is created exclusively,
    /// owner-only (0600), and the schema is written. Only `phieukin init` creates a database.
    public init(creatingAt path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw StoreError.conflict("the database \(path) already exists; nothing was changed.")
            }
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        fchmod(fd, 0o600)
        close(fd)
        do {
            dbQueue = try DatabaseQueue(path: path, configuration: Self.configuration)
            try Self.migrator.migrate(dbQueue)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        self.path = path
        Self.restrictFiles(path)
    }

    /// Opens an existing PhieuKin database and applies the migrations added since it was made.
    /// Never creates one: a missing file, an empty (0-byte) file or a database without PhieuKin's
    /// schema is an error (`StoreError.missing`, `.empty`, `.noSchema`), so that a lost database
    /// is never silently replaced by a fresh, empty one.
    public init(openingExisting path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.missing(path: path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw StoreError.cannotOpen(path: path, reason: "it is not a regular file")
        }
        guard info.st_size > 0 else { throw StoreError.empty(path: path) }
        do {
            dbQueue = try DatabaseQueue(path: path, configuration: Self.configuration)
            let hasSchema = try dbQueue.read { db in
                try db.tableExists("grdb_migrations")
                    && (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations WHERE identifier = 'v1'") ?? 0)
                        == 1
            }
            guard hasSchema else { throw StoreError.noSchema(path: path) }
            try Self.migrator.migrate(dbQueue)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        self.path = path
        Self.restrictFiles(path)
    }

    private static var configuration: Configuration {
        var config = Configuration()
        config.journalMode = .wal
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "phieukin"
        return config
    }

    /// The database and its -wal/-shm are owner-only, whatever the umask they were made under.
    /// (SQLite gives -wal and -shm the database file's mode; this also tightens a workspace made
    /// by an older version.)
    static func restrictFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            var info = stat()
            let file = path + suffix
            if lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
                info.st_mode & 0o077 != 0
            {
                chmod(file, 0o600)
            }
        }
    }

    /// The schema, as GRDB migrations. Never edit a shipped migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try Schema.createV1(db)
        }
        migrator.registerMigration("v2-import") { db in
            try Schema.createV2Import(db)
        }
        migrator.registerMigration("v3-results") { db in
            try Schema.createV3Results(db)
        }
        migrator.registerMigration("v4-rounds") { db in
            try Schema.createV4Rounds(db)
        }
        return migrator
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try dbQueue.read(body)
    }

    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try dbQueue.write(body)
    }
}

/// Errors from the store, with what to do next.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    private enum Code: Equatable {
        case cannotOpen
        case missing
        case empty
        case noSchema
        case notFound
        case conflict
    }
    private let code: Code
    public let reason: String

    public var description: String { reason }

    public static func cannotOpen(path: String, reason: String) -> Self {
        .init(
            code: .cannotOpen,
            reason:
                "cannot open the database \(path): \(reason). Check that the workspace exists (phieukin init) and is writable."
        )
    }
    /// The database file does not exist (`Store(openingExisting:)` never creates one).
    public static func missing(path: String) -> Self {
        .init(code: .missing, reason: "the database \(path) does not exist")
    }
    /// The database file has 0 bytes: whatever it held was lost.
    public static func empty(path: String) -> Self {
        .init(code: .empty, reason: "the database \(path) is empty (0 bytes)")
    }
    /// The file is an SQLite database without PhieuKin's tables.
    public static func noSchema(path: String) -> Self {
        .init(code: .noSchema, reason: "the database \(path) holds no PhieuKin tables")
    }
    public var isMissing: Bool { code == .missing }
    public var isEmpty: Bool { code == .empty }
    public var hasNoSchema: Bool { code == .noSchema }

    public static func notFound(_ what: String, hint: String) -> Self {
        .init(code: .notFound, reason: "\(what) not found. \(hint)")
    }
    public static func conflict(_ reason: String) -> Self {
        .init(code: .conflict, reason: reason)
    }
}
