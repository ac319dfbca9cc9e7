import PhieuKinMessages

/// What the person can do about an error, as data: the library says what went wrong, and each
/// front end turns these into its own words (the CLI prints `Next: phieukin …` lines; a web
/// server would show a button or a link). Several steps on one error are alternatives, the
/// likeliest first.
///
/// Steps name rounds, rejects and files by id or path only: never ballot content, serials or
/// access codes.
public enum NextStep: Hashable, Sendable {
    /// Create a workspace here.
    case createWorkspace
    /// Point at another workspace folder.
    case chooseWorkspace
    /// Make a secret file readable (and writable) by its owner only.
    case restrictPermissions(path: String)
    /// Give the agency signing key's passphrase.
    case giveAgencyPassphrase
    /// Give the passphrase chosen for the round's tally key or shares when it was opened.
    case giveRoundPassphrase
    /// Bring the committee members' share files: any `threshold` of the round's shares.
    case giveShares(roundID: RoundID, threshold: Int)
    /// Say where a committee's shares go, outside the workspace: a folder, or one file per member.
    case giveShareDestinations(count: Int)
    /// Give the number of people summoned to vote.
    case giveElectorate
    /// Give a reason (kept and signed with the decision).
    case giveReason
    /// Give a file to write the output to.
    case giveOutputFile
    /// Replace an existing output file on purpose.
    case replaceExistingFile
    /// Close the round: sign its final tree head.
    case closeRound(roundID: RoundID)
    /// Count the closed round.
    case tallyRound(roundID: RoundID)
    /// Count a tallied round again and compare with its committed result.
    case recountRound(roundID: RoundID)
    /// Void a round opened by mistake (signed, with a reason).
    case voidRound(roundID: RoundID)
    /// Check every log, signature and stored result of the workspace.
    case verify
    /// List the rounds and their ids.
    case listRounds
    /// List the roster's units.
    case listUnits
    /// Import a roster file.
    case importRoster
    /// List the round's quarantined ballots.
    case listRejects(roundID: RoundID)
    /// Decide each pending quarantined ballot of the round: accept or discard, with a reason.
    case decideRejects(roundID: RoundID)
    /// Discard a quarantined ballot (nil: whichever the person picks).
    case discardReject(roundID: RoundID, rejectID: Int?)
    /// Restore the workspace from a backup (`backup`) into a new folder.
    case restoreBackup
    /// Accept a quarantined ballot with the serial read from its paper (issued for the round and
    /// unused), which the acceptance then uses (nil: whichever the person picks).
    case acceptRejectWithSerial(roundID: RoundID, rejectID: Int?)
    /// Issue new ballots (new serials) to replace spoiled or missing sheets.
    case issueExtraBallots(roundID: RoundID)
    /// See the round's scanned sheets waiting for a teller, each with the command that decides it.
    case reviewScans(roundID: RoundID)
    /// Give the voting server's public address (what slips' QR codes open).
    case givePublicURL
}

/// An error that carries what to do next (see `NextStep`).
public protocol SuggestsNextSteps: Error {
    /// Alternatives, the likeliest first; empty when there is nothing better than fixing what
    /// the reason names.
    var nextSteps: [NextStep] { get }
}
