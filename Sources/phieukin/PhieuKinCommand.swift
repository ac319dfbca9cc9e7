public import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinMessages

public import struct PhieuKinCore.Identifier
public import enum PhieuKinCore.Language

@main
struct PhieuKinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phieukin",
        abstract: "Secret ballots and anonymous surveys for Vietnamese agencies (phiếu kín).",
        discussion: """
            Every command works on a workspace: --workspace DIR, else $PHIEUKIN_WORKSPACE, else the \
            current directory. Start with `phieukin init`.
            """,
        subcommands: [
            InitCommand.self, AgencyCommand.self, KeysCommand.self, SurveyCommand.self, RosterCommand.self,
            RoundCommand.self,
            BallotsCommand.self, ImportCommand.self, RejectsCommand.self, VerifyCommand.self, AuditCommand.self,
            TallyCommand.self, FlagsCommand.self, ReportCommand.self, KioskCommand.self, ScanCommand.self,
            ServeCommand.self,
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
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            exit(withError: ErrorHints.presentable(error, command: type(of: command)))
        }
    }
}

/// Options every workspace command shares.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace directory (default: $PHIEUKIN_WORKSPACE, else the current directory).")
    var workspace: String?

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

/// "1 batch", "3 batches": English messages count things in the right number.
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}

/// `@Flag` is ArgumentParser's; PhieuKinCore's tally `Flag` is spelled `PhieuKinCore.Flag` here.
typealias Flag = ArgumentParser.Flag

/// A line on standard error: warnings the user should read but that do not stop the command.
func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
