internal import Foundation
internal import GRDB
public import PhieuKinCore
import PhieuKinMessages
public import PhieuKinStorage

/// SQLite's `ElectronicIntakeWriting`: codes, inboxes and kiosks inside one GRDB write
/// transaction. Created only by `Store.withElectronicIntake`.
final class ElectronicIntakeTransaction: ElectronicIntakeWriting {
    let db: Database

    init(db: Database) { self.db = db }

    func round(id: RoundID) throws -> Round? {
        try RoundRecord.fetchOne(db, key: id.rawValue)?.round
    }

    func isIssued(roundID: RoundID, _ hash: SerialHash) throws -> Bool {
        try Store.contains(db, table: "issuedSerial", roundID: roundID.rawValue, hash: hash)
    }

    func isUsed(roundID: RoundID, _ hash: SerialHash) throws -> Bool {
        try Store.contains(db, table: "usedSerial", roundID: roundID.rawValue, hash: hash)
    }

    func insertUsedSerial(roundID: RoundID, _ hash: SerialHash) throws {
        try db.cachedStatement(sql: "INSERT INTO usedSerial (roundID, hash) VALUES (?, ?)")
            .execute(arguments: [roundID.rawValue, Store.bytes(hash)])
    }

    func insertInbox(roundID: RoundID, key: [UInt8], box: [UInt8]) throws {
        try db.cachedStatement(sql: "INSERT INTO inbox (roundID, key, box) VALUES (?, ?, ?)")
            .execute(arguments: [roundID.rawValue, Data(key), Data(box)])
    }

    func inboxCount(roundID: RoundID) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT COUNT(*) FROM inbox WHERE roundID = ?"), arguments: [roundID.rawValue])
            ?? 0
    }

    func electronicBox(ephemeral: [UInt8]) throws -> (roundID: RoundID, box: [UInt8])? {
        // Both lookups use an expression index of v4 (`inbox_by_ephemeral`, `leaf_by_ephemeral`).
        let key = Data(ephemeral)
        if let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT roundID, box FROM inbox WHERE substr(box, 2, 32) = ?"), arguments: [key])
        {
            return (RoundID(row[0] as String), [UInt8](row[1] as Data))
        }
        return try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT roundID, substr(data, 5) FROM leaf WHERE substr(data, 1, 4) = x'FFFFFFFF' "
                    + "AND substr(data, 6, 32) = ?"), arguments: [key]
        ).map { (RoundID($0[0] as String), [UInt8]($0[1] as Data)) }
    }

    func ballotCount(roundID: RoundID) throws -> Int {
        let leaves =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT COALESCE(MAX(idx) + 1, 0) FROM leaf WHERE roundID = ?"),
                arguments: [roundID.rawValue]) ?? 0
        return try leaves + inboxCount(roundID: roundID)
    }

    func kiosk(enrolHash: [UInt8]) throws -> StoredKiosk? {
        try KioskRecord.filter(Column("enrolHash") == Data(enrolHash)).fetchOne(db)?.kiosk
    }

    func kiosk(tokenHash: [UInt8]) throws -> StoredKiosk? {
        try KioskRecord.filter(Column("tokenHash") == Data(tokenHash)).fetchOne(db)?.kiosk
    }

    func setKioskToken(kioskID: String, tokenHash: [UInt8]) throws {
        try db.execute(
            sql: "UPDATE kiosk SET tokenHash = ? WHERE id = ? AND tokenHash IS NULL",
            arguments: [Data(tokenHash), kioskID])
        guard db.changesCount == 1 else { throw StoreError.conflict("the kiosk was enrolled already.") }
    }

    func kioskDay(kioskID: String, day: String) throws -> StoredKioskDay? {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT count FROM kioskDay WHERE kioskID = ? AND day = ?"),
            arguments: [kioskID, day]
        ).map { StoredKioskDay(kioskID: kioskID, day: day, count: $0) }
    }

    func saveKioskDay(_ day: StoredKioskDay) throws {
        try db.cachedStatement(
            sql: "INSERT INTO kioskDay (kioskID, day, count) VALUES (?, ?, ?) "
                + "ON CONFLICT(kioskID, day) DO UPDATE SET count = excluded.count"
        ).execute(arguments: [day.kioskID, day.day, day.count])
    }

    func kioskSubmissionExists(kioskID: String, hash: [UInt8]) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM kioskSubmission WHERE kioskID = ? AND hash = ?)"),
            arguments: [kioskID, Data(hash)]) ?? false
    }

    func insertKioskSubmission(kioskID: String, hash: [UInt8]) throws {
        try db.cachedStatement(sql: "INSERT INTO kioskSubmission (kioskID, hash) VALUES (?, ?)")
            .execute(arguments: [kioskID, Data(hash)])
    }
}

