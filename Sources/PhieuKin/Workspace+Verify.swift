import Foundation
public import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages
import PhieuKinStorage

/// What `phieukin verify` found. `problems` empty means every check passed.
public struct VerificationReport: Sendable, Codable, Equatable {
    public struct RoundCheck: Sendable, Codable, Equatable {
        public var round: RoundID
        public var state: String
        public var leaves: Int
        public var batches: Int
        public var treeHeads: Int
        public var issued: Int
        public var used: Int
        public var rejectsPending: Int
        public var rejectsAccepted: Int
        public var rejectsDiscarded: Int
        public var root: String?
        /// The root signed in the round's `close` head (hex), once closed: the one people copy
        /// onto paper and check later with `expectedRoot`.
        public var closeRoot: String? = nil
        /// The close head's seq and size (with `closeRoot`): what a result names as counted from.
        public var closeSeq: Int? = nil
        public var closeSize: Int? = nil
        public var problems: [Message]
    }
    public var rounds: [RoundCheck] = []
    /// Problems outside any one round's ballot log (e.g. the results log, issue 5).
    public var otherProblems: [Message] = []
    /// Names of the checks that ran, e.g. "ballot log 2026-Q3-VP-quarterly-7", "results log".
    public var checked: [String] = []

    public var problems: [Message] { rounds.flatMap { r in r.problems.map { "\(r.round): \($0)" } } + otherProblems }
    public var ok: Bool { problems.isEmpty }
}

extension WorkspaceService {

    /// Every check of one round's ballot log, from one consistent snapshot (docs/FORMAT.md,
    /// "Verification").
    func verifyBallotLog(roundID: RoundID, agencyKey: Ed25519PublicKey) throws -> VerificationReport.RoundCheck {
        try verifyBallotLog(try store.ballotLogSnapshot(roundID: roundID), agencyKey: agencyKey)
    }

