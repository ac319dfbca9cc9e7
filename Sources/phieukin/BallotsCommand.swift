import ArgumentParser
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

struct BallotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ballots",
        abstract: "Print ballots or access-code slips (issues the round's serials); write the keying template.",
        subcommands: [Print.self, Slips.self, Template.self])

    /// What both printing commands take: they issue serials the same way.
    struct PrintOptions: ParsableArguments {
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The round id (see: phieukin round list).") var round: RoundID
        @Option(help: "The PDF to write (refused if it exists, unless --force).") var out: String
        @Flag(help: "Replace --out if it is an existing regular file (never a folder or a workspace file).")
        var force = false
        @Option(help: "Issue and print N more (spoiled or missing sheets or codes).") var extra: Int?
        @Flag(help: "Print JSON.") var json = false
    }

    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render one A4 sheet per serial to a PDF; serials exist only on the paper.")
        @OptionGroup var options: PrintOptions

        func run() throws {
            let result = try options.workspace.open().rounds.printBallots(
                roundID: options.round, to: options.out, language: options.workspace.documentLanguage,
                extra: options.extra,
                force: options.force)
            if options.json { return try printJSON(result) }
            say(
                "Wrote \(result.path): \(counted(result.sheets, "sheet")), \(counted(result.pages, "page")), \(result.bytes / 1024) KiB"
            )
            say(
                result.serialsIssued > 0
                    ? "\(counted(result.serialsIssued, "serial")) issued; they are not stored anywhere else. Print the file, then delete it."
                    : "Unnumbered ballots: no serials.")
        }
    }

    struct Slips: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print cut-apart slips, one access code (and its QR) each, for electronic voting.")
        @OptionGroup var options: PrintOptions
        @Option(
            help:
                "The voting server's public address, e.g. https://phieu.example.gov.vn (remembered; QR codes open it).")
        var publicURL: String?

        func run() throws {
            let result = try options.workspace.open().rounds.printSlips(
                roundID: options.round, to: options.out, language: options.workspace.documentLanguage,
                extra: options.extra,
                force: options.force, publicURL: publicURL)
            if options.json { return try printJSON(result) }
            say("Wrote \(result.path): \(counted(result.sheets, "slip")) on \(counted(result.pages, "page"))")
            say("\(counted(result.serialsIssued, "code")) issued; they are not stored anywhere else.")
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the keying template of a round (.xlsx or .csv): the header import expects.",
            discussion: """
                Row 1 holds the column ids (serial, question ids, remark); rows 2 and 3 start with # and \
                give each column's label and the allowed answer codes: import skips them. The .xlsx \
                has drop-down lists of the codes and a legend sheet. Key one ballot per row, save as \
                .xlsx or CSV (docs/EXCEL.md), then: phieukin import --round ID FILE.
                """)
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The round id (see: phieukin round list).") var round: RoundID
        @Option(help: "The file to write, ending in .xlsx or .csv (refused if it exists, unless --force).")
        var out: String
        @Flag(help: "Replace --out if it is an existing regular file (never a folder or a workspace file).")
        var force = false
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let result = try workspace.open().intake.writeKeyingTemplate(
                roundID: round, to: out, language: workspace.documentLanguage, force: force)
            if json { return try printJSON(result) }
            say("Wrote \(result.path): \(counted(result.columns.count, "column")) (\(result.format)).")
            say("Key one ballot per row from row 4, then: phieukin import --round \(round) \(result.path)")
        }
    }
}
