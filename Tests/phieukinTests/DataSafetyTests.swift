import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 8, item 5: no command deletes or overwrites a file it did not create; a lost database is
/// never silently re-created; unnumbered rounds hold no more ballots than planned and recognise a
/// re-saved file; everything is owner-only; a bad survey definition affects only itself.
@Suite("data safety (issue 8)")
struct DataSafetyTests {
    static let fm = FileManager.default

    static func mode(_ path: String) -> Int {
        ((try? fm.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    static func text(_ path: String) -> String? {
        fm.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// Runs the binary under `umask 000`, as a careless login or service might.
    static func runUnderUmask000(_ cli: CLI, _ arguments: [String]) throws -> CLI.Result {
        try ExternalTool.run(
            "/bin/sh", ["-c", "umask 000; exec \"$0\" \"$@\"", CLI.binary] + arguments,
            environment: ["PHIEUKIN_WORKSPACE": cli.workspace, "PHIEUKIN_LANG": "en"])
    }

    static func serialsIssued(_ cli: CLI) throws -> String {
        try CLI.sql(cli.path("phieukin.sqlite"), "SELECT COUNT(*) FROM issuedSerial").output
    }

    // MARK: --out

    @Test func ballotsPrintAndSlipsNeverReplaceWhatTheyDidNotCreate() throws {
        let cli = try CLI.temporaryWorkspace("out")
        let round = try RoundAndPrintTests.openRound(cli, ballots: 2)
        let database = cli.path("phieukin.sqlite")
        let databaseBytes = try #require(Self.fm.contents(atPath: database))

        // A folder (with a file in it), the workspace, its database, its keys: refused, untouched.
        try Self.fm.createDirectory(atPath: cli.path("folder"), withIntermediateDirectories: true)
        try Self.write("keep me", cli.path("folder/inside.txt"))
        for (out, fragment) in [
            (cli.path("folder"), "is a folder"), (cli.workspace, "the workspace folder"),
            (database, "the database file"), (database + "-wal", "the database file"),
            (cli.path("phieukin.lock"), "a file of the workspace"),
            (cli.path("keys/agency.pem"), "keys folder"), (cli.path("keys/rounds/new.pdf"), "keys folder"),
            (cli.path("ballots/x.yaml"), "survey definitions folder"),
        ] {
            for force in [false, true] {
                for command in ["print", "slips"] {
                    let result = try cli.run(
                        ["ballots", command, "--round", round, "--out", out] + (force ? ["--force"] : [])
                            + (command == "slips" ? ["--public-url", "https://phieu.example.vn"] : []))
                    #expect(result.status == 1, "\(command) --out \(out): \(result.stdout)")
                    #expect(result.stderr.contains(fragment), "\(out): \(result.stderr)")
                    #expect(result.stderr.contains("nothing was written"), "\(result.stderr)")
                }
            }
        }
        #expect(Self.text(cli.path("folder/inside.txt")) == "keep me")
        #expect(Self.fm.contents(atPath: database)?.count ?? 0 >= databaseBytes.count)
        #expect(try cli.run(["round", "list"]).status == 0)
        #expect(try Self.serialsIssued(cli) == "0", "a refused print issues no serial")

        // An existing file: refused without --force, its bytes untouched, no serial issued.
        let old = cli.path("old.pdf")
        try Self.write("precious", old)
        let refused = try cli.run(["ballots", "print", "--round", round, "--out", old])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already exists") && refused.stderr.contains("--force"))
        #expect(Self.text(old) == "precious")
        #expect(try Self.serialsIssued(cli) == "0")
        let slipsRefused = try cli.run(["ballots", "slips", "--round", round, "--out", old])
        #expect(slipsRefused.status == 1 && Self.text(old) == "precious")

        // A stray PATH.part (and PATH.partial) is someone else's: never deleted or truncated.
        let fresh = cli.path("fresh.pdf")
        try Self.write("stray part", fresh + ".part")
        try Self.write("stray partial", fresh + ".partial")
        let printed = try cli.run(["ballots", "print", "--round", round, "--out", fresh])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(Self.text(fresh)?.hasPrefix("%PDF") == true)
        #expect(Self.text(fresh + ".part") == "stray part")
        #expect(Self.text(fresh + ".partial") == "stray partial")
        #expect(Self.mode(fresh) == 0o600)
        #expect(try Self.serialsIssued(cli) == "2")

        // --force replaces a regular file only, owner-only; a link is not replaced even so.
        let forced = try cli.run([
            "ballots", "slips", "--round", round, "--out", old, "--force", "--extra", "1", "--public-url",
            "https://phieu.example.vn",
        ])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Self.text(old)?.hasPrefix("%PDF") == true)
        #expect(Self.mode(old) == 0o600)
        try Self.fm.createSymbolicLink(atPath: cli.path("link.pdf"), withDestinationPath: cli.path("folder/inside.txt"))
        let link = try cli.run(
            ["ballots", "print", "--round", round, "--out", cli.path("link.pdf"), "--force", "--extra", "1"])
        #expect(link.status == 1 && link.stderr.contains("not a regular file"), "\(link.stdout)\(link.stderr)")
        #expect(Self.text(cli.path("folder/inside.txt")) == "keep me")

        // No temporary file is left behind.
        let leftovers = try Self.fm.contentsOfDirectory(atPath: cli.workspace).filter {
            ($0.hasSuffix(".part") || $0.hasSuffix(".partial")) && !$0.hasPrefix("fresh.pdf.part")
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func reportOutAndAuditExportRefuseRatherThanReplace() throws {
        let cli = try CLI.temporaryWorkspace("report-out")
        let round = try RoundAndPrintTests.openRound(cli, ballots: 2)

        // report: an existing file needs --force; never a workspace file, never a folder.
        let existing = cli.path("flags.json")
        try Self.write("precious", existing)
        let refused = try cli.run(["report", "flags", "--period", "2026-Q3", "--format", "json", "--out", existing])
        #expect(refused.status == 1 && refused.stderr.contains("already exists"), "\(refused.stderr)")
        #expect(Self.text(existing) == "precious")
        for format in ["json", "pdf"] {
            let db = try cli.run(
                [
                    "report", "flags", "--period", "2026-Q3", "--format", format, "--out", cli.path("phieukin.sqlite"),
                    "--force",
                ])
            #expect(db.status == 1 && db.stderr.contains("the database file"), "\(db.stderr)")
            let folder = try cli.run(
                ["report", "flags", "--period", "2026-Q3", "--format", format, "--out", cli.path("keys"), "--force"])
            #expect(folder.status == 1, "\(folder.stderr)")
        }
        #expect(try cli.run(["round", "list"]).status == 0, "the database survived")
        let forced = try cli.run(
            ["report", "flags", "--period", "2026-Q3", "--format", "json", "--out", existing, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Self.text(existing)?.hasPrefix("{") == true)
        #expect(Self.mode(existing) == 0o600)
        let pdf = cli.path("flags.pdf")
        #expect(try cli.run(["report", "flags", "--period", "2026-Q3", "--format", "pdf", "--out", pdf]).status == 0)
        #expect(Self.text(pdf)?.hasPrefix("%PDF") == true && Self.mode(pdf) == 0o600)

        // audit export: a non-empty folder is refused (stale file kept, nothing added).
        let stale = cli.path("bundle-stale")
        try Self.fm.createDirectory(atPath: stale, withIntermediateDirectories: true)
        try Self.write("old", stale + "/round.json")
        let intoStale = try cli.run(["audit", "export", "--round", round, "--out", stale])
        #expect(intoStale.status == 1 && intoStale.stderr.contains("is not empty"), "\(intoStale.stderr)")
        #expect(try Self.fm.contentsOfDirectory(atPath: stale) == ["round.json"])
        #expect(Self.text(stale + "/round.json") == "old")
        let intoKeys = try cli.run(["audit", "export", "--round", round, "--out", cli.path("keys/rounds/x")])
        #expect(intoKeys.status == 1 && intoKeys.stderr.contains("keys folder"), "\(intoKeys.stderr)")
        #expect(!Self.fm.fileExists(atPath: cli.path("keys/rounds/x")))
        // An empty folder or a new one is fine; a second export into it is refused.
        let empty = cli.path("bundle-empty")
        try Self.fm.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(try cli.run(["audit", "export", "--round", round, "--out", empty]).status == 0)
        let fresh = cli.path("bundle-new")
        let exported = try cli.run(["audit", "export", "--round", round, "--out", fresh])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(Self.mode(fresh) == 0o700)
        for file in try Self.fm.contentsOfDirectory(atPath: fresh) { #expect(Self.mode(fresh + "/" + file) == 0o600) }
        let again = try cli.run(["audit", "export", "--round", round, "--out", fresh])
        #expect(again.status == 1 && again.stderr.contains("is not empty"))

        // Issue 13, item 7: a log that does not verify is not exported; no folder is created.
        // A serial marked used that no ballot in the log accounts for.
        try CLI.sql(
            cli.path("phieukin.sqlite"), "INSERT INTO usedSerial (roundID, hash) VALUES ('\(round)', zeroblob(32))")
        #expect(try cli.run(["verify", "--round", round]).status == 3)
        let tampered = cli.path("bundle-tampered")
        let unexported = try cli.run(["audit", "export", "--round", round, "--out", tampered])
        #expect(unexported.status == 1, "\(unexported.stderr)")
        #expect(
            unexported.stderr.hasPrefix(
                "Error: the ballot log of round \(round) does not verify, so no audit bundle was written: "),
            "\(unexported.stderr)")
        #expect(unexported.stderr.contains("Next: phieukin verify"))
        #expect(!Self.fm.fileExists(atPath: tampered))
    }

    // MARK: A lost database

    @Test func anEmptiedOrMissingDatabaseIsAnErrorThatSaysWhatWasLost() throws {
        let cli = try CLI.temporaryWorkspace("lost-db")
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["roster", "import", RoundAndPrintTests.roster]).status == 0)
        for unit in ["VP", "TP", "TNMT"] {
            let opened = try cli.run(
                ["round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", unit, "--ballots", "5"])
            #expect(opened.status == 0, "\(opened.stderr)")
        }
        let database = cli.path("phieukin.sqlite")
        #expect(try cli.run(["verify"]).status == 0)

        // Emptied to 0 bytes: every command refuses and says what was lost; nothing re-created.
        try Data().write(to: URL(fileURLWithPath: database))
        for arguments in [["verify"], ["round", "list"], ["survey", "list"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(!result.stdout.contains("OK"))
            #expect(result.stderr.contains("is empty (0 bytes)"), "\(result.stderr)")
            #expect(result.stderr.contains("keys of 3 rounds"), "\(result.stderr)")
            #expect(
                result.stderr.contains("Restore the workspace from its backup into a new folder")
                    && result.stderr.contains("phieukin restore BACKUP-FILE --to NEW-FOLDER"), "\(result.stderr)")
        }
        #expect(Self.fm.contents(atPath: database)?.count == 0, "the empty file was not turned into a new database")
        #expect(!Self.fm.fileExists(atPath: database + "-wal"))
        #expect(try cli.run(["init"]).status == 1, "init does not build over a workspace's keys")

        // An SQLite file without PhieuKin's tables is refused the same way.
        try Self.fm.removeItem(atPath: database)
        try CLI.sql(database, "CREATE TABLE other (x)")
        let schemaless = try cli.run(["verify"])
        #expect(
            schemaless.status == 1 && schemaless.stderr.contains("holds no PhieuKin tables"), "\(schemaless.stderr)")

        // Missing altogether: the same, and init refuses to start over on top of the keys.
        try Self.fm.removeItem(atPath: database)
        let missing = try cli.run(["verify"])
        #expect(missing.status == 1 && missing.stderr.contains("is missing although"), "\(missing.stderr)")
        #expect(missing.stderr.contains("keys/agency.pem"))
        #expect(!Self.fm.fileExists(atPath: database))
        let reinit = try cli.run(["init"])
        #expect(
            reinit.status == 1 && reinit.stderr.contains("restore the workspace from its backup into a new folder"),
            "\(reinit.stderr)")
        #expect(!Self.fm.fileExists(atPath: database))
    }

    @Test func verifyReportsRoundKeysWhoseRoundsTheDatabaseLost() throws {
        let cli = try CLI.temporaryWorkspace("orphan-keys")
        let round = try RoundAndPrintTests.openRound(cli, ballots: 2)
        #expect(try cli.run(["verify"]).status == 0)
        // The database rolled back to before the round was opened (an old backup).
        try CLI.sql(cli.path("phieukin.sqlite"), "DELETE FROM roundOfficial WHERE roundID = '\(round)'")
        try CLI.sql(cli.path("phieukin.sqlite"), "DELETE FROM round WHERE id = '\(round)'")
        let result = try cli.run(["verify"])
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("keys/rounds holds keys of 1 round the database does not have (\(round))"))
        #expect(!result.stdout.contains("OK: every check passed."))
    }

    // MARK: Unnumbered rounds

    static func unnumberedRound(_ cli: CLI, ballots: Int, electorate: Int? = nil) throws -> String {
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["roster", "import", RoundAndPrintTests.roster]).status == 0)
        let opened = try cli.run(
            [
                "round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "VP", "--ballots",
                "\(ballots)", "--serials", "none",
            ] + (electorate.map { ["--electorate", "\($0)"] } ?? []))
        #expect(opened.status == 0, "\(opened.stderr)")
        return opened.lastLine
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func unnumberedRoundQuarantinesBallotsBeyondItsPlannedCount() throws {
        let cli = try CLI.temporaryWorkspace("over-planned")
        let round = try Self.unnumberedRound(cli, ballots: 5, electorate: 5)
        let rows = (0..<40).map { i in i % 3 == 0 ? "x,," : i % 3 == 1 ? ",x," : ",,x" }
        let file = cli.path("forty.csv")
        try Self.write((["VP01.dao-duc,VP02.thai-do,VP03.ky-luat"] + rows).joined(separator: "\n") + "\n", file)
        let result = try cli.run(["import", "--round", round, file, "--json"])
        #expect(result.status == 2, "\(result.stderr)")
        let report = try Self.json(result.stdout)
        #expect(report["accepted"] as? Int == 5)
        #expect(report["rejected"] as? Int == 35)
        #expect((report["rejected_by_reason"] as? [String: Int]) == ["over-planned": 35])
        let rejects = try #require(report["rejects"] as? [[String: Any]])
        #expect(rejects.first?["line"] as? Int == 7, "rows after the 5th, in file order")
        #expect((rejects.first?["reason"] as? String)?.contains("opened for 5 ballots") == true)

        // Nothing lost: they wait in the quarantine, the round cannot close, accepting them is refused.
        let close = try cli.run(["round", "close", "--round", round])
        #expect(close.status == 1 && close.stderr.contains("35 quarantined ballots pending"), "\(close.stderr)")
        let accept = try cli.run(["rejects", "accept", "--all", "--round", round, "--reason", "thử"])
        #expect(accept.status == 1 && accept.stderr.contains("would exceed"), "\(accept.stderr)")
        #expect(try cli.run(["verify"]).status == 0)
        let discard = try cli.run(["rejects", "discard", "--all", "--round", round, "--reason", "phiếu thừa"])
        #expect(discard.status == 0, "\(discard.stderr)")
        #expect(try cli.run(["round", "close", "--round", round]).status == 0)
        let tally = try cli.run(["tally", "--round", round])
        #expect(tally.status == 0, "\(tally.stderr)")
        #expect(tally.stdout.contains("5 ballots counted"))
        #expect(tally.stdout.contains("35 ballots beyond the planned 5 were quarantined (over-planned)"))
    }

