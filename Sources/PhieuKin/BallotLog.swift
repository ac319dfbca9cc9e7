import Foundation
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages
import PhieuKinStorage

/// The ballot log's byte formats, in one place (docs/FORMAT.md, "Ballot leaves", "Batches",
/// "Signed tree head"): the context strings bound into every sealed object, the leaf layout
/// `u32be(batch) ‖ nonce ‖ ciphertext ‖ tag`, and the day-only head date.
enum BallotLog {
    static func batchContext(_ roundID: RoundID, _ seq: Int) -> [UInt8] {
        Array("phieukin batch v1|\(roundID)|\(seq)".utf8)
    }
    static func ballotAAD(_ roundID: RoundID, _ seq: Int) -> [UInt8] {
        Array("phieukin ballot v1|\(roundID)|\(seq)".utf8)
    }
    static func rejectAAD(_ roundID: RoundID, _ seq: Int) -> [UInt8] {
        Array("phieukin reject v1|\(roundID)|\(seq)".utf8)
    }

    static func u32be(_ value: Int) -> [UInt8] {
        let v = UInt32(value)
        return [
            UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8),
            UInt8(truncatingIfNeeded: v),
        ]
    }

    static func readU32be(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= 4 else { return nil }
        let s = bytes.startIndex
        return Int(bytes[s]) << 24 | Int(bytes[s + 1]) << 16 | Int(bytes[s + 2]) << 8 | Int(bytes[s + 3])
    }

    /// The batch a sealed leaf (or reject payload) names in its first four bytes.
    static func batchSeq(ofLeaf leaf: [UInt8]) -> Int? { readU32be(leaf[...]) }

    /// `u32be(seq) ‖ nonce ‖ ciphertext ‖ tag`, appended to `out`.
    static func appendSealed(_ message: AES256GCM.SealedMessage, seq: Int, to out: inout [UInt8]) {
        out.append(contentsOf: u32be(seq))
        out.append(contentsOf: message.nonce)
        out.append(contentsOf: message.ciphertext)
        out.append(contentsOf: message.tag)
    }

    /// The sealed message of a leaf, without its batch prefix.
    static func sealedMessage(ofLeaf leaf: [UInt8]) -> AES256GCM.SealedMessage? {
        guard leaf.count >= minimumLeafLength else { return nil }
        return try? AES256GCM.SealedMessage(combined: Array(leaf[4...]))
    }

    static let minimumLeafLength = 4 + AES256GCM.nonceByteCount + AES256GCM.tagByteCount

    /// The first four bytes of an electronic ballot's leaf, in place of a batch number: the rest
    /// is the sealed box the voter's browser made, to the round's tally key (docs/WEB.md).
    static let electronicMarker: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
    static let electronicMarkerValue = 0xFFFF_FFFF

    /// `FF FF FF FF ‖ box`.
    static func electronicLeaf(_ box: [UInt8]) -> [UInt8] { electronicMarker + box }

    /// The sealed-box context of a round's electronic ballots.
    static func electronicContext(_ roundID: RoundID) -> [UInt8] {
        Array("phieukin e-ballot v1|\(roundID)".utf8)
    }

    /// `"YYYY-MM-DD"` (UTC): the only time PhieuKin signs, per tree head, never per ballot, and
    /// never finer than the day — a one-ballot import gets its own head, and a time of day there
    /// would tie that ballot's log position to the moment it was keyed.
    static func headDate(_ date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year ?? 1970)-\(two(c.month))-\(two(c.day))"
    }

    /// Whether `text` is a head date `YYYY-MM-DD` (digits and dashes in place; month 01–12, day 01–31).
    static func isHeadDate(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return false }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(0x30...0x39).contains(b[i]) { return false }
        let month = Int(b[5] - 0x30) * 10 + Int(b[6] - 0x30)
        let day = Int(b[8] - 0x30) * 10 + Int(b[9] - 0x30)
        return (1...12).contains(month) && (1...31).contains(day)
    }
}

/// The signed body of a tree head of either log (docs/FORMAT.md, "Signed tree head", "Results
/// log"): built, encoded, parsed and signed only here.
///
/// Ballot-log heads carry `kind` (`import`, `decision`, `close`, `void`) and `round`; results-log
/// heads carry neither. Kind-specific fields (a void's `reason`, a decision head's `decisions`)
/// ride in `extra` and are signed with the rest.
struct TreeHead: Sendable, Equatable {
    enum Log: String, Sendable {
        case ballots, results
    }

    var log: Log
    var kind: String?
    var round: RoundID?
    var seq: Int
    var size: Int
    var root: [UInt8]
    /// `YYYY-MM-DD`, UTC.
    var time: String
    var extra: [String: CanonicalValue] = [:]

    /// The common fields; `extra` may not replace one of them.
    static let commonFields: Set<String> = ["kind", "log", "root", "round", "seq", "size", "time", "v"]

