import Foundation
import PhieuKinTestSupport
import Testing

@Suite("phieukin init and keys")
struct InitAndKeysTests {
    @Test func initCreatesWorkspaceWithOwnerOnlyKey() throws {
        let cli = try CLI.temporaryWorkspace("init")
        let result = try cli.run(["init", "--agency", "UBND Quận Một"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.path("phieukin.sqlite")))
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.path("keys/agency.pem"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        // The public key and fingerprint agree with what OpenSSL derives from the private key.
        let show = try cli.run(["keys", "show"])
        #expect(show.status == 0)
        let opensslPub = try ExternalTool.run(
            "/usr/bin/openssl", ["pkey", "-in", cli.path("keys/agency.pem"), "-pubout"])
        #expect(opensslPub.status == 0, "\(opensslPub.stderr)")
        #expect(show.stdout.contains(opensslPub.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(show.stdout.contains("Fingerprint: SHA256:"))
        #expect(result.stdout.contains(show.lastLine.replacingOccurrences(of: "Fingerprint: ", with: "")))

        // A second init refuses to touch the workspace.
        let again = try cli.run(["init"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already holds a PhieuKin workspace"))
    }

    @Test func encryptedKeyOpensWithOpenSSLPkey() throws {
        let cli = try CLI.temporaryWorkspace("pass")
        let passFile = cli.path("pass.txt")
        try "đúng mật khẩu 123\n".write(toFile: passFile, atomically: true, encoding: .utf8)
        // A passphrase file follows the key-file rule: refused while others can read it.
        chmod(passFile, 0o644)
        let open = try cli.run(["init", "--passphrase-file", passFile])
        #expect(
            open.status == 1
                && open.stderr.contains("passphrase file \(passFile) can be read by other users (mode 644)")
                && open.stderr.contains("\nNext: chmod 600 \(passFile)"), "\(open.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("phieukin.sqlite")))
        chmod(passFile, 0o600)
        let result = try cli.run(["init", "--passphrase-file", passFile])
        #expect(result.status == 0, "\(result.stderr)")
        let pem = try String(contentsOfFile: cli.path("keys/agency.pem"), encoding: .utf8)
        #expect(pem.contains("BEGIN ENCRYPTED PRIVATE KEY"))

        let opened = try ExternalTool.run(
            "/usr/bin/openssl",
            ["pkey", "-in", cli.path("keys/agency.pem"), "-passin", "file:\(passFile)", "-pubout"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let published = try String(contentsOfFile: cli.path("keys/agency.pub.pem"), encoding: .utf8)
        #expect(opened.stdout == published)

        try "sai mật khẩu\n".write(toFile: cli.path("wrong.txt"), atomically: true, encoding: .utf8)
        let wrong = try ExternalTool.run(
            "/usr/bin/openssl",
            ["pkey", "-in", cli.path("keys/agency.pem"), "-passin", "file:\(cli.path("wrong.txt"))", "-noout"])
        #expect(wrong.status != 0)
    }

    @Test func keyReadableByOthersIsRefusedWithTheFix() throws {
        let cli = try CLI.temporaryWorkspace("perm")
        let demoKey = CLI.repository + "/keys/demo/agency-DEMO-ONLY.pem"
        let copy = cli.path("imported.pem")
        try FileManager.default.copyItem(atPath: demoKey, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: copy)
        let refused = try cli.run(["init", "--signing-key", copy])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("can be read by other users"))
        #expect(refused.stderr.contains("chmod 600 \(copy)"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("phieukin.sqlite")))

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy)
        let accepted = try cli.run(["init", "--signing-key", copy])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(
            accepted.stdout.contains("SHA256:e7151459fd532be97a13e1b6b20397c3bf02887370a83b45d48df6c234d969a0"))
    }

    /// Invisible bidi controls are refused in the agency name (printed on every ballot and
    /// report) and in the roster, naming the code point; dotted ids are refused at roster import.
    @Test func bidiControlsAndDottedIDsAreRefused() throws {
        let cli = try CLI.temporaryWorkspace("bidi")
        let refused = try cli.run(["init", "--agency", "UBND \u{202E}Quận Một"])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "the agency name contains the invisible text-direction control U+202E (RIGHT-TO-LEFT OVERRIDE)"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("phieukin.sqlite")))
        #expect(try cli.run(["init", "--agency", "UBND Quận Một"]).status == 0)

        let roster = cli.path("roster.csv")
        try "unit_id,unit_name,official_id,full_name,position\nVP,Văn phòng,VP01,An,CV\nVP,Văn phòng,A.b,Bình,CV\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        let dotted = try cli.run(["roster", "import", roster])
        #expect(dotted.status == 1)
        #expect(dotted.stderr.contains("roster.csv:3: official_id \"A.b\" may only use the characters A-Z a-z 0-9 _ -"))
        try "unit_id,unit_name,official_id,full_name,position\nVP,Văn phòng,VP01,An\u{2067},CV\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        let bidi = try cli.run(["roster", "import", roster])
        #expect(bidi.status == 1)
        #expect(
            bidi.stderr.contains(
                "roster.csv:2: full_name contains the invisible text-direction control U+2067 (RIGHT-TO-LEFT ISOLATE)"))
        #expect(try CLI.sql(cli.path("phieukin.sqlite"), "SELECT COUNT(*) FROM official").output == "0")
    }
}
