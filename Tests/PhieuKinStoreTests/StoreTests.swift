import Foundation
import PhieuKinCore
import PhieuKinStorage
import PhieuKinStore
import PhieuKinTestSupport
import Testing

/// A fresh database file in a temporary directory (real SQLite, never in-memory: WAL needs a file).
func temporaryStore() throws -> Store {
    let dir = try TemporaryFiles.directory("store")
    return try Store(creatingAt: dir.appendingPathComponent("phieukin.sqlite").path)
}

@Suite("Store")
struct StoreTests {
    @Test func walAndForeignKeysAreOn() throws {
        let store = try temporaryStore()
        #expect(try store.testingQuery("PRAGMA journal_mode") == ["wal"])
        #expect(try store.testingQuery("PRAGMA foreign_keys") == ["1"])
    }

    @Test func serialTablesAreOrderedByHashNotByInsertion() throws {
        let store = try temporaryStore()
        let sql = try store.testingQuery("SELECT sql FROM sqlite_master WHERE name IN ('issuedSerial', 'usedSerial')")
        #expect(sql.count == 2)
        #expect(sql.allSatisfy { $0?.contains("WITHOUT ROWID") == true })
    }

    /// GRDB would store a Codable `[UInt8]` as JSON text; bytes must land as real BLOBs.
    @Test func bytesAreStoredAsBlobs() throws {
        let store = try temporaryStore()
        _ = try store.applyRoster(
            units: [Unit(id: "U", name: "Đơn vị")],
            officials: [Official(id: "A", unitID: "U", fullName: "Nguyễn Văn An", position: "Văn thư", order: 1)])
        let round = Round(
            id: "R", surveyID: "quarterly-7", surveyVersion: 1, surveyYAML: "id: quarterly-7", unitID: "U",
            period: "2026-Q3", channel: "staff", state: .open, numbered: true, ballotsPlanned: 1, electorate: nil,
            tallyPublicKey: Array(repeating: 7, count: 32), committeeSize: 1, committeeThreshold: 1, layoutID: nil,
            openedOn: "2026-11-22", closedOn: nil)
        try store.insertRound(round, units: [round.unitID], officials: [])
        try store.insertIssuedSerialHashes(roundID: "R", hashes: [Array(repeating: 9, count: 32)], layoutID: nil)
        let types =
            try store.testingQuery("SELECT typeof(tallyPublicKey) FROM round")
            + store.testingQuery("SELECT typeof(hash) FROM issuedSerial")
        #expect(types == ["blob", "blob"])
        #expect(try store.round(id: "R").tallyPublicKey == Array(repeating: 7, count: 32))

        // Every other byte column, written through the API.
        try store.withBallotLog(roundID: "R") { log in
            try log.insertBatch(seq: 1, sealedKey: [1, 2])
            try log.appendLeaf(idx: 0, batchSeq: 1, data: [3])
            try log.insertUsedSerial(SerialHash(hash: Array(repeating: 9, count: 32))!)
            try log.recordFile(digest: Array(repeating: 4, count: 32), batchSeq: 1)
            try log.insertReject(
                StoredReject(
                    roundID: "R", batchSeq: 1, sealed: [5], code: "x", reason: "x", source: nil, status: .pending))
            try log.insertTreeHead(StoredTreeHead(roundID: "R", seq: 1, body: [6], signature: [7]))
            try log.saveFrontier([8])
            try log.setState(.closed, closedOn: "2026-11-30")
        }
        try store.commitTally(
            TallyCommit(
                roundID: "R", resultBody: [9],
                flags: [StoredFlag(roundID: "R", officialID: "A", criterionID: "c", status: "new", body: [10])],
                sealedRemarks: [11], leaf: [12])
        ) { _, _, seq in StoredResultsHead(seq: seq, body: [13], signature: [14]) }
        for (table, column) in [
            ("usedSerial", "hash"), ("batch", "sealedKey"), ("leaf", "data"), ("batchFile", "digest"),
            ("reject", "sealed"), ("treeHead", "body"), ("treeHead", "signature"), ("ballotFrontier", "frontier"),
            ("result", "body"), ("flag", "body"), ("resultRemarks", "sealed"), ("resultLeaf", "data"),
            ("resultTreeHead", "body"), ("resultTreeHead", "signature"),
        ] {
            #expect(
                try store.testingQuery("SELECT DISTINCT typeof(\(column)) FROM \(table)") == ["blob"],
                "\(table).\(column)")
        }
    }

    /// `v1` writes the schema whole; `v2` adds the tally minutes' date and committee;
    /// `v3-round-manifest` the round manifest column (issue 13); `v4-electronic-boxes` the indexes
    /// that find a sealed box by its ephemeral key, and kiosk days without a time (issue 19).
    @Test func migrationsWriteTheWholeSchema() throws {
        let store = try temporaryStore()
        #expect(
            try store.testingQuery("SELECT name FROM pragma_table_info('round') WHERE name = 'manifest'") == [
                "manifest"
            ])
        #expect(
            try store.testingQuery("SELECT identifier FROM grdb_migrations ORDER BY identifier") == [
                "v1", "v2-tally-minutes", "v3-round-manifest", "v4-electronic-boxes", "v5-issued-serial-by-hash",
            ])
        #expect(
            try store.testingQuery("SELECT name FROM pragma_table_info('kioskDay') ORDER BY cid") == [
                "kioskID", "day", "count",
            ])
        #expect(
            try store.testingQuery(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%by_ephemeral' ORDER BY name")
                == ["inbox_by_ephemeral", "leaf_by_ephemeral"])
        #expect(
            try store.testingQuery(
                "SELECT name FROM pragma_index_list('issuedSerial') WHERE name = 'issuedSerialByHash'")
                == ["issuedSerialByHash"])
        let tables = try store.testingQuery(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'grdb_migrations' ORDER BY name"
        )
        #expect(
            tables == [
                "ballotFrontier", "batch", "batchFile", "flag", "inbox", "issuedSerial", "kiosk", "kioskDay",
                "kioskSubmission", "leaf", "meta", "official", "reject",
                "result", "resultLeaf", "resultRemarks", "resultTreeHead", "round", "roundOfficial", "roundUnit",
                "tallyMember", "tallyMinutes", "treeHead", "unit", "usedSerial",
            ])
    }

    @Test func rosterReimportUpdatesInPlaceAndDeactivates() throws {
        let store = try temporaryStore()
        let unit = Unit(id: "VP", name: "Văn phòng")
        let a = Official(id: "A", unitID: "VP", fullName: "Nguyễn Văn An", position: "Chánh Văn phòng", order: 1)
        let b = Official(id: "B", unitID: "VP", fullName: "Trần Thị Bình", position: "Văn thư", order: 2)
        let first = try store.applyRoster(units: [unit], officials: [a, b])
        #expect(first.unitsAdded == 1 && first.officialsAdded == 2)

        var renamed = a
        renamed.position = "Phó Chánh Văn phòng"
        let second = try store.applyRoster(units: [unit], officials: [renamed])
        #expect(second.officialsUpdated == 1)
        #expect(second.officialsDeactivated == 1)

        let active = try store.officials(unitID: "VP")
        #expect(active.map(\.id) == ["A"])
        #expect(active.first?.position == "Phó Chánh Văn phòng")
        let all = try store.officials(unitID: "VP", includeInactive: true)
        #expect(all.map(\.id) == ["A", "B"])
        #expect(all.last?.active == false)

        // Coming back makes the official active again.
        let third = try store.applyRoster(units: [unit], officials: [renamed, b])
        #expect(third.officialsUpdated == 1 && third.officialsDeactivated == 0)
        #expect(try store.officials(unitID: "VP").count == 2)
    }

    @Test func unknownRoundIsANamedError() throws {
        let store = try temporaryStore()
        #expect(throws: StoreError.self) { try store.round(id: "nope") }
        do {
            _ = try store.round(id: "nope")
        } catch let error as StoreError {
            #expect(error.kind == .notFound)
            #expect(error.reason.contains("round nope not found"))
            #expect(error.nextSteps == [.listRounds])
        }
    }
}

