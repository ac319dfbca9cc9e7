import GRDB
import PhieuKinCore

/// Row types, one per table, as GRDB records. Conversion to domain types lives here too,
/// so the rest of the code never sees column names.
public struct MetaRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "meta"
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

public struct UnitRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "unit"
    public var id: String
    public var name: String
    public init(_ unit: Unit) {
        id = unit.id
        name = unit.name
    }
    public var unit: Unit { Unit(id: id, name: name) }
}

public struct OfficialRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "official"
    public var id: String
    public var unitID: String
    public var fullName: String
    public var position: String
    public var rosterOrder: Int
    public var active: Bool
    public init(_ official: Official) {
        id = official.id
        unitID = official.unitID
        fullName = official.fullName
        position = official.position
        rosterOrder = official.order
        active = official.active
    }
    public var official: Official {
        Official(id: id, unitID: unitID, fullName: fullName, position: position, order: rosterOrder, active: active)
    }
}

public struct RoundRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "round"
    public enum State: String, Codable, Sendable {
        case open, closed, tallied
        /// Cancelled with a signed reason: its serials and codes stop working, and it is left out
        /// of flags and reports (which list it as voided).
        case voided
    }
    public var id: String
    public var surveyID: String
    public var surveyVersion: Int
    public var surveyYAML: String
    public var unitID: String
    public var period: String
    public var channel: String
    public var state: State
    public var numbered: Bool
    public var ballotsPlanned: Int
    public var electorate: Int?
    public var tallyPublicKey: [UInt8]
    public var committeeSize: Int
    public var committeeThreshold: Int
    public var layoutID: String?
    public var openedOn: String
    public var closedOn: String?
    public var voidReason: String?
    public var voidedOn: String?

    public init(
        id: String, surveyID: String, surveyVersion: Int, surveyYAML: String, unitID: String, period: String,
        channel: String, state: State, numbered: Bool, ballotsPlanned: Int, electorate: Int?,
        tallyPublicKey: [UInt8], committeeSize: Int, committeeThreshold: Int, layoutID: String?, openedOn: String,
        closedOn: String?, voidReason: String? = nil, voidedOn: String? = nil
    ) {
        self.id = id
        self.surveyID = surveyID
        self.surveyVersion = surveyVersion
        self.surveyYAML = surveyYAML
        self.unitID = unitID
        self.period = period
        self.channel = channel
        self.state = state
        self.numbered = numbered
        self.ballotsPlanned = ballotsPlanned
        self.electorate = electorate
        self.tallyPublicKey = tallyPublicKey
        self.committeeSize = committeeSize
        self.committeeThreshold = committeeThreshold
        self.layoutID = layoutID
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.voidReason = voidReason
        self.voidedOn = voidedOn
    }
}

/// An official as frozen on a round's ballot (name and title as printed).
public struct RoundOfficialRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "roundOfficial"
    public var roundID: String
    public var officialID: String
    public var position: Int
    public var fullName: String
    public var title: String
    /// The official's unit when the round opened (a round may cover several units).
    public var unitID: String?
    public init(
        roundID: String, officialID: String, position: Int, fullName: String, title: String, unitID: String? = nil
    ) {
        self.roundID = roundID
        self.officialID = officialID
        self.position = position
        self.fullName = fullName
        self.title = title
        self.unitID = unitID
    }
}

public struct IssuedSerial: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "issuedSerial"
    public var roundID: String
    public var hash: [UInt8]
    public init(roundID: String, hash: [UInt8]) {
        self.roundID = roundID
        self.hash = hash
    }
}

public struct UsedSerial: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "usedSerial"
    public var roundID: String
    public var hash: [UInt8]
    public init(roundID: String, hash: [UInt8]) {
        self.roundID = roundID
        self.hash = hash
    }
}

public struct BatchRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "batch"
    public var roundID: String
    public var seq: Int
    public var sealedKey: [UInt8]
    public init(roundID: String, seq: Int, sealedKey: [UInt8]) {
        self.roundID = roundID
        self.seq = seq
        self.sealedKey = sealedKey
    }
}

public struct LeafRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "leaf"
    public var roundID: String
    public var idx: Int
    public var batchSeq: Int
    public var data: [UInt8]
    public init(roundID: String, idx: Int, batchSeq: Int, data: [UInt8]) {
        self.roundID = roundID
        self.idx = idx
        self.batchSeq = batchSeq
        self.data = data
    }
}

public struct TreeHeadRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "treeHead"
    public var roundID: String
    public var seq: Int
    public var body: [UInt8]
    public var signature: [UInt8]
    public init(roundID: String, seq: Int, body: [UInt8], signature: [UInt8]) {
        self.roundID = roundID
        self.seq = seq
        self.body = body
        self.signature = signature
    }
}

public struct RejectRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "reject"
    public enum Status: String, Codable, Sendable {
        case pending, accepted, discarded
    }
    public var id: Int64?
    public var roundID: String
    public var batchSeq: Int
    public var sealed: [UInt8]?
    /// Machine-readable reason (`ImportRejectCode` raw value), added by migration v2-import.
    public var code: String
    public var reason: String
    public var source: String?
    public var status: Status
    public var decisionReason: String?
    public init(
        id: Int64? = nil, roundID: String, batchSeq: Int, sealed: [UInt8]?, code: String, reason: String,
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
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

public struct ResultRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "result"
    public var roundID: String
    public var body: [UInt8]
    public var logIndex: Int
    public init(roundID: String, body: [UInt8], logIndex: Int) {
        self.roundID = roundID
        self.body = body
        self.logIndex = logIndex
    }
}

public struct FlagRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "flag"
    public var roundID: String
    public var officialID: String
    public var criterionID: String
    public var status: String
    public var body: [UInt8]
    public init(roundID: String, officialID: String, criterionID: String, status: String, body: [UInt8]) {
        self.roundID = roundID
        self.officialID = officialID
        self.criterionID = criterionID
        self.status = status
        self.body = body
    }
}

public struct ResultLeafRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "resultLeaf"
    public var idx: Int
    public var data: [UInt8]
    public init(idx: Int, data: [UInt8]) {
        self.idx = idx
        self.data = data
    }
}

public struct ResultTreeHeadRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "resultTreeHead"
    public var seq: Int
    public var body: [UInt8]
    public var signature: [UInt8]
    public init(seq: Int, body: [UInt8], signature: [UInt8]) {
        self.seq = seq
        self.body = body
        self.signature = signature
    }
}
