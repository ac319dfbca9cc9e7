import Foundation
import PhieuKinCore
package import PhieuKinStorage

/// Makes a fresh, empty workspace storage (its schema written, nothing else) for one check.
package typealias StorageFactory = () throws -> any WorkspaceStorage

/// The storage conformance suite: one set of checks that every `WorkspaceStorage`
/// implementation must pass, as fluent-kit's `FluentBenchmark` is for its drivers. It uses only
/// the protocol (no SQL, no implementation types), so SQLite today and PostgreSQL later run the
/// very same checks:
///
///     @Test(arguments: StorageConformance.checks)
///     func conforms(_ check: StorageConformance.Check) throws {
///         try check.run { try makeMyStorage() }
///     }
///
/// A check throws `StorageConformance.Failure` (saying what was expected) on its first miss.
package enum StorageConformance {
    package struct Check: Sendable, CustomStringConvertible {
        package let name: String
        let body: @Sendable (StorageFactory) throws -> Void
        package var description: String { name }
        package func run(_ factory: StorageFactory) throws { try body(factory) }
    }

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// Every check, in a stable order.
    package static let checks: [Check] = [
        Check(name: "meta: read your writes", body: metaReadYourWrites),
        Check(name: "roster: apply, update in place, deactivate, list officials", body: rosterLifecycle),
        Check(name: "rounds: insert, look up, list by unit and survey", body: roundsInsertAndList),
        Check(name: "rounds: one live round per survey, unit, period and channel", body: roundsUniqueness),
        Check(name: "serials: issued and used hashes", body: issuedAndUsedSerials),
        Check(name: "rounds: the manifest is stored with the round, byte for byte", body: roundManifest),
        Check(name: "ballot log: batch, leaves, used serials, files and head commit together", body: ballotLogAppend),
        Check(name: "ballot log: a thrown error leaves nothing", body: ballotLogAllOrNothing),
        Check(name: "rejects: insert, list, decide", body: rejectsLifecycle),
        Check(name: "results: commit, results log, refusal of a round not closed", body: resultsCommit),
        Check(name: "results: a failed head signature commits nothing", body: resultsAllOrNothing),
        Check(name: "voids: open and tallied rounds", body: voids),
        Check(name: "reads: a reader proceeds during a write and sees the last commit", body: readerDuringWrite),
        Check(name: "writes: concurrent ballot-log writers take turns, nothing lost", body: concurrentWriters),
    ]

    // MARK: Fixtures

    static let unitA = Unit(id: "VP", name: "Văn phòng")
    static let unitB = Unit(id: "TC", name: "Phòng Tài chính")
    static let officials = [
        Official(id: "A", unitID: "VP", fullName: "Nguyễn Văn An", position: "Chánh Văn phòng", order: 1),
        Official(id: "B", unitID: "VP", fullName: "Trần Thị Bình", position: "Văn thư", order: 2),
        Official(id: "C", unitID: "TC", fullName: "Lê Văn Cường", position: "Trưởng phòng", order: 1),
    ]

    static func round(
        _ id: RoundID, unit: UnitID = "VP", survey: SurveyID = "quarterly-7", period: String = "2026-Q3",
        channel: String = "staff", numbered: Bool = true
    ) -> Round {
        Round(
            id: id, surveyID: survey, surveyVersion: 1, surveyYAML: "id: \(survey)\n", unitID: unit, period: period,
            channel: channel, state: .open, numbered: numbered, ballotsPlanned: 10, electorate: 12,
            tallyPublicKey: Array(repeating: 7, count: 32), committeeSize: 1, committeeThreshold: 1, layoutID: nil,
            openedOn: "2026-11-22", closedOn: nil)
    }

    static func frozen(_ roundID: RoundID, _ official: Official, _ position: Int) -> RoundOfficial {
        RoundOfficial(
            roundID: roundID, officialID: official.id, position: position, fullName: official.fullName,
            title: official.position, unitID: official.unitID)
    }

    /// A storage with the roster and one open round `R` over unit VP (officials A and B).
    static func seeded(_ factory: StorageFactory) throws -> any WorkspaceStorage {
        let storage = try factory()
        _ = try storage.applyRoster(units: [unitA, unitB], officials: officials)
        try storage.insertRound(
            round("R"), units: ["VP"], officials: [frozen("R", officials[0], 1), frozen("R", officials[1], 2)])
        return storage
    }

    static func hash(_ byte: UInt8) -> SerialHash { SerialHash(hash: Array(repeating: byte, count: 32))! }

    struct Planned: Error {}

    // MARK: Expectations

    static func expect(
        _ condition: Bool, _ message: @autoclosure () -> String, fileID: String = #fileID, line: Int = #line
    ) throws {
        if !condition { throw Failure(description: "\(fileID):\(line): \(message())") }
    }

    static func expectEqual<T: Equatable>(
        _ actual: T, _ expected: T, _ what: String, fileID: String = #fileID, line: Int = #line
    ) throws {
        try expect(actual == expected, "\(what): expected \(expected), got \(actual)", fileID: fileID, line: line)
    }

    /// Runs `body`, which must throw an `E`; returns it.
    @discardableResult
    static func expectThrows<E: Error>(
        _ type: E.Type, _ what: String, fileID: String = #fileID, line: Int = #line, _ body: () throws -> Void
    ) throws -> E {
        do {
            try body()
        } catch let error as E {
            return error
        } catch {
            throw Failure(description: "\(fileID):\(line): \(what): expected \(E.self), got \(error)")
        }
        throw Failure(description: "\(fileID):\(line): \(what): expected \(E.self), nothing was thrown")
    }

    // MARK: Checks

    static func metaReadYourWrites(_ factory: StorageFactory) throws {
        let storage = try factory()
        try expectEqual(try storage.meta("agency"), nil, "unset key")
        try storage.setMeta("agency", "UBND xã")
        try expectEqual(try storage.meta("agency"), "UBND xã", "after set")
        try storage.setMeta("agency", "UBND phường")
        try expectEqual(try storage.meta("agency"), "UBND phường", "after overwrite")
    }

    static func rosterLifecycle(_ factory: StorageFactory) throws {
        let storage = try factory()
        let first = try storage.applyRoster(units: [unitA, unitB], officials: officials)
        try expectEqual(first.unitsAdded, 2, "units added")
        try expectEqual(first.officialsAdded, 3, "officials added")
        try expectEqual(try storage.units().map(\.id), ["TC", "VP"], "units by id")
        try expectEqual(try storage.unit(id: "VP"), unitA, "unit VP")
        try expectEqual(try storage.unit(id: "nope"), nil, "unknown unit")
        try expectEqual(try storage.officials().map(\.id), ["C", "A", "B"], "officials by unit then order")

        var renamed = officials[0]
        renamed.position = "Phó Chánh Văn phòng"
        let renamedUnit = Unit(id: "VP", name: "Văn phòng UBND")
        let second = try storage.applyRoster(units: [renamedUnit], officials: [renamed])
        try expectEqual(second.unitsUpdated, 1, "units updated")
        try expectEqual(second.officialsUpdated, 1, "officials updated")
        try expectEqual(second.officialsDeactivated, 1, "officials deactivated (B left the file)")
        try expectEqual(try storage.unit(id: "VP")?.name, "Văn phòng UBND", "renamed unit")
        try expectEqual(try storage.officials(unitID: "VP").map(\.id), ["A"], "active officials of VP")
        try expectEqual(try storage.officials(unitID: "VP").first?.position, "Phó Chánh Văn phòng", "updated title")
        let all = try storage.officials(unitID: "VP", includeInactive: true)
        try expectEqual(all.map(\.id), ["A", "B"], "all officials of VP")
        try expectEqual(all.map(\.active), [true, false], "B inactive, kept")
        try expectEqual(try storage.officials(unitID: "TC").map(\.id), ["C"], "TC untouched")

        let third = try storage.applyRoster(units: [renamedUnit], officials: [renamed, officials[1]])
        try expectEqual(third.officialsUpdated, 1, "B comes back as an update")
        try expectEqual(third.officialsDeactivated, 0, "nobody deactivated")
        try expectEqual(try storage.officials(unitID: "VP").count, 2, "both active again")
        let unchanged = try storage.applyRoster(units: [renamedUnit], officials: [renamed, officials[1]])
        try expectEqual(unchanged, RosterChanges(), "re-applying the same roster changes nothing")
    }

    static func roundsInsertAndList(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        try expectEqual(try storage.round(id: "R"), round("R"), "round read back field by field")
        try expectEqual(try storage.roundUnits(roundID: "R"), ["VP"], "units of R")
        try expectEqual(
            try storage.roundOfficials(roundID: "R"), [frozen("R", officials[0], 1), frozen("R", officials[1], 2)],
            "frozen officials in printed order")
        let unknown = try expectThrows(StoreError.self, "unknown round") { _ = try storage.round(id: "nope") }
        try expectEqual(unknown.kind, .notFound, "unknown round's kind")
        let unknownInLog = try expectThrows(StoreError.self, "unknown round in a ballot-log write") {
            try storage.withBallotLog(roundID: "nope") { log in _ = try log.round() }
        }
        try expectEqual(unknownInLog.kind, .notFound, "unknown round's kind in a ballot-log write")
        let unknownSnapshot = try expectThrows(StoreError.self, "snapshot of an unknown round") {
            _ = try storage.ballotLogSnapshot(roundID: "nope")
        }
        try expectEqual(unknownSnapshot.kind, .notFound, "unknown round's kind in a snapshot")

        var both = round("S", period: "2026-Q4")
        both.unitID = "TC"
        try storage.insertRound(
            both, units: ["TC", "VP"], officials: [frozen("S", officials[2], 1), frozen("S", officials[0], 2)])
        try expectEqual(try storage.roundUnits(roundID: "S"), ["TC", "VP"], "units in the order given")
        try expectEqual(
            try storage.roundOfficials(roundID: "S").map(\.unitID), ["TC", "VP"], "each official's unit kept")
        try storage.insertRound(round("T", survey: "yearly", period: "2026"), units: ["VP"], officials: [])
        try expectEqual(try storage.rounds().map(\.id), ["T", "R", "S"], "all rounds by period, unit, survey, id")
        try expectEqual(try storage.rounds(unitID: "VP").map(\.id), ["T", "R", "S"], "rounds covering VP")
        try expectEqual(try storage.rounds(unitID: "TC").map(\.id), ["S"], "rounds covering TC")
        try expectEqual(try storage.rounds(surveyID: "yearly").map(\.id), ["T"], "rounds of a survey")
        try expectEqual(try storage.rounds(unitID: "TC", surveyID: "yearly").map(\.id), [], "both filters")
    }

    static func roundsUniqueness(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        let live = try storage.liveRound(surveyID: "quarterly-7", period: "2026-Q3", channel: "staff", units: ["VP"])
        try expectEqual(live?.round.id, "R", "live round found")
        try expectEqual(live?.unitID, "VP", "live round's unit")

        let conflict = try expectThrows(RoundConflict.self, "second round for VP, same period") {
            try storage.insertRound(round("R2", unit: "TC"), units: ["TC", "VP"], officials: [])
        }
        try expectEqual(conflict.existing.id, "R", "conflict names the existing round")
        try expectEqual(conflict.unitID, "VP", "conflict names the shared unit")
        try expectEqual(try storage.rounds().map(\.id), ["R"], "nothing written on conflict")
        try expectEqual(try storage.roundUnits(roundID: "R2"), [], "no units written on conflict")

        let duplicate = try expectThrows(StoreError.self, "same id again") {
            try storage.insertRound(round("R", period: "2027-Q1"), units: ["VP"], officials: [])
        }
        try expectEqual(duplicate.kind, .conflict, "a taken id is a conflict")

        try storage.insertRound(round("P", channel: "public"), units: ["VP"], officials: [])
        try storage.insertRound(round("Q", unit: "TC"), units: ["TC"], officials: [])
        try storage.withBallotLog(roundID: "R") { log in try log.setVoided(reason: "in sai", on: "2026-11-23") }
        try expectEqual(
            try storage.liveRound(surveyID: "quarterly-7", period: "2026-Q3", channel: "staff", units: ["VP"])?.round
                .id, nil, "a voided round is not live")
        try storage.insertRound(round("R3"), units: ["VP"], officials: [])
        try expectEqual(try storage.round(id: "R3").state, .open, "a voided round frees its period")
    }

    static func issuedAndUsedSerials(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        try expectEqual(try storage.issuedSerialCount(roundID: "R"), 0, "none issued yet")
        try storage.insertIssuedSerialHashes(
            roundID: "R", hashes: [hash(3), hash(1), hash(2)].map(\.bytes), layoutID: "a4-v1")
        try expectEqual(try storage.issuedSerialCount(roundID: "R"), 3, "issued count")
        try expectEqual(try storage.round(id: "R").layoutID, "a4-v1", "layout recorded")
        try storage.insertIssuedSerialHashes(roundID: "R", hashes: [hash(4).bytes], layoutID: nil)
        try expectEqual(try storage.round(id: "R").layoutID, "a4-v1", "layout kept when none is given")
        try storage.withBallotLog(roundID: "R") { log in
            try expectEqual(try log.issuedSerialHashes(), [hash(1), hash(2), hash(3), hash(4)], "issued hashes")
            try expectEqual(try log.usedSerialHashes(), [], "none used yet")
            try expect(try log.isIssued(hash(3)) && !log.isIssued(hash(7)), "issued lookups")
            try expect(try !log.isUsed(hash(2)), "not used yet")
            try log.insertUsedSerial(hash(2))
            try expectEqual(try log.usedSerialHashes(), [hash(2)], "used, read inside the write")
            try expect(try log.isUsed(hash(2)) && !log.isUsed(hash(3)), "used lookups, inside the write")
        }
        try storage.withBallotLog(roundID: "R") { log in
            try expectEqual(try log.usedSerialHashes(), [hash(2)], "used, after commit")
            try expectThrows(Error.self, "a serial used twice") { try log.insertUsedSerial(hash(2)) }
        }
        let snapshot = try storage.ballotLogSnapshot(roundID: "R")
        try expectEqual(snapshot.issuedCount, 4, "snapshot issued count")
        try expectEqual(snapshot.usedCount, 1, "snapshot used count")
        try expectEqual(snapshot.usedNotIssuedCount, 0, "used serials all issued")
        try expectEqual(snapshot.issuedHashes, [hash(1), hash(2), hash(3), hash(4)], "snapshot issued hashes, sorted")
        try expectEqual(snapshot.usedHashes, [hash(2)], "snapshot used hashes")
        try storage.withBallotLog(roundID: "R") { log in try log.insertUsedSerial(hash(9)) }
        try expectEqual(
            try storage.ballotLogSnapshot(roundID: "R").usedNotIssuedCount, 1, "a used serial never issued is counted")
    }

    /// Issue 13: the round manifest is stored with the round, byte for byte, and the snapshot
    /// carries what `verify` rebuilds it from (units and officials in ballot order).
    static func roundManifest(_ factory: StorageFactory) throws {
        let storage = try factory()
        _ = try storage.applyRoster(units: [unitA, unitB], officials: officials)
        var withManifest = round("M", unit: "TC")
        let bytes = Array("{\"format\":\"phieukin-round-manifest-v1\",\"name\":\"Nguyễn\"}".utf8) + [0, 0xFF]
        withManifest.manifest = bytes
        try storage.insertRound(
            withManifest, units: ["TC", "VP"],
            officials: [frozen("M", officials[2], 1), frozen("M", officials[0], 2), frozen("M", officials[1], 3)])
        try storage.insertRound(round("N", period: "2026-Q4"), units: ["VP"], officials: [])
        try expectEqual(try storage.round(id: "M").manifest, bytes, "manifest read back byte for byte")
        try expectEqual(try storage.round(id: "N").manifest, nil, "a round without a manifest")
        try expectEqual(try storage.rounds().first { $0.id == "M" }?.manifest, bytes, "manifest in the round list")
        try storage.withBallotLog(roundID: "M") { log in
            try expectEqual(try log.round().manifest, bytes, "manifest inside a ballot-log write")
            try log.setState(.closed, closedOn: "2026-11-23")
        }
        let snapshot = try storage.ballotLogSnapshot(roundID: "M")
        try expectEqual(snapshot.round.manifest, bytes, "manifest kept when the state changes")
        try expectEqual(snapshot.units, ["TC", "VP"], "snapshot units in ballot order")
        try expectEqual(snapshot.officials.map(\.officialID), ["C", "A", "B"], "snapshot officials in ballot order")
        try expectEqual(snapshot.officials.map(\.unitID), ["TC", "VP", "VP"], "snapshot officials' units")
    }

    static func ballotLogAppend(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        let head1 = StoredTreeHead(roundID: "R", seq: 1, body: Array("head 1".utf8), signature: [1, 2, 3])
        let seq = try storage.withBallotLog(roundID: "R") { log -> Int in
            try expectEqual(log.roundID, "R", "log's round")
            try expectEqual(try log.round().id, "R", "round inside the write")
            try expectEqual(try log.lastTreeHead(), nil, "no head yet")
            let seq = try log.nextBatchSeq()
            try expectEqual(seq, 1, "first batch")
            try log.insertBatch(seq: seq, sealedKey: [9, 9])
            try expectEqual(try log.leafCount(), 0, "empty log")
            try log.appendLeaf(idx: 0, batchSeq: seq, data: [0xA0])
            let bytes: [UInt8] = [0xB0, 0xB1, 0xC0]
            try bytes.withUnsafeBytes { buffer in
                try log.appendLeaf(idx: 1, batchSeq: seq, data: UnsafeRawBufferPointer(rebasing: buffer[0..<2]))
            }
            try expectEqual(try log.leafCount(), 2, "leaves appended, read inside the write")
            try log.insertUsedSerial(hash(5))
            try log.recordFile(digest: Array(repeating: 0xF1, count: 32), batchSeq: seq)
            try expectEqual(try log.frontier(), nil, "no frontier yet")
            try log.saveFrontier([0xF0, 1])
            try log.insertTreeHead(head1)
            try expectEqual(try log.lastTreeHead(), head1, "head read inside the write")
            return seq
        }
        let snapshot = try storage.ballotLogSnapshot(roundID: "R")
        try expectEqual(
            snapshot.leaves,
            [
                StoredLeaf(roundID: "R", idx: 0, batchSeq: seq, data: [0xA0]),
                StoredLeaf(roundID: "R", idx: 1, batchSeq: seq, data: [0xB0, 0xB1]),
            ], "leaves in log order, bytes exact")
        try expectEqual(snapshot.batches, [StoredBatch(roundID: "R", seq: 1, sealedKey: [9, 9])], "batch")
        try expectEqual(snapshot.treeHeads, [head1], "signed head, bytes exact")
        try expectEqual(snapshot.usedCount, 1, "used serial")
        try expectEqual(snapshot.round.id, "R", "snapshot's round")
        let forTally = try storage.ballotLogForTally(roundID: "R")
        try expectEqual(forTally.leaves, [[0xA0], [0xB0, 0xB1]], "tally leaves")
        try expectEqual(forTally.batches, snapshot.batches, "tally batches")
        try expectEqual(forTally.treeHeads, [head1], "tally heads")

        let head2 = StoredTreeHead(roundID: "R", seq: 2, body: Array("head 2".utf8), signature: [4])
        try storage.withBallotLog(roundID: "R") { log in
            try expectEqual(try log.nextBatchSeq(), 2, "next batch")
            try expectEqual(
                try log.batchForFile(digest: Array(repeating: 0xF1, count: 32)), 1, "file digest remembered")
            try expectEqual(try log.batchForFile(digest: Array(repeating: 0xF2, count: 32)), nil, "unknown file")
            try expectEqual(try log.batches(), snapshot.batches, "batches read inside the write")
            try log.insertBatch(seq: 2, sealedKey: [8])
            try expectEqual(
                try log.batches().map(\.seq), [1, 2], "batches by seq, the new one seen inside the write")
            try log.appendLeaf(idx: 2, batchSeq: 2, data: [0xD0])
            var seen: [[UInt8]] = []
            try log.forEachLeaf(from: 1) { seen.append($0) }
            try expectEqual(seen, [[0xB0, 0xB1], [0xD0]], "the leaves from index 1 on")
            seen = []
            try log.forEachLeaf { seen.append($0) }
            try expectEqual(seen.count, 3, "every leaf, including this write's")
            try log.insertTreeHead(head2)
            try expectEqual(try log.lastTreeHead()?.seq, 2, "last head")
            try expectEqual(try log.frontier(), [0xF0, 1], "frontier saved with the first head")
            try log.saveFrontier([0xF0, 2])
            try expectEqual(try log.frontier(), [0xF0, 2], "frontier replaced, read inside the write")
            try log.setState(.closed, closedOn: "2026-11-30")
        }
        try storage.withBallotLog(roundID: "R") { log in
            try expectEqual(try log.frontier(), [0xF0, 2], "frontier committed")
            try expectEqual(try log.leafCount(), 3, "leaf count after commit")
        }
        let closed = try storage.round(id: "R")
        try expectEqual(closed.state, .closed, "closed")
        try expectEqual(closed.closedOn, "2026-11-30", "closing date")
        try expectEqual(try storage.ballotLogSnapshot(roundID: "R").treeHeads.map(\.seq), [1, 2], "heads in order")
    }

    static func ballotLogAllOrNothing(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        try storage.insertIssuedSerialHashes(roundID: "R", hashes: [hash(1).bytes], layoutID: nil)
        let before = try storage.ballotLogSnapshot(roundID: "R")
        try expectThrows(Planned.self, "the body's own error comes out") {
            try storage.withBallotLog(roundID: "R") { log in
                try log.insertBatch(seq: 1, sealedKey: [1])
                try log.appendLeaf(idx: 0, batchSeq: 1, data: [0xAA])
                try log.insertUsedSerial(hash(1))
                try log.recordFile(digest: Array(repeating: 0xF1, count: 32), batchSeq: 1)
                try log.insertReject(
                    StoredReject(
                        roundID: "R", batchSeq: 1, sealed: [1], code: "duplicate-serial", reason: "x", source: "f:2",
                        status: .pending))
                try log.insertTreeHead(StoredTreeHead(roundID: "R", seq: 1, body: [1], signature: [2]))
                try log.saveFrontier([0xF0])
                try log.setState(.closed, closedOn: "2026-11-30")
                throw Planned()
            }
        }
        let after = try storage.ballotLogSnapshot(roundID: "R")
        try expectEqual(after.leaves, [], "no leaf kept")
        try expectEqual(after.batches, [], "no batch kept")
        try expectEqual(after.treeHeads, [], "no head kept")
        try expectEqual(after.rejects, [], "no reject kept")
        try expectEqual(after.usedCount, 0, "no used serial kept")
        try expectEqual(after.round, before.round, "round unchanged")
        try storage.withBallotLog(roundID: "R") { log in
            try expectEqual(try log.batchForFile(digest: Array(repeating: 0xF1, count: 32)), nil, "no file kept")
            try expectEqual(try log.nextBatchSeq(), 1, "batch numbering unchanged")
            try expectEqual(try log.frontier(), nil, "no frontier kept")
            try expect(try !log.isUsed(hash(1)), "the serial is not used")
        }

        // A storage error inside the body (a leaf index taken twice) also leaves nothing.
        try expectThrows(Error.self, "duplicate leaf index") {
            try storage.withBallotLog(roundID: "R") { log in
                try log.insertBatch(seq: 1, sealedKey: [1])
                try log.appendLeaf(idx: 0, batchSeq: 1, data: [0xAA])
                try log.appendLeaf(idx: 0, batchSeq: 1, data: [0xBB])
            }
        }
        try expectEqual(try storage.ballotLogSnapshot(roundID: "R").leaves, [], "no leaf kept after a storage error")
        try expectEqual(try storage.ballotLogSnapshot(roundID: "R").batches, [], "no batch kept after a storage error")
    }

    static func rejectsLifecycle(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        let ids = try storage.withBallotLog(roundID: "R") { log -> [Int64] in
            try log.insertBatch(seq: 1, sealedKey: [1])
            return try (0..<3).map { i in
                try log.insertReject(
                    StoredReject(
                        roundID: "R", batchSeq: 1, sealed: [UInt8(i)], code: "unknown-serial", reason: "reason \(i)",
                        source: "ballots.csv:\(i + 2)", status: .pending))
            }
        }
        try expect(ids[0] < ids[1] && ids[1] < ids[2], "ids increase: \(ids)")
        let listed = try storage.rejects(roundID: "R")
        try expectEqual(listed.map(\.id), ids.map { Optional($0) }, "listed by id")
        try expectEqual(listed.map(\.sealed), [[0], [1], [2]], "sealed bytes kept")
        try expectEqual(listed.map(\.code), Array(repeating: "unknown-serial", count: 3), "codes kept")
        try expectEqual(listed.first?.source, "ballots.csv:2", "source kept")

        try storage.withBallotLog(roundID: "R") { log in
            try expectEqual(try log.rejects(status: .pending).count, 3, "all pending")
            let some = try log.rejects(ids: [ids[2], ids[0]])
            try expectEqual(some.map(\.id), [ids[0], ids[2]], "by ids, in id order")
            var accepted = some[0]
            accepted.status = .accepted
            accepted.sealed = nil
            accepted.source = nil
            accepted.decisionReason = "đúng mẫu"
            try log.updateReject(accepted)
            var discarded = some[1]
            discarded.status = .discarded
            discarded.sealed = nil
            discarded.source = nil
            discarded.decisionReason = "hỏng"
            try log.updateReject(discarded)
            try expectEqual(try log.rejects(status: .pending).map(\.id), [ids[1]], "one pending, read inside the write")
        }
        let decided = try storage.rejects(roundID: "R")
        try expectEqual(decided.map(\.status), [.accepted, .pending, .discarded], "statuses")
        try expectEqual(decided.map(\.sealed), [nil, [1], nil], "sealed bytes cleared once resolved")
        try expectEqual(decided.map(\.source), [nil, "ballots.csv:3", nil], "sources cleared once resolved")
        try expectEqual(decided[0].decisionReason, "đúng mẫu", "decision reason")
        try expectEqual(try storage.ballotLogSnapshot(roundID: "R").rejects, decided, "snapshot rejects")
        try expectEqual(try storage.rejects(roundID: "nope"), [], "unknown round has no rejects")
    }

    static func commit(_ roundID: RoundID, leaf: [UInt8]) -> TallyCommit {
        TallyCommit(
            roundID: roundID, resultBody: Array("{\"round\":\"\(roundID)\"}".utf8),
            flags: [
                StoredFlag(roundID: roundID, officialID: "B", criterionID: "c2", status: "new", body: [2]),
                StoredFlag(roundID: roundID, officialID: "A", criterionID: "c1", status: "new", body: [1]),
            ], sealedRemarks: [0xEE, 0xEF], leaf: leaf,
            minutes: roundID == "R"
                ? StoredTallyMinutes(
                    talliedOn: "2026-11-29",
                    members: [.init(name: "Nguyễn Văn An", role: "Trưởng ban"), .init(name: "Lê Thị Bé", role: "")])
                : nil)
    }

    static func head(_ root: [UInt8], _ size: Int, _ seq: Int) -> StoredResultsHead {
        StoredResultsHead(seq: seq, body: Array("size \(size) root \(root.count)".utf8), signature: [UInt8(seq)])
    }

    static func resultsCommit(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        let open = try expectThrows(StoreError.self, "an open round is not committed") {
            try storage.commitTally(commit("R", leaf: [1])) { head($0, $1, $2) }
        }
        try expectEqual(open.kind, .conflict, "committing an open round is a conflict")
        try expect(try storage.resultsLogSnapshot().leaves.isEmpty, "nothing appended for an open round")
        try storage.withBallotLog(roundID: "R") { log in try log.setState(.closed, closedOn: "2026-11-30") }
        var signed: [(Int, Int, Int)] = []
        let index = try storage.commitTally(commit("R", leaf: [0x51])) { root, size, seq in
            signed.append((root.count, size, seq))
            return head(root, size, seq)
        }
        try expectEqual(index, 0, "first results-log leaf")
        try expect(signed.count == 1 && signed[0] == (32, 1, 1), "head signed over root, size 1, seq 1: \(signed)")
        try expectEqual(try storage.round(id: "R").state, .tallied, "round tallied")
        try expectEqual(
            try storage.result(roundID: "R"),
            StoredResult(roundID: "R", body: Array("{\"round\":\"R\"}".utf8), logIndex: 0), "stored result")
        try expectEqual(try storage.results().map(\.roundID), ["R"], "results in log order")
        try expectEqual(try storage.result(roundID: "nope"), nil, "no result for an unknown round")
        try expectEqual(
            try storage.flags(roundIDs: ["R"]).map(\.officialID), ["A", "B"], "flags by round, official, criterion")
        try expectEqual(try storage.flags().count, 2, "all flags")
        try expectEqual(try storage.flags(roundIDs: ["other"]), [], "flags of other rounds")
        try expectEqual(try storage.sealedRemarks(roundID: "R"), [0xEE, 0xEF], "sealed remarks")
        try expectEqual(try storage.sealedRemarks(roundID: "nope"), nil, "no remarks for an unknown round")
        try expectEqual(
            try storage.tallyMinutes(roundID: "R"),
            StoredTallyMinutes(
                talliedOn: "2026-11-29",
                members: [.init(name: "Nguyễn Văn An", role: "Trưởng ban"), .init(name: "Lê Thị Bé", role: "")]),
            "tally minutes: date and committee in the order given")
        try expectEqual(try storage.tallyMinutes(roundID: "nope"), nil, "no minutes for an unknown round")

        let again = try expectThrows(StoreError.self, "a tallied round is not committed twice") {
            try storage.commitTally(commit("R", leaf: [0x52])) { head($0, $1, $2) }
        }
        try expectEqual(again.kind, .conflict, "committing twice is a conflict")

        try storage.insertRound(round("S", period: "2026-Q4"), units: ["VP"], officials: [])
        try storage.withBallotLog(roundID: "S") { log in try log.setState(.closed, closedOn: "2026-12-31") }
        try expectEqual(
            try storage.commitTally(commit("S", leaf: [0x53])) { root, size, seq in
                try expect(size == 2 && seq == 2, "second head: size \(size), seq \(seq)")
                return head(root, size, seq)
            }, 1, "second results-log leaf")
        let log = try storage.resultsLogSnapshot()
        try expectEqual(
            log.leaves, [StoredResultsLeaf(idx: 0, data: [0x51]), StoredResultsLeaf(idx: 1, data: [0x53])], "leaves")
        try expectEqual(log.heads.map(\.seq), [1, 2], "heads")
        try expectEqual(log.heads.map(\.signature), [[1], [2]], "head signatures, bytes exact")
        try expectEqual(log.results.map(\.logIndex), [0, 1], "results")
        try expectEqual(log.flags.count, 4, "flags")
        try expectEqual(log.remarks, ["R": [0xEE, 0xEF], "S": [0xEE, 0xEF]], "remarks by round")
        try expectEqual(log.rounds.map(\.id), ["R", "S"], "rounds by id")
        try expectEqual(try storage.tallyMinutes(roundID: "S"), nil, "a tally without minutes keeps none")
    }

    static func resultsAllOrNothing(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        try storage.withBallotLog(roundID: "R") { log in try log.setState(.closed, closedOn: "2026-11-30") }
        try expectThrows(Planned.self, "the signer's error comes out") {
            try storage.commitTally(commit("R", leaf: [0x51])) { _, _, _ in throw Planned() }
        }
        try expectEqual(try storage.round(id: "R").state, .closed, "still closed")
        try expectEqual(try storage.result(roundID: "R"), nil, "no result kept")
        try expectEqual(try storage.flags(), [], "no flag kept")
        try expectEqual(try storage.sealedRemarks(roundID: "R"), nil, "no remarks kept")
        try expectEqual(try storage.tallyMinutes(roundID: "R"), nil, "no minutes kept")
        let log = try storage.resultsLogSnapshot()
        try expect(log.leaves.isEmpty && log.heads.isEmpty, "results log untouched")
        try expectEqual(
            try storage.commitTally(commit("R", leaf: [0x51])) { head($0, $1, $2) }, 0, "the retry is the first leaf")
    }

    static func voids(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        try storage.withBallotLog(roundID: "R") { log in try log.setVoided(reason: "in sai mẫu", on: "2026-11-23") }
        let voided = try storage.round(id: "R")
        try expectEqual(voided.state, .voided, "voided")
        try expectEqual(voided.voidReason, "in sai mẫu", "reason kept")
        try expectEqual(voided.voidedOn, "2026-11-23", "date kept")

        try storage.insertRound(round("S", period: "2026-Q4"), units: ["VP"], officials: [])
        try storage.withBallotLog(roundID: "S") { log in try log.setState(.closed, closedOn: "2026-12-31") }
        try storage.commitTally(commit("S", leaf: [0x51])) { head($0, $1, $2) }
        let index = try storage.withBallotLog(roundID: "S") { log -> Int in
            let index = try log.appendResultsLogLeaf([0x56]) { root, size, seq in
                try expect(size == 2 && seq == 2, "void head: size \(size), seq \(seq)")
                return head(root, size, seq)
            }
            try log.setVoided(reason: "sai quy trình", on: "2027-01-05")
            return index
        }
        try expectEqual(index, 1, "void leaf after the result")
        try expectEqual(try storage.round(id: "S").state, .voided, "tallied round voided")
        try expectEqual(try storage.resultsLogSnapshot().heads.count, 2, "void head kept")

        try expectThrows(Planned.self, "a failed void") {
            try storage.withBallotLog(roundID: "S") { log in
                _ = try log.appendResultsLogLeaf([0x57]) { head($0, $1, $2) }
                throw Planned()
            }
        }
        try expectEqual(try storage.resultsLogSnapshot().leaves.count, 2, "a failed void appends nothing")
    }

    static func readerDuringWrite(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        try storage.setMeta("agency", "UBND")
        try storage.withBallotLog(roundID: "R") { log in
            try log.insertBatch(seq: 1, sealedKey: [1])
            try log.appendLeaf(idx: 0, batchSeq: 1, data: [0xAA])
            // Another thread reads while this write is open: it must not wait for it, and it sees
            // the last committed state (no leaf yet).
            let done = DispatchSemaphore(value: 0)
            let result = ReaderResult()
            Thread.detachNewThread {
                do {
                    let snapshot = try storage.ballotLogSnapshot(roundID: "R")
                    result.set(leaves: snapshot.leaves.count, agency: try storage.meta("agency"))
                } catch {
                    result.set(error: "\(error)")
                }
                done.signal()
            }
            try expect(done.wait(timeout: .now() + 5) == .success, "the reader waited for the writer")
            let seen = result.get()
            try expect(seen.error == nil, "the reader failed: \(seen.error ?? "")")
            try expectEqual(seen.leaves, 0, "the reader sees the last commit, not the open write")
            try expectEqual(seen.agency, "UBND", "the reader sees committed facts")
        }
        try expectEqual(try storage.ballotLogSnapshot(roundID: "R").leaves.count, 1, "after commit, read your write")
    }

    static func concurrentWriters(_ factory: StorageFactory) throws {
        let storage = try seeded(factory)
        let writers = 4
        let group = DispatchGroup()
        let errors = ReaderResult()
        for w in 0..<writers {
            group.enter()
            Thread.detachNewThread {
                do {
                    try storage.withBallotLog(roundID: "R") { log in
                        // Read, then write what depends on it: a second writer inside this window
                        // would take the same batch number and leaf index.
                        let seq = try log.nextBatchSeq()
                        let idx = try log.leafCount()
                        Thread.sleep(forTimeInterval: 0.02)
                        try log.insertBatch(seq: seq, sealedKey: [UInt8(w)])
                        try log.appendLeaf(idx: idx, batchSeq: seq, data: [UInt8(w)])
                        try log.insertUsedSerial(hash(UInt8(w + 1)))
                    }
                } catch {
                    errors.set(error: "\(error)")
                }
                group.leave()
            }
        }
        try expect(group.wait(timeout: .now() + 30) == .success, "the writers did not finish")
        try expect(errors.get().error == nil, "a writer failed: \(errors.get().error ?? "")")
        let snapshot = try storage.ballotLogSnapshot(roundID: "R")
        try expectEqual(snapshot.batches.map(\.seq), Array(1...writers), "one batch per writer")
        try expectEqual(snapshot.leaves.map(\.idx), Array(0..<writers), "one leaf per writer, contiguous")
        try expectEqual(Set(snapshot.leaves.map(\.data)).count, writers, "every writer's leaf kept")
        try expectEqual(snapshot.usedCount, writers, "every writer's serial kept")
    }

    /// What the reader thread saw.
    final class ReaderResult: @unchecked Sendable {
        private let lock = NSLock()
        private var leaves = -1
        private var agency: String?
        private var error: String?
        func set(leaves: Int, agency: String?) {
            lock.lock()
            defer { lock.unlock() }
            self.leaves = leaves
            self.agency = agency
        }
        func set(error: String) {
            lock.lock()
            defer { lock.unlock() }
            self.error = error
        }
        func get() -> (leaves: Int, agency: String?, error: String?) {
            lock.lock()
            defer { lock.unlock() }
            return (leaves, agency, error)
        }
    }
}
