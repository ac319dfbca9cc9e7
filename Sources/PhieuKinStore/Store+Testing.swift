internal import Foundation
internal import GRDB

/// Test and benchmark entry points: `package`, never in a product's API. They take SQL as a
/// constant text written in a test; values are never interpolated into it.
extension Store {
    /// Runs a query on a reader and returns its first column, as text (NULL as nil).
    package func testingQuery(_ sql: String) throws -> [String?] {
        try read { db in try String?.fetchAll(db, sql: sql) }
    }

    /// Runs statements on the writing connection, in one write transaction (e.g. a PRAGMA that
    /// only that connection keeps).
    package func testingExecute(_ sql: String) throws {
        try write { db in try db.execute(sql: sql) }
    }

    /// Runs `body` while this store holds the write transaction (readers must go on meanwhile).
    package func testingHoldingWriteLock<T>(_ body: () throws -> T) throws -> T {
        try write { _ in try body() }
    }

    /// SQLite alone, for the import benchmark's baseline: `leaves` inserted into a fresh table of a
    /// new WAL database at `path`, with one prepared INSERT in one transaction. Returns the time
    /// the inserts took (creating the file is not counted).
    package static func benchmarkPlainLeafInsert(leaves: [[UInt8]], roundID: String, path: String) throws -> Duration {
        var config = Configuration()
        config.journalMode = .wal
        let queue = try DatabaseQueue(path: path, configuration: config)
        try queue.write { db in
            try db.execute(
                sql:
                    "CREATE TABLE leaf (roundID TEXT NOT NULL, idx INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (roundID, idx)) WITHOUT ROWID"
            )
        }
        let clock = ContinuousClock.now
        try queue.write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO leaf (roundID, idx, data) VALUES (?, ?, ?)")
            for (i, data) in leaves.enumerated() { try statement.execute(arguments: [roundID, i, Data(data)]) }
        }
        let elapsed = ContinuousClock.now - clock
        try queue.close()
        return elapsed
    }
}
