import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 8, item 5: readers never wait for a writer, a busy or full workspace is named plainly,
/// a read-only copy can be audited, and two imports of one file at once end the same way every
/// time.
@Suite("phieukin with other processes, locks and read-only copies")
struct WorkspaceAccessTests {
    /// A program started in the background; `waitFor` reads its stream until a line appears.
    final class Background {
        let process = Process()
        let pipe = Pipe()
        var seen = ""

        init(
            _ executable: String, _ arguments: [String], environment: [String: String] = [:], stderr: Bool = false
        )
            throws
        {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            if stderr {
                process.standardError = pipe
                process.standardOutput = FileHandle.nullDevice
            } else {
                process.standardOutput = pipe
                process.standardError = FileHandle.nullDevice
            }
            try process.run()
        }

        func waitFor(_ marker: String) -> Bool {
            while !seen.contains(marker) {
                let chunk = pipe.fileHandleForReading.availableData
                if chunk.isEmpty { return false }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            return true
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
    }

    static func seconds(_ body: () throws -> CLI.Result) rethrows -> (CLI.Result, Double) {
        let start = Date()
        let result = try body()
        return (result, Date().timeIntervalSince(start))
    }

    /// Another process holds the write lock (BEGIN IMMEDIATE, a change made, not committed): every
    /// reading command still answers at once; a writing one waits its 10 s and says why.
    @Test func readersDoNotWaitForAWriter() throws {
        let cli = try CLI.temporaryWorkspace("locked")
        let round = try RoundAndPrintTests.openRound(cli)
        let script = """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            c.execute("UPDATE meta SET value = value WHERE key = 'agency'")
            print("locked", flush=True)
            time.sleep(60)
            """
        let holder = try Background("/usr/bin/python3", ["-c", script, cli.path("phieukin.sqlite")])
        defer { holder.stop() }
        #expect(holder.waitFor("locked"))

        for command in [
            ["round", "list"], ["verify"], ["rejects", "list", "--round", round], ["roster", "list"], ["keys", "show"],
        ] {
            let (result, elapsed) = try Self.seconds { try cli.run(command) }
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(elapsed < 5, "\(command) took \(elapsed) s")
        }
        let listed = try cli.run(["round", "list"])
        #expect(listed.stdout.contains(round))
        #expect(try cli.run(["verify"]).stdout.contains("OK: every check passed."))

        let (close, elapsed) = try Self.seconds { try cli.run(["round", "close", "--round", round]) }
        #expect(close.status == 1)
        #expect(
            close.stderr.contains(
                "another PhieuKin command is writing to this workspace; wait for it to finish and try again"),
            "\(close.stderr)")
        #expect(!close.stderr.contains("Check that the workspace exists"))
        #expect(elapsed >= 9)

        holder.stop()
        let closed = try cli.run(["round", "close", "--round", round])
        #expect(closed.status == 0, "\(closed.stderr)")
        // A second close says so plainly.
        let again = try cli.run(["round", "close", "--round", round])
        #expect(again.status == 1)
        #expect(again.stderr.contains("round \(round) is already closed; nothing was changed."), "\(again.stderr)")
    }

