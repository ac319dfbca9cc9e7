import GRDB
import PhieuKinCore

extension Store {
    /// Inserts a round with its frozen list of officials, in one transaction.
    public func insertRound(_ round: RoundRecord, officials: [RoundOfficialRecord]) throws {
        try write { db in
            if try RoundRecord.exists(db, key: round.id) {
                throw StoreError.conflict("round \(round.id) already exists. See it with: phieukin round list")
            }
            try round.insert(db)
            for official in officials { try official.insert(db) }
        }
    }

    public func round(id: String) throws -> RoundRecord {
        guard let round = try read({ db in try RoundRecord.fetchOne(db, key: id) }) else {
            throw StoreError.notFound("round \(id)", hint: "List rounds with: phieukin round list")
        }
        return round
    }

    public func rounds(unitID: String? = nil, surveyID: String? = nil) throws -> [RoundRecord] {
        try read { db in
            var request = RoundRecord.all()
            if let unitID { request = request.filter(Column("unitID") == unitID) }
            if let surveyID { request = request.filter(Column("surveyID") == surveyID) }
            return try request.order(Column("period"), Column("unitID"), Column("surveyID"), Column("id")).fetchAll(db)
        }
    }

    /// The officials on a round's ballot, in printed order.
    public func roundOfficials(roundID: String) throws -> [RoundOfficialRecord] {
        try read { db in
            try RoundOfficialRecord.filter(Column("roundID") == roundID).order(Column("position")).fetchAll(db)
        }
    }

    /// Records the hashes of newly issued serials (never the serials themselves).
    public func insertIssuedSerialHashes(roundID: String, hashes: [[UInt8]], layoutID: String?) throws {
        try write { db in
            for hash in hashes { try IssuedSerial(roundID: roundID, hash: hash).insert(db) }
            if let layoutID {
                try db.execute(
                    sql: "UPDATE round SET layoutID = ? WHERE id = ?", arguments: [layoutID, roundID])
            }
        }
    }

    public func issuedSerialCount(roundID: String) throws -> Int {
        try read { db in try IssuedSerial.filter(Column("roundID") == roundID).fetchCount(db) }
    }
}
