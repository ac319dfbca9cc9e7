public import PhieuKinCore
import PhieuKinMessages

/// What a store hands the workflows, as plain values: no database types, no column names.
/// Bytes (keys, sealed leaves, signed head bodies, signatures) are exactly what was stored.

/// One import batch of a round: its data key, sealed to the round's tally key.
public struct StoredBatch: Sendable, Hashable {
    public var roundID: RoundID
    public var seq: Int
    public var sealedKey: [UInt8]
    public init(roundID: RoundID, seq: Int, sealedKey: [UInt8]) {
        self.roundID = roundID
        self.seq = seq
        self.sealedKey = sealedKey
    }
}

/// One leaf of a round's ballot log: a sealed ballot (or a signed decision), and its batch.
public struct StoredLeaf: Sendable, Hashable {
    public var roundID: RoundID
    public var idx: Int
    public var batchSeq: Int
    public var data: [UInt8]
    public init(roundID: RoundID, idx: Int, batchSeq: Int, data: [UInt8]) {
        self.roundID = roundID
        self.idx = idx
        self.batchSeq = batchSeq
        self.data = data
    }
}

/// A signed tree head of a round's ballot log, as signed bytes: the canonical body and its
/// Ed25519 signature (docs/FORMAT.md).
public struct StoredTreeHead: Sendable, Hashable {
    public var roundID: RoundID
    public var seq: Int
    public var body: [UInt8]
    public var signature: [UInt8]
    public init(roundID: RoundID, seq: Int, body: [UInt8], signature: [UInt8]) {
        self.roundID = roundID
        self.seq = seq
        self.body = body
        self.signature = signature
    }
}

/// A rejected ballot, sealed like an accepted one, kept in quarantine for tellers to resolve.
public struct StoredReject: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        case pending, accepted, discarded
    }
    /// Given by the store when the reject is inserted (nil before).
    public var id: Int64?
    public var roundID: RoundID
    public var batchSeq: Int
    /// Cleared once resolved.
    public var sealed: [UInt8]?
    /// Machine-readable reason (`ImportRejectCode` raw value).
    public var code: String
    public var reason: String
    /// file:line, for finding the paper; cleared once resolved.
    public var source: String?
    public var status: Status
    public var decisionReason: String?
    public init(
        id: Int64? = nil, roundID: RoundID, batchSeq: Int, sealed: [UInt8]?, code: String, reason: String,
        source: String?, status: Status, decisionReason: String? = nil
    ) {
        self.id = id
        self.roundID = roundID
        self.batchSeq = batchSeq
        self.sealed = sealed
        self.code = code
        self.reason = reason
        self.source = source
        self.status = status
        self.decisionReason = decisionReason
    }
}

/// A round's committed result: the canonical JSON of its `RoundResult` and its results-log leaf.
public struct StoredResult: Sendable, Hashable {
    public var roundID: RoundID
    public var body: [UInt8]
    public var logIndex: Int
    public init(roundID: RoundID, body: [UInt8], logIndex: Int) {
        self.roundID = roundID
        self.body = body
        self.logIndex = logIndex
    }
}

/// A committed flag: canonical JSON of the `Flag`, keyed by round, official and criterion.
public struct StoredFlag: Sendable, Hashable {
    public var roundID: RoundID
    public var officialID: OfficialID
    public var criterionID: CriterionID
    public var status: String
    public var body: [UInt8]
    public init(roundID: RoundID, officialID: OfficialID, criterionID: CriterionID, status: String, body: [UInt8]) {
        self.roundID = roundID
        self.officialID = officialID
        self.criterionID = criterionID
        self.status = status
        self.body = body
    }
}

/// One leaf of the agency's results log.
public struct StoredResultsLeaf: Sendable, Hashable {
    public var idx: Int
    public var data: [UInt8]
    public init(idx: Int, data: [UInt8]) {
        self.idx = idx
        self.data = data
    }
}

/// A signed head of the agency's results log, as signed bytes.
public struct StoredResultsHead: Sendable, Hashable {
    public var seq: Int
    public var body: [UInt8]
    public var signature: [UInt8]
    public init(seq: Int, body: [UInt8], signature: [UInt8]) {
        self.seq = seq
        self.body = body
        self.signature = signature
    }
}

/// A kiosk of a round (docs/WEB.md, "Kiosk"): its tokens only as hashes.
public struct StoredKiosk: Sendable, Hashable {
    /// Random, shown to staff beside the desk's name.
    public var id: String
    public var roundID: RoundID
    public var desk: String
    public var enrolHash: [UInt8]
    /// Nil until the tablet enrolled (the enrolment token then stops working).
    public var tokenHash: [UInt8]?
    public init(id: String, roundID: RoundID, desk: String, enrolHash: [UInt8], tokenHash: [UInt8]?) {
        self.id = id
        self.roundID = roundID
        self.desk = desk
        self.enrolHash = enrolHash
        self.tokenHash = tokenHash
    }
}

/// A kiosk's ratings on one day: how many (the daily cap). Only the date is kept — never a time
/// of day, not even of the day's first rating (the pace rule keeps its clock in memory).
public struct StoredKioskDay: Sendable, Hashable {
    public var kioskID: String
    /// `yyyy-MM-dd`.
    public var day: String
    public var count: Int
    public init(kioskID: String, day: String, count: Int) {
        self.kioskID = kioskID
        self.day = day
        self.count = count
    }
}
