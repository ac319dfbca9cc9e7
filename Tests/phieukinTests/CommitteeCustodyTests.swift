import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 8, item 4: the tally key's custody protects something. A committee's shares leave the
/// workspace; a passphrase workspace keeps its round keys encrypted; share and passphrase files
/// other users can read are refused unless encrypted.
@Suite("Committee custody of tally keys")
struct CommitteeCustodyTests {
    static let roster = """
        unit_id,unit_name,official_id,full_name,position
        U,Phòng Tư pháp,a,Nguyễn Văn An,Trưởng phòng
        U,Phòng Tư pháp,b,Trần Thị Bình,Chuyên viên

        """

    static func workspace(_ name: String, passphrase: String? = nil) throws -> CLI {
        let cli = try CLI.temporaryWorkspace(name)
        var initArgs = ["init", "--agency", "UBND Quận Mẫu"]
        if let passphrase { initArgs += ["--passphrase-file", try secret(cli, "agency-pass.txt", passphrase)] }
        let created = try cli.run(initArgs)
        #expect(created.status == 0, "\(created.stderr)")
        try roster.write(toFile: cli.path("roster.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["roster", "import", cli.path("roster.csv")]).status == 0)
        return cli
    }

    /// A passphrase file (mode 0600) beside the workspace, not in it.
    static func secret(_ cli: CLI, _ name: String, _ text: String) throws -> String {
        let path = cli.workspace + "-" + name
        try (text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        return path
    }

    static let open = [
        "round", "open", "--survey", "quarterly-7", "--unit", "U", "--ballots", "3", "--serials", "none",
    ]

    /// Imports three unnumbered ballots and closes the round.
    static func fillAndClose(_ cli: CLI, _ round: String, passphrase: [String] = []) throws {
        let file = cli.workspace + "-keyed.csv"
        try "a.dao-duc,b.thai-do\nx,\n,x\nx,x\n".write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", "--round", round, file] + passphrase)
        #expect(imported.status == 0, "\(imported.stderr)")
        try FileManager.default.removeItem(atPath: file)
        let closed = try cli.run(["round", "close", "--round", round] + passphrase)
        #expect(closed.status == 0, "\(closed.stderr)")
    }

    func roundCount(_ cli: CLI) throws -> String {
        try CLI.sql(cli.path("phieukin.sqlite"), "SELECT COUNT(*) FROM round").output
    }

    @Test func committeeSharesGoWhereTheMembersTakeThemNeverIntoTheWorkspace() throws {
        let cli = try Self.workspace("custody")
        let committee = ["--committee", "3", "--threshold", "2"]
        let outside = try TemporaryFiles.directory("usb").path

        let nowhere = try cli.run(Self.open + ["--period", "2026-Q1"] + committee)
        #expect(nowhere.status == 1)
        #expect(
            nowhere.stderr.contains("--shares-dir DIR (e.g. a USB stick) or --share-out PATH once per member (3 times)")
        )

        let inside = try cli.run(Self.open + ["--period", "2026-Q1", "--shares-dir", cli.path("usb")] + committee)
        #expect(inside.status == 1 && inside.stderr.contains("is inside the workspace"), "\(inside.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("usb")))

        // A symlink outside that points into the workspace is resolved and refused too.
        let link = outside + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.path("keys"))
        let viaLink = try cli.run(Self.open + ["--period", "2026-Q1", "--shares-dir", link + "/usb"] + committee)
        #expect(viaLink.status == 1 && viaLink.stderr.contains("is inside the workspace"), "\(viaLink.stderr)")

        let two = try cli.run(
            Self.open + ["--period", "2026-Q1", "--share-out", outside + "/1.pem", "--share-out", outside + "/2.pem"]
                + committee)
        #expect(two.status == 1 && two.stderr.contains("needs exactly 3 share files"), "\(two.stderr)")
        #expect(
            two.stderr.contains(
                "Next: add --shares-dir DIR (e.g. a USB stick) or --share-out PATH once per member (3 times)"))
        let oneInside = try cli.run(
            Self.open + [
                "--period", "2026-Q1", "--share-out", outside + "/1.pem", "--share-out", cli.path("2.pem"),
                "--share-out", outside + "/3.pem",
            ] + committee)
        #expect(
            oneInside.status == 1
                && oneInside.stderr.contains("share file \(cli.path("2.pem")) is inside the workspace"))
        let oneOfOne = try cli.run(Self.open + ["--period", "2026-Q1", "--shares-dir", outside])
        #expect(oneOfOne.status == 1 && oneOfOne.stderr.contains("are for a committee"))
        #expect(try roundCount(cli) == "0")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["link"])

