import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

/// `phieukin scan`: scanned sheets → the round's log, undecided sheets → the quarantine
/// (docs/SCANNING.md).
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: "Read scanned ballot sheets (PNG, JPEG, TIFF, PDF) into a round.",
        subcommands: [Read.self, Review.self, Accept.self], defaultSubcommand: Read.self)

    struct Read: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "read",
            abstract: "Read scanned sheets: decided ones are imported, the rest quarantined for a teller.",
            discussion: """
                Exit status as for import: 0 every sheet accepted; 2 committed with sheets quarantined \
                (phieukin scan review); 1 nothing was stored because of an error.
                """)
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "The round id (see: phieukin round list).") var round: RoundID
        @Option(help: "File holding the agency signing key's passphrase.") var passphraseFile: String?
        @Flag(help: "Print JSON (the import's object, docs/IMPORT-JSON.md, with pages and sheets).") var json = false
        @Argument(help: "Scanned pages: PNG, JPEG, TIFF (multi-page) or PDF files, in any order.") var files: [String]

        func run() throws {
            let report = try options.open().scan.scan(
                roundID: round, files: files, passphrase: try passphraseFile.map(KeyFiles.readPassphrase))
            if json {
                try printJSON(report)
            } else {
                say("Read \(counted(report.pages, "page")) as \(counted(report.sheets, "sheet")).")
                ImportCommand.show(report.intake)
                if !report.intake.rejects.isEmpty {
                    say("Decide each quarantined sheet: phieukin scan review --round \(round) --crops DIR")
                }
            }
            if report.intake.exitStatus != 0 { throw ExitCode(report.intake.exitStatus) }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a teller's reading of a quarantined scanned sheet, from the paper.",
            discussion: """
                The marks as the teller reads them (--mark question=code, repeated; none for a blank                 sheet), the remark typed from the paper, and the sheet's serial. The reading is imported                 as one ballot with the usual checks; once accepted, the quarantined scan is discarded                 with the reason (signed). A refused reading discards nothing.
                """)
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "The round id.") var round: RoundID
        @Argument(help: "The quarantined sheet's number (phieukin scan review).") var reject: Int64
        @Option(help: "The serial printed on the sheet (numbered rounds).") var serial: String?
        @Option(help: "question=code as read on the paper; repeat.") var mark: [String] = []
        @Option(help: "The remark, typed from the paper.") var remark: String?
        @Option(help: "Why (kept and signed), e.g. \"faint mark on TNMT02 checked: marked\".") var reason: String
        @Option(help: "File holding the agency signing key's passphrase.") var passphraseFile: String?

        func run() throws {
            var marks: [String: [String]] = [:]
            for item in mark {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ValidationError(tr("--mark takes question=code")) }
                marks[parts[0], default: []].append(parts[1])
            }
            let result = try options.open().scan.accept(
                roundID: round, rejectID: reject, serial: serial, marks: marks, remark: remark, reason: reason,
                passphrase: try passphraseFile.map(KeyFiles.readPassphrase))
            ImportCommand.show(result.intake)
            if let discarded = result.discarded {
                say(
                    "Scanned sheet #\(discarded.discarded.map(String.init).joined(separator: ", ")) decided (signed).")
            } else {
                say("The reading was not accepted; scanned sheet #\(reject) still waits.")
                throw ExitCode(2)
            }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List scanned sheets waiting for a teller, with crops of the boxes that were not decided.",
            discussion: """
                Each sheet waits in the quarantine with a scan-… reason. With --crops DIR, each undecided \
                box is written to DIR as a PNG (the page is read again from the file named in the \
                quarantine; nothing of the scan is stored). Then, looking at the paper: key the sheet \
                (phieukin import) and discard the quarantined copy (phieukin rejects discard … --reason).
                """)
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "The round id.") var round: RoundID
        @Option(help: "Write a PNG crop of every undecided box here (a new or empty folder).") var crops: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let review = try options.open().scan.review(roundID: round, cropsDirectory: crops)
            if json { return try printJSON(review) }
            if review.sheets.isEmpty { return say("No scanned sheet of round \(round) is waiting for a decision.") }
            for sheet in review.sheets {
                say("#\(sheet.rejectID)  \(sheet.source ?? "-")  [\(sheet.code)] \(sheet.reason)")
                for crop in sheet.crops { say("    \(crop)") }
            }
        }
    }
}
