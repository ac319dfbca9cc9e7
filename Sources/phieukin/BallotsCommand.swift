import ArgumentParser
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

struct BallotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ballots", abstract: "Print ballots or access-code slips (issues the round's serials).",
        subcommands: [Print.self, Slips.self])

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
}
