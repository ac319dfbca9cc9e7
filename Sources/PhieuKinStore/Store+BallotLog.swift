internal import Foundation
internal import GRDB
public import PhieuKinCore
import PhieuKinMessages
public import PhieuKinStorage

#if canImport(GRDBSQLite)
    internal import GRDBSQLite
#else
    internal import SQLite3
#endif

/// SQLite's `BallotLogWriting`: the ballot log inside one GRDB write transaction, with cached
/// statements for the hot inserts. Created only by `Store.withBallotLog`, so everything done
/// through it commits together or not at all.
final class BallotLogTransaction: BallotLogWriting {
    let db: Database
    let roundID: RoundID
    /// `roundID` as stored in the `roundID` TEXT columns.
    private let key: String
    private var rawLeafStatement: Statement?
    private var rawUsedStatement: Statement?

    init(db: Database, roundID: RoundID) {
        self.db = db
        self.roundID = roundID
        self.key = roundID.rawValue
    }

    func round() throws -> Round {
        guard let round = try RoundRecord.fetchOne(db, key: key) else {
            throw StoreError.roundNotFound(roundID)
        }
        return round.round
    }

    /// Issued serial hashes of the round, read inside this transaction.
    func issuedSerialHashes() throws -> Set<SerialHash> {
        try Store.serialHashes(db, table: "issuedSerial", roundID: key)
    }

    /// Used serial hashes of the round, read inside this transaction (so a concurrent import that
    /// committed first is seen).
    func usedSerialHashes() throws -> Set<SerialHash> {
        try Store.serialHashes(db, table: "usedSerial", roundID: key)
    }

    /// Whether one serial hash was issued for the round: a primary-key lookup, O(log n).
    func isIssued(_ hash: SerialHash) throws -> Bool {
        try Store.contains(db, table: "issuedSerial", roundID: key, hash: hash)
    }

    /// Whether one serial hash was used by an accepted ballot already: O(log n).
    func isUsed(_ hash: SerialHash) throws -> Bool {
        try Store.contains(db, table: "usedSerial", roundID: key, hash: hash)
    }

    func nextBatchSeq() throws -> Int {
        try (Int.fetchOne(db, sql: "SELECT MAX(seq) FROM batch WHERE roundID = ?", arguments: [key]) ?? 0) + 1
    }