    /// The checks of `verifyBallotLog(roundID:agencyKey:)` on a snapshot already read (the audit
    /// export checks exactly what it writes).
    func verifyBallotLog(_ s: BallotLogSnapshot, agencyKey: Ed25519PublicKey) throws -> VerificationReport.RoundCheck {
        let roundID = s.round.id
        var problems: [Message] = []
        let rejectCounts = Dictionary(grouping: s.rejects, by: \.status).mapValues(\.count)
        let acceptedRejects = rejectCounts[.accepted] ?? 0

        // Batches: seq 1, 2, … with a sealed key of the right length.
        let batchSeqs = Set(s.batches.map(\.seq))
        for (i, batch) in s.batches.enumerated() where batch.seq != i + 1 {
            problems.append("batch numbers are not 1, 2, …: found batch \(batch.seq) at position \(i + 1)")
            break
        }
        // An electronic batch has no key (its leaves are boxes sealed to the tally key).
        let electronicBatches = Set(s.batches.filter { $0.sealedKey.isEmpty }.map(\.seq))
        // Electronic ballots enter the log once, at close, as one batch (docs/FORMAT.md): several
        // batches would be arrival windows.
        if electronicBatches.count > 1 {
            problems.append(
                "\(electronicBatches.count) electronic batches: electronic ballots enter the log as one batch at close (several batches are arrival windows)"
            )
        }
        for batch in s.batches
        where !batch.sealedKey.isEmpty && batch.sealedKey.count != SealedBox.overhead + AES256GCM.keyByteCount {
            problems.append(
                "batch \(batch.seq): sealed key has \(batch.sealedKey.count) bytes, expected \(SealedBox.overhead + AES256GCM.keyByteCount)"
            )
        }

        // Leaves: indexes 0, 1, …; each names an existing batch, in its column and its first 4 bytes.
        var hashes: [[UInt8]] = []
        hashes.reserveCapacity(s.leaves.count)
        var reportedGap = false
        for (i, leaf) in s.leaves.enumerated() {
            if leaf.idx != i && !reportedGap {
                problems.append(
                    "leaf indexes are not contiguous: expected leaf \(i), found \(leaf.idx) (a leaf was deleted or inserted)"
                )
                reportedGap = true
            }
            if electronicBatches.contains(leaf.batchSeq) {
                if leaf.data.count < 4 + SealedBox.overhead
                    || BallotLog.batchSeq(ofLeaf: leaf.data) != BallotLog.electronicMarkerValue
                {
                    problems.append(
                        "leaf \(leaf.idx) of electronic batch \(leaf.batchSeq) is not FF FF FF FF and a sealed box")
                }
            } else if leaf.data.count < BallotLog.minimumLeafLength {
                problems.append("leaf \(leaf.idx) is too short (\(leaf.data.count) bytes) to be a sealed ballot")
            } else if BallotLog.batchSeq(ofLeaf: leaf.data) != leaf.batchSeq {
                problems.append(
                    "leaf \(leaf.idx): its sealed batch number does not match its batch column (\(leaf.batchSeq))")
            }
            if !batchSeqs.contains(leaf.batchSeq) {
                problems.append("leaf \(leaf.idx) refers to batch \(leaf.batchSeq), which does not exist")
            }
            hashes.append(Merkle.leafHash(leaf.data))
        }

        // No two leaves alike: a sealed ballot appended twice (a replayed box) counts twice.
        problems += Self.duplicateLeafProblems(hashes)

        // The round manifest: the facts stored with the round, and named by every head.
        var manifestDigest: String?
        if let manifest = s.round.manifest {
            manifestDigest = Hex.encode(RoundManifest.digest(manifest))
            let expected = try RoundManifest(
                round: s.round, units: s.units, officials: s.officials, agencyKeyFingerprint: agencyKey.fingerprint
            ).canonicalBytes()
            if expected != manifest {
                let fields = RoundManifest.differingFields(manifest, expected).joined(separator: ", ")
                problems.append(
                    "the round manifest does not match the round's stored facts (\(fields)): the round was changed after it was opened"
                )
            }
        }
        let issuedCommitment = HashSetCommitment(s.issuedHashes)
        let usedCommitment = HashSetCommitment(s.usedHashes)
        let batchesCommitment = try BallotLog.batchesCommitment(s.batches)

        // Tree heads: signed by the agency, canonical, about this round, roots from the leaves,
        // sizes non-decreasing and each consistent with the previous one.
        let prefixRoots = PrefixRoots(
            leafHashes: hashes, sizes: s.treeHeads.compactMap { TreeHead.parse($0.body)?.size })
        var previous: (size: Int, root: [UInt8], seq: Int)?
        var lastKind: String?
        var lastRoot: String?
        var closeHead: (root: String, seq: Int, size: Int)?
        /// Quarantine decisions signed in `decision` heads, by reject id (with the head's seq).
        var signedDecisions: [Int64: (decision: SignedDecision, head: Int)] = [:]
        for (i, head) in s.treeHeads.enumerated() {
            let label = "tree head \(head.seq)"
            if head.seq != i + 1 {
                problems.append("\(label): tree heads are not numbered 1, 2, … (expected \(i + 1))")
            }
            guard agencyKey.isValidSignature(head.signature, for: head.body) else {
                problems.append("\(label): the agency signature does not verify (its body or signature was changed)")
                continue
            }
            guard let parsed = TreeHead.parse(head.body), parsed.log == .ballots, let kind = parsed.kind,
                let round = parsed.round
            else {
                problems.append("\(label): body is not a canonical version-1 tree head")
                continue
            }
            let m = parsed.extra
            let (log, seq, size, root, time) = (parsed.log.rawValue, parsed.seq, parsed.size, parsed.root, parsed.time)
            if !BallotLog.isHeadDate(time) {
                problems.append("\(label): its time \"\(time)\" is not a date (YYYY-MM-DD); heads carry no finer time")
            }
            if kind == "decision" {
                let added = size - (previous?.size ?? 0)
                switch SignedDecision.parse(m["decisions"]) {
                case nil:
                    problems.append("\(label): a decision head without a well-formed list of decisions")
                case let decisions?:
                    let accepts = decisions.count { $0.decision == "accept" }
                    if accepts != added {
                        problems.append(
                            "\(label): signs \(accepts) accepted rejects but adds \(added) ballots to the log")
                    }
                    for decision in decisions {
                        if let problem = Self.acceptanceProblem(decision, round: s.round) {
                            problems.append("\(label): \(problem)")
                        }
                        if let earlier = signedDecisions[decision.reject] {
                            problems.append(
                                "\(label): reject \(decision.reject) was already decided in tree head \(earlier.head)")
                        } else {
                            signedDecisions[decision.reject] = (decision, head.seq)
                        }
                    }
                }
            } else if m["decisions"] != nil {
                problems.append("\(label): a \(kind) head carries decisions")
            }
            switch (manifestDigest, m[TreeHead.manifestField]) {
            case (let digest?, .string(let named)?) where named == digest: break
            case (_?, _):
                problems.append("\(label): it does not name the round's manifest (its hash differs or is missing)")
            case (nil, _?):
                problems.append("\(label): it names a round manifest, but the round has none (it was removed)")
            case (nil, nil): break
            }
            if kind == "close" || kind == "void" {
                let commitments: [(field: String, stored: HashSetCommitment, what: Message)] = [
                    (TreeHead.issuedField, issuedCommitment, "issued"), (TreeHead.usedField, usedCommitment, "used"),
                ]
                for (field, stored, what) in commitments {
                    switch m[field] {
                    case nil where manifestDigest == nil: break  // a head signed before commitments existed
                    case nil:
                        problems.append("\(label): a \(kind) head without its signed \(what) serial hashes")
                    case let value?:
                        guard let signed = HashSetCommitment(json: value) else {
                            problems.append("\(label): its \(what) serial hashes are not a count and a SHA-256")
                            break
                        }
                        if signed != stored {
                            problems.append(
                                "\(label): it signs \(signed.count) \(what) serial hashes, but the \(stored.count) stored ones "
                                    + "differ from them (serial hashes were added, removed or changed)")
                        }
                    }
                }
                switch m[TreeHead.batchesField].map(HashSetCommitment.init(json:)) {
                case nil where manifestDigest == nil: break
                case nil: problems.append("\(label): a \(kind) head without its signed batches")
                case let signed?? where signed == batchesCommitment: break
                case _??:
                    problems.append(
                        "\(label): the signed batches differ from the \(s.batches.count) stored ones (a batch or its sealed key was changed)"
                    )
                case .some(nil): problems.append("\(label): its batches are not a count and a SHA-256")
                }
            } else if m[TreeHead.issuedField] != nil || m[TreeHead.usedField] != nil || m[TreeHead.batchesField] != nil
            {
                problems.append("\(label): a \(kind) head carries serial-hash commitments")
            }
            if log != "ballots" || round != roundID || Int(seq) != head.seq {
                problems.append("\(label): body is for log \(log), round \(round), seq \(Int(seq)) — not this head")
            }
            if lastKind == "void" {
                problems.append("\(label): signed after the round was voided")
            } else if lastKind == "close" && kind != "void" {
                problems.append("\(label): signed after the round was closed")
            }
            if kind == "void" {
                // The reason is signed with the head; the stored one must be the same text.
                if case .string(let reason)? = m["reason"], !reason.isEmpty {
                    if reason != s.round.voidReason {
                        problems.append("\(label): the signed void reason differs from the stored one")
                    }
                } else {
                    problems.append("\(label): a void head without a reason")
                }
                if let previous, size != previous.size {
                    problems.append("\(label): a void head must not add ballots")
                }
            }
            // Every head's root is recomputed from a prefix of the same stored leaves: matching
            // roots of successive heads are exactly what an RFC 9162 consistency proof between them
            // would establish, in one pass over the leaves however many heads there are.
            if size > hashes.count {
                problems.append(
                    "\(label): size \(size) but only \(hashes.count) leaves are stored (leaves were deleted)")
            } else if prefixRoots.root(ofFirst: size) != root {
                problems.append(
                    "\(label) (size \(size)): its root does not match the stored leaves (a leaf was changed)")
            }
            if let previous, size < previous.size {
                problems.append("\(label): size \(size) is smaller than tree head \(previous.seq)'s \(previous.size)")
            }
            previous = (size, root, head.seq)
            if kind == "close" && closeHead == nil { closeHead = (Hex.encode(root), head.seq, size) }
            lastKind = kind
            lastRoot = Hex.encode(root)
        }
        let signedSize = previous?.size ?? 0
        if signedSize != hashes.count {
            problems.append(
                "the last signed tree head covers \(signedSize) leaves but \(hashes.count) are stored (leaves were added or removed)"
            )
        }
        switch s.round.state {
        case .voided where lastKind != "void":
            problems.append("the round is voided but its log holds no signed void")
        case .closed, .tallied:
            if lastKind != "close" {
                problems.append("the round is \(s.round.state) but its last tree head is not a close head")
            }
        case .open where lastKind == "close" || lastKind == "void":
            problems.append("the round is open but its log was \(lastKind == "void" ? "voided" : "closed")")
        default: break
        }

        if s.inboxCount > 0 && s.round.state != .open && s.round.state != .voided {
            problems.append(
                "the round is \(s.round.state) but \(s.inboxCount) electronic ballots were never appended")
        }
        // Counts: every accepted ballot consumed one issued serial, or was accepted from the quarantine.
        if s.usedNotIssuedCount > 0 {
            problems.append("\(s.usedNotIssuedCount) used serials were never issued")
        }
        if s.round.numbered {
            if s.usedCount > s.issuedCount {
                problems.append("more serials used (\(s.usedCount)) than issued (\(s.issuedCount))")
            }
            // Electronic ballots still in the inbox have used their codes but are not in the log
            // yet. A quarantine acceptance uses a serial too (issue 19): one ballot, one serial.
            if hashes.count + s.inboxCount != s.usedCount {
                let waiting: Message = s.inboxCount > 0 ? " and \(s.inboxCount) waiting to be appended," : ""
                problems.append(
                    "\(hashes.count) ballots in the log\(waiting) but \(s.usedCount) used serials: every ballot of a numbered "
                        + "round uses one serial, so a ballot was added without one (a quarantine decision that used "
                        + "no serial, or an edited database) or a serial was marked used without its ballot")
            }
        } else {
            if s.usedCount != 0 { problems.append("an unnumbered round has \(s.usedCount) used serials") }
            if acceptedRejects > hashes.count { problems.append("more accepted rejects than ballots in the log") }
            if let cap = Self.ballotCap(s.round), hashes.count > cap {
                problems.append(
                    "\(hashes.count) ballots accepted but the round was opened for \(cap) (more ballots than planned: an extra or copied ballot was counted)"
                )
            }
        }
        // Every decided reject has exactly the decision signed into the log, and every signed
        // decision is about a decided reject of this round.
        for reject in s.rejects {
            let id = reject.id ?? 0
            let signed = signedDecisions.removeValue(forKey: id)
            guard reject.status != .pending else {
                if let signed {
                    problems.append(
                        "tree head \(signed.head) signs a decision on reject \(id), which is still pending")
                }
                continue
            }
            guard let signed else {
                problems.append(
                    "reject \(id) is \(reject.status.rawValue) but no signed tree head records that decision")
                continue
            }
            let expected = reject.status == .accepted ? "accept" : "discard"
            if signed.decision.decision != expected || signed.decision.code != reject.code
                || signed.decision.reason != (reject.decisionReason ?? "")
            {
                problems.append(
                    "reject \(id): the stored decision (\(reject.status.rawValue), [\(reject.code)]) differs from the one "
                        + "signed in tree head \(signed.head) (\(signed.decision.decision), [\(signed.decision.code)]) "
                        + "or its reason does")
            }
        }
        for (id, signed) in signedDecisions.sorted(by: { $0.key < $1.key }) {
            problems.append(
                "tree head \(signed.head) signs a decision on reject \(id), which is not in this round's quarantine")
        }
        for reject in s.rejects {
            if !batchSeqs.contains(reject.batchSeq) {
                problems.append("reject \(reject.id ?? 0) refers to batch \(reject.batchSeq), which does not exist")
            }
            if reject.status == .pending && RejectBlob(reject.sealed) == nil {
                problems.append("pending reject \(reject.id ?? 0) has no sealed ballot")
            }
            if reject.status != .pending
                && (reject.sealed != nil || reject.source != nil || (reject.decisionReason ?? "").isEmpty)
            {
                problems.append(
                    "reject \(reject.id ?? 0) is \(reject.status.rawValue) but still holds its sealed row or source, or has no decision reason"
                )
            }
        }
        return .init(
            round: roundID, state: s.round.state.rawValue, leaves: hashes.count, batches: s.batches.count,
            treeHeads: s.treeHeads.count, issued: s.issuedCount, used: s.usedCount,
            rejectsPending: rejectCounts[.pending] ?? 0, rejectsAccepted: acceptedRejects,
            rejectsDiscarded: rejectCounts[.discarded] ?? 0, root: lastRoot, closeRoot: closeHead?.root,
            closeSeq: closeHead?.seq,
            closeSize: closeHead?.size, problems: problems)
    }
}

