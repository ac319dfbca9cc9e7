internal import Foundation
internal import GRDB
internal import PhieuKinCore
import PhieuKinMessages
public import PhieuKinStorage

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
public final class Store: WorkspaceStorage, @unchecked Sendable {
    public let path: String
    /// The database or its folder is not writable: opened read-only, for reading and verifying.
    public let isReadOnly: Bool
    /// Read-only connections for every read.
    let reader: DatabasePool
    /// Opened on first use (under `lock`), never for a read-only store.
    private var writerPool: DatabasePool?
    private let lock = NSLock()

    /// Creates a new database at `path` (which must not exist): the file is created exclusively,
    /// owner-only (0600), and the schema is written. Only `phieukin init` creates a database.
    public init(creatingAt path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw StoreError.conflict("the database \(path) already exists; nothing was changed.")
            }
            throw StoreError.cannotOpen(path: path, reason: Message.systemError(errno))
        }
        fchmod(fd, 0o600)
        close(fd)
        self.path = path
        isReadOnly = false
        do {
            let writer = try DatabasePool(path: path, configuration: Self.configuration(readonly: false))
            try Self.migrator.migrate(writer)
            writerPool = writer
            reader = try DatabasePool(path: path, configuration: Self.configuration(readonly: true))
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, opening: true)
        }
        Self.restrictFiles(path)
    }

    /// Opens an existing PhieuKin database and applies the migrations added since it was made.
    /// Never creates one: a missing file, an empty (0-byte) file or a database without PhieuKin's
    /// schema is an error (`StoreError.missing`, `.empty`, `.noSchema`), so that a lost database
    /// is never silently replaced by a fresh, empty one.
    ///
    /// A database this process may not write (or `readOnly`) is opened read-only: it can be read
    /// and verified, and every write is refused with `StoreError.readOnly`. Opening never waits
    /// for another process's write: migrations (which take the write lock) run only when one is
    /// pending.
    public init(openingExisting path: String, readOnly: Bool = false) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.missing(path: path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw StoreError.cannotOpen(path: path, reason: "it is not a regular file")
        }
        guard info.st_size > 0 else { throw StoreError.empty(path: path) }
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        isReadOnly = readOnly || access(path, W_OK) != 0 || access(directory.isEmpty ? "." : directory, W_OK) != 0
        do {
            reader = try Self.openReader(path: path, readOnly: isReadOnly)
            let hasSchema = try reader.read { db in
                try db.tableExists("grdb_migrations")
                    && (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations WHERE identifier = 'v1'") ?? 0)
                        == 1
            }
            guard hasSchema else { throw StoreError.noSchema(path: path) }
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
        if !isReadOnly { Self.restrictFiles(path) }
    }

    /// Closes the readers first, then the writer, so that the last connection to close is a
    /// read-write one and SQLite can checkpoint and remove the `-wal`/`-shm` files when no other
    /// process uses the database (read-only connections cannot). A store that only read opens one
    /// read-write connection for that, without waiting for any lock, and only on an existing file.
    deinit {
        try? reader.close()
        if let writerPool {
            try? writerPool.close()
            return
        }
        guard !isReadOnly, FileManager.default.fileExists(atPath: path) else { return }
        var config = Configuration()
        config.busyMode = .immediateError
        config.label = "phieukin.close"
        if let queue = try? DatabaseQueue(path: path, configuration: config) { try? queue.close() }
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
        migrator.registerMigration("v2-tally-minutes") { db in
            try Schema.createV2(db)
        }
        migrator.registerMigration("v3-round-manifest") { db in
            try Schema.addRoundManifest(db)
        }
        migrator.registerMigration("v4-electronic-boxes") { db in
            try Schema.electronicBoxes(db)
        }
        migrator.registerMigration("v5-issued-serial-by-hash") { db in
            // Which round issued a serial, looked up by hash alone (a sheet keyed into the wrong round).
            try db.create(index: "issuedSerialByHash", on: "issuedSerial", columns: ["hash"])
        }
        return migrator
    }

    /// Runs `body` in a read transaction (a WAL snapshot): never waits for a writer.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try reader.read(body)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, opening: false)
        }
    }

    /// Runs `body` in one IMMEDIATE write transaction: all of it commits, or none. Waits up to
    /// 10 s for another writer, then says another command is writing.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer().write(body)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, opening: false)
        }
    }

    /// Less than 1 MiB left (for this user) on the file system that holds `path`.
    static func diskIsFull(_ path: String) -> Bool {
        var info = statvfs()
        guard statvfs((path as NSString).deletingLastPathComponent, &info) == 0 else { return false }
        let blocks = geteuid() == 0 ? UInt64(info.f_bfree) : UInt64(info.f_bavail)
        return blocks * UInt64(info.f_frsize) < 1 << 20
    }

    /// What a GRDB error means for the person at the keyboard; the SQL is never shown.
    static func storeError(_ error: DatabaseError, path: String, opening: Bool) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(underlying: error)
        case .SQLITE_FULL: return .diskFull(path: path, underlying: error)
        // A full disk often surfaces as an I/O error instead (the -shm or -wal cannot grow).
        case .SQLITE_IOERR where diskIsFull(path): return .diskFull(path: path, underlying: error)
        case .SQLITE_IOERR:
            return .database(
                path: path,
                reason: "\(error.message ?? "disk I/O error"); check the disk it is on (nothing was changed)",
                underlying: error)
        case .SQLITE_READONLY: return .readOnly(path: path, underlying: error)
        case .SQLITE_CANTOPEN where opening:
            return .cannotOpen(path: path, reason: .verbatim(error.message ?? "\(error.resultCode)"), underlying: error)
        default:
            if opening {
                return .cannotOpen(
                    path: path, reason: .verbatim(error.message ?? "\(error.resultCode)"), underlying: error)
            }
            return .database(path: path, reason: .verbatim(error.message ?? "\(error.resultCode)"), underlying: error)
        }
    }
}
