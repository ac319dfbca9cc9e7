import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 9, item 5, as the person at the keyboard sees it: the library's reason after `Error:`,
/// then `Next:` lines with the exact command or option to type; exit codes as before.
@Suite("phieukin errors end with what to type next")
struct ErrorHintsCLITests {
    typealias C = CommitteeCustodyTests

    /// Lines of stderr after the `Error:` line.
    static func hints(_ result: CLI.Result) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("Next: ") || $0.hasPrefix("  or: ")
        }
    }

    @Test func noWorkspaceSaysHowToCreateOrChooseOne() throws {
        let cli = try CLI.temporaryWorkspace("hint-none")
        let result = try cli.run(["round", "list"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: no PhieuKin workspace at \(cli.workspace)."), "\(result.stderr)")
        #expect(
            Self.hints(result) == [
                "Next: phieukin init",
                "  or: pass --workspace DIR, or set PHIEUKIN_WORKSPACE, to use another workspace",
            ])
    }

    @Test func roundStatesNameTheCommandThatMovesTheRoundOn() throws {
        let cli = try C.workspace("hint-states")
        let opened = try cli.run(C.open + ["--period", "2026-Q3"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let round = opened.lastLine
        #expect(opened.stdout.contains("At the tally") == false, "a 1-of-1 round has no committee to gather")

        let early = try cli.run(["tally", "--round", round])
        #expect(early.status == 1)
        #expect(early.stderr.contains("Error: round \(round) is still open; only a closed round is counted."))
        #expect(Self.hints(early) == ["Next: phieukin round close --round \(round)"])

        let unknown = try cli.run(["tally", "--round", "2026-Q3-X-nope"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("Error: round 2026-Q3-X-nope not found."))
        #expect(Self.hints(unknown) == ["Next: phieukin round list"])

        // A ballot with an invalid mark is quarantined: exit 2, and closing waits for a decision.
        let file = cli.workspace + "-bad.csv"
        try "a.dao-duc,b.thai-do\nx,\nq,\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--round", round, file]).status == 2)
        let pending = try cli.run(["round", "close", "--round", round])
        #expect(pending.status == 1)
        #expect(pending.stderr.contains("has 1 quarantined ballots pending"))
        #expect(
            Self.hints(pending) == [
                "Next: phieukin rejects list --round \(round), then for each: "
                    + "phieukin rejects accept|discard --round \(round) --reason \"…\" ID"
            ])
        #expect(try cli.run(["rejects", "discard", "--round", round, "--reason", "nhập lại", "--all"]).status == 0)
        #expect(try cli.run(["round", "close", "--round", round]).status == 0)

        #expect(try cli.run(["tally", "--round", round]).status == 0)
        let twice = try cli.run(["tally", "--round", round])
        #expect(twice.status == 1)
        #expect(Self.hints(twice) == ["Next: phieukin tally --round \(round) --recount", "  or: phieukin verify"])
    }

    /// The agency passphrase is `--agency-passphrase-file` on commands that also take a round's
    /// own passphrase, `--passphrase-file` on the others: the hint names the right one.
    @Test func passphraseHintsNameTheOptionOfTheCommandThatFailed() throws {
        let cli = try C.workspace("hint-pass", passphrase: "mật khẩu cơ quan")
        let agency = try C.secret(cli, "agency-pass.txt", "mật khẩu cơ quan")

        let open = try cli.run(C.open + ["--period", "2026-Q3"])
        #expect(open.status == 1)
        #expect(open.stderr.contains("agency key is passphrase-protected, so the round's tally key must be too"))
        #expect(
            Self.hints(open) == [
                "Next: add --agency-passphrase-file FILE (the agency key's passphrase)",
                "  or: add --passphrase-file FILE (the passphrase chosen for the round's key when it was opened)",
            ])

        let opened = try cli.run(C.open + ["--period", "2026-Q3", "--agency-passphrase-file", agency])
        #expect(opened.status == 0, "\(opened.stderr)")
        let round = opened.lastLine
        let close = try cli.run(["round", "close", "--round", round])
        #expect(close.status == 1)
        #expect(close.stderr.contains("is encrypted: the agency passphrase is needed."))
        #expect(Self.hints(close) == ["Next: add --passphrase-file FILE (the agency key's passphrase)"])
        try C.fillAndClose(cli, round, passphrase: ["--passphrase-file", agency])

        let tally = try cli.run(["tally", "--round", round])
        #expect(tally.status == 1)
        #expect(tally.stderr.contains("is encrypted"))
        // On a passphrase workspace the agency passphrase is the one that works (it opens the key
        // and signs the result), so it comes first.
        #expect(
            Self.hints(tally) == [
                "Next: add --agency-passphrase-file FILE (the agency key's passphrase)",
                "  or: add --passphrase-file FILE (the passphrase chosen for the round's key when it was opened)",
            ])
        #expect(try cli.run(["tally", "--round", round, "--agency-passphrase-file", agency]).status == 0)
    }

    /// Usage errors keep ArgumentParser's own text and exit 64; nothing is added to them.
    @Test func usageErrorsAreUnchanged() throws {
        let cli = try C.workspace("hint-usage")
        let bad = try cli.run(C.open + ["--period", "2026-Q3", "--serials", "some"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("Error: --serials takes numbered or none."))
        #expect(Self.hints(bad).isEmpty)
        #expect(try cli.run(["round", "open"]).status == 64)
    }
}
