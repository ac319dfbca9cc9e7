internal import Foundation
internal import GRDB
internal import PhieuKinCore
import PhieuKinMessages
internal import PhieuKinStorage

// Row types, one per table, as GRDB records: internal to this module. Byte columns are `Data`,
// which GRDB stores as a real BLOB (a Codable `[UInt8]` would become JSON text). Conversion to
// and from the values the Store API speaks lives here too, so the rest of the code never sees
// column names.

struct MetaRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "meta"
    var key: String
    var value: String
}

struct UnitRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "unit"
    var id: String
    var name: String
    init(_ unit: PhieuKinCore.Unit) {
        id = unit.id.rawValue
        name = unit.name
    }
    var unit: PhieuKinCore.Unit { Unit(id: UnitID(id), name: name) }
}

struct OfficialRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "official"
    var id: String
    var unitID: String
    var fullName: String
    var position: String
    var rosterOrder: Int
    var active: Bool
    init(_ official: Official) {
        id = official.id.rawValue
        unitID = official.unitID.rawValue
        fullName = official.fullName
        position = official.position
        rosterOrder = official.order
        active = official.active
    }
    var official: Official {
        Official(
            id: OfficialID(id), unitID: UnitID(unitID), fullName: fullName, position: position, order: rosterOrder,
            active: active)
    }
}

struct RoundRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "round"
    var id: String
    var surveyID: String
    var surveyVersion: Int
    var surveyYAML: String
    var unitID: String
    var period: String
    var channel: String
    var state: Round.State
    var numbered: Bool
    var ballotsPlanned: Int
    var electorate: Int?
    var tallyPublicKey: Data
    var committeeSize: Int
    var committeeThreshold: Int
    var layoutID: String?
    var openedOn: String
    var closedOn: String?
    var voidReason: String?
    var voidedOn: String?
    var kioskMinIntervalSeconds: Int
    var kioskDailyCap: Int

    init(_ r: Round) {
        id = r.id.rawValue
        surveyID = r.surveyID.rawValue
        surveyVersion = r.surveyVersion
        surveyYAML = r.surveyYAML
        unitID = r.unitID.rawValue
        period = r.period
        channel = r.channel
        state = r.state
        numbered = r.numbered
        ballotsPlanned = r.ballotsPlanned
        electorate = r.electorate
        tallyPublicKey = Data(r.tallyPublicKey)
        committeeSize = r.committeeSize
        committeeThreshold = r.committeeThreshold
        layoutID = r.layoutID
        openedOn = r.openedOn
        closedOn = r.closedOn
        voidReason = r.voidReason
        voidedOn = r.voidedOn
        kioskMinIntervalSeconds = r.kioskMinIntervalSeconds
        kioskDailyCap = r.kioskDailyCap
    }

    var round: Round {
        Round(
            id: RoundID(id), surveyID: SurveyID(surveyID), surveyVersion: surveyVersion, surveyYAML: surveyYAML,
            unitID: UnitID(unitID),
            period: period, channel: channel, state: state, numbered: numbered, ballotsPlanned: ballotsPlanned,
            electorate: electorate, tallyPublicKey: [UInt8](tallyPublicKey), committeeSize: committeeSize,
            committeeThreshold: committeeThreshold, layoutID: layoutID, openedOn: openedOn, closedOn: closedOn,
            voidReason: voidReason, voidedOn: voidedOn, kioskMinIntervalSeconds: kioskMinIntervalSeconds,
            kioskDailyCap: kioskDailyCap)
    }
}

/// An official as frozen on a round's ballot (name and title as printed).
struct RoundOfficialRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "roundOfficial"
    var roundID: String
    var officialID: String
    var position: Int
    var fullName: String
    var title: String
    var unitID: String?
    init(_ o: RoundOfficial) {
        roundID = o.roundID.rawValue
        officialID = o.officialID.rawValue
        position = o.position
        fullName = o.fullName
        title = o.title
        unitID = o.unitID?.rawValue
    }
    var roundOfficial: RoundOfficial {
        RoundOfficial(
            roundID: RoundID(roundID), officialID: OfficialID(officialID), position: position, fullName: fullName,
            title: title, unitID: unitID.map { UnitID($0) })
    }
}

struct IssuedSerialRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "issuedSerial"
    var roundID: String
    var hash: Data
}

struct BatchRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "batch"
    var roundID: String
    var seq: Int
    var sealedKey: Data
    var batch: StoredBatch { StoredBatch(roundID: RoundID(roundID), seq: seq, sealedKey: [UInt8](sealedKey)) }
}

struct TreeHeadRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "treeHead"
    var roundID: String
    var seq: Int
    var body: Data
    var signature: Data
    init(_ head: StoredTreeHead) {
        roundID = head.roundID.rawValue
        seq = head.seq
        body = Data(head.body)
        signature = Data(head.signature)
    }
    var head: StoredTreeHead {
        StoredTreeHead(roundID: RoundID(roundID), seq: seq, body: [UInt8](body), signature: [UInt8](signature))
    }
}

struct RejectRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "reject"
    var id: Int64?
    var roundID: String
    var batchSeq: Int
    var sealed: Data?
    var code: String
    var reason: String
    var source: String?
    var status: StoredReject.Status
    var decisionReason: String?
    init(_ r: StoredReject) {
        id = r.id
        roundID = r.roundID.rawValue
        batchSeq = r.batchSeq
        sealed = r.sealed.map { Data($0) }
        code = r.code
        reason = r.reason
        source = r.source
        status = r.status
        decisionReason = r.decisionReason
    }
    var reject: StoredReject {
        StoredReject(
            id: id, roundID: RoundID(roundID), batchSeq: batchSeq, sealed: sealed.map { [UInt8]($0) }, code: code,
            reason: reason, source: source, status: status, decisionReason: decisionReason)
    }
    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

struct ResultRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "result"
    var roundID: String
    var body: Data
    var logIndex: Int
    var result: StoredResult { StoredResult(roundID: RoundID(roundID), body: [UInt8](body), logIndex: logIndex) }
}

struct FlagRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "flag"
    var roundID: String
    var officialID: String
    var criterionID: String
    var status: String
    var body: Data
    init(_ f: StoredFlag) {
        roundID = f.roundID.rawValue
        officialID = f.officialID.rawValue
        criterionID = f.criterionID.rawValue
        status = f.status
        body = Data(f.body)
    }
    var flag: StoredFlag {
        StoredFlag(
            roundID: RoundID(roundID), officialID: OfficialID(officialID), criterionID: CriterionID(criterionID),
            status: status, body: [UInt8](body))
    }
}

struct ResultLeafRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "resultLeaf"
    var idx: Int
    var data: Data
    var leaf: StoredResultsLeaf { StoredResultsLeaf(idx: idx, data: [UInt8](data)) }
}

struct ResultTreeHeadRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "resultTreeHead"
    var seq: Int
    var body: Data
    var signature: Data
    init(_ head: StoredResultsHead) {
        seq = head.seq
        body = Data(head.body)
        signature = Data(head.signature)
    }
    var head: StoredResultsHead { StoredResultsHead(seq: seq, body: [UInt8](body), signature: [UInt8](signature)) }
}
