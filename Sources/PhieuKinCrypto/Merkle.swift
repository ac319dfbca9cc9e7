import PhieuKinMessages

/// Merkle tree hashing per RFC 6962 §2.1 / RFC 9162 §2.1 with SHA-256.
///
/// Leaf hash = SHA-256(0x00 ‖ leaf), node hash = SHA-256(0x01 ‖ left ‖ right); the tree over n
/// leaves splits at k, the largest power of two below n. Roots are computed bottom-up in one flat
/// buffer with one reused hashing context (pairing neighbours and carrying an odd last node up
/// gives exactly the RFC's MTH), so 1,000,000 leaves take a fraction of a second.
public enum Merkle {
    /// MTH({}) = SHA-256 of the empty string.
    public static let emptyRoot: [UInt8] = SHA256.hash([])

    /// SHA-256(0x00 ‖ leaf).
    public static func leafHash(_ leaf: [UInt8]) -> [UInt8] {
        NodeHasher().leafHash(leaf)
    }

    /// The leaf hashes of many leaves, reusing one hashing context.
    public static func leafHashes(_ leaves: [[UInt8]]) -> [[UInt8]] {
        let hasher = NodeHasher()
        return leaves.map { hasher.leafHash($0) }
    }

    /// SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        NodeHasher().nodeHash(left, right)
    }

    /// MTH(D[n]) over already-hashed leaves; the empty tree's root is SHA-256("").
    public static func root(leafHashes: [[UInt8]]) -> [UInt8] {
        subtreeRoot(leafHashes, 0..<leafHashes.count, NodeHasher())
    }

    /// PATH(m, D[n]) (RFC 9162 §2.1.3.1): sibling hashes from the leaf up to the root.
    public static func inclusionProof(leafIndex: Int, leafHashes: [[UInt8]]) throws -> [[UInt8]] {
        guard leafIndex >= 0, leafIndex < leafHashes.count else {
            throw CryptoError.invalidParameter(
                "leaf index \(leafIndex) is outside a tree of \(leafHashes.count) leaves")
        }
        let hasher = NodeHasher()
        var proof: [[UInt8]] = []
        var low = 0
        var high = leafHashes.count
        var m = leafIndex
        while high - low > 1 {
            let k = largestPowerOfTwo(below: high - low)
            if m < k {
                proof.append(subtreeRoot(leafHashes, (low + k)..<high, hasher))
                high = low + k
            } else {
                proof.append(subtreeRoot(leafHashes, low..<(low + k), hasher))
                low += k
                m -= k
            }
        }
        return proof.reversed()
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (RFC 9162 §2.1.4.1) for 1 ≤ oldSize ≤ n;
    /// empty when oldSize = n.
    public static func consistencyProof(oldSize: Int, leafHashes: [[UInt8]]) throws -> [[UInt8]] {
        guard oldSize >= 1, oldSize <= leafHashes.count else {
            throw CryptoError.invalidParameter(
                "old tree size \(oldSize) must be 1…\(leafHashes.count) (the current tree size)")
        }
        let hasher = NodeHasher()
        var proof: [[UInt8]] = []
        var low = 0
        var high = leafHashes.count
        var m = oldSize
        var isWholeOldTree = true
        while true {
            let n = high - low
            if m == n {
                if !isWholeOldTree { proof.append(subtreeRoot(leafHashes, low..<high, hasher)) }
                break
            }
            let k = largestPowerOfTwo(below: n)
            if m <= k {
                proof.append(subtreeRoot(leafHashes, (low + k)..<high, hasher))
                high = low + k
            } else {
                proof.append(subtreeRoot(leafHashes, low..<(low + k), hasher))
                low += k
                m -= k
                isWholeOldTree = false
            }
        }
        return proof.reversed()
    }

    /// RFC 9162 §2.1.3.2. False for any malformed input (sizes, hash lengths, extra or missing
    /// proof elements).
    public static func verifyInclusion(
        leafHash: [UInt8], leafIndex: Int, treeSize: Int, proof: [[UInt8]], root: [UInt8]
    ) -> Bool {
        guard leafIndex >= 0, treeSize > 0, leafIndex < treeSize, leafHash.count == SHA256.byteCount,
            root.count == SHA256.byteCount, proof.allSatisfy({ $0.count == SHA256.byteCount })
        else { return false }
        let hasher = NodeHasher()
        var fn = leafIndex
        var sn = treeSize - 1
        var r = leafHash
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = hasher.nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = hasher.nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && constantTimeEquals(r, root)
    }

    /// RFC 9162 §2.1.4.2, plus: equal sizes verify only with an empty proof and equal roots;
    /// oldSize 0 or oldSize > newSize never verify.
    public static func verifyConsistency(
        oldSize: Int, newSize: Int, oldRoot: [UInt8], newRoot: [UInt8], proof: [[UInt8]]
    ) -> Bool {
        guard oldSize >= 1, oldSize <= newSize, oldRoot.count == SHA256.byteCount,
            newRoot.count == SHA256.byteCount, proof.allSatisfy({ $0.count == SHA256.byteCount })
        else { return false }
        if oldSize == newSize { return proof.isEmpty && constantTimeEquals(oldRoot, newRoot) }
        guard !proof.isEmpty else { return false }
        let path = oldSize & (oldSize - 1) == 0 ? [oldRoot] + proof : proof
        let hasher = NodeHasher()
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = hasher.nodeHash(c, fr)
                sr = hasher.nodeHash(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = hasher.nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && constantTimeEquals(fr, oldRoot) && constantTimeEquals(sr, newRoot)
    }

    /// k for the RFC split: the largest power of two strictly less than n (n ≥ 2).
    @inline(__always)
    static func largestPowerOfTwo(below n: Int) -> Int {
        1 << (Int.bitWidth - 1 - (n - 1).leadingZeroBitCount)
    }

    /// MTH over `hashes[range]`.
    static func subtreeRoot(_ hashes: [[UInt8]], _ range: Range<Int>, _ hasher: NodeHasher) -> [UInt8] {
        switch range.count {
        case 0: return emptyRoot
        case 1: return hashes[range.lowerBound]
        default: break
        }
        guard hashes[range].allSatisfy({ $0.count == SHA256.byteCount }) else {
            // Not SHA-256 leaf hashes: same algorithm on opaque byte strings, no fast path.
            var level = Array(hashes[range])
            while level.count > 1 {
                var next: [[UInt8]] = []
                next.reserveCapacity((level.count + 1) / 2)
                var i = 0
                while i + 1 < level.count {
                    next.append(hasher.nodeHash(level[i], level[i + 1]))
                    i += 2
                }
                if i < level.count { next.append(level[i]) }
                level = next
            }
            return level[0]
        }
        let width = SHA256.byteCount
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: range.count * width, alignment: 16)
        defer { buffer.deallocate() }
        let base = buffer.baseAddress!
        for (slot, index) in range.enumerated() {
            hashes[index].withUnsafeBytes { (base + slot * width).copyMemory(from: $0.baseAddress!, byteCount: width) }
        }
        var count = range.count
        while count > 1 {
            let pairs = count / 2
            for i in 0..<pairs {
                // left ‖ right are adjacent: hash 64 contiguous bytes, write the parent in place.
                hasher.nodeHash(adjacentPairAt: base + 2 * i * width, into: base + i * width)
            }
            if count & 1 == 1 {
                (base + pairs * width).copyMemory(from: base + (count - 1) * width, byteCount: width)
            }
            count = pairs + (count & 1)
        }
        return [UInt8](UnsafeRawBufferPointer(start: base, count: width))
    }
}

