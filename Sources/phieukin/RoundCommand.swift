import ArgumentParser
import PhieuKin

import enum PhieuKinCore.Language

struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round", abstract: "Open, list and close rounds.",
        subcommands: [Open.self, List.self, CloseRoundCommand.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a round of one survey for one unit; prints the round id on the last line.")
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "Survey id, e.g. quarterly-7.") var survey: String
        @Option(help: "Period: YYYY-Qn, YYYY-MM or YYYY.") var period: String
        @Option(help: "Unit id from the roster.") var unit: String
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
        @Flag(help: "Print a JSON object instead of text.") var json = false

        func run() throws {
            guard serials == "numbered" || serials == "none" else {
                throw ValidationError("--serials takes numbered or none.")
            }
            let request = RoundRequest(
                surveyID: survey, period: period, unitID: unit, ballots: ballots, numbered: serials == "numbered",
                channel: channel, electorate: electorate,
                committee: Committee(
                    size: committee, threshold: threshold ?? committee, sharesDirectory: sharesDir,
                    shareOutputs: shareOut, passphrase: try passphraseFile.map(KeyFiles.readPassphrase)),
                agencyPassphrase: try agencyPassphraseFile.map(KeyFiles.readPassphrase))
            let summary = try options.open().openRound(request)
            if json {
                try printJSON(summary)
                return
            }
            print("Opened \(summary.surveyID) for unit \(summary.unitID), period \(summary.period)")
            print("Officials on the ballot: \(summary.officials); ballots to issue: \(summary.ballotsPlanned)")
            let encrypted = summary.keyFilesEncrypted == true ? ", passphrase-protected" : ""
            if summary.committeeSize == 1 {
                print("Tally key (1 of 1\(encrypted)): \(summary.keyFiles.first ?? "")")
            } else {
                print(
                    "Tally key split into \(summary.committeeSize) shares, any \(summary.committeeThreshold) open the round\(encrypted):"
                )
                for (index, file) in summary.keyFiles.enumerated() {
                    print("  share \(index + 1) of \(summary.committeeSize): \(file)")
                }
            }
            if let custody = summary.custody { print(custody) }
            print("Next: phieukin ballots print --round \(summary.id) --out ballots.pdf")
            print(summary.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rounds and their state.")
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "Only this unit.") var unit: String?
        @Option(help: "Only this survey.") var survey: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let rounds = try options.open().listRounds(unitID: unit, surveyID: survey)
            if json {
                try printJSON(rounds)
                return
            }
            for r in rounds {
                print(
                    "\(r.id)  \(r.state)  \(r.surveyID)  \(r.unitID)  \(r.period)  issued \(r.serialsIssued)/\(r.ballotsPlanned)"
                )
            }
        }
    }
}
