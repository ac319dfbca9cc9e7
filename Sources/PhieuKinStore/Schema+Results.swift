import GRDB

extension Schema {
    /// Issue 5 (tally): a round's remarks, kept apart from its counts and sealed to the round's
    /// tally key, so no remark text is ever stored in the clear (see docs/FORMAT.md, "Results log").
    static func createV3Results(_ db: Database) throws {
        try db.create(table: "resultRemarks") { t in
            t.primaryKey("roundID", .text).references("round", onDelete: .cascade)
            t.column("sealed", .blob).notNull()
        }
    }
}