    /// The canonical JSON that is signed.
    func body() throws -> [UInt8] {
        var fields: [String: CanonicalValue] = [
            "log": .string(log.rawValue), "root": .string(Hex.encode(root)), "seq": .number(Double(seq)),
            "size": .number(Double(size)), "time": .string(time), "v": .number(1),
        ]
        if let kind { fields["kind"] = .string(kind) }
        if let round { fields["round"] = .string(round.rawValue) }
        for (name, value) in extra {
            precondition(!Self.commonFields.contains(name), "a kind-specific field may not replace a common one")
            fields[name] = value
        }
        return try CanonicalValue.object(fields).canonicalBytes
    }

    /// Reads a signed body: canonical JSON, version 1, every common field of its log present and
    /// well typed. Nil otherwise (the time's form is checked by the verifiers, which name it).
    static func parse(_ body: [UInt8]) -> TreeHead? {
        guard let value = try? CanonicalValue.parse(body), (try? value.canonicalBytes) == body,
            case .object(var fields) = value, case .number(1)? = fields["v"],
            case .string(let logName)? = fields["log"], let log = Log(rawValue: logName),
            case .string(let rootHex)? = fields["root"], let root = try? Hex.decode(rootHex),
            root.count == SHA256.byteCount, case .number(let seq)? = fields["seq"], seq == seq.rounded(),
            case .number(let size)? = fields["size"], size >= 0, size == size.rounded(),
            case .string(let time)? = fields["time"]
        else { return nil }
        var kind: String?
        var round: RoundID?
        if log == .ballots {
            guard case .string(let k)? = fields["kind"], case .string(let r)? = fields["round"] else { return nil }
            kind = k
            round = RoundID(r)
        } else if fields["kind"] != nil || fields["round"] != nil {
            return nil
        }
        for name in commonFields { fields[name] = nil }
        return TreeHead(
            log: log, kind: kind, round: round, seq: Int(seq), size: Int(size), root: root, time: time, extra: fields)
    }

    /// The body and its Ed25519 signature by the agency.
    func signed(with key: Ed25519PrivateKey) throws -> (body: [UInt8], signature: [UInt8]) {
        let body = try body()
        return (body, try key.signature(for: body))
    }

    /// The head a stored body holds, when `signature` is the agency's over exactly those bytes.
    static func verified(body: [UInt8], signature: [UInt8], key: Ed25519PublicKey) -> TreeHead? {
        guard key.isValidSignature(signature, for: body) else { return nil }
        return parse(body)
    }
}

/// What signing a ballot-log head reports.
struct SignedHead {
    var seq: Int
    var size: Int
    var root: String
}

extension WorkspaceService {
    /// Signs the ballot log's next tree head, in the caller's write transaction, in
    /// O(new leaves + log n): the log's Merkle frontier (stored with it) is extended by the leaves
    /// appended since it was saved — `appended` when the caller just hashed them, else read back
    /// by index — and saved again with the head. Only a log without a usable frontier (one made
    /// before frontiers were kept) is hashed from its first leaf, once.
    ///
    /// `extra`: kind-specific fields signed with the head (a decision head's `decisions`, a void
    /// head's `reason`).
    func signTreeHead(
        _ log: any BallotLogWriting, kind: String, key: Ed25519PrivateKey, appended: [[UInt8]] = [],
        extra: [String: CanonicalValue] = [:]
    ) throws -> SignedHead {
        let count = try log.leafCount()
        let last = try log.lastTreeHead()
        var frontier = try log.frontier().flatMap(MerkleFrontier.init(serialized:)) ?? MerkleFrontier()
        // The frontier is derived data: it must agree with the last signed head it was saved with.
        // A frontier that does not (damaged, or left from a log that changed) is rebuilt from the
        // leaves, so the agency never signs a root the stored leaves do not give.
        let lastSigned = last.flatMap { TreeHead.parse($0.body) }
        let agrees = lastSigned.map { $0.size == frontier.size && $0.root == frontier.root } ?? (frontier.size == 0)
        if !agrees || frontier.size > count { frontier = MerkleFrontier() }
        if frontier.size + appended.count == count {
            frontier.append(contentsOf: appended)
        } else {
            var hashes: [[UInt8]] = []
            try log.forEachLeaf(from: frontier.size) { hashes.append(Merkle.leafHash($0)) }
            frontier.append(contentsOf: hashes)
        }
        let head = TreeHead(
            log: .ballots, kind: kind, round: log.roundID, seq: (last?.seq ?? 0) + 1,
            size: frontier.size, root: frontier.root, time: BallotLog.headDate(), extra: extra)
        let (body, signature) = try head.signed(with: key)
        try log.insertTreeHead(StoredTreeHead(roundID: log.roundID, seq: head.seq, body: body, signature: signature))
        try log.saveFrontier(frontier.serialized)
        return SignedHead(seq: head.seq, size: head.size, root: Hex.encode(head.root))
    }

    /// A signed head of the agency's results log.
    static func signResultsHead(
        root: [UInt8], size: Int, seq: Int, key: Ed25519PrivateKey
    ) throws
        -> StoredResultsHead
    {
        let head = TreeHead(
            log: .results, kind: nil, round: nil, seq: seq, size: size, root: root, time: BallotLog.headDate())
        let (body, signature) = try head.signed(with: key)
        return StoredResultsHead(seq: seq, body: body, signature: signature)
    }
}