    @Test func theSmallerOfBallotsAndElectorateCapsARoundAndVerifyReportsAnExcess() throws {
        let cli = try CLI.temporaryWorkspace("cap")
        let round = try Self.unnumberedRound(cli, ballots: 10, electorate: 3)
        let file = cli.path("four.csv")
        try Self.write("VP01.dao-duc\nx\n\nx\n\n", file)
        let first = try cli.run(["import", "--round", round, file, "--json"])
        #expect(try Self.json(first.stdout)["accepted"] as? Int == 2)
        let second = cli.path("two.csv")
        try Self.write("VP02.dao-duc\nx\nx\n", second)
        let more = try Self.json(try cli.run(["import", "--round", round, second, "--json"]).stdout)
        #expect(more["accepted"] as? Int == 1 && more["rejected"] as? Int == 1, "\(more)")

        // A round that holds more ballots than planned (made before the cap, or edited) fails verify.
        try CLI.sql(cli.path("phieukin.sqlite"), "UPDATE round SET electorate = 2 WHERE id = '\(round)'")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 3)
        #expect(verify.stdout.contains("3 ballots accepted but the round was opened for 2"), "\(verify.stdout)")
    }

    @Test func aResavedUnnumberedFileIsRecognisedByItsContent() throws {
        let cli = try CLI.temporaryWorkspace("resaved")
        let round = try Self.unnumberedRound(cli, ballots: 50)
        let original = cli.path("keyed.csv")
        try Self.write("VP01.dao-duc,VP02.thai-do,remark\nx,,Tốt\n,x,\nx,x,\"a, b\"\n", original)
        #expect(try cli.run(["import", "--round", round, original]).status == 0)
        func leaves() throws -> String {
            try CLI.sql(cli.path("phieukin.sqlite"), "SELECT COUNT(*) FROM leaf").output
        }
        #expect(try leaves() == "3")

        // The same rows re-saved: CRLF, a BOM, quotes, trailing blank lines, columns reordered.
        let variants = [
            "\u{FEFF}VP01.dao-duc,VP02.thai-do,remark\r\nx,,Tốt\r\n,x,\r\nx,x,\"a, b\"\r\n\r\n\r\n",
            "\"VP01.dao-duc\",\"VP02.thai-do\",\"remark\"\n\"x\",\"\",\"Tốt\"\n\"\",\"x\",\"\"\n\"x\",\"x\",\"a, b\"\n",
            "remark,VP02.thai-do,VP01.dao-duc\nTốt,,x\n,x,\n\"a, b\",x,x\n",
        ]
        for (i, variant) in variants.enumerated() {
            let path = cli.path("resaved-\(i).csv")
            try Self.write(variant, path)
            let result = try cli.run(["import", "--round", round, path])
            #expect(result.status == 1, "variant \(i): \(result.stdout)")
            #expect(result.stderr.contains("same ballots, in the same order"), "\(result.stderr)")
            #expect(result.stderr.contains("batch 1"))
        }
        #expect(try leaves() == "3", "nothing was counted twice")

        // Two copies in one import are refused too; different ballots are welcome.
        let other = cli.path("other.csv")
        try Self.write("VP01.dao-duc,VP02.thai-do\n,x\nx,\n", other)
        let copy = cli.path("other-copy.csv")
        try Self.write("VP01.dao-duc,VP02.thai-do\r\n,x\r\nx,\r\n", copy)
        let both = try cli.run(["import", "--round", round, other, copy])
        #expect(both.status == 1 && both.stderr.contains("as \(other) in this import"), "\(both.stdout)\(both.stderr)")
        #expect(try cli.run(["import", "--round", round, other]).status == 0)
        #expect(try leaves() == "5")
    }

    // MARK: Permissions

    @Test func everythingIsOwnerOnlyEvenUnderUmask000() throws {
        let cli = try CLI.temporaryWorkspace("umask")
        try Self.fm.removeItem(atPath: cli.workspace)  // init creates the workspace folder itself
        func run(_ arguments: [String]) throws -> CLI.Result {
            let result = try Self.runUnderUmask000(cli, arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }
        try run(["init"])
        try run(["roster", "import", RoundAndPrintTests.roster])
        let round = try run(
            ["round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "VP", "--ballots", "2"]
        ).lastLine
        let shares = cli.workspace + "-shares"
        try run(
            [
                "round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "TP", "--ballots", "2",
                "--committee", "3", "--threshold", "2", "--shares-dir", shares,
            ])
        try run(["ballots", "print", "--round", round, "--out", cli.path("ballots.pdf")])
        try run([
            "ballots", "slips", "--round", round, "--out", cli.path("slips.pdf"), "--extra", "1", "--public-url",
            "https://phieu.example.vn",
        ])
        try run(["report", "flags", "--period", "2026-Q3", "--format", "html", "--out", cli.path("flags.html")])
        try run(["audit", "export", "--round", round, "--out", cli.path("audit")])

        for folder in [
            cli.workspace, cli.path("ballots"), cli.path("keys"), cli.path("keys/rounds"), shares, cli.path("audit"),
        ] {
            #expect(Self.mode(folder) == 0o700, "\(folder): \(String(Self.mode(folder), radix: 8))")
        }
        var files = ["phieukin.sqlite", "ballots.pdf", "slips.pdf", "flags.html", "keys/agency.pem"].map(cli.path)
        files += try Self.fm.contentsOfDirectory(atPath: cli.path("audit")).map { cli.path("audit/" + $0) }
        files += try Self.fm.contentsOfDirectory(atPath: shares).map { shares + "/" + $0 }
        for suffix in ["-wal", "-shm"] where Self.fm.fileExists(atPath: cli.path("phieukin.sqlite" + suffix)) {
            files.append(cli.path("phieukin.sqlite" + suffix))
        }
        for file in files {
            #expect(Self.mode(file) == 0o600, "\(file): \(String(Self.mode(file), radix: 8))")
        }
        let everything = try Self.fm.subpathsOfDirectory(atPath: cli.workspace)
        for name in everything {
            let mode = Self.mode(cli.path(name))
            #expect(mode & 0o077 == 0, "\(name) is readable by others: \(String(mode, radix: 8))")
        }
    }

    static let localSurvey = """
        id: local-vote
        version: 1
        title: {vi: Phiếu thử, en: Trial ballot}
        instructions: {vi: Đánh dấu, en: Mark}
        shape: official-choice
        cadence: adhoc
        channels: [staff]
        choices:
          - {code: a, label: {vi: Có, en: "Yes"}}
          - {code: b, label: {vi: Không, en: "No"}}

        """

    @Test func aSurveyDefinitionOthersCanChangeIsRefused() throws {
        let cli = try CLI.temporaryWorkspace("yaml-mode")
        #expect(try cli.run(["init"]).status == 0)
        let file = cli.path("ballots/local.yaml")
        try Self.write(Self.localSurvey, file)
        chmod(file, 0o600)
        let ok = try cli.run(["survey", "list"])
        #expect(ok.status == 0 && ok.stdout.contains("local-vote"), "\(ok.stderr)")

        chmod(file, 0o664)
        let list = try cli.run(["survey", "list"])
        #expect(list.status == 2)
        #expect(list.stdout.contains("quarterly-7") && !list.stdout.contains("local-vote"))
        #expect(
            list.stderr.contains("error: \(file): refused: other users can change the file (mode 664)"),
            "\(list.stderr)")
        let show = try cli.run(["survey", "show", "local-vote"])
        #expect(show.status == 1 && show.stderr.contains("local.yaml"), "\(show.stderr)")

        chmod(file, 0o600)
        chmod(cli.path("ballots"), 0o777)
        let folder = try cli.run(["survey", "list"])
        #expect(folder.status == 2 && folder.stderr.contains("can be changed by other users"), "\(folder.stderr)")
        chmod(cli.path("ballots"), 0o700)
    }

    // MARK: Bad survey definitions

    @Test func aBadSurveyDefinitionAffectsOnlyItself() throws {
        let cli = try CLI.temporaryWorkspace("bad-yaml")
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["roster", "import", RoundAndPrintTests.roster]).status == 0)
        try Self.write(Self.localSurvey, cli.path("ballots/good.yaml"))
        try Self.write("id: broken\nversion: [1\n", cli.path("ballots/broken.yaml"))

        let list = try cli.run(["survey", "list"])
        #expect(list.status == 2)
        #expect(list.stdout.contains("quarterly-7") && list.stdout.contains("local-vote"))
        #expect(list.stderr.contains("error: \(cli.path("ballots/broken.yaml")):"), "\(list.stderr)")
        #expect(try cli.run(["survey", "show", "quarterly-7"]).status == 0)
        #expect(try cli.run(["survey", "show", "local-vote"]).status == 0)
        let opened = try cli.run(
            ["round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "VP", "--ballots", "3"])
        #expect(opened.status == 0, "\(opened.stderr)")

        // A huge id: refused before parsing, quickly, and never echoed whole.
        let huge = cli.path("ballots/huge.yaml")
        try Self.write("id: " + String(repeating: "a", count: 30 << 20) + "\n", huge)
        let start = Date()
        let hugeList = try cli.run(["survey", "list"])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(
            hugeList.status == 2 && hugeList.stderr.contains("huge.yaml: the file is 30720 KiB"),
            "\(hugeList.stderr.prefix(300))")
        #expect(hugeList.stderr.count < 2000)
        try Self.fm.removeItem(atPath: huge)

        // Under the size limit, a long bad value is shown as a short excerpt with the file and line.
        let long = cli.path("ballots/long.yaml")
        try Self.write("id: " + String(repeating: "B", count: 200_000) + "\nversion: 1\n", long)
        let longList = try cli.run(["survey", "list"])
        #expect(longList.status == 2)
        #expect(
            longList.stderr.contains("long.yaml:1: id: \"" + String(repeating: "B", count: 60) + "…\" is not an id"),
            "\(longList.stderr.prefix(300))")
        #expect(longList.stderr.count < 2000)
    }
}
