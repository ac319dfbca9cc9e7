import Foundation
public import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages
import PhieuKinStorage

/// What `audit export` wrote.
public struct AuditExportSummary: Sendable, Codable, Equatable {
    public var round: RoundID
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
        /// Electronic ballots accepted (codes used) but not yet appended: 0 once the round is closed.
        var waiting: Int
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

extension WorkspaceService {

    /// `quarantine.json`: one object per reject of the round, by id — its reason code, the
    /// decision (`accept`, `discard`, or `pending`) and the decision's reason; never its content.
    static func quarantineJSON(_ rejects: [StoredReject]) -> CanonicalValue {
        .array(
            rejects.sorted { ($0.id ?? 0) < ($1.id ?? 0) }.map { reject in
                let decision =
                    switch reject.status {
                    case .pending: "pending"
                    case .accepted: "accept"
                    case .discarded: "discard"
                    }
                return .object([
                    "code": .string(reject.code), "decision": .string(decision),
                    "reason": .string(reject.status == .pending ? "" : reject.decisionReason ?? ""),
                    "reject": .number(Double(reject.id ?? 0)),
                ])
            })
    }

    static func auditReadme(roundID: RoundID) -> String {
        """
        PhieuKin audit bundle for round \(roundID) (format phieukin-audit-v1, see docs/FORMAT.md).

        round.json        round, survey, counts, tally public key (X25519, hex), committee K of N
        leaves.bin        the ballot log: for each leaf, u32be(length) then the sealed ballot
        batches.json      each import batch's data key, sealed to the tally key
        tree-heads.jsonl  every signed tree head: {"body": <exact signed JSON>, "signature": hex}
        agency.pub.pem    the agency's Ed25519 public key (compare its fingerprint with the published one)
        survey.yaml       the survey definition the round used
        manifest.json     the round manifest: every fact that defines the round; each tree head names its SHA-256
        issued.bin        SHA-256 hashes of the issued serials (and access codes), 32 bytes each, sorted
        used.bin          the same for the serials and codes used by accepted ballots
        quarantine.json   each quarantined ballot's reason code and decision (never its content)
        result-leaf.json  (tallied rounds) the round's leaf in the agency's results log: its result and flags
        results-head.json the results-log head signed when that leaf was appended (its root is in the tally minutes)
        result-proof.json the leaf's inclusion proof (RFC 9162) in that head's tree
        void-*.json       (rounds voided after their tally) the void leaf, its head and proof, the same way

        To verify independently (python3 and the openssl command line only):
            scripts/verify-audit THIS_DIRECTORY [--expect-root ROOT] [--serial SERIAL]
        It recomputes the Merkle root (RFC 6962) of every signed tree head from leaves.bin, checks
        each Ed25519 signature with agency.pub.pem, that sizes never decrease, that every head is
        consistent with the previous one, that every quarantine decision is signed (tree heads of
        kind "decision") and that the counts in round.json add up.

        """
    }
}

/// The folder of one audit export: absent (then created) or empty, files created exclusively.
private final class AuditDirectory {
    let path: String
    fileprivate var created = false
    fileprivate var written: [String] = []

    init(_ path: String, workspace: any WorkspaceService) throws {
        self.path = path
        if let protected = workspace.ownFile(containing: path) {
            throw PhieuKinError.invalidInput(
                "refusing to export the audit bundle to \(path): it is \(protected) of the workspace; nothing was written."
            )
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw PhieuKinError.invalidInput(
                    "\(path) exists and is not a folder; give a new or empty folder for the audit bundle. Nothing was written."
                )
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]
            guard entries.isEmpty else {
                throw PhieuKinError(
                    .alreadyExists,
                    "\(path) is not empty (\(entries.count) entries); an audit bundle goes into a new or empty folder, "
                        + "so that no stale file is mistaken for part of it and nothing is deleted. Nothing was written."
                )
            }
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            var parentInfo = stat()
            guard stat(parent, &parentInfo) == 0, parentInfo.st_mode & S_IFMT == S_IFDIR else {
                throw PhieuKinError(
                    .fileAccess, "the folder \(parent) does not exist; create it first. Nothing was written.")
            }
            guard mkdir(path, 0o700) == 0 else {
                throw PhieuKinError.fileAccess(
                    "cannot create \(path): \(Message.systemError(errno)).", errno: errno)
            }
            chmod(path, 0o700)
            created = true
        }
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let file = path + "/" + name
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw PhieuKinError.fileAccess(
                "cannot create \(file): \(Message.systemError(errno)); nothing was exported.", errno: errno)
        }
        written.append(file)
        defer { close(fd) }
        fchmod(fd, 0o600)
        try OutputFile.writeAll(fd, bytes, path: file)
    }

    /// Undoes a failed export: only the files (and folder) this export created.
    func removeWhatWasWritten() {
        for file in written { unlink(file) }
        if created { rmdir(path) }
    }
}

extension AuditService {
    /// Writes the public audit bundle of a round to `directory`, which must be absent (it is
    /// created, mode 0700) or an empty folder: PhieuKin never mixes a bundle with stale files
    /// nor deletes anything to make room. Everything in it is public: sealed leaves, sealed batch
    /// keys, signed tree heads, keys, counts and the survey definition. No serial, no source, no
    /// quarantined row. On failure the files written so far (and the folder, if this export
    /// created it) are removed; nothing else is touched.
    public func exportAudit(roundID: RoundID, to directory: String) throws -> AuditExportSummary {
        try exportAudit(roundID: roundID, to: directory, refusingUnverified: true)
    }