    /// Two imports of the same numbered file at once: the second waits for the first, sees every
    /// serial it used, reports all rows as duplicates (exit 2) and stores nothing — every time.
    @Test func simultaneousImportsOfOneFileAreDeterministic() throws {
        let cli = try CLI.temporaryWorkspace("race")
        let (round, s) = try ImportCLITests.numberedRound(cli, ballots: 4)
        let file = cli.path("keyed.csv")
        try "serial,VP01.dao-duc,VP02.thai-do\n\(s[0]),x,\n\(s[1]),,x\n\(s[2]),,\n\(s[3]),x,x\n"
            .write(toFile: file, atomically: true, encoding: .utf8)

        // The first import stops for 3 s inside its write transaction, after its first leaf.
        let first = try Background(
            CLI.binary, ["import", "--round", round, file],
            environment: [
                "PHIEUKIN_WORKSPACE": cli.workspace, "PHIEUKIN_LANG": "en", "PHIEUKIN_TEST_PAUSE_AFTER_ROWS": "1",
                "PHIEUKIN_TEST_PAUSE_SECONDS": "3",
            ], stderr: true)
        defer { first.stop() }
        #expect(first.waitFor("PHIEUKIN_TEST_PAUSED"))
        let second = try cli.run(["import", "--round", round, file, "--json"])
        first.process.waitUntilExit()
        #expect(first.process.terminationStatus == 0)

        #expect(second.status == 2, "\(second.stdout)\(second.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(json["accepted"] as? Int == 0 && json["duplicates"] as? Int == 4 && json["rejected"] as? Int == 0)
        #expect(json["already_imported_batch"] as? Int == 1)
        #expect((json["rejected_by_reason"] as? [String: Int]) == ["serial-used": 4])
        let db = cli.path("phieukin.sqlite")
        #expect(try CLI.sql(db, "SELECT COUNT(*) FROM leaf").output == "4")
        #expect(try CLI.sql(db, "SELECT COUNT(*) FROM batch").output == "1")
        #expect(try CLI.sql(db, "SELECT COUNT(*) FROM reject").output == "0")
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// A copy of a workspace that may not be written (files 0400, folders 0500) is verified,
    /// listed, reported and exported; commands that would change it say it is read-only. Root
    /// ignores permission bits, so as root the commands run as `nobody` (setpriv) on a copy
    /// owned by nobody.
    @Test func readOnlyCopyCanBeAudited() throws {
        let cli = try CLI.temporaryWorkspace("readonly")
        let (round, s) = try ImportCLITests.numberedRound(cli, ballots: 3)
        try "serial,VP01.dao-duc\n\(s[0]),x\n\(s[1]),\n".write(
            toFile: cli.path("keyed.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--round", round, cli.path("keyed.csv")]).status == 0)
        #expect(try cli.run(["round", "close", "--round", round]).status == 0)
        #expect(try cli.run(["tally", "--round", round]).status == 0)

        let isRoot = getuid() == 0
        let setpriv = "/usr/bin/setpriv"
        if isRoot && !FileManager.default.isExecutableFile(atPath: setpriv) {
            // Without a way to drop root, permission bits cannot be tested here.
            return
        }
        // A folder anyone may enter (the per-process test folder may be private).
        var template = Array((NSTemporaryDirectory() + "/phieukin-ro-XXXXXX").utf8CString)
        let base = try #require(
            template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) })
        defer { try? FileManager.default.removeItem(atPath: base) }
        chmod(base, 0o755)
        let out = base + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        chmod(out, 0o777)

        /// Runs phieukin on `copy`, as nobody when root.
        func run(_ copy: String, _ arguments: [String]) throws -> CLI.Result {
            let env = ["PHIEUKIN_WORKSPACE": copy, "HOME": base, "PHIEUKIN_LANG": "en"]
            if isRoot {
                return try ExternalTool.run(
                    setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", "--", CLI.binary] + arguments,
                    environment: env)
            }
            return try ExternalTool.run(CLI.binary, arguments, environment: env)
        }
        func readOnlyCopy(_ name: String, databaseOnly: Bool) throws -> String {
            let copy = base + "/" + name
            try FileManager.default.copyItem(atPath: cli.workspace, toPath: copy)
            if databaseOnly {
                // As after a clean shutdown: everything checkpointed into phieukin.sqlite, no -wal/-shm.
                let checkpoint = try ExternalTool.run(
                    "/usr/bin/python3",
                    [
                        "-c",
                        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()",
                        copy + "/phieukin.sqlite",
                    ])
                #expect(checkpoint.status == 0, "\(checkpoint.stderr)")
                for suffix in ["-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: copy + "/phieukin.sqlite" + suffix)
                }
            }
            if isRoot { #expect(try ExternalTool.run("/bin/chown", ["-R", "65534:65534", copy]).status == 0) }
            #expect(try ExternalTool.run("/bin/chmod", ["-R", "u=rX,go=", copy]).status == 0)
            return copy
        }

        for (name, databaseOnly) in [("as-copied", false), ("checkpointed", true)] {
            let copy = try readOnlyCopy(name, databaseOnly: databaseOnly)
            let verify = try run(copy, ["verify"])
            #expect(verify.status == 0, "\(name): \(verify.stdout)\(verify.stderr)")
            #expect(verify.stdout.contains("OK: every check passed."), "\(name): \(verify.stdout)")
            let list = try run(copy, ["round", "list"])
            #expect(list.status == 0 && list.stdout.contains("\(round)  tallied"), "\(name): \(list.stderr)")
            let report = try run(copy, ["report", "--round", round, "--lang", "en"])
            #expect(report.status == 0 && report.stdout.contains("2"), "\(name): \(report.stderr)")
            let bundle = out + "/" + name
            let export = try run(copy, ["audit", "export", "--round", round, "--out", bundle])
            #expect(export.status == 0, "\(name): \(export.stderr)")
            let independent = try ExternalTool.run(
                "/usr/bin/python3", [CLI.repository + "/scripts/verify-audit", bundle])
            #expect(independent.status == 0, "\(name): \(independent.stdout)")

            let refused = try run(copy, ["roster", "import", CLI.repository + "/examples/roster.csv"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("is read-only here"), "\(name): \(refused.stderr)")
            // Nothing was written into the copy (no -wal or -shm created, nothing changed).
            let files = try FileManager.default.contentsOfDirectory(atPath: copy)
            #expect(databaseOnly ? !files.contains("phieukin.sqlite-wal") : true, "\(files)")
        }
    }

    /// A real full disk (a 2 MiB tmpfs, filled up): the command says the disk is full, with no
    /// hint about the workspace's existence or permissions, and works again once space is freed.
    /// Mounting needs root with CAP_SYS_ADMIN; elsewhere the test ends early (the Store test
    /// `aFullDiskIsSaidPlainly` covers SQLITE_FULL without a mount).
    @Test func aFullDiskIsReportedAsSuch() throws {
        guard getuid() == 0 else { return }
        let mountPoint = try TemporaryFiles.directory("tmpfs").path
        guard try ExternalTool.run("/bin/mount", ["-t", "tmpfs", "-o", "size=2m", "none", mountPoint]).status == 0
        else { return }
        defer { _ = try? ExternalTool.run("/bin/umount", [mountPoint]) }
        let cli = CLI(workspace: mountPoint + "/ws")
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["roster", "import", RoundAndPrintTests.roster]).status == 0)
        let filler = mountPoint + "/filler"
        _ = try ExternalTool.run("/bin/dd", ["if=/dev/zero", "of=\(filler)", "bs=4096"])

        let open = [
            "round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "VP", "--ballots", "3",
        ]
        let full = try cli.run(open)
        #expect(full.status == 1)
        #expect(full.stderr.contains("the disk is full"), "\(full.stderr)")
        #expect(!full.stderr.contains("Check that the workspace exists"), "\(full.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("keys/rounds")).isEmpty)
        try FileManager.default.removeItem(atPath: filler)
        let opened = try cli.run(open)
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(try cli.run(["verify"]).status == 0)
    }
}
