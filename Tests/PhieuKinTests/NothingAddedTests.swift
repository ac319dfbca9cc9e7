import Foundation
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinStorage
import PhieuKinTestSupport
import Testing

@testable import PhieuKin

/// Issue 19, items 1 and 3: no quarantine decision can add a ballot the paper does not justify,
/// and `verify` counts — a ballot added any other way (an edited database, an old binary's
/// acceptance) fails it with a reason, in both languages.
@Suite("Nothing added: quarantine decisions and counting verify")
struct NothingAddedTests {
    /// A round with 8 printed serials where the first two were imported, then `rows` of CSV.
    static func imported(_ f: ImportFixture, _ rows: [String]) throws -> [RejectSummary] {
        let s = f.serials
        let csv = (["serial,A1.dao-duc,A2.thai-do", "\(s[0]),x,", "\(s[1]),,x"] + rows).joined(separator: "\n") + "\n"
        _ = try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [try f.write("k.csv", csv)]))
        return try f.workspace.intake.listRejects(roundID: f.round)
    }

    static func verifyProblems(_ f: ImportFixture, _ language: Language = .en) throws -> [String] {
        try f.workspace.audit.verify(roundID: f.round).problems.map { $0.text(language) }
    }

    @Test func aSheetKeyedTwiceIsNeverAcceptedAsIsNorWithItsOwnSerial() throws {
        let f = try ImportFixture.make()
        let rejects = try Self.imported(f, ["\(f.serials[0]),,x"])
        let twice = try #require(rejects.first { $0.code == "serial-used" })
        #expect(!twice.acceptable && twice.needsSerial)
        let all = #expect(throws: PhieuKinError.self) {
            try f.workspace.intake.acceptRejects(roundID: f.round, ids: nil, reason: "tất cả", passphrase: nil)
        }
        #expect(all?.reason.contains("no pending reject can be accepted as it is") == true)
        for serial in [nil, f.serials[0], f.serials[1]] {
            #expect(throws: PhieuKinError.self) {
                try f.workspace.intake.acceptRejects(
                    roundID: f.round, ids: [twice.id], reason: "trùng", serial: serial, passphrase: nil)
            }
        }
        let check = try #require(try f.workspace.audit.verify(roundID: f.round).rounds.first)
        #expect(check.leaves == 2 && check.used == 2 && check.problems.isEmpty, "\(check.problems)")
        // The paper shows s[2]: it was keyed as s[0]. Accepted with s[2], which is now used.
        let decision = try f.workspace.intake.acceptRejects(
            roundID: f.round, ids: [twice.id], reason: "gõ nhầm số", serial: f.serials[2], passphrase: nil)
        #expect(decision.accepted == [twice.id] && decision.treeSize == 3)
        let after = try #require(try f.workspace.audit.verify(roundID: f.round).rounds.first)
        #expect(after.leaves == 3 && after.used == 3 && after.problems.isEmpty, "\(after.problems)")
    }

    @Test func aSheetOfAnotherRoundIsNamedAsItsAndNeverAccepted() throws {
        let f = try ImportFixture.make()
        let q4 = try f.workspace.rounds.openRound(
            RoundRequest(surveyID: "quarterly-7", period: "2026-Q4", unitID: "TO", ballots: 3, numbered: true))
        let q4Serials = try ImportFixture.printedSerials(f.workspace, round: q4.id, dir: f.dir)
        // A Q4 sheet keyed into Q3: refused as Q4's (in words the reader reads), only discardable.
        let rejects = try Self.imported(f, ["\(q4Serials[0]),x,"])
        let other = try #require(rejects.first)
        #expect(other.code == "other-round-serial" && !other.acceptable && !other.needsSerial)
        #expect(other.reason.text(.en).contains("belongs to round Q4 2026 (\(q4.id))"), "\(other.reason)")
        #expect(other.reason.text(.vi).contains("thuộc vòng Quý 4/2026"), "\(other.reason.text(.vi))")
        #expect(!other.reason.text(.en).contains(q4Serials[0]))
        let refused = #expect(throws: PhieuKinError.self) {
            try f.workspace.intake.acceptRejects(roundID: f.round, ids: [other.id], reason: "x", passphrase: nil)
        }
        #expect(refused?.nextSteps == [.discardReject(roundID: f.round, rejectID: Int(other.id))])

        // A mistyped serial corrected to another round's serial is refused the same way.
        var mistyped = Array(f.serials[3])
        mistyped[2] = mistyped[2] == "0" ? "1" : "0"
        let typo = try #require(try Self.imported(f, ["\(String(mistyped)),,x"]).first { $0.code == "mistyped-serial" })
        let wrongRound = #expect(throws: PhieuKinError.self) {
            try f.workspace.intake.acceptRejects(
                roundID: f.round, ids: [typo.id], reason: "x", serial: q4Serials[1], passphrase: nil)
        }
        #expect(wrongRound?.message.text(.vi).contains("thuộc vòng Quý 4/2026") == true)
        _ = try f.workspace.intake.acceptRejects(
            roundID: f.round, ids: [typo.id], reason: "đọc lại số", serial: f.serials[3], passphrase: nil)
        #expect(try Self.verifyProblems(f).isEmpty)
    }

    /// What an earlier binary's `rejects accept` did: append a quarantined leaf and sign a decision
    /// head, with no serial used. Nothing in today's API does this; verify must catch it.
    @Test(arguments: [Language.en, .vi])
    func aBallotAddedWithoutASerialFailsVerify(language: Language) throws {
        let f = try ImportFixture.make()
        let twice = try #require(try Self.imported(f, ["\(f.serials[0]),,x"]).first)
        let intake = f.workspace.intake
        let key = try intake.agencySigningKey(passphrase: nil)
        try intake.store.withBallotLog(roundID: f.round) { log in
            var record = try #require(try log.rejects(ids: [twice.id]).first)
            let leaf = try #require(RejectBlob(record.sealed)?.leaf)
            try log.appendLeaf(idx: try log.leafCount(), batchSeq: record.batchSeq, data: leaf)
            (record.status, record.sealed, record.source, record.decisionReason) = (.accepted, nil, nil, "cũ")
            try log.updateReject(record)
            _ = try intake.signTreeHead(
                log, kind: "decision", key: key,
                extra: ["decisions": IntakeService.decisionsField([record], decision: "accept", reason: "cũ")])
        }
        let problems = try Self.verifyProblems(f, language)
        let expected =
            language == .en
            ? "3 ballots in the log but 2 used serials: every ballot of a numbered round uses one serial"
            : "sổ có 3 phiếu nhưng có 2 số phiếu đã dùng"
        #expect(problems.contains { $0.contains(expected) }, "\(problems)")
    }

    @Test func aSealedBallotAppendedTwiceFailsVerify() throws {
        let f = try ImportFixture.make()
        _ = try Self.imported(f, [])
        let intake = f.workspace.intake
        let key = try intake.agencySigningKey(passphrase: nil)
        try intake.store.withBallotLog(roundID: f.round) { log in
            var first: [UInt8] = []
            try log.forEachLeaf(from: 0) { if first.isEmpty { first = $0 } }
            try log.appendLeaf(idx: 2, batchSeq: 1, data: first)
            try log.insertUsedSerial(SerialHash(try Serial(parsing: f.serials[5])))
            _ = try intake.signTreeHead(log, kind: "import", key: key)
        }
        let problems = try Self.verifyProblems(f)
        #expect(
            problems.contains { $0.hasSuffix("is the same sealed ballot as leaf 0: one ballot is in the log twice") })
        #expect(problems.count == 1, "the counts agree: only the copy is wrong (\(problems))")
    }

    @Test func anotherWorkspacesKeyNeverSigns() throws {
        let f = try ImportFixture.make()
        let other = try ImportFixture.make()
        let keys = f.dir + "/keys/agency.pem"
        try FileManager.default.removeItem(atPath: keys)
        try FileManager.default.copyItem(atPath: other.dir + "/keys/agency.pem", toPath: keys)
        let reopened = try Workspace(root: f.dir)
        let refused = #expect(throws: PhieuKinError.self) {
            _ = try Self.imported(
                ImportFixture(workspace: reopened, dir: f.dir, round: f.round, serials: f.serials), [])
        }
        #expect(refused?.kind == .keyFile)
        #expect(refused?.reason.contains("is not this workspace's agency key") == true)
        #expect(try reopened.audit.verify(roundID: f.round).rounds.first?.treeHeads == 0, "nothing was signed")
    }
}

/// Issue 19: `init` that fails part-way (a full disk) said "nothing was changed" but left keys and
/// an empty database, after which `init` was refused. Now it removes what it made, and only that.
@Suite("A failed init leaves the folder as it found it")
struct FailedInitTests {
    @Test func aDatabaseThatCannotBeCreatedLeavesNoKeysAndInitCanRunAgain() throws {
        let dir = try TemporaryFiles.directory("init-fails").path
        let notOurs = dir + "/phieukin.sqlite-wal"
        // A folder where SQLite's write-ahead log must go: the database cannot be created.
        try FileManager.default.createDirectory(atPath: notOurs, withIntermediateDirectories: false)
        try "mine".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { _ = try Workspace.create(at: dir, agency: "UBND Phường Thử") }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(left == ["notes.txt", "phieukin.sqlite-wal"], "only what was there before: \(left)")
        try FileManager.default.removeItem(atPath: notOurs)
        let (workspace, summary) = try Workspace.create(at: dir, agency: "UBND Phường Thử")
        #expect(summary.encrypted == false)
        #expect(try workspace.audit.verify().ok)
    }
}
