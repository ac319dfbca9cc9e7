import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinMessages

/// `phieukin receipt check`: a voter checks, from the published audit bundle alone (no
/// workspace), that their paper serial or access code was used in the round, or that the receipt
/// the booth showed them (the Merkle leaf hash of their sealed ballot) is in its ballot log.
struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt", abstract: tr("Receipts voters can check against a published audit bundle."),
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr(
                "Say whether a ballot serial or access code was used in the bundle's round, or whether the booth's receipt is in its ballot log (nothing else)."
            ),
            discussion: tr("Exit status: 0 used (or found); 1 not used (or not found), or an error."))
        @Option(help: ArgumentHelp(tr("The audit bundle folder (written by audit export)."))) var bundle: String
        @Argument(
            help: ArgumentHelp(
                tr(
                    "The serial as printed on the ballot, the access code, or the booth's receipt (64 hex digits); dashes and spaces allowed."
                )))
        var serial: String
        @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false
        /// A voter's check needs no workspace, so it has no `WorkspaceOptions`: `--lang` is its own.
        @Option(help: ArgumentHelp(tr("Language of the messages: vi (default) or en."))) var lang: Language?

        func run() throws {
            if let receipt = AuditBundle.receipt(fromTyped: serial) {
                try checkReceipt(receipt)
                return
            }
            let check = try AuditBundle.checkSerial(bundle: bundle, typed: serial)
            if json {
                try printJSON(check)
            } else {
                if check.used {
                    say("Used: a ballot with this serial or code was accepted in round \(check.round).")
                } else {
                    say("Not used: no accepted ballot of round \(check.round) carries this serial or code.")
                }
                if check.signed {
                    say(
                        "The list of used serials is the one signed by the agency key \(check.agencyKeyFingerprint); compare it with the fingerprint the agency published."
                    )
                } else {
                    warn(
                        "the round is not closed yet: its list of used serials is not signed, so this answer may still change."
                    )
                }
            }
            if !check.used { throw ExitCode(1) }
        }

        /// The booth's receipt: found or not among the leaves of the bundle's ballot log.
        func checkReceipt(_ receipt: [UInt8]) throws {
            let check = try AuditBundle.checkReceipt(bundle: bundle, receipt: receipt)
            if json {
                try printJSON(check)
            } else {
                if check.found {
                    say("Found: this receipt is a sealed ballot in the ballot log of round \(check.round).")
                } else {
                    say("Not found: no sealed ballot in the ballot log of round \(check.round) has this receipt.")
                }
                if check.signed {
                    say(
                        "The ballot log is the one signed by the agency key \(check.agencyKeyFingerprint); compare it with the fingerprint the agency published."
                    )
                }
                if !check.closed {
                    warn(
                        "the round is not closed yet: electronic ballots enter its ballot log when it is closed, so this answer may still change."
                    )
                }
            }
            if !check.found { throw ExitCode(1) }
        }
    }
}
