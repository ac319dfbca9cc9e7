import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinMessages

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: tr(
            "Write a backup of the workspace: a consistent snapshot of the database, the keys and the surveys."),
        discussion: tr(
            """
            Safe while `phieukin serve` or other commands are writing: every ballot acknowledged before \
            the backup began is in it. The file holds the agency key and the rounds' tally keys: keep it \
            as safe as the workspace. Restore it with `phieukin restore FILE --to NEW-FOLDER`.
            """))
    @OptionGroup var options: WorkspaceOptions
    @Option(help: ArgumentHelp(tr("The backup file to write (a new file; an existing one is never replaced).")))
    var out: String
    @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false

    func run() throws {
        let summary = try options.open().backup.writeBackup(to: out)
        if json { return try printJSON(summary) }
        say(
            "Backup written to \(out): \(counted(summary.files.count, "file")), \(counted(summary.rounds, "round")), \(summary.bytes) bytes, made on \(summary.madeOn)."
        )
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: tr("Restore a backup into a new folder, check every file against its manifest, then verify it."),
        discussion: tr(
            "Exit status: 0 restored and verified; 3 restored, but verify found a problem; 1 nothing restored."))
    @Argument(help: ArgumentHelp(tr("The backup file (from phieukin backup)."))) var file: String
    @Option(help: ArgumentHelp(tr("The new folder to restore into (it must not exist, or be empty)."))) var to: String
    @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false
    /// No workspace is open yet, so there are no `WorkspaceOptions`: `--lang` is its own.
    @Option(help: ArgumentHelp(tr("Language of the messages: vi (default) or en."))) var lang: Language?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw PhieuKinError.cannotRead(file, errno: errno)
        }
        let summary = try Workspace.restore(backup: [UInt8](data), to: to)
        if json {
            try printJSON(summary)
        } else {
            say(
                "Restored \(counted(summary.files.count, "file")) of the backup made on \(summary.madeOn) into \(summary.root)."
            )
            VerifyCommand.printRounds(summary.verification)
            VerifyCommand.printVerdict(summary.verification)
        }
        if !summary.verification.ok { throw ExitCode(3) }
    }
}
