public import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

public import struct PhieuKinCore.Identifier
public import enum PhieuKinCore.Language

@main
struct PhieuKinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phieukin",
        abstract: tr("Secret ballots and anonymous surveys for Vietnamese agencies (phiếu kín)."),
        discussion: tr(
            """
            Every command works on a workspace: --workspace DIR, else $PHIEUKIN_WORKSPACE, else the \
            current directory. Start with `phieukin init`.
            """),
        subcommands: [
            InitCommand.self, AgencyCommand.self, KeysCommand.self, SurveyCommand.self, RosterCommand.self,
            RoundCommand.self,
            BallotsCommand.self, ImportCommand.self, RejectsCommand.self, VerifyCommand.self, AuditCommand.self,
            ReceiptCommand.self,
            TallyCommand.self, FlagsCommand.self, ReportCommand.self, KioskCommand.self, ScanCommand.self,
            ServeCommand.self, BackupCommand.self, RestoreCommand.self,
        ]
    )

    /// Everything PhieuKin creates is owner-only (files 0600, folders 0700) whatever the caller's
    /// umask; the workflows also set modes explicitly where they create files.
    ///
    /// Parses and runs like ArgumentParser's `main`, but a library error that carries next steps
    /// is printed with them (`ErrorHints`): its reason, then the command to type.
    static func main() {
        umask(0o077)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(nil)
        } catch {
            fail(error)
        }
        do {
            try command.run()
        } catch {
            fail(ErrorHints.presentable(error, command: type(of: command)))
        }
    }

    /// Ends the process for `error`: a library error is printed as `Error: …` in the interface
    /// language and exits 1; ArgumentParser's own errors keep their exit codes and have their
    /// usage messages translated (`UsageMessages`); help and `ExitCode` go to ArgumentParser.
    static func fail(_ error: any Error) -> Never {
        if let failure = error as? CommandFailure {
            FileHandle.standardError.write(Data((tr("Error: \(failure.message)") + "\n").utf8))
            Foundation.exit(1)
        }
        let code = exitCode(for: error)
        if code == .success, !(error is ExitCode), interfaceLanguage != .en {
            // Help: ArgumentParser's headings in the interface language (the texts are already).
            print(UsageMessages.translated(fullMessage(for: error), to: interfaceLanguage))
            Foundation.exit(0)
        }
        guard code != .success, !(error is ExitCode), interfaceLanguage != .en else { exit(withError: error) }
        let text = UsageMessages.translated(fullMessage(for: error), to: interfaceLanguage)
        FileHandle.standardError.write(Data((text + "\n").utf8))
        Foundation.exit(code.rawValue)
    }
}

/// Options every workspace command shares.
struct WorkspaceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(tr("The workspace directory (default: $PHIEUKIN_WORKSPACE, else the current directory).")))
    var workspace: String?

    @Option(
        help: ArgumentHelp(
            tr(
                """
                Language: vi (default) or en, for messages and for the document the command writes. Without it, \
                messages follow $PHIEUKIN_LANG and documents are in Vietnamese.
                """)))
    var lang: Language?

    /// Documents (ballots, reports, slips) are filed by the agency: Vietnamese unless `--lang en`.
    var documentLanguage: Language { lang ?? .vi }

    func open() throws -> Workspace {
        try Workspace(root: Workspace.resolveRoot(workspace))
    }
}

/// `--lang vi|en` for documents people read.
extension Language: ExpressibleByArgument {}

/// Round, unit and survey ids are read from the command line as typed ids (`--round`, `--unit`,
/// `--survey`): the text exactly as given.
extension Identifier: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Prints a value as pretty, key-sorted JSON (the documented `--json` outputs).
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// "1 batch", "3 batches" (English counts things in the right number; Vietnamese has one form):
/// the keys are "{0} batch" and "{0} batches".
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> Message {
    Message.counted(count, "{0} " + singular, "{0} " + (plural ?? singular + "s"))
}

/// `@Flag` is ArgumentParser's; PhieuKinCore's tally `Flag` is spelled `PhieuKinCore.Flag` here.
typealias Flag = ArgumentParser.Flag

/// The language of every message: `--lang` given to the command, else `$PHIEUKIN_LANG`, else
/// Vietnamese. Read once from the command line, before ArgumentParser, so that usage errors are
/// in it too.
let interfaceLanguage = InterfaceLanguage.resolve(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

enum InterfaceLanguage {
    static func resolve(arguments: [String], environment: [String: String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count,
                let language = Language(rawValue: arguments[index + 1])
            {
                return language
            }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) {
                return language
            }
        }
        return environment["PHIEUKIN_LANG"].flatMap { Language(rawValue: $0.lowercased()) } ?? .vi
    }
}

/// A line for the person at the terminal, in the interface language.
func say(_ message: Message) {
    print(message.text(interfaceLanguage))
}

/// A message as text in the interface language, for the APIs that take a `String`
/// (ArgumentParser's `ValidationError`).
func tr(_ message: Message) -> String {
    message.text(interfaceLanguage)
}

/// A line on standard error: warnings the user should read but that do not stop the command.
func warn(_ message: Message) {
    FileHandle.standardError.write(Data((message.text(interfaceLanguage) + "\n").utf8))
}

/// A round's state, stored as its raw word in summaries, as people read it.
func stateWord(_ state: String) -> Message {
    PhieuKinCore.Round.State(rawValue: state)?.message ?? .verbatim(state)
}

/// A quarantined ballot's status (`pending`, `accepted`, `discarded`) as a word in the interface
/// language.
func rejectStatusWord(_ status: String) -> Message {
    switch status {
    case "pending": "waiting"
    case "accepted": "accepted"
    case "discarded": "discarded"
    default: .verbatim(status)
    }
}
