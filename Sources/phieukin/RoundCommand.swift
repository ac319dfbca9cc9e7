import ArgumentParser
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round", abstract: "Open, list and close rounds.",
        subcommands: [Open.self, List.self, CloseRoundCommand.self, Void.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a round of one survey for one or more units; prints the round id on the last line.",
            discussion: """
                One round per survey, unit, period and channel: a second one is refused (void the first if it \
                was a mistake). Give --unit several times (or --all-units) to evaluate several units on one \
                ballot: every member of those units votes and shares are over all of the round's ballots, so \
                small offices stay secret.
                """)
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "Survey id, e.g. quarterly-7.") var survey: SurveyID
        @Option(help: "Period: YYYY-Qn, YYYY-MM or YYYY.") var period: String
        @Option(help: "Unit id from the roster; repeat it to put several units on one ballot.") var unit: [UnitID] = []
        @Flag(help: "Every unit of the roster that has active officials, on one ballot.") var allUnits = false
        @Option(help: "How many ballots (serials) to issue when printing.") var ballots: Int
        @Option(help: "numbered (default) or none for unnumbered paper ballots.") var serials: String = "numbered"
        @Option(help: "Respondent channel (staff, citizens, businesses); default: the survey's first.")
        var channel: String?
        @Option(help: "Number summoned to vote (confidence votes: the quorum is counted against it).")
        var electorate: Int?
        @Option(help: "Committee size N: split the tally key into N shares.") var committee: Int = 1
        @Option(help: "Shares needed to open the round (K of N).") var threshold: Int?
        @Option(
            help:
                "A committee's shares: the folder (outside the workspace, e.g. a USB stick) to write the N share files to."
        )
        var sharesDir: String?
        @Option(
            name: .customLong("share-out"),
            help: "A committee's shares: one member's share file (outside the workspace); repeat exactly N times.")
        var shareOut: [String] = []
        @Option(help: "Encrypt the tally key or each share with the passphrase in this file.")
        var passphraseFile: String?
        @Option(
            help:
                "The agency key's passphrase (a passphrase workspace): encrypts the 1-of-1 tally key when no --passphrase-file is given."
        )
        var agencyPassphraseFile: String?
        @Option(help: "Kiosks: at most one rating per this many seconds on average, per kiosk.")
        var kioskInterval: Int = 20
        @Option(help: "Kiosks: at most this many ratings a day, per kiosk.") var kioskDailyCap: Int = 500
        @Flag(help: "Print a JSON object instead of text.") var json = false

        func run() throws {
            guard kioskInterval >= 1, kioskDailyCap >= 1 else {
                throw ValidationError(tr("--kiosk-interval and --kiosk-daily-cap must be at least 1."))
            }
            guard serials == "numbered" || serials == "none" else {
                throw ValidationError(tr("--serials takes numbered or none."))
            }
            guard unit.isEmpty == allUnits else {
                throw ValidationError(tr("give --unit ID (one or more times) or --all-units."))
            }
            let workspace = try options.open()
            let units = allUnits ? try workspace.rounds.unitIDsWithActiveOfficials() : unit
            var request = RoundRequest(
                surveyID: survey, period: period, unitIDs: units, ballots: ballots, numbered: serials == "numbered",
                channel: channel, electorate: electorate,
                committee: Committee(
                    size: committee, threshold: threshold ?? committee, sharesDirectory: sharesDir,
                    shareOutputs: shareOut, passphrase: try passphraseFile.map(KeyFiles.readPassphrase)),
                agencyPassphrase: try agencyPassphraseFile.map(KeyFiles.readPassphrase))
            request.kioskMinIntervalSeconds = kioskInterval
            request.kioskDailyCap = kioskDailyCap
            let summary = try workspace.rounds.openRound(request)
            for warning in summary.warnings {
                switch warning {
                case .belowMinRespondents(let planned, let minimum):
                    warn(
                        "warning: \(counted(planned, "ballot")) planned, fewer than the \(minimum) this survey needs to "
                            + "report anything. Unless more come in, the round will be inconclusive: no figures, no flag "
                            + "raised or cleared. Consider voiding it and evaluating several units together "
                            + "(round open --unit A --unit B …, or --all-units).")
                }
            }
            if json {
                try printJSON(summary)
                return
            }
            let names = summary.unitIDs.map(\.rawValue).joined(separator: ", ")
            say(
                summary.unitIDs.count == 1
                    ? "Opened \(summary.surveyID) for unit \(names), period \(summary.period)"
                    : "Opened \(summary.surveyID) for units \(names), period \(summary.period)"
            )
            say("Officials on the ballot: \(summary.officials); ballots to issue: \(summary.ballotsPlanned)")
            let encrypted: Message = summary.keyFilesEncrypted == true ? ", passphrase-protected" : ""
            if summary.committeeSize == 1 {
                say("Tally key (1 of 1\(encrypted)): \(summary.keyFiles.first ?? "")")
            } else {
                say(
                    "Tally key split into \(summary.committeeSize) shares, any \(summary.committeeThreshold) open the round\(encrypted):"
                )
                for (index, file) in summary.keyFiles.enumerated() {
                    say("  share \(index + 1) of \(summary.committeeSize): \(file)")
                }
            }
            if let custody = summary.custody { say(custody) }
            if summary.committeeSize > 1 {
                say(
                    "At the tally: phieukin tally --round \(summary.id) --share FILE … (one --share per member present)"
                )
            }
            say("Next: phieukin ballots print --round \(summary.id) --out ballots.pdf")
            print(summary.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rounds and their state.")
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "Only this unit.") var unit: UnitID?
        @Option(help: "Only this survey.") var survey: SurveyID?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let rounds = try options.open().rounds.listRounds(unitID: unit, surveyID: survey)
            if json {
                try printJSON(rounds)
                return
            }
            for r in rounds {
                var line: Message =
                    "\(r.id)  \(stateWord(r.state))  \(r.surveyID)  \(r.unitIDs.map(\.rawValue).joined(separator: "+"))  \(r.period)  issued \(r.serialsIssued)/\(r.ballotsPlanned)"
                if let reason = r.voidReason { line += "  voided \(r.voidedOn ?? ""): \(reason)" }
                say(line)
            }
        }
    }

    struct Void: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Void a round opened by mistake: signed with its reason, left out of flags and reports.",
            discussion: """
                Works at any state. The void and its reason are signed into the round's log (and, for a tallied \
                round, recorded beside its result in the results log); its serials and access codes stop \
                working; flags and reports leave it out and list it as voided. The period can then be run again.
                """)
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "The round id.") var round: RoundID
        @Option(help: "Why the round is voided (kept, signed and shown in reports).") var reason: String
        @Option(help: "File holding the agency signing key's passphrase.") var passphraseFile: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let summary = try options.open().rounds.voidRound(
                roundID: round, reason: reason, passphrase: try passphraseFile.map(KeyFiles.readPassphrase))
            if json { return try printJSON(summary) }
            say("Voided \(summary.round) (was \(summary.previousState)): \(summary.reason)")
            say("Signed into its log as tree head \(summary.treeHead).")
            if let index = summary.resultLogIndex { say("Recorded beside its result: results-log leaf \(index).") }
        }
    }
}