    /// Leaves in the log: one past the highest index (O(log n) on the primary key; indexes are
    /// contiguous from 0, which `verify` checks).
    func leafCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(idx) + 1, 0) FROM leaf WHERE roundID = ?", arguments: [key])
            ?? 0
    }

    /// The log's stored Merkle frontier (`MerkleFrontier.serialized`), if one was saved.
    func frontier() throws -> [UInt8]? {
        try Row.fetchOne(db, sql: "SELECT frontier FROM ballotFrontier WHERE roundID = ?", arguments: [key])
            .map { [UInt8]((($0[0] as Data?) ?? Data())) }
    }

    /// Saves the frontier with the head signed over it, in this transaction.
    func saveFrontier(_ bytes: [UInt8]) throws {
        try db.execute(
            sql: "INSERT INTO ballotFrontier (roundID, frontier) VALUES (?, ?) "
                + "ON CONFLICT(roundID) DO UPDATE SET frontier = excluded.frontier",
            arguments: [key, Data(bytes)])
    }

    func insertBatch(seq: Int, sealedKey: [UInt8]) throws {
        try BatchRecord(roundID: key, seq: seq, sealedKey: Data(sealedKey)).insert(db)
    }

    /// The batch that imported a file with this digest, if any.
    func batchForFile(digest: [UInt8]) throws -> Int? {
        try Int.fetchOne(
            db, sql: "SELECT batchSeq FROM batchFile WHERE roundID = ? AND digest = ?",
            arguments: [key, Data(digest)])
    }

    func recordFile(digest: [UInt8], batchSeq: Int) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO batchFile (roundID, digest, batchSeq) VALUES (?, ?, ?)",
            arguments: [key, Data(digest), batchSeq])
    }

    /// Appends one leaf (cached statement: called a million times per import).
    func appendLeaf(idx: Int, batchSeq: Int, data: [UInt8]) throws {
        try data.withUnsafeBytes { try appendLeaf(idx: idx, batchSeq: batchSeq, data: $0) }
    }

    /// Appends one leaf from a slice of a larger buffer without copying it to an array first.
    ///
    /// A million of these per import: the statement is GRDB's, prepared once, with the round
    /// bound once; each call binds only the index, the batch and the leaf bytes (SQLite reads
    /// them in place) and steps. Values are always bound, never spliced into SQL.
    func appendLeaf(idx: Int, batchSeq: Int, data: UnsafeRawBufferPointer) throws {
        if rawLeafStatement == nil {
            rawLeafStatement = try rawStatement("INSERT INTO leaf (roundID, idx, batchSeq, data) VALUES (?, ?, ?, ?)")
        }
        let statement = rawLeafStatement!
        let s = statement.sqliteStatement
        sqlite3_bind_int64(s, 2, Int64(idx))
        sqlite3_bind_int64(s, 3, Int64(batchSeq))
        sqlite3_bind_blob(s, 4, data.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(data.count), nil)
        try step(statement)
    }

    func insertUsedSerial(_ hash: SerialHash) throws {
        if rawUsedStatement == nil {
            rawUsedStatement = try rawStatement("INSERT INTO usedSerial (roundID, hash) VALUES (?, ?)")
        }
        let statement = rawUsedStatement!
        var words = (hash.w0.bigEndian, hash.w1.bigEndian, hash.w2.bigEndian, hash.w3.bigEndian)
        try withUnsafeBytes(of: &words) { bytes in
            sqlite3_bind_blob(statement.sqliteStatement, 2, bytes.baseAddress, Int32(bytes.count), nil)
            try step(statement)
        }
    }

    /// A statement whose first parameter, the round, is bound once (SQLite keeps bindings
    /// across resets).
    private func rawStatement(_ sql: String) throws -> Statement {
        let statement = try db.makeStatement(sql: sql)
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let rc = sqlite3_bind_text(statement.sqliteStatement, 1, key, -1, transient)
        guard rc == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: rc), sql: sql) }
        return statement
    }

    /// Runs a bound insert once and resets it; a failure is GRDB's `DatabaseError`.
    private func step(_ statement: Statement) throws {
        let s = statement.sqliteStatement
        let rc = sqlite3_step(s)
        sqlite3_reset(s)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql)
        }
    }

    @discardableResult
    func insertReject(_ reject: StoredReject) throws -> Int64 {
        var record = RejectRecord(reject)
        try record.insert(db)
        return record.id ?? 0
    }

    func rejects(status: StoredReject.Status?, ids: [Int64]?) throws -> [StoredReject] {
        var request = RejectRecord.filter(Column("roundID") == key)
        if let status { request = request.filter(Column("status") == status.rawValue) }
        if let ids { request = request.filter(ids.contains(Column("id"))) }
        return try request.order(Column("id")).fetchAll(db).map(\.reject)
    }

    func updateReject(_ reject: StoredReject) throws {
        try RejectRecord(reject).update(db)
    }

    /// The leaves from index `start` on, in order (a range scan of the primary key), streamed
    /// (a round can hold a million).
    func forEachLeaf(from start: Int, _ body: ([UInt8]) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT data FROM leaf WHERE roundID = ? AND idx >= ? ORDER BY idx",
            arguments: [key, start])
        while let row = try rows.next() {
            let data: [UInt8] = try row.withUnsafeData(atIndex: 0) { $0.map { [UInt8]($0) } ?? [] }
            try body(data)
        }
    }

    func lastTreeHead() throws -> StoredTreeHead? {
        try TreeHeadRecord.filter(Column("roundID") == key).order(Column("seq").desc).fetchOne(db)?.head
    }

    func insertTreeHead(_ head: StoredTreeHead) throws {
        try TreeHeadRecord(head).insert(db)
    }

    func setState(_ state: Round.State, closedOn: String?) throws {
        try db.execute(
            sql: "UPDATE round SET state = ?, closedOn = ? WHERE id = ?",
            arguments: [state.rawValue, closedOn, key])
    }

    /// Marks the round voided with its reason (the caller signs the void into the log first).
    func setVoided(reason: String, on date: String) throws {
        try db.execute(
            sql: "UPDATE round SET state = ?, voidReason = ?, voidedOn = ? WHERE id = ?",
            arguments: [Round.State.voided.rawValue, reason, date, key])
    }

    /// Records the void of a tallied round beside its result: a leaf of the agency's results log
    /// and a new signed head, in this transaction. Returns the leaf index.
    func appendResultsLogLeaf(
        _ leaf: [UInt8], signHead: (_ root: [UInt8], _ size: Int, _ seq: Int) throws -> StoredResultsHead
    ) throws -> Int {
        try Store.appendResultLeaf(db, leaf, signHead: signHead)
    }
}