        // One file per member, each on its own stick; JSON lists them and says what to do.
        let sticks = try (1...3).map { try TemporaryFiles.directory("stick-\($0)").path + "/share.pem" }
        let opened = try cli.run(
            Self.open + ["--period", "2026-Q1", "--json"] + committee + sticks.flatMap { ["--share-out", $0] })
        #expect(opened.status == 0, "\(opened.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(opened.stdout.utf8)) as? [String: Any])
        #expect(json["key_files"] as? [String] == sticks)
        #expect(json["key_files_encrypted"] as? Bool == false)
        #expect(
            (json["custody"] as? String)?.contains("Hand each share file to one member of the counting committee")
                == true)
        for stick in sticks {
            let mode = try FileManager.default.attributesOfItem(atPath: stick)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try String(contentsOfFile: stick, encoding: .utf8).contains("PhieuKin tally key share"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("keys/rounds")).isEmpty)
        let round = try #require(json["id"] as? String)

        // --shares-dir: the text output names each share's file and tells to hand them out.
        let usb = outside + "/usb"
        let text = try cli.run(Self.open + ["--period", "2026-Q2", "--shares-dir", usb] + committee)
        #expect(text.status == 0, "\(text.stderr)")
        let second = text.lastLine
        for i in 1...3 {
            #expect(text.stdout.contains("  share \(i) of 3: \(usb)/\(second).share-\(i)-of-3.pem"), "\(text.stdout)")
        }
        #expect(text.stdout.contains("Hand each share file to one member of the counting committee"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("keys/rounds")).isEmpty)

        // At tally, an unencrypted share that other users can read is refused, saying why.
        try Self.fillAndClose(cli, round)
        chmod(sticks[0], 0o644)
        let readable = try cli.run(["tally", "--round", round, "--share", sticks[0], "--share", sticks[1]])
        #expect(readable.status == 1)
        #expect(
            readable.stderr.contains(
                "share \(sticks[0]) can be read by other users (mode 644) and is not passphrase-protected"),
            "\(readable.stderr)")
        chmod(sticks[0], 0o600)
        let tallied = try cli.run(["tally", "--round", round, "--share", sticks[0], "--share", sticks[1], "--json"])
        #expect(tallied.status == 0, "\(tallied.stderr)")
    }

    /// A share on a stick that cannot keep mode 0600 is accepted when it is passphrase-encrypted.
    @Test func encryptedShareReadableByOthersIsAccepted() throws {
        let cli = try Self.workspace("fat")
        let usb = try TemporaryFiles.directory("fat-usb").path
        let pass = try Self.secret(cli, "committee-pass.txt", "mật khẩu tổ kiểm phiếu")
        let opened = try cli.run(
            Self.open + [
                "--period", "2026-Q3", "--committee", "2", "--threshold", "2", "--shares-dir", usb,
                "--passphrase-file", pass,
            ])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("any 2 open the round, passphrase-protected"))
        let round = opened.lastLine
        try Self.fillAndClose(cli, round)
        let shares = try FileManager.default.contentsOfDirectory(atPath: usb).sorted().map { usb + "/" + $0 }
        #expect(shares.count == 2)
        for share in shares {
            chmod(share, 0o755)  // what a FAT stick shows
            #expect(try String(contentsOfFile: share, encoding: .utf8).contains("BEGIN ENCRYPTED PRIVATE KEY"))
        }
        let noPassphrase = try cli.run(["tally", "--round", round, "--share", shares[0], "--share", shares[1]])
        #expect(noPassphrase.status == 1 && noPassphrase.stderr.contains("is encrypted"), "\(noPassphrase.stderr)")
        // The passphrase file itself must be private.
        chmod(pass, 0o640)
        let loosePass = try cli.run(
            ["tally", "--round", round, "--share", shares[0], "--share", shares[1], "--passphrase-file", pass])
        #expect(loosePass.status == 1)
        #expect(loosePass.stderr.contains("passphrase file \(pass) can be read by other users (mode 640)"))
        chmod(pass, 0o600)
        let tallied = try cli.run(
            ["tally", "--round", round, "--share", shares[0], "--share", shares[1], "--passphrase-file", pass])
        #expect(tallied.status == 0, "\(tallied.stderr)")
    }

    /// In a passphrase workspace a 1-of-1 round key is never left in the clear: encrypted with
    /// the agency passphrase (checked first) or with a passphrase of the round's own.
    @Test func passphraseWorkspaceEncryptsRoundKeys() throws {
        let cli = try Self.workspace("passws", passphrase: "mật khẩu cơ quan")
        let agency = cli.workspace + "-agency-pass.txt"
        let wrong = try Self.secret(cli, "wrong.txt", "sai")

        let plain = try cli.run(Self.open + ["--period", "2026-Q1"])
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("agency key is passphrase-protected, so the round's tally key must be too"))
        let mistyped = try cli.run(Self.open + ["--period", "2026-Q1", "--agency-passphrase-file", wrong])
        // A wrong passphrase is called that, without the crypto layer's type names.
        #expect(
            mistyped.status == 1 && mistyped.stderr.hasPrefix("Error: the passphrase does not open ")
                && !mistyped.stderr.contains("CryptoError"), "\(mistyped.stderr)")
        #expect(try roundCount(cli) == "0")

        let opened = try cli.run(Self.open + ["--period", "2026-Q1", "--agency-passphrase-file", agency])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("Tally key (1 of 1, passphrase-protected)"))
        let round = opened.lastLine
        let keyFile = cli.path("keys/rounds/\(round).tally.pem")
        #expect(try String(contentsOfFile: keyFile, encoding: .utf8).contains("BEGIN ENCRYPTED PRIVATE KEY"))
        let openssl = try ExternalTool.run(
            "/usr/bin/openssl", ["pkey", "-in", keyFile, "-passin", "file:\(agency)", "-noout"])
        #expect(openssl.status == 0, "\(openssl.stderr)")

        try Self.fillAndClose(cli, round, passphrase: ["--passphrase-file", agency])
        let locked = try cli.run(["tally", "--round", round])
        #expect(locked.status == 1 && locked.stderr.contains("is encrypted"), "\(locked.stderr)")
        // The agency passphrase opens the round key and signs the results log.
        let tallied = try cli.run(["tally", "--round", round, "--agency-passphrase-file", agency])
        #expect(tallied.status == 0, "\(tallied.stderr)")

        // A passphrase of the round's own: tally needs it and the agency one.
        let own = try Self.secret(cli, "round-pass.txt", "mật khẩu riêng của đợt")
        let second = try cli.run(Self.open + ["--period", "2026-Q2", "--passphrase-file", own])
        #expect(second.status == 0, "\(second.stderr)")
        let round2 = second.lastLine
        try Self.fillAndClose(cli, round2, passphrase: ["--passphrase-file", agency])
        let agencyOnly = try cli.run(["tally", "--round", round2, "--agency-passphrase-file", agency])
        #expect(agencyOnly.status == 1 && agencyOnly.stderr.contains("Check the passphrase"), "\(agencyOnly.stderr)")
        let both = try cli.run(
            ["tally", "--round", round2, "--passphrase-file", own, "--agency-passphrase-file", agency])
        #expect(both.status == 0, "\(both.stderr)")
    }
}
