import Foundation
public import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages
import PhieuKinStorage

/// What `phieukin round void` reports.
public struct VoidSummary: Sendable, Codable, Equatable {
    public var round: RoundID
    /// The state the round was in when voided (open, closed or tallied).
    public var previousState: String
    public var reason: String
    /// The signed `void` tree head of the round's ballot log.
    public var treeHead: Int
    /// For a tallied round: the results-log leaf recording the void beside the result.
    public var resultLogIndex: Int?
}

/// A leaf of the agency's results log (docs/FORMAT.md, "Results log"): a round's committed result,
/// or the void of a round whose result was already committed. One place builds and reads both.
enum ResultsLogLeaf {
    case result(roundID: RoundID, result: CanonicalValue, flags: [CanonicalValue], remarksDigest: String?)
    case void(roundID: RoundID, reason: String)

    /// `JCS({"ballots": {"root": hex, "seq": n, "size": n}, "flags": [...], "remarks_sealed_sha256": hex,
    /// "result": {...}, "round": id, "v": 1})`: `ballots` names the ballot log's close head the result
    /// was counted from (leaves committed before it existed have none).
    static func result(
        roundID: RoundID, resultBody: [UInt8], flagBodies: [[UInt8]], sealedRemarks: [UInt8], closeHead: TreeHead?
    ) throws
        -> [UInt8]
    {
        var fields: [String: CanonicalValue] = [
            "flags": .array(try flagBodies.map { try CanonicalValue.parse($0) }),
            "remarks_sealed_sha256": .string(Hex.encode(SHA256.hash(sealedRemarks))),
            "result": try CanonicalValue.parse(resultBody),
            "round": .string(roundID.rawValue),
            "v": .number(1),
        ]
        if let closeHead {
            fields["ballots"] = .object([
                "root": .string(Hex.encode(closeHead.root)), "seq": .number(Double(closeHead.seq)),
                "size": .number(Double(closeHead.size)),
            ])
        }
        return try CanonicalValue.object(fields).canonicalBytes
    }

    /// The close head a result leaf names (`ballots`), or nil when it names none.
    static func closeHead(ofLeaf bytes: [UInt8]) -> (root: String, seq: Int, size: Int)? {
        guard case .object(let fields)? = try? CanonicalValue.parse(bytes), case .object(let b)? = fields["ballots"],
            case .string(let root)? = b["root"], case .number(let seq)? = b["seq"], case .number(let size)? = b["size"]
        else { return nil }
        return (root, Int(seq), Int(size))
    }

    /// `JCS({"kind": "void", "reason": text, "round": id, "v": 1})`.
    static func void(roundID: RoundID, reason: String) throws -> [UInt8] {
        try CanonicalValue.object([
            "kind": .string("void"), "reason": .string(reason), "round": .string(roundID.rawValue), "v": .number(1),
        ]).canonicalBytes
    }

    /// Reads a leaf; nil when it is neither form.
    static func parse(_ bytes: [UInt8]) -> ResultsLogLeaf? {
        guard case .object(let fields)? = try? CanonicalValue.parse(bytes), case .number(1)? = fields["v"],
            case .string(let round)? = fields["round"]
        else { return nil }
        if case .string("void")? = fields["kind"] {
            guard case .string(let reason)? = fields["reason"] else { return nil }
            return .void(roundID: RoundID(round), reason: reason)
        }
        guard let result = fields["result"], case .array(let flags)? = fields["flags"] else { return nil }
        var digest: String?
        if case .string(let value)? = fields["remarks_sealed_sha256"] { digest = value }
        return .result(roundID: RoundID(round), result: result, flags: flags, remarksDigest: digest)
    }
}

extension WorkspaceService {
    /// The longest void reason kept (it is signed into the log and printed in reports).
    static var maxVoidReasonLength: Int { 500 }

    /// Committed results in results-log order with voided rounds left out, as the log stood before
    /// leaf `end` (the whole log when nil): what a round's flags are judged against.
    func flagHistory(before end: Int? = nil) throws -> [RoundResult] {
        var history: [RoundResult] = []
        for leaf in try store.resultsLogSnapshot().leaves where end.map({ leaf.idx < $0 }) ?? true {
            switch ResultsLogLeaf.parse(leaf.data) {
            case .result(let roundID, let value, _, _)?:
                history.append(try decodeResult(try value.canonicalBytes, roundID: roundID))
            case .void(let roundID, _)?:
                history.removeAll { $0.roundID == roundID }
            case nil:
                throw PhieuKinError.tampered("results-log leaf \(leaf.idx) cannot be read.")
            }
        }
        return history
    }
}

extension RoundService {
    /// Voids a round opened by mistake (or run wrongly), at any state.
    ///
    /// The void and its reason are signed into the round's ballot log (a `void` tree head, after
    /// which nothing can be appended); for a tallied round the void is also recorded beside the
    /// result in the agency's results log. The round's serials and codes stop working, and it is
    /// left out of flags and reports, which list it as voided with the reason. Its period can then
    /// be run again.
    public func voidRound(roundID: RoundID, reason: String, passphrase: [UInt8]?) throws -> VoidSummary {
        let text = reason.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw PhieuKinError.invalidInput(
                "voiding a round needs a reason (it is signed into the round's log).", next: [.giveReason])
        }
        guard text.count <= Self.maxVoidReasonLength else {
            throw PhieuKinError.invalidInput(
                "the reason is \(text.count) characters long; keep it under \(Self.maxVoidReasonLength).")
        }
        let key = try agencySigningKey(passphrase: passphrase)
        return try store.withBallotLog(roundID: roundID) { log in
            let round = try log.round()
            if round.state == .voided {
                throw PhieuKinError.roundState(
                    "round \(roundID) was already voided on \(round.voidedOn ?? "?"): \(round.voidReason ?? "").")
            }
            let head = try signTreeHead(log, kind: "void", key: key, extra: ["reason": .string(text)])
            var index: Int?
            if round.state == .tallied {
                index = try log.appendResultsLogLeaf(try ResultsLogLeaf.void(roundID: roundID, reason: text)) {
                    root, size, seq in
                    try Self.signResultsHead(root: root, size: size, seq: seq, key: key)
                }
            }
            try log.setVoided(reason: text, on: CivilDate.today().description)
            return VoidSummary(
                round: roundID, previousState: round.state.rawValue, reason: text, treeHead: head.seq,
                resultLogIndex: index)
        }
    }
}
