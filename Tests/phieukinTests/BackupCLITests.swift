import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 19, item 4, through the real binary: `backup` never replaces a file, `restore` refuses an
/// existing workspace and verifies what it restored, in both languages.
@Suite("phieukin backup and restore")
struct BackupCLITests {
    @Test func backupThenRestoreIntoANewFolderVerifies() throws {
        let cli = try CLI.temporaryWorkspace("backup")
        let (round, s) = try ImportCLITests.numberedRound(cli, ballots: 3)
        try "serial,VP01.dao-duc\n\(s[0]),x\n\(s[1]),\n".write(
            toFile: cli.path("k.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--round", round, cli.path("k.csv")]).status == 0)
        let file = cli.workspace + "-backup.tar"
        let made = try cli.run(["backup", "--out", file])
        #expect(made.status == 0 && made.stdout.contains("Backup written to \(file)"), "\(made.stdout)\(made.stderr)")
        let again = try cli.run(["backup", "--out", file])
        #expect(again.status == 1 && again.stderr.contains("already exists"), "\(again.stderr)")

        let over = try cli.run(["restore", file, "--to", cli.workspace])
        #expect(over.status == 1 && over.stderr.contains("is not an empty folder"), "\(over.stderr)")
        let target = cli.workspace + "-restored"
        let restored = try cli.run(["restore", file, "--to", target])
        #expect(restored.status == 0, "\(restored.stdout)\(restored.stderr)")
        #expect(restored.stdout.contains("2 ballots") && restored.stdout.contains("OK: every check passed."))
        let vietnamese = try cli.run(["restore", file, "--to", target + "-vi", "--lang", "vi"])
        #expect(vietnamese.stdout.contains("Đã khôi phục"), "\(vietnamese.stdout)")
        let listed = try cli.run(["round", "list", "--workspace", target])
        #expect(listed.status == 0 && listed.stdout.contains(round))
    }
}
