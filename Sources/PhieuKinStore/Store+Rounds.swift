internal import Foundation
internal import GRDB
public import PhieuKinCore
import PhieuKinMessages
internal import PhieuKinStorage

extension Store {
    /// Inserts a round over `units` with its frozen list of officials, in one transaction.
    ///
    /// One round per survey, unit, period and channel: when a round that is not voided already
    /// covers one of `units` for the same survey, period and channel, nothing is written and
    /// `RoundConflict` names it (checked inside the write transaction, so two concurrent opens
    /// cannot both succeed).
    public func insertRound(_ round: Round, units: [UnitID], officials: [RoundOfficial]) throws {
        try write { db in
            if let existing = try Self.liveRound(
                db, surveyID: round.surveyID, period: round.period, channel: round.channel, units: units)
            {
                throw RoundConflict(existing: existing.round, unitID: existing.unitID)
            }
            if try RoundRecord.exists(db, key: round.id.rawValue) {
                throw StoreError.conflict("round \(round.id) already exists.")
            }
            try RoundRecord(round).insert(db)
            for (position, unit) in units.enumerated() {
                try db.execute(
                    sql: "INSERT INTO roundUnit (roundID, unitID, position) VALUES (?, ?, ?)",
                    arguments: [round.id.rawValue, unit.rawValue, position + 1])
            }
            for official in officials { try RoundOfficialRecord(official).insert(db) }
        }
    }

    /// A round (not voided) of this survey, period and channel that covers one of `units`.
    public func liveRound(
        surveyID: SurveyID, period: String, channel: String, units: [UnitID]
    ) throws -> (
        round: Round, unitID: UnitID
    )? {
        try read { db in try Self.liveRound(db, surveyID: surveyID, period: period, channel: channel, units: units) }
    }

    private static func liveRound(
        _ db: Database, surveyID: SurveyID, period: String, channel: String, units: [UnitID]
    ) throws -> (round: Round, unitID: UnitID)? {
        for unit in units {
            let round = try RoundRecord.fetchOne(
                db,
                sql: """
                    SELECT round.* FROM round JOIN roundUnit ON roundUnit.roundID = round.id
                    WHERE roundUnit.unitID = ? AND round.surveyID = ? AND round.period = ? AND round.channel = ?
                      AND round.state <> ?
                    ORDER BY round.id LIMIT 1
                    """,
                arguments: [unit.rawValue, surveyID.rawValue, period, channel, Round.State.voided.rawValue])
            if let round { return (round.round, unit) }
        }
        return nil
    }

    /// The units a round covers, in the order they were given.
    public func roundUnits(roundID: RoundID) throws -> [UnitID] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT unitID FROM roundUnit WHERE roundID = ? ORDER BY position",
                arguments: [roundID.rawValue]
            ).map { UnitID($0) }
        }
    }

    public func round(id: RoundID) throws -> Round {
        guard let round = try read({ db in try RoundRecord.fetchOne(db, key: id.rawValue)?.round }) else {
            throw StoreError.roundNotFound(id)
        }
        return round
    }

    public func rounds(unitID: UnitID?, surveyID: SurveyID?) throws -> [Round] {
        try read { db in
            var request = RoundRecord.all()
            if let unitID {
                request = request.filter(
                    sql: "id IN (SELECT roundID FROM roundUnit WHERE unitID = ?)", arguments: [unitID.rawValue])
            }
            if let surveyID { request = request.filter(Column("surveyID") == surveyID.rawValue) }
            return try request.order(Column("period"), Column("unitID"), Column("surveyID"), Column("id")).fetchAll(db)
                .map(\.round)
        }
    }

    /// The officials on a round's ballot, in printed order.
    public func roundOfficials(roundID: RoundID) throws -> [RoundOfficial] {
        try read { db in
            try RoundOfficialRecord.filter(Column("roundID") == roundID.rawValue).order(Column("position")).fetchAll(db)
                .map(\.roundOfficial)
        }
    }

    /// Records the hashes of newly issued serials (never the serials themselves).
    public func insertIssuedSerialHashes(roundID: RoundID, hashes: [[UInt8]], layoutID: String?) throws {
        let key = roundID.rawValue
        try write { db in
            for hash in hashes { try IssuedSerialRecord(roundID: key, hash: Data(hash)).insert(db) }
            if let layoutID {
                try db.execute(
                    sql: "UPDATE round SET layoutID = ? WHERE id = ?", arguments: [layoutID, key])
            }
        }
    }

    public func issuedSerialCount(roundID: RoundID) throws -> Int {
        try read { db in try IssuedSerialRecord.filter(Column("roundID") == roundID.rawValue).fetchCount(db) }
    }
}
