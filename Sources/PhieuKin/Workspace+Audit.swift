import Foundation
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinStore

/// What `audit export` wrote.
public struct AuditExportSummary: Sendable, Codable, Equatable {
    public var round: String
    public var directory: String
    public var files: [String]
    public var leaves: Int
    public var treeHeads: Int
}

/// `round.json` of an audit bundle (docs/FORMAT.md, "Audit bundle").
struct AuditRound: Codable {
    struct Counts: Codable {
        var issued: Int
        var used: Int
        var accepted: Int
        var quarantinedPending: Int
        var quarantinedAccepted: Int
        var quarantinedDiscarded: Int
    }
    var format: String
    var round: String
    var survey: String
    var surveyVersion: Int
    var unit: String
    var period: String
    var channel: String
    var state: String
    var numbered: Bool
    var counts: Counts
    var tallyPublicKey: String
    var committeeSize: Int
    var committeeThreshold: Int
    var agencyKeyFingerprint: String
}

extension Workspace {
    /// Writes the public audit bundle of a round to `directory` (created if needed). Everything
    /// in it is public: sealed leaves, sealed batch keys, signed tree heads, keys, counts and the
    /// survey definition. No serial, no source, no quarantined row.
    public func exportAudit(roundID: String, to directory: String) throws -> AuditExportSummary {
        let s = try store.ballotLogSnapshot(roundID: roundID)
        let agency = try agencyPublicKey()
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PhieuKinError.input("cannot create \(directory): \(error.localizedDescription)")
        }
        func write(_ name: String, _ bytes: [UInt8]) throws {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name), options: .atomic)
            } catch {
                throw PhieuKinError.input("cannot write \(directory)/\(name): \(error.localizedDescription)")
            }
        }
        let statuses = Dictionary(grouping: s.rejects, by: \.status).mapValues(\.count)
        let round = AuditRound(
            format: "phieukin-audit-v1", round: s.round.id, survey: s.round.surveyID,
            surveyVersion: s.round.surveyVersion,
            unit: s.round.unitID, period: s.round.period, channel: s.round.channel, state: s.round.state.rawValue,
            numbered: s.round.numbered,
            counts: .init(
                issued: s.issuedCount, used: s.usedCount, accepted: s.leaves.count,
                quarantinedPending: statuses[.pending] ?? 0, quarantinedAccepted: statuses[.accepted] ?? 0,
                quarantinedDiscarded: statuses[.discarded] ?? 0),
            tallyPublicKey: Hex.encode(s.round.tallyPublicKey), committeeSize: s.round.committeeSize,
            committeeThreshold: s.round.committeeThreshold, agencyKeyFingerprint: agency.fingerprint)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try write("round.json", Array(try encoder.encode(round)) + [0x0A])

        var leaves: [UInt8] = []
        leaves.reserveCapacity(s.leaves.reduce(0) { $0 + 4 + $1.data.count })
        for leaf in s.leaves {
            leaves.append(contentsOf: BallotLogFormat.u32be(leaf.data.count))
            leaves.append(contentsOf: leaf.data)
        }
        try write("leaves.bin", leaves)

        let batches = PhieuKinCore.JSONValue.array(
            s.batches.map {
                .object(["seq": .number(Double($0.seq)), "sealed_key": .string(Hex.encode($0.sealedKey))])
            })
        try write("batches.json", try batches.canonicalBytes + [0x0A])

        var heads: [UInt8] = []
        for head in s.treeHeads {
            let line = PhieuKinCore.JSONValue.object([
                "body": .string(String(decoding: head.body, as: UTF8.self)),
                "signature": .string(Hex.encode(head.signature)),
            ])
            heads.append(contentsOf: try line.canonicalBytes)
            heads.append(0x0A)
        }
        try write("tree-heads.jsonl", heads)
        try write("agency.pub.pem", Array(agency.pemRepresentation.utf8))
        try write("survey.yaml", Array(s.round.surveyYAML.utf8))
        try write("README.txt", Array(Self.auditReadme(roundID: roundID).utf8))
        let files = [
            "README.txt", "agency.pub.pem", "batches.json", "leaves.bin", "round.json", "survey.yaml",
            "tree-heads.jsonl",
        ]
        return AuditExportSummary(
            round: roundID, directory: directory, files: files, leaves: s.leaves.count, treeHeads: s.treeHeads.count)
    }

    static func auditReadme(roundID: String) -> String {
        """
        PhieuKin audit bundle for round \(roundID) (format phieukin-audit-v1, see docs/FORMAT.md).

        round.json        round, survey, counts, tally public key (X25519, hex), committee K of N
        leaves.bin        the ballot log: for each leaf, u32be(length) then the sealed ballot
        batches.json      each import batch's data key, sealed to the tally key
        tree-heads.jsonl  every signed tree head: {"body": <exact signed JSON>, "signature": hex}
        agency.pub.pem    the agency's Ed25519 public key (compare its fingerprint with the published one)
        survey.yaml       the survey definition the round used

        To verify independently (python3 and the openssl command line only):
            scripts/verify-audit THIS_DIRECTORY
        It recomputes the Merkle root (RFC 6962) of every signed tree head from leaves.bin, checks
        each Ed25519 signature with agency.pub.pem, that sizes never decrease, that every head is
        consistent with the previous one, that every quarantine decision is signed (tree heads of
        kind "decision") and that the counts in round.json add up.

        """
    }
}
