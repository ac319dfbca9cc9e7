import GRDB

extension Schema {
    /// Issue 8: rounds over several units, and voided rounds.
    ///
    /// - `roundUnit` lists the units a round covers (one row for a one-unit round); `round.unitID`
    ///   stays the first of them.
    /// - `roundOfficial.unitID` freezes each official's unit with their name, so a round over
    ///   several units groups its ballot and flags by unit.
    /// - `round.voidReason`/`voidedOn`: a voided round keeps its reason (also signed into its log).
    static func createV4Rounds(_ db: Database) throws {
        try db.create(table: "roundUnit", options: .withoutRowID) { t in
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("unitID", .text).notNull().references("unit", onDelete: .restrict)
            t.column("position", .integer).notNull()
            t.primaryKey(["roundID", "unitID"])
        }
        try db.create(index: "roundUnit_by_unit", on: "roundUnit", columns: ["unitID"])
        try db.execute(sql: "INSERT INTO roundUnit (roundID, unitID, position) SELECT id, unitID, 1 FROM round")
        try db.alter(table: "roundOfficial") { t in t.add(column: "unitID", .text) }
        try db.execute(
            sql: "UPDATE roundOfficial SET unitID = (SELECT unitID FROM round WHERE round.id = roundOfficial.roundID)")
        try db.alter(table: "round") { t in
            t.add(column: "voidReason", .text)
            t.add(column: "voidedOn", .text)
        }
    }
}
