import Foundation
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages
import PhieuKinStorage

/// The last stage of ballot intake (source → session → writer), inside the caller's write
/// transaction: it opens a batch under a fresh key sealed to the round's tally key, seals each
/// accepted ballot straight into a buffer and each rejected row into the quarantine, then
/// shuffles the ballots, appends them, records the used serials and signs the tree head.
/// Nothing is committed unless the whole transaction is.
final class BatchWriter {
    let log: any BallotLogWriting
    let seq: Int
    private let roundID: RoundID
    private let sealer: AES256GCMSealer
    private let ballotAAD: [UInt8]
    private let rejectAAD: [UInt8]
    private var leaves = LeafBuffer()
    private var usedSerials: [SerialHash] = []
    private var plaintext: [UInt8] = []

    init(log: any BallotLogWriting, roundID: RoundID, tallyKey: X25519PublicKey) throws {
        self.log = log
        self.roundID = roundID
        seq = try log.nextBatchSeq()
        let batchKey = SecureRandom.bytes(AES256GCM.keyByteCount)
        try log.insertBatch(
            seq: seq,
            sealedKey: try SealedBox.seal(batchKey, to: tallyKey, context: BallotLog.batchContext(roundID, seq)))
        sealer = try AES256GCMSealer(key: batchKey)
        ballotAAD = BallotLog.ballotAAD(roundID, seq)
        rejectAAD = BallotLog.rejectAAD(roundID, seq)
        plaintext.reserveCapacity(4096)
    }

    /// Ballots accepted so far.
    var acceptedCount: Int { leaves.count }

    /// Seals an accepted ballot's canonical bytes (the fast path hands them in ready).
    func accept(canonical: [UInt8], serial: SerialHash?) throws {
        try leaves.appendSealing(canonical, seq: seq, sealer: sealer, associatedData: ballotAAD)
        if let serial { usedSerials.append(serial) }
    }

    /// Seals an accepted ballot.
    func accept(_ ballot: Ballot, serial: SerialHash?) throws {
        plaintext.removeAll(keepingCapacity: true)
        BallotCodec.encode(ballot, into: &plaintext)
        try accept(canonical: plaintext, serial: serial)
    }

    /// Seals a rejected row (and, when its marks were valid, its ready-to-append leaf) into the
    /// quarantine; returns the reject's id. `second`: the other keying of a double entry.
    func quarantine(_ outcome: RowOutcome, _ reject: ImportReject, second: RowOutcome?) throws -> Int64 {
        var payload: [String: PhieuKinCore.JSONValue] = ["v": .number(1)]
        switch outcome.raw {
        case .text(let text)?: payload["raw"] = .string(text)
        case .bytes(let bytes)?: payload["raw_b64"] = .string(Data(bytes).base64EncodedString())
        case nil: break
        }
        switch second?.raw {
        case .text(let text)?: payload["raw2"] = .string(text)
        case .bytes(let bytes)?: payload["raw2_b64"] = .string(Data(bytes).base64EncodedString())
        case nil: break
        }
        if let ballot = outcome.ballot { payload["ballot"] = ballot.jsonValue }
        let message = try sealer.seal(
            try PhieuKinCore.JSONValue.object(payload).canonicalBytes, associatedData: rejectAAD)
        var sealedPayload: [UInt8] = []
        BallotLog.appendSealed(message, seq: seq, to: &sealedPayload)
        var blob = BallotLog.u32be(sealedPayload.count) + sealedPayload
        if let ballot = outcome.ballot {
            // Sealed now, so the committee can accept it later without anyone decrypting.
            let leaf = try sealer.seal(BallotCodec.encode(ballot), associatedData: ballotAAD)
            BallotLog.appendSealed(leaf, seq: seq, to: &blob)
        }
        return try log.insertReject(
            StoredReject(
                roundID: roundID, batchSeq: seq, sealed: blob, code: reject.code.rawValue, reason: reject.reason.stored,
                source: outcome.source, status: .pending))
    }

    /// Appends the accepted ballots in a uniformly random order (never the input order), records
    /// their serials (in key order, apart from them) and signs the head with `sign`, given the new
    /// leaves' hashes. `afterLeaf` is called after each append (a test hook).
    func commit(afterLeaf: (Int) -> Void = { _ in }, sign: ([[UInt8]]) throws -> SignedHead) throws -> SignedHead {
        var order = Array(0..<leaves.count)
        var generator = SecureRandomGenerator()
        order.shuffle(using: &generator)
        var idx = try log.leafCount()
        // On the other core while the store takes the leaves: the new leaves' Merkle hashes
        // (computed once, not read back) and the used serials in key order.
        let frozen = leaves
        let shuffled = order
        let serials = usedSerials
        let background = BackgroundWork {
            let hashes = frozen.bytes.withUnsafeBytes { raw in
                Merkle.leafHashes(of: raw, ranges: shuffled.map { frozen.range($0) })
            }
            return (hashes, serials.sorted())
        }
        try leaves.bytes.withUnsafeBytes { raw in
            for (n, i) in order.enumerated() {
                try log.appendLeaf(
                    idx: idx, batchSeq: seq, data: UnsafeRawBufferPointer(rebasing: raw[leaves.range(i)]))
                idx += 1
                afterLeaf(n + 1)
            }
        }
        let (appendedHashes, sortedSerials) = background.wait()
        for hash in sortedSerials { try log.insertUsedSerial(hash) }
        return try sign(appendedHashes)
    }
}