struct KioskRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "kiosk"
    var id: String
    var roundID: String
    var desk: String
    var enrolHash: Data
    var tokenHash: Data?

    init(_ k: StoredKiosk) {
        id = k.id
        roundID = k.roundID.rawValue
        desk = k.desk
        enrolHash = Data(k.enrolHash)
        tokenHash = k.tokenHash.map { Data($0) }
    }

    var kiosk: StoredKiosk {
        StoredKiosk(
            id: id, roundID: RoundID(roundID), desk: desk, enrolHash: [UInt8](enrolHash),
            tokenHash: tokenHash.map { [UInt8]($0) })
    }
}

extension BallotLogTransaction {
    func inboxBoxes() throws -> [[UInt8]] {
        try Data.fetchAll(
            db, sql: "SELECT box FROM inbox WHERE roundID = ? ORDER BY key", arguments: [roundID.rawValue]
        )
        .map { [UInt8]($0) }
    }

    func clearInbox() throws {
        try db.execute(sql: "DELETE FROM inbox WHERE roundID = ?", arguments: [roundID.rawValue])
    }

    func hasElectronicLeaf(ephemeral: [UInt8]) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM leaf WHERE substr(data, 1, 4) = x'FFFFFFFF' "
                    + "AND substr(data, 6, 32) = ? AND roundID = ?)"),
            arguments: [Data(ephemeral), roundID.rawValue]) ?? false
    }
}

extension Store {
    public func serialStatus(roundID: RoundID, hash: SerialHash) throws -> (issued: Bool, used: Bool) {
        try read { db in
            (
                try Self.contains(db, table: "issuedSerial", roundID: roundID.rawValue, hash: hash),
                try Self.contains(db, table: "usedSerial", roundID: roundID.rawValue, hash: hash)
            )
        }
    }

    public func roundsIssuing(_ hash: SerialHash) throws -> [RoundID] {
        try read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT roundID FROM issuedSerial WHERE hash = ? ORDER BY roundID",
                arguments: [Self.bytes(hash)])
            return ids.map { RoundID($0) }
        }
    }

    public func withElectronicIntake<T>(_ body: (any ElectronicIntakeWriting) throws -> T) throws -> T {
        try write { db in try body(ElectronicIntakeTransaction(db: db)) }
    }

    public func inboxCounts() throws -> [RoundID: Int] {
        try read { db in
            var counts: [RoundID: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT roundID, COUNT(*) FROM inbox GROUP BY roundID") {
                counts[RoundID(row[0] as String)] = row[1]
            }
            return counts
        }
    }

    public func insertKiosk(_ kiosk: StoredKiosk) throws {
        try write { db in
            guard try RoundRecord.fetchOne(db, key: kiosk.roundID.rawValue) != nil else {
                throw StoreError.roundNotFound(kiosk.roundID)
            }
            try KioskRecord(kiosk).insert(db)
        }
    }

    public func kiosks(roundID: RoundID) throws -> [StoredKiosk] {
        try read { db in
            try KioskRecord.filter(Column("roundID") == roundID.rawValue).order(Column("desk"), Column("id"))
                .fetchAll(db).map(\.kiosk)
        }
    }

    public func kioskDays(roundID: RoundID) throws -> [StoredKioskDay] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT d.kioskID, d.day, d.count FROM kioskDay d JOIN kiosk k ON k.id = d.kioskID "
                    + "WHERE k.roundID = ? ORDER BY d.kioskID, d.day",
                arguments: [roundID.rawValue]
            ).map { StoredKioskDay(kioskID: $0[0], day: $0[1], count: $0[2]) }
        }
    }

    /// A serial hash as stored: its 32 bytes.
    static func bytes(_ hash: SerialHash) -> Data { Data(hash.bytes) }

    /// Whether `table` (one of the two serial tables, never input) holds the hash: a keyed lookup.
    static func contains(_ db: Database, table: String, roundID: String, hash: SerialHash) throws -> Bool {
        let statement = try db.cachedStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE roundID = ? AND hash = ?)")
        return try Bool.fetchOne(statement, arguments: [roundID, bytes(hash)]) ?? false
    }
}
