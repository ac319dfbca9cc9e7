internal import Foundation
internal import GRDB
internal import GRDBSQLite
internal import Glibc
import PhieuKinMessages
import PhieuKinStorage

extension Store {
    /// A consistent copy of the whole database as of one commit, as the bytes of an SQLite file:
    /// SQLite's online backup API reads it in one read transaction (writers go on meanwhile, and
    /// every commit acknowledged before it began is in it) into a database in memory, which is
    /// then serialized. Nothing is written to disk on the way.
    public func backupSnapshot() throws -> [UInt8] {
        do {
            let memory = try DatabaseQueue()
            try reader.backup(to: memory)
            let bytes = try memory.inDatabase { db -> [UInt8] in
                var size: sqlite3_int64 = 0
                guard let data = sqlite3_serialize(db.sqliteConnection, "main", &size, 0) else {
                    throw StoreError.database(path: path, reason: "SQLite could not serialize the backup copy")
                }
                defer { sqlite3_free(data) }
                return [UInt8](UnsafeRawBufferPointer(start: data, count: Int(size)))
            }
            try memory.close()
            return bytes
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, opening: false)
        }
    }

    /// Writes a database file from `backupSnapshot()` bytes at `path`, which must not exist
    /// (created owner-only, never over another file), in WAL mode, and checks it whole
    /// (`PRAGMA integrity_check`) before anything opens it as a workspace.
    public static func restoreSnapshot(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw StoreError.cannotOpen(path: path, reason: "\(Message.systemError(errno))")
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            guard n > 0 else {
                close(fd)
                throw StoreError.diskFull(path: path)
            }
            written += n
        }
        guard fsync(fd) == 0, close(fd) == 0 else { throw StoreError.diskFull(path: path) }
        do {
            var config = Configuration()
            config.label = "phieukin.restore"
            let queue = try DatabaseQueue(path: path, configuration: config)
            let check = try queue.writeWithoutTransaction { db -> [String] in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                return try String.fetchAll(db, sql: "PRAGMA integrity_check")
            }
            try queue.close()
            guard check == ["ok"] else {
                throw StoreError.database(path: path, reason: "the copy fails SQLite's integrity check")
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, opening: true)
        }
    }
}
