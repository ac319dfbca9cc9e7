public import PhieuKinCore
import PhieuKinMessages

/// What the workflows need from storage: a workspace's rounds, roster, ballot logs, quarantine,
/// results and results log, in domain values. `Store` (SQLite) is today's implementation; a second
/// one (PostgreSQL) implements this protocol and passes `StorageConformance`
/// (Tests/PhieuKinStoreConformance), without any change to the workflows.
///
/// Rules every implementation keeps:
/// - Secrecy: serials are stored only as their hashes, apart from the ballots; nothing stored
///   links a serial hash (or a voter) to a leaf; a leaf carries no time, file, line or source.
/// - All or nothing: each method that writes commits everything it does or nothing, and so does
///   everything done inside one `withBallotLog` body (a thrown error leaves no trace).
/// - Reads never wait for a writer: a read during another connection's write sees the last
///   committed state, at once. A write sees every write committed before it (read your writes).
/// - Errors are `StoreError` (busy, read-only, disk full, not found, conflict) or `RoundConflict`,
///   and never carry ballot content or serials.
public protocol WorkspaceStorage: Sendable {
    // MARK: Workspace facts
    func meta(_ key: String) throws -> String?
    func setMeta(_ key: String, _ value: String) throws

    // MARK: Roster
    /// Applies a roster in one transaction: units and officials are inserted or updated in place;
    /// an official of an imported unit who is missing becomes inactive (never deleted).
    func applyRoster(units: [Unit], officials: [Official]) throws -> RosterChanges
    /// Units by id.
    func units() throws -> [Unit]
    func unit(id: UnitID) throws -> Unit?
    /// Officials in roster order (unit, order, id); inactive ones only when asked.
    func officials(unitID: UnitID?, includeInactive: Bool) throws -> [Official]

    // MARK: Rounds
    /// Inserts a round over `units` (in that order) with its frozen officials. Throws
    /// `RoundConflict` when a round that is not voided already covers one of `units` for the same
    /// survey, period and channel (checked inside the write), `StoreError.conflict` for a taken id.
    func insertRound(_ round: Round, units: [UnitID], officials: [RoundOfficial]) throws
    /// A round (not voided) of this survey, period and channel that covers one of `units`.
    func liveRound(
        surveyID: SurveyID, period: String, channel: String, units: [UnitID]
    ) throws -> (
        round: Round, unitID: UnitID
    )?
    /// The units a round covers, in the order they were given.
    func roundUnits(roundID: RoundID) throws -> [UnitID]
    /// The round, or `StoreError.notFound`.
    func round(id: RoundID) throws -> Round
    /// Rounds (covering `unitID`, of `surveyID`, when given) by period, unit, survey and id.
    func rounds(unitID: UnitID?, surveyID: SurveyID?) throws -> [Round]
    /// The officials on a round's ballot, in printed order.
    func roundOfficials(roundID: RoundID) throws -> [RoundOfficial]
    /// Records the hashes of newly issued serials (never the serials), and the layout printed.
    func insertIssuedSerialHashes(roundID: RoundID, hashes: [[UInt8]], layoutID: String?) throws
    func issuedSerialCount(roundID: RoundID) throws -> Int

    // MARK: Ballot log
    /// Runs `body` in one write transaction on a round's ballot log: all of it commits, or none.
    func withBallotLog<T>(roundID: RoundID, _ body: (any BallotLogWriting) throws -> T) throws -> T
    /// Rejects of a round, in insertion order.
    func rejects(roundID: RoundID) throws -> [StoredReject]
    /// Everything the verifier and the audit export read, from one read transaction.
    func ballotLogSnapshot(roundID: RoundID) throws -> BallotLogSnapshot
    /// What the tally reads of a round's ballot log, from one read transaction.
    func ballotLogForTally(roundID: RoundID) throws -> BallotLogForTally

