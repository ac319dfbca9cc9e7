import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

/// A library error as the CLI shows it: the library's reason (what went wrong), then one line
/// per next step with the exact command or option to type, all in the interface language.
/// `PhieuKinCommand.main` prints it as `Error: <reason>` (Vietnamese: `Lỗi: …`) followed by the
/// `Next:` lines, and exits 1.
struct CommandFailure: Error, CustomStringConvertible {
    /// The library error, unchanged.
    let error: any Error
    /// What went wrong, then `Next: …` / `  or: …` lines.
    let message: Message

    var description: String { message.text(interfaceLanguage) }
}

/// The one place where the CLI turns a library error into what the person reads: its message in
/// the interface language and its `nextSteps` as command lines.
enum ErrorHints {
    /// `error` as the CLI reports it: a library error (one that reads as a message) becomes a
    /// `CommandFailure` with its next steps; any other error (usage errors, `ExitCode`) is returned
    /// unchanged, so exit codes stay as they are.
    static func presentable(_ error: any Error, command: any ParsableCommand.Type) -> any Error {
        guard let readable = error as? any MessageConvertible else { return error }
        let steps = (error as? any SuggestsNextSteps)?.nextSteps ?? []
        let lines = [readable.message] + lines(steps, command: command)
        return CommandFailure(error: error, message: Message.joined(lines, separator: "\n"))
    }

    /// One line per step: the first is the likeliest (`Next:`), the others alternatives (`or:`).
    static func lines(_ steps: [NextStep], command: any ParsableCommand.Type) -> [Message] {
        var seen: Set<Message> = []
        return steps.map { text($0, command: command) }.filter { seen.insert($0).inserted }.enumerated().map {
            $0.offset == 0 ? "Next: \($0.element)" : "  or: \($0.element)"
        }
    }

    /// What to type for `step`, in the words of the command that failed (`command`): the agency
    /// passphrase is `--agency-passphrase-file` where the command also takes a round's own
    /// passphrase, `--passphrase-file` elsewhere.
    static func text(_ step: NextStep, command: any ParsableCommand.Type) -> Message {
        switch step {
        case .createWorkspace:
            return "phieukin init"
        case .chooseWorkspace:
            return "pass --workspace DIR, or set PHIEUKIN_WORKSPACE, to use another workspace"
        case .restrictPermissions(let path):
            return "chmod 600 \(shellQuoted(path))"
        case .giveAgencyPassphrase:
            let option = takesRoundPassphrase(command) ? "--agency-passphrase-file" : "--passphrase-file"
            return "add \(option) FILE (the agency key's passphrase)"
        case .giveRoundPassphrase:
            return "add --passphrase-file FILE (the passphrase chosen for the round's key when it was opened)"
        case .giveShares(_, let threshold):
            return "add --share FILE once per share: any \(threshold) of the committee's shares"
        case .giveShareDestinations(let count):
            return "add --shares-dir DIR (e.g. a USB stick) or --share-out PATH once per member (\(count) times)"
        case .giveElectorate:
            return "add --electorate N (the number of people summoned)"
        case .giveReason:
            return "add --reason \"…\" (a few words; kept and signed)"
        case .giveOutputFile:
            return "add --out FILE"
        case .replaceExistingFile:
            return "add --force to replace that file"
        case .closeRound(let round):
            return "phieukin round close --round \(round)"
        case .tallyRound(let round):
            return "phieukin tally --round \(round)"
        case .recountRound(let round):
            return "phieukin tally --round \(round) --recount"
        case .voidRound(let round):
            return "phieukin round void --round \(round) --reason \"…\""
        case .verify:
            return "phieukin verify"
        case .listRounds:
            return "phieukin round list"
        case .listUnits:
            return "phieukin roster list"
        case .importRoster:
            return "phieukin roster import FILE"
        case .listRejects(let round):
            return "phieukin rejects list --round \(round)"
        case .decideRejects(let round):
            let list = "phieukin rejects list --round \(round)"
            let each = "phieukin rejects accept|discard --round \(round) --reason \"…\" ID"
            return "\(list), then for each: \(each)"
        case .discardReject(let round, let id):
            return "phieukin rejects discard --round \(round) --reason \"…\" \(id.map(String.init) ?? "ID")"
        case .restoreBackup:
            return "phieukin restore BACKUP-FILE --to NEW-FOLDER"
        case .acceptRejectWithSerial(let round, let id):
            let accept =
                "phieukin rejects accept --round \(round) --serial SERIAL --reason \"…\" \(id.map(String.init) ?? "ID")"
            return "\(accept) (SERIAL: as printed on the paper ballot)"
        case .reviewScans(let round):
            return "phieukin scan review --round \(round)"
        case .givePublicURL:
            return "add --public-url https://… (the address voters open; remembered for later slips and serve)"
        case .issueExtraBallots(let round):
            let slips = command == BallotsCommand.Slips.self
            return "phieukin ballots \(slips ? "slips" : "print") --round \(round) --extra N --out FILE"
        }
    }

    /// Commands that take both the agency passphrase and a round's own (`--passphrase-file`).
    private static func takesRoundPassphrase(_ command: any ParsableCommand.Type) -> Bool {
        command == TallyCommand.self || command == RoundCommand.Open.self
    }

    /// A path as a shell word: as is when it is plain, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "/._-+".unicodeScalars.contains($0)
        }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