extension WorkspaceService {
    /// Why a signed acceptance could not have been made (issue 19): in a numbered round only a
    /// reject whose serial was in doubt is accepted, with a serial that then became used; in an
    /// unnumbered one only a ballot whose marks were valid and that the round had room for.
    static func acceptanceProblem(_ decision: SignedDecision, round: Round) -> Message? {
        guard decision.decision == "accept" else { return nil }
        let serialCodes: Set<ImportRejectCode> = [.missingSerial, .mistypedSerial, .unknownSerial, .serialUsed]
        let code = ImportRejectCode(rawValue: decision.code)
        let allowed = round.numbered ? code.map(serialCodes.contains) ?? false : code?.concernsOnlySerial ?? false
        return allowed
            ? nil
            : "it accepts reject \(decision.reject) ([\(decision.code)]), which no quarantine decision can accept in this round"
    }

    /// Leaves whose bytes (by their leaf hash) equal an earlier leaf's, named by index.
    static func duplicateLeafProblems(_ leafHashes: [[UInt8]]) -> [Message] {
        var first: [[UInt8]: Int] = [:]
        first.reserveCapacity(leafHashes.count)
        var problems: [Message] = []
        for (i, hash) in leafHashes.enumerated() {
            if let earlier = first[hash] {
                problems.append(
                    "leaf \(i) is the same sealed ballot as leaf \(earlier): one ballot is in the log twice")
            } else {
                first[hash] = i
            }
        }
        return problems
    }
}

