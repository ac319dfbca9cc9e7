import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinTestSupport
import Testing

/// Issue 19, item 4: a backup is a consistent snapshot taken while ballots are being cast, and a
/// restore checks it, refuses to write over anything, and verifies what it restored.
@Suite("Backup and restore")
struct BackupTests {
    /// Counts what a caster task has had acknowledged, shared with the test.
    final class Acknowledged: @unchecked Sendable {
        // @unchecked: `count` is only touched under `lock`.
        private let lock = NSLock()
        private var value = 0
        var count: Int { lock.withLock { value } }
        func add() { lock.withLock { value += 1 } }
    }

    @Test func aBackupTakenWhileCastingHoldsEveryAcknowledgedBallot() async throws {
        let e = try ElectronicFixture.make(codes: 40)
        let boxes = try e.codes.indices.map { try e.seal($0 % 3 == 0 ? ["A1.dao-duc": "x"] : [:]) }
        let acknowledged = Acknowledged()
        let service = e.workspace.electronic
        let (codes, round) = (e.codes, e.round)
        let caster = Task {
            for (code, box) in zip(codes, boxes) {
                _ = try await service.cast(code: code, roundID: round, sealed: box)
                acknowledged.add()
            }
        }
        while acknowledged.count < 8 { try await Task.sleep(nanoseconds: 1_000_000) }
        let before = acknowledged.count
        let (archive, summary) = try e.workspace.backup.makeBackup()
        try await caster.value
        #expect(summary.files.contains("phieukin.sqlite") && summary.files.contains("keys/agency.pem"))
        #expect(summary.files.contains("keys/rounds/\(e.round).tally.pem"))

        let target = try TemporaryFiles.directory("restored").path + "/ws"
        let restored = try Workspace.restore(backup: archive, to: target)
        #expect(restored.verification.ok, "\(restored.verification.problems)")
        let used = try #require(restored.verification.rounds.first?.used)
        #expect(used >= before && used <= codes.count, "acknowledged before the backup: \(before), in it: \(used)")
        // The restored workspace goes on: the codes it holds as used stay used.
        let again = try Workspace(root: target)
        #expect(throws: CastError.self) {
            _ = try again.electronic.ballot(forCode: codes[0], language: .vi)
        }
        for name in ["phieukin.sqlite", "keys/agency.pem"] {
            let mode = try FileManager.default.attributesOfItem(atPath: target + "/" + name)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name): \(String(mode ?? 0, radix: 8))")
        }
    }

    @Test func aBackupIsAPlainTarThatTarListsAndItsManifestNamesEveryFile() throws {
        let f = try ImportFixture.make(ballots: 2)
        let (archive, summary) = try f.workspace.backup.makeBackup()
        let dir = try TemporaryFiles.directory("tar").path
        try Data(archive).write(to: URL(fileURLWithPath: dir + "/b.tar"))
        // GNU tar, not this code's reader, unpacks it; the manifest's SHA-256s match what it wrote.
        let unpacked = try ExternalTool.run("/bin/tar", ["-xf", dir + "/b.tar", "-C", dir])
        #expect(unpacked.status == 0, "\(unpacked.stderr)")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/MANIFEST.json")))
                as? [String: Any])
        #expect(manifest["format"] as? String == "phieukin-backup-v1")
        let files = try #require(manifest["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["path"] as? String } == summary.files)
        for file in files {
            let path = dir + "/" + (file["path"] as! String)
            let sum = try ExternalTool.run("/usr/bin/sha256sum", [path]).stdout.prefix(64)
            #expect(String(sum) == file["sha256"] as? String, "\(path)")
        }
        let integrity = try SQLiteScript.run(dir + "/phieukin.sqlite", "PRAGMA integrity_check")
        #expect(integrity.output.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
    }

    @Test func restoreRefusesAnythingButANewFolderAndADamagedBackupWritesNothing() throws {
        let f = try ImportFixture.make(ballots: 2)
        let (archive, _) = try f.workspace.backup.makeBackup()
        let existing = #expect(throws: PhieuKinError.self) { try Workspace.restore(backup: archive, to: f.dir) }
        #expect(existing?.kind == .alreadyExists)

        let dir = try TemporaryFiles.directory("damaged").path
        var damaged = archive
        damaged[damaged.count / 2] ^= 0x01  // inside the database: its SHA-256 no longer matches
        let refused = #expect(throws: PhieuKinError.self) { try Workspace.restore(backup: damaged, to: dir + "/ws") }
        #expect(refused?.kind == .tampered || refused?.kind == .invalidFile, "\(String(describing: refused))")
        #expect(!FileManager.default.fileExists(atPath: dir + "/ws"), "nothing was written")
        let cut = #expect(throws: PhieuKinError.self) {
            try Workspace.restore(backup: Array(archive.prefix(archive.count / 3)), to: dir + "/ws")
        }
        #expect(cut?.kind == .invalidFile)
        #expect(!FileManager.default.fileExists(atPath: dir + "/ws"))
    }
}
