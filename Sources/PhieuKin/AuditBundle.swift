import Foundation
public import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages

/// What a voter learns from a published audit bundle about the serial or access code they hold:
/// whether it was used by an accepted ballot of the round, and nothing else (docs/FORMAT.md,
/// "Receipts").
public struct SerialCheck: Sendable, Codable, Equatable {
    public var round: RoundID
    /// Whether the serial's (or code's) hash is in the bundle's `used.bin`.
    public var used: Bool
    /// Whether `used.bin` is the list the agency signed (the commitment of the round's `close`
    /// or `void` head). False for an open round: its list is not signed yet.
    public var signed: Bool
    /// The fingerprint of the key that signed it, to compare with the one the agency published.
    public var agencyKeyFingerprint: String
}

/// Reads a published audit bundle without a workspace: what a voter (or anyone) checks at home.
public enum AuditBundle {
    /// Whether `typed` — a paper serial as printed (check symbol included) or an access code — was
    /// used in the bundle's round. `used.bin` is checked against the latest `used` commitment
    /// signed in `tree-heads.jsonl` (verified with the bundle's `agency.pub.pem`); a bundle whose
    /// list differs from the signed one is refused as tampered.
    public static func checkSerial(bundle: String, typed: String) throws -> SerialCheck {
        let reader = BundleReader(bundle: bundle)
        let roundID = try reader.roundID()
        let hash: SerialHash
        if let serial = try? Serial(parsing: typed) {
            hash = SerialHash(serial)
        } else if let code = AccessCode(parsing: typed) {
            hash = code.hash(roundID: roundID)
        } else {
            throw PhieuKinError.invalidInput(
                "that is neither a ballot serial (27 symbols, the last one a check symbol), an access code "
                    + "(16 symbols) nor an electronic ballot's receipt (64 hex digits), or a symbol was mistyped: "
                    + "re-read it from the paper.")
        }
        let used = try reader.read("used.bin")
        guard used.count % SHA256.byteCount == 0 else {
            throw PhieuKinError.tampered("used.bin in \(bundle) is not a list of 32-byte hashes.")
        }
        let hashes = stride(from: 0, to: used.count, by: SHA256.byteCount).compactMap {
            SerialHash(hash: Array(used[$0..<$0 + SHA256.byteCount]))
        }
        let key = try reader.agencyKey()
        // The latest signed commitment to the used hashes (close, then perhaps void).
        var signed: HashSetCommitment?
        for head in try reader.heads(key: key) {
            if let commitment = head.extra[TreeHead.usedField] {
                signed = HashSetCommitment(json: commitment)
            }
        }
        if let signed, signed != HashSetCommitment(hashes) {
            throw PhieuKinError.tampered(
                "used.bin in \(bundle) is not the list of used serials the agency signed; the bundle was changed.")
        }
        return SerialCheck(
            round: roundID, used: hashes.contains(hash), signed: signed != nil, agencyKeyFingerprint: key.fingerprint)
    }

    /// A root as read from paper: hex digits, with any spaces, line breaks or dashes people wrote
    /// between groups, in either case. Nil unless exactly 32 bytes remain.
    public static func root(fromPaper text: String) -> [UInt8]? {
        let digits = text.filter { !$0.isWhitespace && $0 != "-" }.lowercased()
        guard digits.count == 64, let bytes = try? Hex.decode(digits), bytes.count == 32 else { return nil }
        return bytes
    }

    /// `groupedRoot(_:)` of the hex of `bytes`.
    public static func groupedRoot(_ bytes: [UInt8]) -> String { groupedRoot(Hex.encode(bytes)) }

    /// A root in short readable groups, as printed where people sign: `3f9a 12bc …` (16 groups of 4).
    public static func groupedRoot(_ hex: String) -> String {
        var groups: [String] = []
        var rest = Substring(hex)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }
}
