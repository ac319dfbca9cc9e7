import Foundation
public import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages
import PhieuKinStorage

/// A quarantined ballot as tellers see it: why, where (until decided), and what was decided.
public struct RejectSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var batch: Int
    public var status: String
    public var code: String
    public var reason: Message
    /// `file:line` of the keyed row; cleared once decided.
    public var source: String?
    /// Whether `rejects accept` is possible: its marks were valid and are sealed as a ready leaf.
    public var acceptable: Bool
    public var decisionReason: String?
}

/// What a quarantine decision did.
public struct RejectDecision: Sendable, Codable, Equatable {
    public var accepted: [Int64]
    public var discarded: [Int64]
    public var treeSize: Int
    public var treeHead: Int?
}

/// What closing a round signed.
public struct CloseSummary: Sendable, Codable, Equatable {
    public var round: RoundID
    public var treeSize: Int
    public var treeHead: Int
    public var root: String
}

extension WorkspaceService {

    static func summary(_ r: StoredReject) -> RejectSummary {
        RejectSummary(
            id: r.id ?? 0, batch: r.batchSeq, status: r.status.rawValue, code: r.code,
            reason: Message(stored: r.reason),
            source: r.source, acceptable: r.status == .pending && RejectBlob(r.sealed)?.leaf != nil,
            decisionReason: r.decisionReason)
    }

    /// The signed record of quarantine decisions (docs/FORMAT.md, "Signed tree head"): one
    /// `{"code", "decision", "reason", "reject"}` object per reject, in reject id order.
    static func decisionsField(_ records: [StoredReject], decision: String, reason: String) -> PhieuKinCore.JSONValue {
        .array(
            records.sorted { ($0.id ?? 0) < ($1.id ?? 0) }.map { record in
                .object([
                    "code": .string(record.code), "decision": .string(decision), "reason": .string(reason),
                    "reject": .number(Double(record.id ?? 0)),
                ])
            })
    }

    fileprivate func pending(_ log: any BallotLogWriting, ids: [Int64]?) throws -> [StoredReject] {
        guard let ids else { return try log.rejects(status: .pending) }
        let found = try log.rejects(ids: ids)
        for id in ids {
            guard let record = found.first(where: { $0.id == id }) else {
                throw PhieuKinError.notFound(
                    "reject \(id) is not in round \(log.roundID).", next: [.listRejects(roundID: log.roundID)])
            }
            guard record.status == .pending else {
                throw PhieuKinError(
                    .conflict,
                    "reject \(id) was already \(record.status.rawValue): \(record.decisionReason ?? "").")
            }
        }
        return found
    }

    fileprivate func decisionReason(_ reason: String) throws -> String {
        let text = reason.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw PhieuKinError.invalidInput(
                "every quarantine decision needs a reason (it is kept).", next: [.giveReason])
        }
        return text
    }

}

/// `reject.sealed`: `u32be(len P) ‖ P ‖ L?` where P is the sealed reject payload and L, present
/// only when the marks were valid, the ready-to-append ballot leaf (docs/FORMAT.md, "Rejects").
struct RejectBlob {
    var payload: [UInt8]
    var leaf: [UInt8]?

    init?(_ blob: [UInt8]?) {
        guard let blob, let length = BallotLog.readU32be(blob[...]), 4 + length <= blob.count else { return nil }
        payload = Array(blob[4..<(4 + length)])
        let rest = blob[(4 + length)...]
        leaf = rest.isEmpty ? nil : Array(rest)
    }
}

extension IntakeService {
    public func listRejects(roundID: RoundID) throws -> [RejectSummary] {
        _ = try store.round(id: roundID)
        return try store.rejects(roundID: roundID).map(Self.summary)
    }

