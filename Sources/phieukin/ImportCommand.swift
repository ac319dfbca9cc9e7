import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

/// `phieukin import`: key-in files → sealed ballots in the round's log (README "Importing ballots").
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: tr("Import keyed ballots (CSV, Excel .xlsx or JSON Lines) into a round: validate, seal, log, sign."),
        discussion: tr(
            """
            Exit status: 0 every ballot accepted; 2 the import was committed but some ballots were \
            rejected or duplicates (they are quarantined: phieukin rejects list); 1 nothing was \
            imported because of an error (message on stderr).
            """))
    @OptionGroup var options: WorkspaceOptions
    @Option(help: ArgumentHelp(tr("The round id (see: phieukin round list)."))) var round: RoundID
    @Option(
        help: ArgumentHelp(
            tr(
                "A second, independent keying of the same paper ballots; only ballots both keyings agree on are accepted."
            ))
    )
    var secondEntry: String?
    @Option(help: ArgumentHelp(tr("File holding the agency signing key's passphrase."))) var passphraseFile: String?
    @Flag(help: ArgumentHelp(tr("Print the documented JSON object (docs/IMPORT-JSON.md) instead of text."))) var json =
        false
    @Argument(
        help: ArgumentHelp(
            tr("CSV, .xlsx or JSON Lines files keyed by tellers (phieukin ballots template writes the header).")))
    var files: [String]

    func run() throws {
        let report = try options.open().intake.importBallots(
            ImportRequest(
                roundID: round, files: files, secondEntry: secondEntry,
                passphrase: try passphraseFile.map(KeyFiles.readPassphrase)))
        if json {
            try printJSON(report)
        } else {
            Self.show(report)
        }
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }

    /// The import's outcome as text (shared with `phieukin scan`).
    static func show(_ report: ImportReport) {
        do {
            say(
                "Round \(report.round): \(report.accepted) accepted, \(counted(report.duplicates, "duplicate")), \(report.rejected) rejected"
            )
            if let ignored = report.ignoredEmptyRows {
                say(
                    "\(counted(ignored, "empty row")) ignored (rows with no answer at all, e.g. left by Excel at the end)."
                )
            }
            for (code, count) in report.rejectedByReason.sorted(by: { $0.key < $1.key }) {
                say("  \(code): \(count)")
            }
            for reject in report.rejects {
                if let id = reject.rejectID {
                    say(
                        "\(reject.file):\(reject.line): [\(reject.code)] \(reject.reason) (waiting for a decision as #\(id))"
                    )
                } else {
                    say("\(reject.file):\(reject.line): [\(reject.code)] \(reject.reason)")
                }
            }
            if let batch = report.alreadyImportedBatch {
                say("These files were already imported (batch \(batch)): nothing was stored again.")
            } else if report.treeHead != nil {
                // The signed head and its root are for verify and the minutes, not for tellers.
                say("The round's ballot log now holds \(counted(report.treeSize, "ballot")), signed.")
            } else {
                say("Nothing to import: the files hold no ballots.")
            }
            if !report.rejects.isEmpty {
                say("Check each quarantined ballot against the paper: phieukin rejects list --round \(report.round)")
            }
        }
    }
}

struct RejectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects", abstract: tr("List and resolve quarantined (rejected) ballots."),
        subcommands: [List.self, Accept.self, Discard.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("List a round's quarantine."))
        @OptionGroup var options: WorkspaceOptions
        @Option(help: ArgumentHelp(tr("The round id."))) var round: RoundID
        @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false

        func run() throws {
            let rejects = try options.open().intake.listRejects(roundID: round)
            if json { return try printJSON(rejects) }
            if rejects.isEmpty { say("No rejected ballots in round \(round).") }
            for r in rejects {
                let acceptable: Message =
                    r.acceptable
                    ? " (can be accepted)"
                    : r.needsSerial ? " (can be accepted only with the serial read from the paper: --serial)" : ""
                let decided: Message = r.decisionReason.map { " — decided: \($0)" } ?? ""
                say(
                    "#\(r.id)  \(rejectStatusWord(r.status))  \(r.source ?? "-")  [\(r.code)] \(r.reason)\(acceptable)\(decided)"
                )
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Accept quarantined ballots whose marks were valid (e.g. an unknown serial checked on paper).")
        )
        @OptionGroup var options: WorkspaceOptions
        @Option(help: ArgumentHelp(tr("The round id."))) var round: RoundID
        @Option(help: ArgumentHelp(tr("Why the committee accepts them (kept, and signed into the round's log).")))
        var reason: String
        @Option(help: ArgumentHelp(tr("File holding the agency signing key's passphrase."))) var passphraseFile: String?
        @Option(
            help: ArgumentHelp(
                tr(
                    "The serial as printed on the paper ballot, for one reject whose serial was in doubt (numbered rounds)."
                )
            ))
        var serial: String?
        @Flag(help: ArgumentHelp(tr("Every pending reject that can be accepted as it is."))) var all = false
        @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false
        @Argument(help: ArgumentHelp(tr("Reject ids (see rejects list)."))) var ids: [Int64] = []

        func validate() throws {
            if all == !ids.isEmpty { throw ValidationError(tr("give reject ids, or --all.")) }
            if serial != nil && ids.count != 1 {
                throw ValidationError(tr("--serial goes with exactly one reject id."))
            }
        }

        func run() throws {
            let decision = try options.open().intake.acceptRejects(
                roundID: round, ids: all ? nil : ids, reason: reason, serial: serial,
                passphrase: try passphraseFile.map(KeyFiles.readPassphrase))
            if json { return try printJSON(decision) }
            say(
                "Accepted \(decision.accepted.map { "#\($0)" }.joined(separator: ", ")); the round's ballot log now holds \(counted(decision.treeSize, "ballot")), signed."
            )
        }
    }

    struct Discard: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Discard quarantined ballots (e.g. keyed again correctly in a later import)."))
        @OptionGroup var options: WorkspaceOptions
        @Option(help: ArgumentHelp(tr("The round id."))) var round: RoundID
        @Option(help: ArgumentHelp(tr("Why they are discarded (kept, and signed into the round's log)."))) var reason:
            String
        @Option(help: ArgumentHelp(tr("File holding the agency signing key's passphrase (the decision is signed).")))
        var passphraseFile: String?
        @Flag(help: ArgumentHelp(tr("Every pending reject."))) var all = false
        @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false
        @Argument(help: ArgumentHelp(tr("Reject ids (see rejects list)."))) var ids: [Int64] = []

        func validate() throws {
            if all == !ids.isEmpty { throw ValidationError(tr("give reject ids, or --all.")) }
        }

        func run() throws {
            let decision = try options.open().intake.discardRejects(
                roundID: round, ids: all ? nil : ids, reason: reason,
                passphrase: try passphraseFile.map(KeyFiles.readPassphrase))
            if json { return try printJSON(decision) }
            say(
                "Discarded \(decision.discarded.map { "#\($0)" }.joined(separator: ", ")); the decision is signed into the round's log."
            )
        }
    }
}