/// One reused SHA-256 context for Merkle hashing (no allocation per node).
final class NodeHasher {
    private let context = DigestContext()
    private static let leafPrefix: [UInt8] = [0x00]
    private static let nodePrefix: [UInt8] = [0x01]

    func leafHash(_ leaf: [UInt8]) -> [UInt8] {
        context.startSHA256()
        Self.leafPrefix.withUnsafeBytes { context.update($0.baseAddress, count: 1) }
        leaf.withUnsafeBytes { context.update($0.baseAddress, count: $0.count) }
        return output()
    }

    func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        context.startSHA256()
        Self.nodePrefix.withUnsafeBytes { context.update($0.baseAddress, count: 1) }
        left.withUnsafeBytes { context.update($0.baseAddress, count: $0.count) }
        right.withUnsafeBytes { context.update($0.baseAddress, count: $0.count) }
        return output()
    }

    /// SHA-256(0x01 ‖ 64 bytes at `pair`) written to `output` (which may overlap `pair`).
    @inline(__always)
    func nodeHash(adjacentPairAt pair: UnsafeMutableRawPointer, into output: UnsafeMutableRawPointer) {
        context.startSHA256()
        Self.nodePrefix.withUnsafeBytes { context.update($0.baseAddress, count: 1) }
        context.update(pair, count: 2 * SHA256.byteCount)
        context.finish(into: output.assumingMemoryBound(to: UInt8.self))
    }

    private func output() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: SHA256.byteCount) { buffer, count in
            context.finish(into: buffer.baseAddress!)
            count = SHA256.byteCount
        }
    }
}
