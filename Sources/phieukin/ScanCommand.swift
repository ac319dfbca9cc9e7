import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

/// `phieukin scan`: scanned sheets → the round's log, undecided sheets → the quarantine
/// (docs/SCANNING.md).
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: tr("Read scanned ballot sheets (PNG, JPEG, TIFF, PDF) into a round."),
        subcommands: [Read.self, Review.self, Accept.self], defaultSubcommand: Read.self)

    struct Read: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "read",
            abstract: tr("Read scanned sheets: decided ones are imported, the rest quarantined for a teller."),
            discussion: tr(
                """
                Exit status as for import: 0 every sheet accepted; 2 committed with sheets quarantined \
                (phieukin scan review); 1 nothing was stored because of an error.
                """))
        @OptionGroup var options: WorkspaceOptions
        @Option(help: ArgumentHelp(tr("The round id (see: phieukin round list)."))) var round: RoundID
        @Option(help: ArgumentHelp(tr("File holding the agency signing key's passphrase."))) var passphraseFile: String?
        @Flag(help: ArgumentHelp(tr("Print JSON (the import's object, docs/IMPORT-JSON.md, with pages and sheets).")))
        var json = false
        @Argument(help: ArgumentHelp(tr("Scanned pages: PNG, JPEG, TIFF (multi-page) or PDF files, in any order.")))
        var files: [String]

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
            abstract: tr("Decide a quarantined scanned sheet from the paper (phieukin scan review shows how)."),
            discussion: tr(
                """
                The sheet is read again from its scan: the boxes read clearly stay as read, and each \
                undecided box is decided with --mark question=code (marked on the paper) or --blank \
                question=code (blank on the paper). When the scan cannot be used (its QR code or \
                registration squares unreadable), every box marked on the paper is given with --mark, and \
                in a numbered round the serial with --serial. Writing in the remark box is typed with \
                --remark. The sheet is imported as one ballot with the usual checks, and the quarantined \
                scan is discarded with the reason (signed). A decision that is refused changes nothing.
                """))
        @OptionGroup var options: WorkspaceOptions
        @Option(help: ArgumentHelp(tr("The round id."))) var round: RoundID
        @Argument(help: ArgumentHelp(tr("The quarantined sheet's number (phieukin scan review)."))) var reject: Int64
        @Option(help: ArgumentHelp(tr("The serial printed on the sheet, only when its QR code could not be read.")))
        var serial: String?
        @Option(help: ArgumentHelp(tr("An undecided box marked on the paper, as question=code; repeat.")))
        var mark: [String] = []
        @Option(help: ArgumentHelp(tr("An undecided box blank on the paper, as question=code; repeat.")))
        var blank: [String] = []
        @Option(help: ArgumentHelp(tr("The remark, typed from the paper."))) var remark: String?
        @Option(help: ArgumentHelp(tr("Why (kept and signed), e.g. \"faint mark on TNMT02 checked: marked\".")))
        var reason: String
        @Option(help: ArgumentHelp(tr("File holding the agency signing key's passphrase."))) var passphraseFile: String?

        func run() throws {
            let decision = ScanDecision(
                marks: try Self.boxes(mark, option: "--mark"), blanks: try Self.boxes(blank, option: "--blank"),
                serial: serial, remark: remark, reason: reason)
            let result = try options.open().scan.accept(
                roundID: round, rejectID: reject, decision, passphrase: try passphraseFile.map(KeyFiles.readPassphrase))
            ImportCommand.show(result.intake)
            let ids = result.discarded.discarded.map(String.init).joined(separator: ", ")
            say("Scanned sheet #\(ids) decided (signed).")
        }

        static func boxes(_ items: [String], option: String) throws -> [String: [String]] {
            var boxes: [String: [String]] = [:]
            for item in items {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ValidationError(tr("\(option) takes question=code, as phieukin scan review names the box"))
                }
                boxes[parts[0], default: []].append(parts[1])
            }
            return boxes
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "List scanned sheets waiting for a teller: what was read, what is undecided, the command to finish."),
            discussion: tr(
                """
                Each sheet is read again from the scan the quarantine names (nothing of a scan is stored): \
                the boxes read as marked, by official and criterion, the undecided ones and why, and the \
                phieukin scan accept command that finishes it once the paper is checked. With --crops DIR, \
                each undecided box is also written to DIR as a PNG.
                """))
        @OptionGroup var options: WorkspaceOptions
        @Option(help: ArgumentHelp(tr("The round id."))) var round: RoundID
        @Option(help: ArgumentHelp(tr("Write a PNG crop of every undecided box here (a new or empty folder).")))
        var crops: String?
        @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false

        func run() throws {
            let review = try options.open().scan.review(
                roundID: round, cropsDirectory: crops, language: interfaceLanguage)
            if json { return try printJSON(review) }
            if review.sheets.isEmpty { return say("No scanned sheet of round \(round) is waiting for a decision.") }
            for sheet in review.sheets { ScanReviewText.show(sheet, round: round) }
        }
    }
}
