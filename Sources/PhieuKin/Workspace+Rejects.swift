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
    /// Whether it can be accepted as it is: its marks were valid and are sealed as a ready leaf,
    /// and nothing about its serial is in doubt (unnumbered rounds).
    public var acceptable: Bool
    /// Whether it can be accepted only with the serial read from its paper (numbered rounds: the
    /// serial was missing, mistyped, never issued or already used).
    public var needsSerial: Bool
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

    static func summary(_ r: StoredReject, round: Round) -> RejectSummary {
        let acceptance = RejectAcceptance(r, round: round)
        return RejectSummary(
            id: r.id ?? 0, batch: r.batchSeq, status: r.status.rawValue, code: r.code,
            reason: Message(stored: r.reason),
            source: r.source, acceptable: acceptance.isAsIs, needsSerial: acceptance.needsSerial,
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

    /// The sealed leaves of `chosen` that may be accepted: with `all`, those acceptable as they
    /// are (the others stay pending); otherwise each must be, or (one, with `serial`) need a serial.
    fileprivate func acceptableLeaves(
        _ chosen: [StoredReject], round: Round, all: Bool, serial: String?
    ) throws -> [(StoredReject, [UInt8])] {
        var leaves: [(StoredReject, [UInt8])] = []
        for record in chosen {
            let id = record.id.map(Int.init)
            switch (RejectAcceptance(record, round: round), serial) {
            case (.asIs(let leaf), nil):
                leaves.append((record, leaf))
            case (.withSerial(let leaf), _?):
                leaves.append((record, leaf))
            case (.asIs, _?):
                throw PhieuKinError.invalidInput(
                    "reject \(record.id ?? 0) (\(record.code)) needs no serial: round \(round.id) is unnumbered or its "
                        + "serial was not in doubt. Nothing was accepted.")
            case (.withSerial, nil):
                if all { continue }
                throw PhieuKinError.invalidInput(
                    "reject \(record.id ?? 0) (\(record.code)) can be accepted only with the serial read from its paper, "
                        + "which must be issued for round \(round.id) and not used yet. Nothing was accepted.",
                    next: [
                        .acceptRejectWithSerial(roundID: round.id, rejectID: id),
                        .discardReject(roundID: round.id, rejectID: id),
                    ])
            case (.never, _):
                if all { continue }
                throw PhieuKinError.invalidInput(
                    "reject \(record.id ?? 0) (\(record.code)) cannot be accepted: \(Self.whyNever(record)). "
                        + "Discard it and key the ballot again.",
                    next: [.discardReject(roundID: round.id, rejectID: id)])
            }
        }
        return leaves
    }

    private static func whyNever(_ record: StoredReject) -> Message {
        record.code == ImportRejectCode.otherRoundSerial.rawValue
            ? "its serial belongs to another round" : "its marks were not valid"
    }

    /// An unnumbered round never holds more ballots than planned (README, "Unnumbered rounds").
    fileprivate func checkRoom(_ log: any BallotLogWriting, round: Round, adding: Int) throws {
        guard let cap = Self.ballotCap(round) else { return }
        let count = try log.leafCount()
        if count + adding > cap {
            throw PhieuKinError(
                .roundFull,
                "round \(round.id) was opened for \(cap) ballots and holds \(count); accepting \(adding) more would exceed it. "
                    + "Nothing was accepted; discard the extra ballots.",
                next: [.discardReject(roundID: round.id, rejectID: nil)])
        }
    }

    /// The hash of a serial typed from the paper, if this round issued it and no ballot used it.
    /// The serial itself is never repeated in a message.
    fileprivate func usableSerial(_ text: String, log: any BallotLogWriting, round: Round) throws -> SerialHash {
        let serial: Serial
        do {
            serial = try Serial(parsing: text)
        } catch let error as SerialError {
            throw PhieuKinError.invalidInput(
                "the serial given is not a serial: \(error.message). Nothing was accepted.")
        }
        let hash = SerialHash(serial)
        guard try log.isIssued(hash) else {
            if let other = Self.otherRound(issuing: hash, not: round.id, store: store) {
                throw PhieuKinError.invalidInput(
                    "the serial given belongs to round \(other), not to \(round.id): the sheet is not a ballot of this "
                        + "round. Nothing was accepted.")
            }
            throw PhieuKinError.invalidInput(
                "the serial given was not issued for round \(round.id): read it again from the paper. Nothing was accepted."
            )
        }
        guard try !log.isUsed(hash) else {
            throw PhieuKinError.invalidInput(
                "the serial given is already used by a ballot of round \(round.id): if the paper shows it, this sheet is "
                    + "a second copy of a counted ballot; discard it. Nothing was accepted.")
        }
        return hash
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

/// How a pending reject can be accepted: as it is, only with a serial read from its paper, or
/// not at all (its marks were not valid, or its serial is another round's).
enum RejectAcceptance {
    case asIs([UInt8])
    case withSerial([UInt8])
    case never

    init(_ record: StoredReject, round: Round) {
        guard record.status == .pending, let leaf = RejectBlob(record.sealed)?.leaf,
            let code = ImportRejectCode(rawValue: record.code), code.concernsOnlySerial
        else {
            self = .never
            return
        }
        switch code {
        case .missingSerial, .mistypedSerial, .unknownSerial, .serialUsed:
            self = round.numbered ? .withSerial(leaf) : .never
        default: self = round.numbered ? .never : .asIs(leaf)
        }
    }

    var isAsIs: Bool { if case .asIs = self { true } else { false } }
    var needsSerial: Bool { if case .withSerial = self { true } else { false } }
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
        let round = try store.round(id: roundID)
        return try store.rejects(roundID: roundID).map { Self.summary($0, round: round) }
    }

    /// Accepts quarantined ballots (ids, or every pending one acceptable as it is when `ids` is
    /// nil): their already-sealed leaves are appended to the log in random order and a tree head
    /// is signed. Nobody decrypts anything.
    ///
    /// In a numbered round a ballot is never accepted without a serial of its own (issue 19):
    /// a reject whose serial was missing, mistyped, never issued or already used is accepted only
    /// one at a time with `serial`, the serial read from its paper, which must be issued for this
    /// round and unused, and becomes used. So the log never holds more ballots than serials used.
    public func acceptRejects(
        roundID: RoundID, ids: [Int64]?, reason: String, serial: String? = nil, passphrase: [UInt8]?
    ) throws -> RejectDecision {
        let reason = try decisionReason(reason)
        let key = try agencySigningKey(passphrase: passphrase)
        return try store.withBallotLog(roundID: roundID) { log in
            let round = try log.round()
            try requireOpen(round, for: .acceptingRejects)
            if serial != nil && ids?.count != 1 {
                throw PhieuKinError.invalidInput(
                    "a serial read from the paper belongs to one ballot: give exactly one reject id with it.",
                    next: [.acceptRejectWithSerial(roundID: roundID, rejectID: nil)])
            }
            var leaves = try acceptableLeaves(try pending(log, ids: ids), round: round, all: ids == nil, serial: serial)
            guard !leaves.isEmpty else {
                throw PhieuKinError.invalidInput(
                    "no pending reject can be accepted as it is in round \(roundID).",
                    next: [.listRejects(roundID: roundID)])
            }
            try checkRoom(log, round: round, adding: leaves.count)
            if let serial { try log.insertUsedSerial(try usableSerial(serial, log: log, round: round)) }
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