@Suite("Store shared with other processes")
struct StoreSharingTests {
    /// A later server and the CLI may share one workspace: an open Store must see what another
    /// process committed (WAL readers start a new snapshot per read), and a second Store on the
    /// same file must open beside the first.
    @Test func seesWritesCommittedByAnotherProcess() throws {
        let store = try temporaryStore()
        try store.setMeta("agency", "before")
        #expect(try store.meta("agency") == "before")
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.execute("UPDATE meta SET value = 'after' WHERE key = 'agency'")
            c.commit()
            """
        let python = try ExternalTool.run("/usr/bin/python3", ["-c", script, store.path])
        #expect(python.status == 0, "\(python.stderr)")
        #expect(try store.meta("agency") == "after")
        let second = try Store(openingExisting: store.path)
        #expect(try second.meta("agency") == "after")
        try second.setMeta("agency", "third")
        #expect(try store.meta("agency") == "third")
    }

    /// SQLITE_FULL (here from SQLite's own page limit, as a full disk gives it) is reported as a
    /// full disk, without the wrong "is the workspace writable" hint, and nothing is kept.
    @Test func aFullDiskIsSaidPlainly() throws {
        let store = try temporaryStore()
        try store.setMeta("agency", "UBND")
        let pages = Int(try store.testingQuery("PRAGMA page_count").first.flatMap { $0 } ?? "") ?? 0
        try store.testingExecute("PRAGMA max_page_count = \(pages + 1)")
        let error = #expect(throws: StoreError.self) {
            try store.setMeta("big", String(repeating: "x", count: 200_000))
        }
        #expect(error?.kind == .diskFull)
        #expect(error?.reason.hasPrefix("the disk is full") == true, "\(error?.reason ?? "")")
        #expect(error?.reason.contains("writable") == false)
        #expect(try store.meta("big") == nil)
        #expect(try store.meta("agency") == "UBND")
    }

    /// A second Store that holds the write transaction does not keep the first from reading; a
    /// write that waits past the busy timeout says another command is writing.
    @Test func readsGoOnWhileAnotherStoreWrites() throws {
        let store = try temporaryStore()
        try store.setMeta("agency", "UBND")
        let other = try Store(openingExisting: store.path)
        let (value, elapsed) = try other.testingHoldingWriteLock { () throws -> (String?, Double) in
            let start = Date()
            let value = try store.meta("agency")
            return (value, Date().timeIntervalSince(start))
        }
        #expect(value == "UBND" && elapsed < 2)
    }

    /// A store opened read-only reads, and refuses to write with a message saying why.
    @Test func readOnlyStoreReadsAndRefusesWrites() throws {
        let store = try temporaryStore()
        try store.setMeta("agency", "UBND")
        let readOnly = try Store(openingExisting: store.path, readOnly: true)
        #expect(readOnly.isReadOnly)
        #expect(try readOnly.meta("agency") == "UBND")
        let error = #expect(throws: StoreError.self) { try readOnly.setMeta("agency", "changed") }
        #expect(error?.kind == .readOnly)
        #expect(error?.reason.contains("is read-only here") == true)
    }
}
