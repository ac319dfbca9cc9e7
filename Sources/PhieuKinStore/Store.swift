import Foundation
import GRDB
import PhieuKinCore

/// The workspace's embedded database: one SQLite file reached only through GRDB.
///
/// WAL mode and foreign keys are always on. Values are always bound as statement
/// arguments, never interpolated into SQL, and GRDB's `publicStatementArguments` stays
/// off so that no ballot bytes can surface in an error message.
///
/// Readers never wait for writers: reads go through a read-only `DatabasePool` (WAL snapshot
/// isolation), so `round list`, `verify` or a report run while an import holds the write lock.
/// The writing pool is opened at the first write only. A database that this process cannot
/// write (a read-only copy handed to an auditor, a read-only mount) is opened read-only, and
/// any write is refused with a message saying so.
public final class Store: @unchecked Sendable {
    public let path: String
    /// The database or its folder is not writable: opened read-only, for reading and verifying.
    public let isReadOnly: Bool
    /// Read-only connections for every read.
    private let reader: DatabasePool
    /// Opened on first use (under `lock`), never for a read-only store.
    private var writerPool: DatabasePool?
    private let lock = NSLock()

    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    /// `readOnly` forces read-only access even when the file could be written.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        let fm = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        let exists = fm.fileExists(atPath: path)
        isReadOnly =
            readOnly || (exists && (access(path, W_OK) != 0 || access(directory.isEmpty ? "." : directory, W_OK) != 0))
        do {
            if !exists {
                // A new database: the writer creates it (and the WAL) before any reader opens it.
                guard !isReadOnly else { throw StoreError.cannotOpen(path: path, reason: "it does not exist") }
                let writer = try DatabasePool(path: path, configuration: Self.configuration(readonly: false))
                try Self.migrator.migrate(writer)
                writerPool = writer
            }
            reader = try Self.openReader(path: path, readOnly: isReadOnly)
            // Migrations take the write lock: only when something is pending, so that opening a
            // workspace never waits for another command's write.
            if try !reader.read({ try Self.migrator.hasCompletedMigrations($0) }) {
                guard !isReadOnly else {
                    throw StoreError.cannotOpen(
                        path: path,
                        reason:
                            "it was made by an older PhieuKin and must be upgraded, which needs write access; run any command on a writable copy first"
                    )
                }
                try Self.migrator.migrate(try writer())
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, opening: true)
        }
    }

    static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.journalMode = .wal
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.readonly = readonly
        config.label = "phieukin"
        return config
    }

    /// The read-only pool. On a database nobody here may write, SQLite cannot create the `-wal`
    /// and `-shm` files a WAL reader needs: when there is no WAL content to read (no `-wal` file,
    /// or an empty one) the file is opened `immutable` (a plain read of a file that cannot
    /// change); when the `-wal` holds commits, they are read through the copied `-shm`.
    private static func openReader(path: String, readOnly: Bool) throws -> DatabasePool {
        guard readOnly else { return try DatabasePool(path: path, configuration: configuration(readonly: true)) }
        let fm = FileManager.default
        let walSize = (try? fm.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        if walSize > 0 {
            guard fm.isReadableFile(atPath: path + "-shm") else {
                throw StoreError.cannotOpen(
                    path: path,
                    reason:
                        "its write-ahead log \(path)-wal holds changes but \(path)-shm is missing, and without write access SQLite cannot rebuild it; copy the workspace with both files (or when no PhieuKin command is running)"
                )
            }
            return try DatabasePool(path: path, configuration: configuration(readonly: true))
        }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        do {
            return try DatabasePool(path: "file:\(encoded)?immutable=1", configuration: configuration(readonly: true))
        } catch {
            // An SQLite built without URI file names: try the plain path.
            return try DatabasePool(path: path, configuration: configuration(readonly: true))
        }
    }

    /// The writing pool, opened on first use.
    private func writer() throws -> DatabasePool {
        lock.lock()
        defer { lock.unlock() }
        if let writerPool { return writerPool }
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        let pool = try DatabasePool(path: path, configuration: Self.configuration(readonly: false))
        writerPool = pool
        return pool
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
        return migrator
    }

    /// Runs `body` in a read transaction (a WAL snapshot): never waits for a writer.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try reader.read(body)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, opening: false)
        }
    }

    /// Runs `body` in one IMMEDIATE write transaction: all of it commits, or none. Waits up to
    /// 10 s for another writer, then says another command is writing.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer().write(body)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, opening: false)
        }
    }

    /// What a GRDB error means for the person at the keyboard; the SQL is never shown.
    static func storeError(_ error: DatabaseError, path: String, opening: Bool) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_CANTOPEN where opening:
            return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        default:
            if opening { return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)") }
            return .database(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}

/// Errors from the store, with what to do next.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    private enum Code: Equatable {
        case cannotOpen
        case notFound
        case conflict
        case busy
        case diskFull
        case readOnly
        case database
    }
    private let code: Code
    public let reason: String

    public var description: String { reason }

    public static func cannotOpen(path: String, reason: String) -> Self {
        .init(
            code: .cannotOpen,
            reason:
                "cannot open the database \(path): \(reason). Check that the workspace exists (phieukin init) and that you may read it."
        )
    }
    public static func notFound(_ what: String, hint: String) -> Self {
        .init(code: .notFound, reason: "\(what) not found. \(hint)")
    }
    public static func conflict(_ reason: String) -> Self {
        .init(code: .conflict, reason: reason)
    }
    /// The write lock was held by another connection for the whole busy timeout.
    public static var busy: Self {
        .init(
            code: .busy,
            reason:
                "another PhieuKin command is writing to this workspace; wait for it to finish and try again. Nothing was changed."
        )
    }
    public static func diskFull(path: String) -> Self {
        .init(
            code: .diskFull,
            reason:
                "the disk is full (writing \(path)). Free some space on it and run the command again; nothing was changed."
        )
    }
    public static func readOnly(path: String) -> Self {
        .init(
            code: .readOnly,
            reason:
                "the workspace database \(path) is read-only here (no write permission, or a read-only disk): it can be listed, verified and reported, but this command changes it. Run it on the writable workspace."
        )
    }
    public static func database(path: String, reason: String) -> Self {
        .init(code: .database, reason: "database error in \(path): \(reason).")
    }

    /// Another connection held the write lock too long (see `busy`).
    public var isBusy: Bool { code == .busy }
    /// The change contradicts what is stored (e.g. the round was tallied meanwhile).
    public var isConflict: Bool { code == .conflict }
}