/// One quarantine decision as signed in a `decision` tree head (docs/FORMAT.md).
struct SignedDecision: Equatable {
    var reject: Int64
    var decision: String
    var code: String
    var reason: String

    /// The head's `decisions` array, or nil when it is missing or malformed: a non-empty array of
    /// objects with exactly `code`, `decision` (`accept` or `discard`), `reason` (non-empty) and
    /// `reject` (a positive integer).
    static func parse(_ value: PhieuKinCore.JSONValue?) -> [SignedDecision]? {
        guard case .array(let items)? = value, !items.isEmpty else { return nil }
        var decisions: [SignedDecision] = []
        for item in items {
            guard case .object(let m) = item, m.count == 4, case .number(let id)? = m["reject"], id >= 1,
                id == id.rounded(), id < 9_007_199_254_740_992, case .string(let decision)? = m["decision"],
                decision == "accept" || decision == "discard", case .string(let code)? = m["code"],
                case .string(let reason)? = m["reason"], !reason.isEmpty
            else { return nil }
            decisions.append(SignedDecision(reject: Int64(id), decision: decision, code: code, reason: reason))
        }
        return decisions
    }
}

/// The RFC 6962 roots of the first `size` leaves for every size a head signs, computed in one
/// pass with a Merkle frontier (O(n + heads · log n), not O(n) per head).
struct PrefixRoots {
    fileprivate var roots: [Int: [UInt8]] = [:]

