import GRDB

extension Schema {
    /// Issue 4 (import): which files each batch came from (their SHA-256, so a byte-identical
    /// file is not imported twice into an unnumbered round), and a reason code on rejects.
    static func createV2Import(_ db: Database) throws {
        try db.create(table: "batchFile", options: .withoutRowID) { t in
            t.column("roundID", .text).notNull()
            t.column("digest", .blob).notNull()
            t.column("batchSeq", .integer).notNull()
            t.primaryKey(["roundID", "digest"])
            t.foreignKey(["roundID", "batchSeq"], references: "batch", columns: ["roundID", "seq"])
        }
        try db.alter(table: "reject") { t in
            t.add(column: "code", .text).notNull().defaults(to: "")
        }
    }
}
