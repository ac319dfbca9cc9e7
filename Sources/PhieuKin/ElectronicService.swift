public import Foundation
public import PhieuKinCore
import PhieuKinCrypto
import PhieuKinStorage

/// Electronic ballots (docs/WEB.md): access codes looked up, sealed ballots cast and kept in the
/// round's inbox, the inbox appended to the log in shuffled batches, kiosks enrolled and counted.
/// The server calls nothing else for voting.
public struct ElectronicService: WorkspaceService {
    let context: WorkspaceContext

    /// The ballot a code opens (`CastError.unknownCode`, `.codeUsed`, `.roundClosed`).
    public func ballot(forCode code: String, language: Language) throws -> BallotDefinition {
        fatalError("not yet")
    }

    /// Casts a sealed ballot with an access code: marks the code used and stores the box in one
    /// transaction (grouped with other casts arriving at the same time).
    public func cast(code: String, roundID: RoundID, sealed: [UInt8]) async throws -> CastReceipt {
        fatalError("not yet")
    }

    /// Appends waiting ballots of `roundID` (every round with an inbox when nil) to their logs,
    /// one shuffled batch and one signed head per round, when `force` or the policy says so.
    @discardableResult
    public func appendInbox(roundID: RoundID?, force: Bool, policy: InboxPolicy, now: Date = Date()) throws
        -> [InboxAppend]
    {
        fatalError("not yet")
    }

    /// Issues a one-time enrolment token for a kiosk at `desk` (stored only hashed); the tablet
    /// opens `<public-url>/kiosk#enrol=<token>` once.
    public func issueKioskEnrolment(roundID: RoundID, desk: String) throws -> String {
        fatalError("not yet")
    }

    /// Exchanges a one-time enrolment token for a kiosk token.
    public func enrolKiosk(token: String) throws -> KioskEnrolment {
        fatalError("not yet")
    }

    /// The ballot a kiosk shows (its desk and interval filled in).
    public func kioskBallot(kioskToken: String, language: Language) throws -> BallotDefinition {
        fatalError("not yet")
    }

    /// Casts a kiosk rating. `submissionID` (32 hex digits, random per rating, chosen by the
    /// tablet) makes a resend idempotent.
    public func castFromKiosk(kioskToken: String, submissionID: String, sealed: [UInt8], now: Date = Date())
        async throws -> CastReceipt
    {
        fatalError("not yet")
    }

    /// Per-kiosk counts of a round, for staff.
    public func kioskCounts(roundID: RoundID, now: Date = Date()) throws -> [KioskCount] {
        fatalError("not yet")
    }
}
