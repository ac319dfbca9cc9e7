internal import GRDB
import PhieuKinMessages

/// Table definitions. Secrecy shapes this schema:
/// - serials are stored only as SHA-256 hashes, issued and used ones in their own
///   WITHOUT ROWID tables (ordered by hash, so storage order says nothing about issue order),
///   and nothing links a serial hash to a ballot;
/// - a ballot leaf carries no time, file, line or source; only its batch;
/// - marks are stored only sealed (AES-256-GCM under a batch key that is itself sealed to the
///   round's tally key);
/// - remarks are kept apart from the counts, sealed to the round's tally key (docs/FORMAT.md,
///   "Results log").
///
/// `v1` is the schema as first written whole; later changes are new migrations (`v2`: the tally
/// minutes' date and committee; `v3-round-manifest`: the round manifest, issue 13;
/// `v4-electronic-boxes`: sealed boxes found by their ephemeral key, kiosk days without a time,
/// issue 19), never edits of an earlier one.
enum Schema {
    static func createV1(_ db: Database) throws {
        try db.create(table: "meta") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.create(table: "unit") { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
        }
        try db.create(table: "official") { t in
            t.primaryKey("id", .text)
            t.belongsTo("unit", onDelete: .restrict).notNull()
            t.column("fullName", .text).notNull()
            t.column("position", .text).notNull()
            t.column("rosterOrder", .integer).notNull()
            t.column("active", .boolean).notNull().defaults(to: true)
        }
        try db.create(table: "round") { t in
            t.primaryKey("id", .text)
            t.column("surveyID", .text).notNull()
            t.column("surveyVersion", .integer).notNull()
            /// The definition as it was when the round opened, so the tally is reproducible.
            t.column("surveyYAML", .text).notNull()
            t.belongsTo("unit", onDelete: .restrict).notNull()
            t.column("period", .text).notNull()
            t.column("channel", .text).notNull()
            t.column("state", .text).notNull()  // open, closed, tallied
            t.column("numbered", .boolean).notNull()
            t.column("ballotsPlanned", .integer).notNull()
            t.column("electorate", .integer)
            t.column("tallyPublicKey", .blob).notNull()
            t.column("committeeSize", .integer).notNull()
            t.column("committeeThreshold", .integer).notNull()
            t.column("layoutID", .text)
            t.column("openedOn", .text).notNull()  // a date (yyyy-MM-dd) for the round, never per ballot
            t.column("closedOn", .text)
            // A voided round keeps its reason (also signed into its log).
            t.column("voidReason", .text)
            t.column("voidedOn", .text)
            // Kiosk rounds' anti-stuffing settings (docs/WEB.md, "Kiosk").
            t.column("kioskMinIntervalSeconds", .integer).notNull().defaults(to: 20)
            t.column("kioskDailyCap", .integer).notNull().defaults(to: 500)
        }
        try db.create(index: "round_by_unit_survey_period", on: "round", columns: ["unitID", "surveyID", "period"])
        // The units a round covers (one row for a one-unit round); `round.unitID` is the first.
        try db.create(table: "roundUnit", options: .withoutRowID) { t in
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("unitID", .text).notNull().references("unit", onDelete: .restrict)
            t.column("position", .integer).notNull()
            t.primaryKey(["roundID", "unitID"])
        }
        try db.create(index: "roundUnit_by_unit", on: "roundUnit", columns: ["unitID"])
        try db.create(table: "roundOfficial") { t in
            t.belongsTo("round", onDelete: .cascade).notNull()
            t.column("officialID", .text).notNull().references("official", onDelete: .restrict)
            t.column("position", .integer).notNull()
            t.column("fullName", .text).notNull()
            t.column("title", .text).notNull()
            // The official's unit when the round opened, so a round over several units groups its
            // ballot and flags by unit.
            t.column("unitID", .text)
            t.primaryKey(["roundID", "officialID"])
        }
        // Hashes of issued serials; ordered by hash (WITHOUT ROWID), nothing about who got which.
        try db.create(table: "issuedSerial", options: .withoutRowID) { t in
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("hash", .blob).notNull()
            t.primaryKey(["roundID", "hash"])
        }
        // Hashes of serials seen on accepted ballots, stored apart from the ballots.
        try db.create(table: "usedSerial", options: .withoutRowID) { t in
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("hash", .blob).notNull()
            t.primaryKey(["roundID", "hash"])
        }
        // One row per import batch: its data key sealed to the round's tally key.
        try db.create(table: "batch") { t in
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("seq", .integer).notNull()
            t.column("sealedKey", .blob).notNull()
            t.primaryKey(["roundID", "seq"])
        }
        // The round's Merkle log: one leaf per accepted ballot, sealed.
        try db.create(table: "leaf", options: .withoutRowID) { t in
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("idx", .integer).notNull()
            t.column("batchSeq", .integer).notNull()
            t.column("data", .blob).notNull()
            t.primaryKey(["roundID", "idx"])
            t.foreignKey(["roundID", "batchSeq"], references: "batch", columns: ["roundID", "seq"])
        }
        // The log's Merkle frontier (docs/FORMAT.md, "Signed tree head"), saved with each head so
        // the next one costs O(batch + log n). Derived data: verify ignores it.
        try db.create(table: "ballotFrontier") { t in
            t.primaryKey("roundID", .text).references("round", onDelete: .cascade)
            t.column("frontier", .blob).notNull()
        }
        // Signed tree heads: after each import and at close.
        try db.create(table: "treeHead") { t in
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("seq", .integer).notNull()
            t.column("body", .blob).notNull()  // canonical JSON that was signed
            t.column("signature", .blob).notNull()
            t.primaryKey(["roundID", "seq"])
        }
        // Rejected ballots, sealed like accepted ones, kept for tellers to resolve.
        try db.create(table: "reject") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("batchSeq", .integer).notNull()
            t.column("sealed", .blob)  // cleared once resolved
            t.column("reason", .text).notNull()
            t.column("source", .text)  // file:line, for finding the paper; cleared once resolved
            t.column("status", .text).notNull()  // pending, accepted, discarded
            t.column("decisionReason", .text)
            t.column("code", .text).notNull().defaults(to: "")  // ImportRejectCode raw value
            t.foreignKey(["roundID", "batchSeq"], references: "batch", columns: ["roundID", "seq"])
        }
        // Which files each batch came from (their SHA-256), so a byte-identical file is not
        // imported twice into an unnumbered round.
        try db.create(table: "batchFile", options: .withoutRowID) { t in
            t.column("roundID", .text).notNull()
            t.column("digest", .blob).notNull()
            t.column("batchSeq", .integer).notNull()
            t.primaryKey(["roundID", "digest"])
            t.foreignKey(["roundID", "batchSeq"], references: "batch", columns: ["roundID", "seq"])
        }
        // Electronic ballots accepted and waiting to be appended to the log, keyed by 16 random
        // bytes (WITHOUT ROWID, no sequence, no time): the table keeps no arrival order.
        try db.create(table: "inbox", options: .withoutRowID) { t in
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("key", .blob).notNull()
            t.column("box", .blob).notNull()
            t.primaryKey(["roundID", "key"])
        }
        // Kiosks of a round: enrolled once with a one-time token; both tokens stored only hashed.
        try db.create(table: "kiosk") { t in
            t.primaryKey("id", .text)  // random, shown to staff beside the desk name
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("desk", .text).notNull()
            t.column("enrolHash", .blob).notNull().unique()
            t.column("tokenHash", .blob).unique()
        }
        // Per kiosk and day: ratings accepted and the time of the day's first one (the rate rule),
        // never a time per rating.
        try db.create(table: "kioskDay", options: .withoutRowID) { t in
            t.column("kioskID", .text).notNull().references("kiosk", onDelete: .cascade)
            t.column("day", .text).notNull()
            t.column("count", .integer).notNull()
            t.column("firstAt", .double).notNull()
            t.primaryKey(["kioskID", "day"])
        }
        // Hashes of the random ids kiosks gave their ratings, so a resend is counted once.
        try db.create(table: "kioskSubmission", options: .withoutRowID) { t in
            t.column("kioskID", .text).notNull().references("kiosk", onDelete: .cascade)
            t.column("hash", .blob).notNull()
            t.primaryKey(["kioskID", "hash"])
        }
        // Tally output: the committed result of a round, and its flags.
        try db.create(table: "result") { t in
            t.primaryKey("roundID", .text).references("round", onDelete: .cascade)
            t.column("body", .blob).notNull()  // canonical JSON of the RoundResult
            t.column("logIndex", .integer).notNull()
        }
        try db.create(table: "flag") { t in
            t.column("roundID", .text).notNull().references("round", onDelete: .cascade)
            t.column("officialID", .text).notNull()
            t.column("criterionID", .text).notNull()
            t.column("status", .text).notNull()
            t.column("body", .blob).notNull()  // canonical JSON of the Flag
            t.primaryKey(["roundID", "officialID", "criterionID"])
        }
        // A round's remarks, apart from its counts and sealed to its tally key: no remark text is
        // ever stored in the clear.
        try db.create(table: "resultRemarks") { t in
            t.primaryKey("roundID", .text).references("round", onDelete: .cascade)
            t.column("sealed", .blob).notNull()
        }
        // The agency's results log (same Merkle machinery as ballots).
        try db.create(table: "resultLeaf", options: .withoutRowID) { t in
            t.primaryKey("idx", .integer)
            t.column("data", .blob).notNull()
        }
        try db.create(table: "resultTreeHead") { t in
            t.primaryKey("seq", .integer)
            t.column("body", .blob).notNull()
            t.column("signature", .blob).notNull()
        }
    }

    /// v2: what the tally minutes need besides the result — the day the round was counted and
    /// its counting committee (names and roles, in the order given). Not secret: the members sign
    /// the minutes by name. Rounds tallied before v2 have no row; their minutes leave the
    /// committee lines blank for hand filling.
    static func createV2(_ db: Database) throws {
        try db.create(table: "tallyMinutes") { t in
            t.primaryKey("roundID", .text).references("round", onDelete: .cascade)
            t.column("talliedOn", .text).notNull()
        }
        try db.create(table: "tallyMember") { t in
            t.column("roundID", .text).notNull().references("tallyMinutes", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("role", .text).notNull()
            t.primaryKey(["roundID", "position"])
        }
    }

    /// `v3-round-manifest`: each round's manifest (docs/FORMAT.md, "Round manifest"), the
    /// canonical JSON of every fact that defines it, made at open. NULL for rounds opened before.
    static func addRoundManifest(_ db: Database) throws {
        try db.alter(table: "round") { t in
            t.add(column: "manifest", .blob)
        }
    }

    /// `v4-electronic-boxes` (issue 19):
    /// - two expression indexes, so a sealed box already waiting in an inbox or appended to a log
    ///   is found by its ephemeral public key (bytes 1…32 of the box; bytes 5…36 of an electronic
    ///   leaf `FF FF FF FF ‖ box`) — nothing new is stored, only what is stored made searchable;
    /// - `kioskDay.firstAt` dropped: it was the exact time of a desk's first rating of the day
    ///   (with `secure_delete`, so the freed pages do not keep it).
    static func electronicBoxes(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX inbox_by_ephemeral ON inbox(substr(box, 2, 32))")
        try db.execute(
            sql: "CREATE INDEX leaf_by_ephemeral ON leaf(substr(data, 6, 32)) WHERE substr(data, 1, 4) = x'FFFFFFFF'")
        let secureDelete = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
        try db.execute(sql: "PRAGMA secure_delete = ON")
        try db.execute(sql: "ALTER TABLE kioskDay DROP COLUMN firstAt")
        try db.execute(sql: "PRAGMA secure_delete = \(secureDelete == 0 ? "OFF" : "ON")")
    }
}