    init(leafHashes: [[UInt8]], sizes: [Int]) {
        let wanted = Set(sizes.filter { $0 >= 0 && $0 <= leafHashes.count })
        var frontier = MerkleFrontier()
        if wanted.contains(0) { roots[0] = frontier.root }
        for size in wanted.sorted() where size > 0 {
            frontier.append(contentsOf: leafHashes[frontier.size..<size])
            roots[size] = frontier.root
        }
    }

    func root(ofFirst size: Int) -> [UInt8]? { roots[size] }
}

extension AuditService {
    /// Verifies the ballot logs (one round, or all) and then every other log the workspace keeps.
    ///
    /// Extension point: each log has its own `verify…(into:)` step; the results log (issue 5)
    /// plugs in through `verifyResultsLog(into:)` in Workspace+VerifyResults.swift.
    ///
    /// `expectedRoot`: the root of the round's close head as read from paper (the signed round
    /// report), or of a signed head of the results log (copied after the tally): any other root
    /// is a problem. Needs `roundID`.
    public func verify(roundID: RoundID? = nil, expectedRoot: [UInt8]? = nil) throws -> VerificationReport {
        var report = VerificationReport()
        let agencyKey = try agencyPublicKey()
        let ids = try roundID.map { [try store.round(id: $0).id] } ?? store.rounds().map(\.id)
        for id in ids {
            var check = try verifyBallotLog(roundID: id, agencyKey: agencyKey)
            // A root copied after the tally may be the results log's: any signed head of it counts.
            let resultsRoots =
                expectedRoot == nil
                ? []
                : try store.resultsLogSnapshot().heads.compactMap { TreeHead.parse($0.body)?.root }
            if let expectedRoot, !resultsRoots.contains(expectedRoot) {
                let expected = Hex.encode(expectedRoot)
                switch check.closeRoot {
                case nil:
                    check.problems.append(
                        "the round has no signed close head, so there is no close root to compare with the paper")
                case let root? where root != expected:
                    check.problems.append(
                        "the close head's root \(root) is not the root read from paper (\(expected)): the log was "
                            + "signed again after the paper was signed")
                default: break
                }
            }
            report.rounds.append(check)
            report.checked.append("ballot log \(id)")
        }
        try verifyResultsLog(into: &report)
        if roundID == nil {
            // A round's key without the round: the database lost rounds (restored from an old backup?).
            let known = Set(ids.map(\.rawValue))
            let orphans = Workspace.roundKeyNames(root: root).subtracting(known).sorted()
            if !orphans.isEmpty {
                let lost: Message =
                    "(\(orphans.joined(separator: ", "))): their ballots and results were lost; restore the workspace from its backup into a new folder"
                report.otherProblems.append(
                    .counted(
                        orphans.count, "keys/rounds holds keys of {0} round the database does not have ",
                        "keys/rounds holds keys of {0} rounds the database does not have ") + lost)
            }
            report.checked.append("round keys")
        }
        return report
    }
}
