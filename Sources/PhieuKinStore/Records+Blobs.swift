import Foundation
import GRDB

// GRDB stores a Codable `[UInt8]` property as JSON text ("[12,34,…]"), not as a BLOB, because
// `Array` is deliberately not `DatabaseValueConvertible`. Records holding bytes (hashes, keys,
// sealed leaves, signatures) therefore spell out their columns here, so those bytes are stored
// as real BLOBs: compact, fast, and exactly what the schema and docs/FORMAT.md describe.

extension Row {
    /// A BLOB column as bytes (empty when NULL).
    fileprivate func bytes(_ column: String) -> [UInt8] {
        (self[column] as Data?).map { [UInt8]($0) } ?? []
    }
}

extension RoundRecord {
    public init(row: Row) throws {
        self.init(
            id: row["id"], surveyID: row["surveyID"], surveyVersion: row["surveyVersion"],
            surveyYAML: row["surveyYAML"],
            unitID: row["unitID"], period: row["period"], channel: row["channel"],
            state: State(rawValue: row["state"]) ?? .open, numbered: row["numbered"],
            ballotsPlanned: row["ballotsPlanned"], electorate: row["electorate"],
            tallyPublicKey: row.bytes("tallyPublicKey"), committeeSize: row["committeeSize"],
            committeeThreshold: row["committeeThreshold"], layoutID: row["layoutID"], openedOn: row["openedOn"],
            closedOn: row["closedOn"], voidReason: row["voidReason"], voidedOn: row["voidedOn"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["surveyID"] = surveyID
        container["surveyVersion"] = surveyVersion
        container["surveyYAML"] = surveyYAML
        container["unitID"] = unitID
        container["period"] = period
        container["channel"] = channel
        container["state"] = state.rawValue
        container["numbered"] = numbered
        container["ballotsPlanned"] = ballotsPlanned
        container["electorate"] = electorate
        container["tallyPublicKey"] = Data(tallyPublicKey)
        container["committeeSize"] = committeeSize
        container["committeeThreshold"] = committeeThreshold
        container["layoutID"] = layoutID
        container["openedOn"] = openedOn
        container["closedOn"] = closedOn
        container["voidReason"] = voidReason
        container["voidedOn"] = voidedOn
    }
}

extension IssuedSerial {
    public init(row: Row) throws { self.init(roundID: row["roundID"], hash: row.bytes("hash")) }
    public func encode(to container: inout PersistenceContainer) throws {
        container["roundID"] = roundID
        container["hash"] = Data(hash)
    }
}

extension UsedSerial {
    public init(row: Row) throws { self.init(roundID: row["roundID"], hash: row.bytes("hash")) }
    public func encode(to container: inout PersistenceContainer) throws {
        container["roundID"] = roundID
        container["hash"] = Data(hash)
    }
}

extension BatchRecord {
    public init(row: Row) throws {
        self.init(roundID: row["roundID"], seq: row["seq"], sealedKey: row.bytes("sealedKey"))
    }
    public func encode(to container: inout PersistenceContainer) throws {
        container["roundID"] = roundID
        container["seq"] = seq
        container["sealedKey"] = Data(sealedKey)
    }
}

extension LeafRecord {
    public init(row: Row) throws {
        self.init(roundID: row["roundID"], idx: row["idx"], batchSeq: row["batchSeq"], data: row.bytes("data"))
    }
    public func encode(to container: inout PersistenceContainer) throws {
        container["roundID"] = roundID
        container["idx"] = idx
        container["batchSeq"] = batchSeq
        container["data"] = Data(data)
    }
}

extension TreeHeadRecord {
    public init(row: Row) throws {
        self.init(roundID: row["roundID"], seq: row["seq"], body: row.bytes("body"), signature: row.bytes("signature"))
    }
    public func encode(to container: inout PersistenceContainer) throws {
        container["roundID"] = roundID
        container["seq"] = seq
        container["body"] = Data(body)
        container["signature"] = Data(signature)
    }
}

extension RejectRecord {
    public init(row: Row) throws {
        self.init(
            id: row["id"], roundID: row["roundID"], batchSeq: row["batchSeq"],
            sealed: (row["sealed"] as Data?).map { [UInt8]($0) }, code: row["code"], reason: row["reason"],
            source: row["source"], status: Status(rawValue: row["status"]) ?? .pending,
            decisionReason: row["decisionReason"])
    }
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["roundID"] = roundID
        container["batchSeq"] = batchSeq
        container["sealed"] = sealed.map { Data($0) }
        container["code"] = code
        container["reason"] = reason
        container["source"] = source
        container["status"] = status.rawValue
        container["decisionReason"] = decisionReason
    }
}

extension ResultRecord {
    public init(row: Row) throws {
        self.init(roundID: row["roundID"], body: row.bytes("body"), logIndex: row["logIndex"])
    }
    public func encode(to container: inout PersistenceContainer) throws {
        container["roundID"] = roundID
        container["body"] = Data(body)
        container["logIndex"] = logIndex
    }
}

extension ResultLeafRecord {
    public init(row: Row) throws { self.init(idx: row["idx"], data: row.bytes("data")) }
    public func encode(to container: inout PersistenceContainer) throws {
        container["idx"] = idx
        container["data"] = Data(data)
    }
}

extension ResultTreeHeadRecord {
    public init(row: Row) throws {
        self.init(seq: row["seq"], body: row.bytes("body"), signature: row.bytes("signature"))
    }
    public func encode(to container: inout PersistenceContainer) throws {
        container["seq"] = seq
        container["body"] = Data(body)
        container["signature"] = Data(signature)
    }
}

extension FlagRecord {
    public init(row: Row) throws {
        self.init(
            roundID: row["roundID"], officialID: row["officialID"], criterionID: row["criterionID"],
            status: row["status"], body: row.bytes("body"))
    }
    public func encode(to container: inout PersistenceContainer) throws {
        container["roundID"] = roundID
        container["officialID"] = officialID
        container["criterionID"] = criterionID
        container["status"] = status
        container["body"] = Data(body)
    }
}