struct CloseRoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: tr("Close a round: sign its final tree head; no more imports."))
    @OptionGroup var options: WorkspaceOptions
    @Option(help: ArgumentHelp(tr("The round id."))) var round: RoundID
    @Option(help: ArgumentHelp(tr("File holding the agency signing key's passphrase."))) var passphraseFile: String?
    @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false

    func run() throws {
        let summary = try options.open().rounds.closeRound(
            roundID: round, passphrase: try passphraseFile.map(KeyFiles.readPassphrase))
        if json { return try printJSON(summary) }
        // The grouped root first: the last line stays "…, root <hex>." for scripts that read it.
        say(
            "Copy this root onto the signed round report; anyone can check the audit bundle against it later: \(AuditBundle.groupedRoot(summary.root))"
        )
        say(
            "Closed \(summary.round): \(summary.treeSize) ballots; final tree head \(summary.treeHead), root \(summary.root)."
        )
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: tr("Check the ballot logs (and other logs) against their signatures, leaves and counts."),
        discussion: tr("Exit status: 0 everything checks out; 3 a problem was found (each is printed); 1 an error."))
    @OptionGroup var options: WorkspaceOptions
    @Option(help: ArgumentHelp(tr("Only this round (default: every round)."))) var round: RoundID?
    @Option(
        help: ArgumentHelp(
            tr(
                """
                The root of the round's close head as read from paper (the signed round report), e.g. \
                "3f9a 12bc …": spaces and dashes are ignored, case does not matter. Needs --round.
                """)))
    var expectRoot: String?
    @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false

    func validate() throws {
        if let expectRoot {
            guard round != nil else { throw ValidationError(tr("--expect-root needs --round: whose root is it?")) }
            guard AuditBundle.root(fromPaper: expectRoot) != nil else {
                throw ValidationError(
                    tr("--expect-root takes the 64 hexadecimal digits of a root (spaces and dashes are ignored)."))
            }
        }
    }

    func run() throws {
        let report = try options.open().audit.verify(
            roundID: round, expectedRoot: expectRoot.flatMap(AuditBundle.root(fromPaper:)))
        if json {
            try printJSON(report)
        } else {
            Self.printRounds(report)
            if let expected = expectRoot.flatMap(AuditBundle.root(fromPaper:)), report.ok {
                say("The close root matches the one read from paper: \(AuditBundle.groupedRoot(expected)).")
            }
            Self.printVerdict(report)
        }
        if !report.ok { throw ExitCode(3) }
    }

    /// One line per round: state and counts.
    static func printRounds(_ report: VerificationReport) {
        for r in report.rounds {
            say(
                "\(r.round) (\(stateWord(r.state))): \(counted(r.leaves, "ballot")), \(counted(r.batches, "batch", "batches")), \(counted(r.treeHeads, "tree head")), "
                    + "issued \(r.issued), used \(r.used), quarantine \(r.rejectsPending) pending / \(r.rejectsAccepted) accepted / \(r.rejectsDiscarded) discarded"
            )
        }
    }

    /// Each problem, then OK or FAILED.
    static func printVerdict(_ report: VerificationReport) {
        for problem in report.problems { say("PROBLEM: \(problem)") }
        say(report.ok ? "OK: every check passed." : "FAILED: \(counted(report.problems.count, "problem")).")
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: tr("Public audit bundles."), subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Write a round's public audit bundle; check it with scripts/verify-audit DIR."))
        @OptionGroup var options: WorkspaceOptions
        @Option(help: ArgumentHelp(tr("The round id."))) var round: RoundID
        @Option(help: ArgumentHelp(tr("Folder to write: new or empty (a folder with files in it is refused).")))
        var out: String
        @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false

        func run() throws {
            let summary = try options.open().audit.exportAudit(roundID: round, to: out)
            if json { return try printJSON(summary) }
            say("Wrote \(summary.directory): \(summary.leaves) leaves, \(summary.treeHeads) tree heads.")
            say("Verify it independently with: scripts/verify-audit \(summary.directory)")
        }
    }
}