extension Store {
    /// Runs `body` in one write transaction on a round's ballot log: all of it commits, or none.
    public func withBallotLog<T>(roundID: RoundID, _ body: (any BallotLogWriting) throws -> T) throws -> T {
        try write { db in
            try body(BallotLogTransaction(db: db, roundID: roundID))
        }
    }

    /// A round's serial hashes from `table` (one of the two serial tables, never input), for the
    /// import's in-memory lookups.
    static func serialHashes(_ db: Database, table: String, roundID: String) throws -> Set<SerialHash> {
        var set = Set<SerialHash>()
        let count =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE roundID = ?", arguments: [roundID]) ?? 0
        set.reserveCapacity(count)
        // A million rows: read each 32-byte hash in place (no Row, no Data, no array).
        let statement = try db.makeStatement(sql: "SELECT hash FROM \(table) WHERE roundID = ?")
        try statement.setArguments([roundID])
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: rc),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
            let count = Int(sqlite3_column_bytes(s, 0))
            if count == 32, let bytes = sqlite3_column_blob(s, 0),
                let hash = SerialHash(hash: UnsafeRawBufferPointer(start: bytes, count: count))
            {
                set.insert(hash)
            }
        }
        return set
    }

    /// Inserts issued serial hashes in bulk (benchmarks and tests that need a million).
    package func insertIssuedSerialHashes(roundID: RoundID, hashes: [SerialHash]) throws {
        try write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO issuedSerial (roundID, hash) VALUES (?, ?)")
            for hash in hashes.sorted() { try statement.execute(arguments: [roundID.rawValue, Data(hash.bytes)]) }
        }
    }

    public func rejects(roundID: RoundID) throws -> [StoredReject] {
        try read { db in
            try RejectRecord.filter(Column("roundID") == roundID.rawValue).order(Column("id")).fetchAll(db).map(
                \.reject)
        }
    }

    public func ballotLogSnapshot(roundID: RoundID) throws -> BallotLogSnapshot {
        let key = roundID.rawValue
        return try read { db in
            guard let round = try RoundRecord.fetchOne(db, key: key) else {
                throw StoreError.roundNotFound(roundID)
            }
            let args: StatementArguments = [key]
            var leaves: [StoredLeaf] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT idx, batchSeq, data FROM leaf WHERE roundID = ? ORDER BY idx", arguments: args)
            while let row = try rows.next() {
                let data: [UInt8] = try row.withUnsafeData(atIndex: 2) { $0.map { [UInt8]($0) } ?? [] }
                leaves.append(StoredLeaf(roundID: roundID, idx: row[0], batchSeq: row[1], data: data))
            }
            return BallotLogSnapshot(
                round: round.round,
                leaves: leaves,
                batches: try BatchRecord.filter(Column("roundID") == key).order(Column("seq")).fetchAll(db).map(
                    \.batch),
                treeHeads: try TreeHeadRecord.filter(Column("roundID") == key).order(Column("seq")).fetchAll(db)
                    .map(\.head),
                rejects: try RejectRecord.filter(Column("roundID") == key).order(Column("id")).fetchAll(db).map(
                    \.reject),
                issuedCount: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM issuedSerial WHERE roundID = ?", arguments: args) ?? 0,
                usedCount: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM usedSerial WHERE roundID = ?", arguments: args) ?? 0,
                usedNotIssuedCount: try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM usedSerial u WHERE u.roundID = ?
                        AND NOT EXISTS (SELECT 1 FROM issuedSerial i WHERE i.roundID = u.roundID AND i.hash = u.hash)
                        """, arguments: args) ?? 0,
                inboxCount: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inbox WHERE roundID = ?", arguments: args)
                    ?? 0)
        }
    }
}

extension WorkspaceStorage {
    /// Inserts issued serial hashes in bulk (benchmarks and tests that need a million): SQLite's
    /// prepared-statement path, or `insertIssuedSerialHashes(roundID:hashes:layoutID:)` elsewhere.
    package func insertIssuedSerialHashes(roundID: RoundID, hashes: [SerialHash]) throws {
        if let store = self as? Store {
            try store.insertIssuedSerialHashes(roundID: roundID, hashes: hashes)
        } else {
            try insertIssuedSerialHashes(roundID: roundID, hashes: hashes.sorted().map(\.bytes), layoutID: nil)
        }
    }
}