    // MARK: Results
    /// Commits a tally in one transaction (see `Store.commitTally`); refuses a round that is not
    /// closed with `StoreError.conflict`. Returns the results-log leaf index.
    @discardableResult
    func commitTally(
        _ commit: TallyCommit, signHead: (_ root: [UInt8], _ size: Int, _ seq: Int) throws -> StoredResultsHead
    ) throws -> Int
    /// Committed results in log order.
    func results() throws -> [StoredResult]
    func result(roundID: RoundID) throws -> StoredResult?
    /// Stored flags of the given rounds (all rounds when nil), by round, official, criterion.
    func flags(roundIDs: [RoundID]?) throws -> [StoredFlag]
    func sealedRemarks(roundID: RoundID) throws -> [UInt8]?
    /// The tally date and committee committed with a round's result (nil: not tallied, or
    /// tallied before the minutes were kept).
    func tallyMinutes(roundID: RoundID) throws -> StoredTallyMinutes?
    /// Everything `verify` reads of the results log, from one read transaction.
    func resultsLogSnapshot() throws -> ResultsLogSnapshot

    // MARK: Electronic ballots (docs/WEB.md)
    /// Whether a serial or access-code hash was issued for a round, and used: two keyed lookups.
    func serialStatus(roundID: RoundID, hash: SerialHash) throws -> (issued: Bool, used: Bool)
    /// A consistent copy of the whole storage as of one commit, in the store's own format (for
    /// SQLite, a database file), for `phieukin backup`: taken while others write, and holding
    /// every commit acknowledged before it began.
    func backupSnapshot() throws -> [UInt8]
    /// The rounds that issued a serial hash, by id: a sheet keyed into the wrong round is named
    /// as another round's (issue 19) instead of "never issued".
    func roundsIssuing(_ hash: SerialHash) throws -> [RoundID]
    /// Runs `body` in one write transaction over electronic intake (codes, inboxes, kiosks): all
    /// of it commits, or none.
    func withElectronicIntake<T>(_ body: (any ElectronicIntakeWriting) throws -> T) throws -> T
    /// Electronic ballots waiting in each round's inbox (rounds with none are absent).
    func inboxCounts() throws -> [RoundID: Int]
    func insertKiosk(_ kiosk: StoredKiosk) throws
    /// A round's kiosks, by desk and id.
    func kiosks(roundID: RoundID) throws -> [StoredKiosk]
    /// The per-day counts of a round's kiosks.
    func kioskDays(roundID: RoundID) throws -> [StoredKioskDay]
}

extension WorkspaceStorage {
    public func officials(unitID: UnitID? = nil, includeInactive: Bool = false) throws -> [Official] {
        try officials(unitID: unitID, includeInactive: includeInactive)
    }
    public func rounds(unitID: UnitID? = nil, surveyID: SurveyID? = nil) throws -> [Round] {
        try rounds(unitID: unitID, surveyID: surveyID)
    }
    public func flags() throws -> [StoredFlag] { try flags(roundIDs: nil) }
}

/// A round's ballot log inside one write transaction: what an import, a quarantine decision, a
/// void or a round close may do. Only `WorkspaceStorage.withBallotLog` hands one out, so
/// everything done through it commits together or not at all. Never used after its body returns.
public protocol BallotLogWriting {
    var roundID: RoundID { get }
    /// The round, read inside this transaction (`StoreError.notFound` if it is gone).
    func round() throws -> Round
    /// Issued serial hashes of the round, read inside this transaction.
    func issuedSerialHashes() throws -> Set<SerialHash>
    /// Used serial hashes of the round, read inside this transaction (so a concurrent import
    /// that committed first is seen).
    func usedSerialHashes() throws -> Set<SerialHash>
    /// Whether one serial hash was issued for the round (a keyed lookup, O(log n)).
    func isIssued(_ hash: SerialHash) throws -> Bool
    /// Whether one serial hash was used by an accepted ballot already (O(log n)).
    func isUsed(_ hash: SerialHash) throws -> Bool
    func insertUsedSerial(_ hash: SerialHash) throws

    func nextBatchSeq() throws -> Int
    /// The round's batches by seq, read inside this transaction (what a close or void head commits to).
    func batches() throws -> [StoredBatch]
    func insertBatch(seq: Int, sealedKey: [UInt8]) throws
    /// The batch that imported a file with this digest, if any.
    func batchForFile(digest: [UInt8]) throws -> Int?
    func recordFile(digest: [UInt8], batchSeq: Int) throws

    /// Leaves in the log: one past the highest index (indexes are contiguous from 0). O(log n).
    func leafCount() throws -> Int
    /// Appends one leaf.
    func appendLeaf(idx: Int, batchSeq: Int, data: [UInt8]) throws
    /// Appends one leaf from a slice of a larger buffer without copying it (the import's hot path).
    func appendLeaf(idx: Int, batchSeq: Int, data: UnsafeRawBufferPointer) throws
    /// The leaves' bytes from index `start` on, in log order, streamed.
    func forEachLeaf(from start: Int, _ body: ([UInt8]) throws -> Void) throws

