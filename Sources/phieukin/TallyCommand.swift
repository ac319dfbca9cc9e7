public import ArgumentParser
import Foundation
public import PhieuKin
import PhieuKinCore
import PhieuKinMessages

/// Options that rebuild a round's tally key (tally, and reports that show remarks).
struct TallyKeyOptions: ParsableArguments {
    @Option(
        name: .customLong("share"),
        help: ArgumentHelp(
            tr("A committee member's share file (repeat: any K of the N). Not needed for a 1-of-1 round.")))
    var shares: [String] = []
    @Option(
        help:
            ArgumentHelp(
                tr(
                    "Passphrase of the share files or of the 1-of-1 tally key file, if they are encrypted (a share other users can read must be)."
                ))
    )
    var passphraseFile: String?

    func source() throws -> TallyKeySource {
        TallyKeySource(shareFiles: shares, passphrase: try passphraseFile.map(KeyFiles.readPassphrase))
    }
}

struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: tr(
            "Open a closed round with the committee's shares, count it, flag repeated criticism, commit results."),
        discussion: tr(
            """
            The tally key is rebuilt in memory only. The ballot log is checked against its signed close \
            head before any ballot is decrypted; decrypted ballots are never written anywhere. A tallied \
            round is never counted again: --recount recomputes and checks the committed result instead.
            """))
    @OptionGroup var options: WorkspaceOptions
    @Option(help: ArgumentHelp(tr("The round id (see: phieukin round list)."))) var round: RoundID
    @OptionGroup var key: TallyKeyOptions
    @Option(
        help:
            ArgumentHelp(
                tr(
                    "File holding the agency signing key's passphrase (signs the results log; also opens a 1-of-1 tally key encrypted with it when no --passphrase-file is given)."
                ))
    )
    var agencyPassphraseFile: String?
    @Flag(
        help: ArgumentHelp(
            tr("For a tallied round: count again and check it matches the committed result; nothing is written.")))
    var recount = false
    @Option(
        help: ArgumentHelp(
            tr(
                "A member of the counting committee, \"Name, role\" (repeat, in the order they sign the tally minutes)."
            ),
            valueName: "name, role"))
    var member: [String] = []
    @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false

    func run() throws {
        var committee: [CommitteeMember] = []
        for text in member {
            guard let parsed = CommitteeMember(parsing: text) else {
                throw ValidationError(
                    tr("--member \"\(text)\" has no name: give \"Name, role\", e.g. \"Nguyễn Văn A, Trưởng ban\"."))
            }
            committee.append(parsed)
        }
        let summary = try options.open().tally.count(
            roundID: round, key: try key.source(),
            agencyPassphrase: try agencyPassphraseFile.map(KeyFiles.readPassphrase), recount: recount,
            committee: committee)
        if json { return try printJSON(summary) }
        if summary.recount {
            say(
                "Recount of \(summary.roundID): \(summary.ballotsCounted) ballots; identical to the committed result.")
            return
        }
        say("Tallied \(summary.roundID): \(counted(summary.ballotsCounted, "ballot")) counted.")
        switch summary.inconclusive {
        case "too-few-ballots":
            say(
                "Too few ballots to report anything for this group: the round is inconclusive, it raises and "
                    + "clears no flag, and the earlier status carries to the next conclusive round.")
        case "quorum-not-met":
            say(
                "Fewer ballots than the quorum of the people summoned: the vote is inconclusive and its result "
                    + "is not valid.")
        default: break
        }
        say("Flags: \(summary.actions) action, \(summary.reminders) reminder, \(summary.resolved) resolved.")
        say("Result committed to the results log (entry \(summary.resultLogIndex)).")
        if summary.overPlanned > 0, let planned = summary.ballotsPlanned {
            say(
                "\(counted(summary.overPlanned, "ballot")) beyond the planned \(planned) were quarantined (over-planned) and not counted unless accepted."
            )
        }
        if let planned = summary.ballotsPlanned, summary.ballotsCounted > planned {
            say(
                "WARNING: \(summary.ballotsCounted) ballots counted but the round was opened for \(planned); run phieukin verify."
            )
        }
        say("Next: phieukin report --round \(summary.roundID) --format pdf --out report.pdf")
        say(
            "Tally minutes for the committee to sign: phieukin report minutes --round \(summary.roundID) --format pdf --out minutes.pdf"
        )
    }
}

struct FlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: tr("List officials flagged for repeated criticism (reminder, action, resolved), with their history."))
    @OptionGroup var options: WorkspaceOptions
    @Option(help: ArgumentHelp(tr("Only this survey."))) var survey: SurveyID?
    @Option(help: ArgumentHelp(tr("Only this period (YYYY-Qn, YYYY-MM, YYYY)."))) var period: String?
    @Option(help: ArgumentHelp(tr("Only this unit."))) var unit: UnitID?
    @Flag(help: ArgumentHelp(tr("Print the flags JSON document (docs/REPORT-JSON.md)."))) var json = false

    func run() throws {
        let period = try period.map(parsePeriod)
        let report = try options.open().reports.flagsReport(period: period, surveyID: survey, unitID: unit)
        if json {
            FileHandle.standardOutput.write(Data(ReportRenderer.json(report)))
        } else {
            print(ReportRenderer.text(report, language: options.documentLanguage), terminator: "")
        }
    }
}

func parsePeriod(_ text: String) throws -> Period {
    guard let period = Period(text) else {
        throw ValidationError(tr("period \"\(text)\" is not YYYY-Qn, YYYY-MM or YYYY (e.g. 2026-Q3)."))
    }
    return period
}

extension ReportFormat: ExpressibleByArgument {}

/// `report minutes --format`: help lists only the three formats the minutes are written in. Any
/// report format still parses, so a data format reaches the service, which says why it is refused.
struct MinutesFormat: ExpressibleByArgument {
    let format: ReportFormat

