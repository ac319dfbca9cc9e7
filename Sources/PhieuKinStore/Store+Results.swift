internal import Foundation
internal import GRDB
public import PhieuKinCore
internal import PhieuKinCrypto
import PhieuKinMessages
public import PhieuKinStorage

extension Store {
    /// Commits a tally: appends the results-log leaf, signs the new head (`signHead` gets the
    /// new root, size and head sequence number and returns the signed head), stores the result,
    /// its flags and sealed remarks, and marks the round tallied. Refuses a round that is not
    /// closed (checked inside the transaction). Returns the leaf index.
    @discardableResult
    public func commitTally(
        _ commit: TallyCommit,
        signHead: (_ root: [UInt8], _ size: Int, _ seq: Int) throws -> StoredResultsHead
    ) throws -> Int {
        let key = commit.roundID.rawValue
        return try write { db in
            guard let round = try RoundRecord.fetchOne(db, key: key) else {
                throw StoreError.roundNotFound(commit.roundID)
            }
            guard round.state == .closed else {
                throw StoreError.conflict(
                    "round \(commit.roundID) is \(round.state.rawValue), not closed; nothing was committed.")
            }
            let index = try Self.appendResultLeaf(db, commit.leaf, signHead: signHead)
            try ResultRecord(roundID: key, body: Data(commit.resultBody), logIndex: index).insert(db)
            for flag in commit.flags { try FlagRecord(flag).insert(db) }
            try db.execute(
                sql: "INSERT INTO resultRemarks (roundID, sealed) VALUES (?, ?)",
                arguments: [key, Data(commit.sealedRemarks)])
            if let minutes = commit.minutes {
                try db.execute(
                    sql: "INSERT INTO tallyMinutes (roundID, talliedOn) VALUES (?, ?)",
                    arguments: [key, minutes.talliedOn])
                for (position, member) in minutes.members.enumerated() {
                    try db.execute(
                        sql: "INSERT INTO tallyMember (roundID, position, name, role) VALUES (?, ?, ?, ?)",
                        arguments: [key, position, member.name, member.role])
                }
            }
            try db.execute(
                sql: "UPDATE round SET state = ? WHERE id = ?",
                arguments: [Round.State.tallied.rawValue, key])
            return index
        }
    }

    /// Appends a leaf to the agency's results log and signs the new head, inside `db`'s
    /// transaction. Returns the leaf index.
    static func appendResultLeaf(
        _ db: Database, _ leaf: [UInt8],
        signHead: (_ root: [UInt8], _ size: Int, _ seq: Int) throws -> StoredResultsHead
    ) throws -> Int {
        var hashes: [[UInt8]] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT data FROM resultLeaf ORDER BY idx")
        while let row = try rows.next() {
            let data: [UInt8] = try row.withUnsafeData(atIndex: 0) { $0.map { [UInt8]($0) } ?? [] }
            hashes.append(Merkle.leafHash(data))
        }
        let index = hashes.count
        try ResultLeafRecord(idx: index, data: Data(leaf)).insert(db)
        hashes.append(Merkle.leafHash(leaf))
        let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM resultTreeHead") ?? 0) + 1
        try ResultTreeHeadRecord(signHead(Merkle.root(leafHashes: hashes), hashes.count, seq)).insert(db)
        return index
    }

    /// Committed results in log order.
    public func results() throws -> [StoredResult] {
        try read { db in try ResultRecord.order(Column("logIndex")).fetchAll(db).map(\.result) }
    }

    public func result(roundID: RoundID) throws -> StoredResult? {
        try read { db in try ResultRecord.fetchOne(db, key: roundID.rawValue)?.result }
    }

    /// Stored flags of the given rounds (all rounds when nil).
    public func flags(roundIDs: [RoundID]?) throws -> [StoredFlag] {
        try read { db in
            var request = FlagRecord.all()
            if let roundIDs { request = request.filter(roundIDs.map(\.rawValue).contains(Column("roundID"))) }
            return try request.order(Column("roundID"), Column("officialID"), Column("criterionID")).fetchAll(db)
                .map(\.flag)
        }
    }

    public func sealedRemarks(roundID: RoundID) throws -> [UInt8]? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT sealed FROM resultRemarks WHERE roundID = ?", arguments: [roundID.rawValue]
            )
            .map { row in [UInt8]((row[0] as Data?) ?? Data()) }
        }
    }

    public func tallyMinutes(roundID: RoundID) throws -> StoredTallyMinutes? {
        try read { db in
            guard
                let talliedOn = try String.fetchOne(
                    db, sql: "SELECT talliedOn FROM tallyMinutes WHERE roundID = ?", arguments: [roundID.rawValue])
            else { return nil }
            let members = try Row.fetchAll(
                db, sql: "SELECT name, role FROM tallyMember WHERE roundID = ? ORDER BY position",
                arguments: [roundID.rawValue]
            ).map { StoredTallyMinutes.Member(name: $0[0], role: $0[1]) }
            return StoredTallyMinutes(talliedOn: talliedOn, members: members)
        }
    }

    public func resultsLogSnapshot() throws -> ResultsLogSnapshot {
        try read { db in
            var remarks: [RoundID: [UInt8]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT roundID, sealed FROM resultRemarks") {
                remarks[RoundID(row[0] as String)] = [UInt8]((row[1] as Data?) ?? Data())
            }
            return ResultsLogSnapshot(
                leaves: try ResultLeafRecord.order(Column("idx")).fetchAll(db).map(\.leaf),
                heads: try ResultTreeHeadRecord.order(Column("seq")).fetchAll(db).map(\.head),
                results: try ResultRecord.order(Column("logIndex")).fetchAll(db).map(\.result),
                flags: try FlagRecord.order(Column("roundID"), Column("officialID"), Column("criterionID")).fetchAll(
                    db
                ).map(\.flag),
                remarks: remarks,
                rounds: try RoundRecord.order(Column("id")).fetchAll(db).map(\.round))
        }
    }
}

extension Store {
    public func ballotLogForTally(roundID: RoundID) throws -> BallotLogForTally {
        let key = roundID.rawValue
        return try read { db in
            var leaves: [[UInt8]] = []
            leaves.reserveCapacity(
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM leaf WHERE roundID = ?", arguments: [key]) ?? 0)
            let rows = try Row.fetchCursor(
                db, sql: "SELECT data FROM leaf WHERE roundID = ? ORDER BY idx", arguments: [key])
            while let row = try rows.next() {
                leaves.append(try row.withUnsafeData(atIndex: 0) { $0.map { [UInt8]($0) } ?? [] })
            }
            return BallotLogForTally(
                leaves: leaves,
                batches: try BatchRecord.filter(Column("roundID") == key).order(Column("seq")).fetchAll(db).map(
                    \.batch),
                treeHeads: try TreeHeadRecord.filter(Column("roundID") == key).order(Column("seq")).fetchAll(db)
                    .map(\.head))
        }
    }
}
