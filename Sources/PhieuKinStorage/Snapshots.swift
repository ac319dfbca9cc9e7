public import PhieuKinCore

/// The values a `WorkspaceStorage` reads and writes in one go: snapshots from one read
/// transaction, a tally's commit, a roster's changes, and the refusal of a second round.

/// Everything the verifier and the audit export read, from one read transaction.
public struct BallotLogSnapshot: Sendable {
    public var round: Round
    public var leaves: [StoredLeaf]
    public var batches: [StoredBatch]
    public var treeHeads: [StoredTreeHead]
    public var rejects: [StoredReject]
    public var issuedCount: Int
    public var usedCount: Int
    /// Used serial hashes that are not among the issued ones (must be 0).
    public var usedNotIssuedCount: Int
    /// Electronic ballots accepted (their codes used) but not yet appended to the log.
    public var inboxCount: Int
    /// The units the round covers, in ballot order (`WorkspaceStorage.roundUnits`).
    public var units: [UnitID]
    /// The officials on the round's ballot, in ballot order (`WorkspaceStorage.roundOfficials`).
    public var officials: [RoundOfficial]
    /// Issued and used serial (and access-code) hashes, each in ascending byte order: the
    /// commitments signed at close and the audit bundle's `issued.bin` / `used.bin`.
    public var issuedHashes: [SerialHash]
    public var usedHashes: [SerialHash]

    public init(
        round: Round, leaves: [StoredLeaf], batches: [StoredBatch], treeHeads: [StoredTreeHead],
        rejects: [StoredReject], issuedCount: Int, usedCount: Int, usedNotIssuedCount: Int, inboxCount: Int = 0,
        units: [UnitID] = [], officials: [RoundOfficial] = [], issuedHashes: [SerialHash] = [],
        usedHashes: [SerialHash] = []
    ) {
        self.units = units
        self.officials = officials
        self.issuedHashes = issuedHashes
        self.usedHashes = usedHashes
        self.inboxCount = inboxCount
        self.round = round
        self.leaves = leaves
        self.batches = batches
        self.treeHeads = treeHeads
        self.rejects = rejects
        self.issuedCount = issuedCount
        self.usedCount = usedCount
        self.usedNotIssuedCount = usedNotIssuedCount
    }
}

/// What one tally commits, all in one transaction (see `WorkspaceStorage.commitTally`).
public struct TallyCommit: Sendable {
    public var roundID: RoundID
    /// Canonical JSON of the round's `RoundResult` (without remark texts).
    public var resultBody: [UInt8]
    public var flags: [StoredFlag]
    /// The round's remarks, sealed to its tally key.
    public var sealedRemarks: [UInt8]
    /// The results-log leaf for this round (docs/FORMAT.md, "Results log").
    public var leaf: [UInt8]
    /// The counting committee and the tally date, for the tally minutes (not secret: the
    /// committee signs the minutes by name). Kept beside the result, outside the signed log.
    public var minutes: StoredTallyMinutes?

    public init(
        roundID: RoundID, resultBody: [UInt8], flags: [StoredFlag], sealedRemarks: [UInt8], leaf: [UInt8],
        minutes: StoredTallyMinutes? = nil
    ) {
        self.roundID = roundID
        self.resultBody = resultBody
        self.flags = flags
        self.sealedRemarks = sealedRemarks
        self.leaf = leaf
        self.minutes = minutes
    }
}

/// What the tally minutes (biên bản kiểm phiếu) need that the result does not hold: the day the
/// round was counted and the members of the counting committee, in the order they were given.
public struct StoredTallyMinutes: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var name: String
        /// The member's role on the committee, e.g. "Trưởng ban"; empty when none was given.
        public var role: String
        public init(name: String, role: String) {
            self.name = name
            self.role = role
        }
    }
    /// yyyy-MM-dd.
    public var talliedOn: String
    public var members: [Member]
    public init(talliedOn: String, members: [Member]) {
        self.talliedOn = talliedOn
        self.members = members
    }
}

/// Everything `verify` reads of the results log, from one read transaction.
public struct ResultsLogSnapshot: Sendable {
    public var leaves: [StoredResultsLeaf]
    public var heads: [StoredResultsHead]
    public var results: [StoredResult]
    public var flags: [StoredFlag]
    /// Sealed remarks by round id.
    public var remarks: [RoundID: [UInt8]]
    public var rounds: [Round]

    public init(
        leaves: [StoredResultsLeaf], heads: [StoredResultsHead], results: [StoredResult], flags: [StoredFlag],
        remarks: [RoundID: [UInt8]], rounds: [Round]
    ) {
        self.leaves = leaves
        self.heads = heads
        self.results = results
        self.flags = flags
        self.remarks = remarks
        self.rounds = rounds
    }
}

/// What the tally reads of a round's ballot log: leaf bytes in log order (no other columns, a
/// round may hold a million), batches and signed heads, from one read transaction.
public struct BallotLogForTally: Sendable {
    public var leaves: [[UInt8]]
    public var batches: [StoredBatch]
    public var treeHeads: [StoredTreeHead]

    public init(leaves: [[UInt8]], batches: [StoredBatch], treeHeads: [StoredTreeHead]) {
        self.leaves = leaves
        self.batches = batches
        self.treeHeads = treeHeads
    }
}

/// What a roster import changed, for the summary shown to staff.
public struct RosterChanges: Sendable, Equatable {
    public var unitsAdded = 0
    public var unitsUpdated = 0
    public var officialsAdded = 0
    public var officialsUpdated = 0
    public var officialsDeactivated = 0
    public init() {}
}

/// A second round for the same survey, unit, period and channel was refused.
public struct RoundConflict: Error, Sendable {
    /// The round already holding the period.
    public let existing: Round
    /// The unit both rounds would cover.
    public let unitID: UnitID

    public init(existing: Round, unitID: UnitID) {
        self.existing = existing
        self.unitID = unitID
    }
}