    init(_ format: ReportFormat) { self.format = format }

    init?(argument: String) {
        guard let format = ReportFormat(argument: argument) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { [ReportFormat.pdf, .html, .text].map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { format.rawValue }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: tr("Write reports of tallied rounds and of flagged officials."),
        subcommands: [RoundReportCommand.self, FlagsReportCommand.self, MinutesCommand.self],
        defaultSubcommand: RoundReportCommand.self)
}

struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: tr("A tallied round's tally minutes (biên bản kiểm phiếu), laid out as an administrative document."),
        discussion: tr(
            """
            Heading as Nghị định 30/2020/NĐ-CP sets it (the national title, or the Party's for an agency created \
            with --agency-kind party), the committee named with tally --member, the ballots issued, received, \
            valid and invalid apart from the keyed rows held for checking (with how each reason was decided), \
            the results, the flags, and \
            the signed roots of the ballot log and the results log for the committee to sign under.
            """))
    @OptionGroup var options: WorkspaceOptions
    @Option(help: ArgumentHelp(tr("The round id."))) var round: RoundID
    @Option(help: ArgumentHelp(tr("pdf, html or text."))) var format = MinutesFormat(.pdf)
    @Option(
        help: ArgumentHelp(
            tr("Output file (- for standard output; not for pdf; refused if it exists, unless --force).")))
    var out: String = "-"
    @Flag(
        help: ArgumentHelp(tr("Replace --out if it is an existing regular file (never a folder or a workspace file).")))
    var force = false

    func run() throws {
        let workspace = try options.open()
        let lang = options.documentLanguage
        let minutes = try workspace.reports.minutes(roundID: round)
        if out == "-" {
            FileHandle.standardOutput.write(
                Data(try workspace.reports.minutesBytes(minutes, format: format.format, language: lang)))
        } else {
            try workspace.reports.writeMinutes(
                minutes, format: format.format, language: lang, to: out, force: force)
            say("Wrote \(out)")
        }
    }
}

struct RoundReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: tr("A tallied round's report: flagged officials first, then the unit summary and remarks."))
    @OptionGroup var options: WorkspaceOptions
    @Option(help: ArgumentHelp(tr("The round id."))) var round: RoundID
    @Option(
        help: ArgumentHelp(
            tr("text, json, csv, html, pdf or xlsx (csv and xlsx: one row per figure, numeric columns; docs/EXCEL.md).")
        ))
    var format: ReportFormat = .text
    @Option(
        help: ArgumentHelp(
            tr("Output file (- for standard output; not for pdf or xlsx; refused if it exists, unless --force).")))
    var out: String = "-"
    @Flag(help: ArgumentHelp(tr("With --format csv --out F.csv: also write SPSS syntax reading it, F.sps."))) var spss =
        false
    @Flag(
        help: ArgumentHelp(tr("Replace --out if it is an existing regular file (never a folder or a workspace file).")))
    var force = false
    @OptionGroup var key: TallyKeyOptions

    func run() throws {
        let workspace = try options.open()
        let source = try key.source()
        let report = try workspace.reports.roundReport(
            roundID: round, key: source.shareFiles.isEmpty && source.passphrase == nil ? nil : source)
        if out == "-" {
            if spss { throw ValidationError(tr("--spss writes a file beside the CSV: give --out FILE.csv.")) }
            FileHandle.standardOutput.write(
                Data(try workspace.reports.reportBytes(report, format: format, language: options.documentLanguage)))
        } else {
            try workspace.reports.writeReport(
                report, format: format, language: options.documentLanguage, to: out, force: force, spss: spss)
            say("Wrote \(out)")
            if spss { say("Wrote \(out.lowercased().hasSuffix(".csv") ? String(out.dropLast(4)) : out).sps") }
        }
    }
}

struct FlagsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags", abstract: tr("Flagged officials of a period, across units, for the leaders."))
    @OptionGroup var options: WorkspaceOptions
    @Option(help: ArgumentHelp(tr("The period (YYYY-Qn, YYYY-MM, YYYY)."))) var period: String
    @Option(help: ArgumentHelp(tr("Only this survey."))) var survey: SurveyID?
    @Option(help: ArgumentHelp(tr("Only this unit."))) var unit: UnitID?
    @Option(
        help: ArgumentHelp(
            tr("text, json, csv, html, pdf or xlsx (csv and xlsx: one row per figure, numeric columns; docs/EXCEL.md).")
        ))
    var format: ReportFormat = .text
    @Option(
        help: ArgumentHelp(
            tr("Output file (- for standard output; not for pdf or xlsx; refused if it exists, unless --force).")))
    var out: String = "-"
    @Flag(help: ArgumentHelp(tr("With --format csv --out F.csv: also write SPSS syntax reading it, F.sps."))) var spss =
        false
    @Flag(
        help: ArgumentHelp(tr("Replace --out if it is an existing regular file (never a folder or a workspace file).")))
    var force = false

    func run() throws {
        let workspace = try options.open()
        let report = try workspace.reports.flagsReport(period: try parsePeriod(period), surveyID: survey, unitID: unit)
        if out == "-" {
            if spss { throw ValidationError(tr("--spss writes a file beside the CSV: give --out FILE.csv.")) }
            FileHandle.standardOutput.write(
                Data(try workspace.reports.reportBytes(report, format: format, language: options.documentLanguage)))
        } else {
            try workspace.reports.writeReport(
                report, format: format, language: options.documentLanguage, to: out, force: force, spss: spss)
            say("Wrote \(out)")
            if spss { say("Wrote \(out.lowercased().hasSuffix(".csv") ? String(out.dropLast(4)) : out).sps") }
        }
    }
}