    /// Accepts quarantined ballots (ids, or every acceptable pending one when `ids` is nil): their
    /// already-sealed leaves are appended to the log in random order and a tree head is signed.
    /// Nobody decrypts anything.
    public func acceptRejects(
        roundID: RoundID, ids: [Int64]?, reason: String, passphrase: [UInt8]?
    ) throws
        -> RejectDecision
    {
        let reason = try decisionReason(reason)
        let key = try agencySigningKey(passphrase: passphrase)
        return try store.withBallotLog(roundID: roundID) { log in
            try requireOpen(try log.round(), for: .acceptingRejects)
            let chosen = try pending(log, ids: ids)
            var leaves: [(StoredReject, [UInt8])] = []
            for record in chosen {
                guard let leaf = RejectBlob(record.sealed)?.leaf else {
                    if ids == nil { continue }  // all pending: only the acceptable ones
                    throw PhieuKinError.invalidInput(
                        "reject \(record.id ?? 0) (\(record.code)) cannot be accepted: its marks were not valid. "
                            + "Discard it and key the ballot again.",
                        next: [.discardReject(roundID: roundID, rejectID: record.id.map(Int.init))])
                }
                leaves.append((record, leaf))
            }
            guard !leaves.isEmpty else {
                throw PhieuKinError.invalidInput(
                    "no pending reject can be accepted in round \(roundID).", next: [.listRejects(roundID: roundID)])
            }
            // An unnumbered round never holds more ballots than planned (README, "Unnumbered rounds").
            if let cap = Self.ballotCap(try log.round()) {
                let count = try log.leafCount()
                if count + leaves.count > cap {
                    throw PhieuKinError(
                        .roundFull,
                        "round \(roundID) was opened for \(cap) ballots and holds \(count); accepting \(leaves.count) more would exceed it. "
                            + "Nothing was accepted; discard the extra ballots.",
                        next: [.discardReject(roundID: roundID, rejectID: nil)])
                }
            }
            var generator = SecureRandomGenerator()
            leaves.shuffle(using: &generator)
            var idx = try log.leafCount()
            for (record, leaf) in leaves {
                try log.appendLeaf(idx: idx, batchSeq: record.batchSeq, data: leaf)
                idx += 1
                var decided = record
                decided.status = .accepted
                decided.sealed = nil
                decided.source = nil
                decided.decisionReason = reason
                try log.updateReject(decided)
            }
            let head = try signTreeHead(
                log, kind: "decision", key: key,
                extra: ["decisions": Self.decisionsField(leaves.map(\.0), decision: "accept", reason: reason)])
            return RejectDecision(
                accepted: leaves.map { $0.0.id ?? 0 }.sorted(), discarded: [], treeSize: head.size, treeHead: head.seq)
        }
    }

    /// Discards quarantined ballots (ids, or every pending one): the sealed row is erased, the
    /// reason and the decision stay, and a tree head of kind `decision` signed with the agency key
    /// records each decision (the log's size and root do not change).
    public func discardRejects(
        roundID: RoundID, ids: [Int64]?, reason: String, passphrase: [UInt8]? = nil
    ) throws -> RejectDecision {
        let reason = try decisionReason(reason)
        let key = try agencySigningKey(passphrase: passphrase)
        return try store.withBallotLog(roundID: roundID) { log in
            try requireOpen(try log.round(), for: .discardingRejects)
            let chosen = try pending(log, ids: ids)
            guard !chosen.isEmpty else {
                throw PhieuKinError.invalidInput(
                    "no pending reject to discard in round \(roundID).", next: [.listRejects(roundID: roundID)])
            }
            for record in chosen {
                var decided = record
                decided.status = .discarded
                decided.sealed = nil
                decided.source = nil
                decided.decisionReason = reason
                try log.updateReject(decided)
            }
            let head = try signTreeHead(
                log, kind: "decision", key: key,
                extra: ["decisions": Self.decisionsField(chosen, decision: "discard", reason: reason)])
            return RejectDecision(
                accepted: [], discarded: chosen.map { $0.id ?? 0 }, treeSize: head.size, treeHead: head.seq)
        }
    }
}

extension RoundService {
    /// Closes a round: signs the final tree head; no import or acceptance after it.
    public func closeRound(roundID: RoundID, passphrase: [UInt8]?) throws -> CloseSummary {
        let key = try agencySigningKey(passphrase: passphrase)
        return try store.withBallotLog(roundID: roundID) { log in
            let round = try log.round()
            switch round.state {
            case .open: break
            case .closed: throw PhieuKinError.roundState("round \(roundID) is already closed; nothing was changed.")
            case .tallied:
                throw PhieuKinError.roundState("round \(roundID) is already closed (and tallied); nothing was changed.")
            case .voided: throw PhieuKinError.roundState("round \(roundID) was voided; nothing was changed.")
            }
            let pending = try log.rejects(status: .pending)
            guard pending.isEmpty else {
                throw PhieuKinError(
                    .rejectsPending,
                    "round \(roundID) has \(pending.count) quarantined ballots pending; each must be accepted or "
                        + "discarded before the round is closed. Nothing was changed.",
                    next: [.decideRejects(roundID: roundID)])
            }
            // The round's electronic ballots enter the log only now, all of them as one shuffled
            // batch: no batch is an arrival window (docs/FORMAT.md, "Electronic ballots").
            let waiting = try log.inboxBoxes()
            if !waiting.isEmpty { _ = try appendElectronicBatch(log, boxes: waiting, key: key) }
            let head = try signTreeHead(log, kind: "close", key: key)
            try log.setState(.closed, closedOn: CivilDate.today().description)
            return CloseSummary(round: roundID, treeSize: head.size, treeHead: head.seq, root: head.root)
        }
    }
}
