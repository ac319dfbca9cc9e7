import Foundation
public import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages

/// What a voter learns from a published audit bundle about the receipt the booth showed them:
/// whether their sealed ballot is a leaf of the round's ballot log, and nothing else (docs/WEB.md,
/// "Receipts"). The receipt is the leaf's Merkle hash, so it reveals nothing of the marks.
public struct ReceiptCheck: Sendable, Codable, Equatable {
    public var round: RoundID
    /// Whether a leaf of `leaves.bin` has this hash.
    public var found: Bool
    /// Whether `leaves.bin` is the log the agency signed: its root is the latest tree head's.
    /// False while no head covers it.
    public var signed: Bool
    /// Whether the round is closed (or voided): an open round's electronic ballots wait in its
    /// inbox and enter the log only at `round close`, so "not found" may still change.
    public var closed: Bool
    public var agencyKeyFingerprint: String
}

extension AuditBundle {
    /// The receipt as the booth shows it (64 hex digits), with any spaces or dashes people wrote
    /// between groups, in either case. Nil for anything else (a serial, an access code).
    public static func receipt(fromTyped text: String) -> [UInt8]? { root(fromPaper: text) }

    /// Whether `receipt` is the leaf hash of a ballot in the bundle's `leaves.bin`, checked against
    /// the latest ballot-log head signed in `tree-heads.jsonl`; a `leaves.bin` whose root differs
    /// from that head's is refused as tampered.
    public static func checkReceipt(bundle: String, receipt: [UInt8]) throws -> ReceiptCheck {
        let reader = BundleReader(bundle: bundle)
        let roundID = try reader.roundID()
        let key = try reader.agencyKey()
        let heads = try reader.heads(key: key)
        let hashes = try reader.leafHashes()
        if let last = heads.last {
            guard last.size == hashes.count, Merkle.root(leafHashes: hashes) == last.root else {
                throw PhieuKinError.tampered(
                    "leaves.bin in \(bundle) is not the ballot log the agency signed (tree head \(last.seq)); "
                        + "the bundle was changed.")
            }
        }
        let closed = heads.contains { $0.kind == "close" || $0.kind == "void" }
        return ReceiptCheck(
            round: roundID, found: hashes.contains(receipt), signed: !heads.isEmpty, closed: closed,
            agencyKeyFingerprint: key.fingerprint)
    }
}

/// Reads the files of an audit bundle (format v1) that the voter-side checks share.
struct BundleReader {
    var bundle: String

    func read(_ name: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: bundle + "/" + name) else {
            throw PhieuKinError(
                .fileAccess, "cannot read \(name) in \(bundle): is it a PhieuKin audit bundle (format v1)?")
        }
        return Array(data)
    }

    func roundID() throws -> RoundID {
        guard case .object(let info) = try JSONValue.parse(try read("round.json")),
            case .string(let roundText)? = info["round"]
        else {
            throw PhieuKinError.invalidInput("round.json in \(bundle) does not name its round.")
        }
        return RoundID(roundText)
    }

    func agencyKey() throws -> Ed25519PublicKey {
        do {
            return try Ed25519PublicKey(
                pemRepresentation: String(decoding: try read("agency.pub.pem"), as: UTF8.self))
        } catch let error as PhieuKinError {
            throw error
        } catch {
            throw PhieuKinError.keyFile("agency.pub.pem in \(bundle) is not an Ed25519 public key.", underlying: error)
        }
    }

    /// Every head of `tree-heads.jsonl`, in order, each verified against `key`.
    func heads(key: Ed25519PublicKey) throws -> [TreeHead] {
        let lines = String(decoding: try read("tree-heads.jsonl"), as: UTF8.self).split(separator: "\n")
        return try lines.enumerated().map { index, line in
            guard case .object(let m) = try JSONValue.parse(Array(line.utf8)), case .string(let body)? = m["body"],
                case .string(let signatureHex)? = m["signature"], let signature = try? Hex.decode(signatureHex),
                let head = TreeHead.verified(body: Array(body.utf8), signature: signature, key: key)
            else {
                throw PhieuKinError.tampered(
                    "tree head \(index + 1) in \(bundle) is not signed by the bundle's agency key.")
            }
            return head
        }
    }

    /// The Merkle leaf hashes of `leaves.bin`: u32be(length) then the leaf, for each leaf.
    func leafHashes() throws -> [[UInt8]] {
        let data = try read("leaves.bin")
        var hashes: [[UInt8]] = []
        var offset = 0
        while offset < data.count {
            guard offset + 4 <= data.count else {
                throw PhieuKinError.tampered("leaves.bin in \(bundle) ends inside a length prefix.")
            }
            let length = data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            offset += 4
            guard length <= data.count - offset else {
                throw PhieuKinError.tampered("leaves.bin in \(bundle) ends inside leaf \(hashes.count + 1).")
            }
            hashes.append(Merkle.leafHash(Array(data[offset..<offset + length])))
            offset += length
        }
        return hashes
    }
}