    /// The log's stored Merkle frontier (`MerkleFrontier.serialized`), if one was saved.
    func frontier() throws -> [UInt8]?
    /// Saves the frontier with the head signed over it, replacing the previous one.
    func saveFrontier(_ bytes: [UInt8]) throws

    func lastTreeHead() throws -> StoredTreeHead?
    func insertTreeHead(_ head: StoredTreeHead) throws

    /// Inserts a reject and returns its id.
    @discardableResult
    func insertReject(_ reject: StoredReject) throws -> Int64
    /// Rejects of the round (with this status, with these ids, when given), by id.
    func rejects(status: StoredReject.Status?, ids: [Int64]?) throws -> [StoredReject]
    /// Replaces the reject with the same id.
    func updateReject(_ reject: StoredReject) throws

    /// The electronic ballots waiting in the round's inbox, in key order (random: no arrival order).
    func inboxBoxes() throws -> [[UInt8]]
    /// Empties the round's inbox (after its boxes were appended, in the same transaction).
    func clearInbox() throws
    /// Whether the round's log already holds an electronic leaf whose sealed box has this
    /// ephemeral public key (bytes 1…32 of the box): a keyed lookup.
    func hasElectronicLeaf(ephemeral: [UInt8]) throws -> Bool

    func setState(_ state: Round.State, closedOn: String?) throws
    /// Marks the round voided with its reason (the caller signs the void into the log first).
    func setVoided(reason: String, on date: String) throws
    /// Appends a leaf to the agency's results log and signs its new head (`signHead` gets the new
    /// root, size and head sequence number), in this transaction. Returns the leaf index.
    func appendResultsLogLeaf(
        _ leaf: [UInt8], signHead: (_ root: [UInt8], _ size: Int, _ seq: Int) throws -> StoredResultsHead
    ) throws -> Int
}

/// Electronic intake inside one write transaction: what accepting a ballot by code or from a
/// kiosk, and enrolling a kiosk, may do. Only `WorkspaceStorage.withElectronicIntake` hands one out.
public protocol ElectronicIntakeWriting {
    /// The round, or nil.
    func round(id: RoundID) throws -> Round?
    func isIssued(roundID: RoundID, _ hash: SerialHash) throws -> Bool
    func isUsed(roundID: RoundID, _ hash: SerialHash) throws -> Bool
    func insertUsedSerial(roundID: RoundID, _ hash: SerialHash) throws
    /// Stores a sealed box under a random key (never a sequence or a time).
    func insertInbox(roundID: RoundID, key: [UInt8], box: [UInt8]) throws
    func inboxCount(roundID: RoundID) throws -> Int
    /// The sealed box with this ephemeral public key (bytes 1…32 of a box: fresh per sealing, so
    /// it names the box) waiting in any round's inbox or appended to any round's log, and that
    /// round; nil when none. A keyed lookup over what is stored already: nothing is added for it.
    func electronicBox(ephemeral: [UInt8]) throws -> (roundID: RoundID, box: [UInt8])?
    /// Ballots of the round in its log and its inbox together.
    func ballotCount(roundID: RoundID) throws -> Int
    func kiosk(enrolHash: [UInt8]) throws -> StoredKiosk?
    func kiosk(tokenHash: [UInt8]) throws -> StoredKiosk?
    func setKioskToken(kioskID: String, tokenHash: [UInt8]) throws
    func kioskDay(kioskID: String, day: String) throws -> StoredKioskDay?
    func saveKioskDay(_ day: StoredKioskDay) throws
    /// Whether the kiosk already delivered a rating with this id hash.
    func kioskSubmissionExists(kioskID: String, hash: [UInt8]) throws -> Bool
    /// Records a kiosk rating's id hash (so a resend is counted once).
    func insertKioskSubmission(kioskID: String, hash: [UInt8]) throws
}

extension BallotLogWriting {
    public func forEachLeaf(_ body: ([UInt8]) throws -> Void) throws { try forEachLeaf(from: 0, body) }
    public func rejects(status: StoredReject.Status? = nil, ids: [Int64]? = nil) throws -> [StoredReject] {
        try rejects(status: status, ids: ids)
    }
}