    /// `refusingUnverified: false` writes the bundle of a log that does not verify, as an older
    /// version would have: for tests of the independent verifier only.
    func exportAudit(roundID: RoundID, to directory: String, refusingUnverified: Bool) throws -> AuditExportSummary {
        let s = try store.ballotLogSnapshot(roundID: roundID)
        let agency = try agencyPublicKey()
        // A bundle vouches for the log: one that does not verify here is not exported.
        let check = try verifyBallotLog(s, agencyKey: agency)
        guard check.problems.isEmpty || !refusingUnverified else {
            throw PhieuKinError.tampered(
                "the ballot log of round \(roundID) does not verify, so no audit bundle was written: "
                    + "\(Message.joined(check.problems, separator: "; ")).")
        }
        let directory = Workspace.absolute(directory)
        let bundle = try AuditDirectory(directory, workspace: self)
        var done = false
        defer { if !done { bundle.removeWhatWasWritten() } }
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try bundle.write(name, bytes)
        }
        let statuses = Dictionary(grouping: s.rejects, by: \.status).mapValues(\.count)
        let round = AuditRound(
            format: "phieukin-audit-v1", round: s.round.id.rawValue, survey: s.round.surveyID.rawValue,
            surveyVersion: s.round.surveyVersion,
            unit: s.round.unitID.rawValue, period: s.round.period, channel: s.round.channel,
            state: s.round.state.rawValue,
            numbered: s.round.numbered,
            counts: .init(
                issued: s.issuedCount, used: s.usedCount, accepted: s.leaves.count,
                quarantinedPending: statuses[.pending] ?? 0, quarantinedAccepted: statuses[.accepted] ?? 0,
                quarantinedDiscarded: statuses[.discarded] ?? 0, waiting: s.inboxCount),
            tallyPublicKey: Hex.encode(s.round.tallyPublicKey), committeeSize: s.round.committeeSize,
            committeeThreshold: s.round.committeeThreshold, agencyKeyFingerprint: agency.fingerprint)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try write("round.json", Array(try encoder.encode(round)) + [0x0A])

        var leaves: [UInt8] = []
        leaves.reserveCapacity(s.leaves.reduce(0) { $0 + 4 + $1.data.count })
        for leaf in s.leaves {
            leaves.append(contentsOf: BallotLog.u32be(leaf.data.count))
            leaves.append(contentsOf: leaf.data)
        }
        try write("leaves.bin", leaves)

        try write("batches.json", try BallotLog.batchesJSON(s.batches).canonicalBytes + [0x0A])

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
        var files = [
            "README.txt", "agency.pub.pem", "batches.json", "issued.bin", "leaves.bin", "quarantine.json",
            "round.json", "survey.yaml", "tree-heads.jsonl", "used.bin",
        ]
        if let manifest = s.round.manifest {
            try write("manifest.json", manifest + [0x0A])
            files.append("manifest.json")
            files.sort()
        }
        // Sorted hashes only: nothing in their order says who voted when, or in which ballot.
        try write("issued.bin", HashSetCommitment.concatenated(s.issuedHashes))
        try write("used.bin", HashSetCommitment.concatenated(s.usedHashes))
        try write("quarantine.json", try Self.quarantineJSON(s.rejects).canonicalBytes + [0x0A])
        // A tallied round: its results-log leaf, the results-log head signed when it was appended
        // (size = its index + 1: the root the tally minutes print) and the leaf's inclusion proof
        // in that head's tree; a round voided after its tally, its void leaf the same way
        // (docs/FORMAT.md, "Audit bundle").
        if let result = try store.result(roundID: roundID) {
            let log = try store.resultsLogSnapshot()
            func export(index: Int, leafFile: String, headFile: String, proofFile: String) throws {
                let size = index + 1
                guard size <= log.leaves.count,
                    let head = log.heads.last(where: { TreeHead.parse($0.body)?.size == size })
                else {
                    throw PhieuKinError.tampered(
                        "the results log does not hold round \(roundID)'s result under a signed head, so no audit bundle was written."
                    )
                }
                let hashes = log.leaves.prefix(size).map { Merkle.leafHash($0.data) }
                let proof = try Merkle.inclusionProof(leafIndex: index, leafHashes: hashes)
                try write(leafFile, log.leaves[index].data + [0x0A])
                let headLine = CanonicalValue.object([
                    "body": .string(String(decoding: head.body, as: UTF8.self)),
                    "signature": .string(Hex.encode(head.signature)),
                ])
                try write(headFile, try headLine.canonicalBytes + [0x0A])
                let proofJSON = CanonicalValue.object([
                    "index": .number(Double(index)), "path": .array(proof.map { .string(Hex.encode($0)) }),
                    "size": .number(Double(size)),
                ])
                try write(proofFile, try proofJSON.canonicalBytes + [0x0A])
                files += [leafFile, headFile, proofFile]
            }
            try export(
                index: result.logIndex, leafFile: "result-leaf.json", headFile: "results-head.json",
                proofFile: "result-proof.json")
            let voidIndex = log.leaves.first {
                if case .void(roundID, _)? = ResultsLogLeaf.parse($0.data) { return true }
                return false
            }?.idx
            if let voidIndex {
                try export(
                    index: voidIndex, leafFile: "void-leaf.json", headFile: "void-head.json",
                    proofFile: "void-proof.json")
            }
            files.sort()
        }
        try write("README.txt", Array(Self.auditReadme(roundID: roundID).utf8))
        done = true
        return AuditExportSummary(
            round: roundID, directory: directory, files: files, leaves: s.leaves.count, treeHeads: s.treeHeads.count)
    }
}
