/// The right edge of an RFC 6962 Merkle tree (its "compact range" [0, n)): the roots of the
/// perfect subtrees that the binary decomposition of `size` gives, largest (leftmost) first.
///
/// Why: appending a batch and signing a head must cost O(batch + log n), not a re-hash of every
/// earlier leaf. The frontier holds at most ⌈log₂ n⌉ + 1 hashes, yields the same root as
/// `Merkle.root(leafHashes:)` over all leaves, and is stored with the log so the next append
/// starts from it. `verify` never trusts it: it recomputes roots from the leaves.
public struct MerkleFrontier: Sendable, Hashable {
    /// Leaves covered.
    public private(set) var size: Int
    /// Subtree roots, left to right; subtree `i` covers 2^k leaves where k is the i-th set bit of
    /// `size` counted from the most significant.
    public private(set) var nodes: [[UInt8]]

    /// The empty tree.
    public init() {
        size = 0
        nodes = []
    }

    /// A frontier as stored; nil when `nodes` does not match the decomposition of `size`.
    public init?(size: Int, nodes: [[UInt8]]) {
        guard size >= 0, size.nonzeroBitCount == nodes.count, nodes.allSatisfy({ $0.count == SHA256.byteCount })
        else { return nil }
        self.size = size
        self.nodes = nodes
    }

    /// The frontier of the tree over `leafHashes` (O(n); for building one from scratch).
    public init(leafHashes: some Sequence<[UInt8]>) {
        self.init()
        append(contentsOf: leafHashes)
    }

    /// Adds one leaf hash: amortised O(1), at most log n node hashes.
    public mutating func append(leafHash: [UInt8]) {
        append(contentsOf: CollectionOfOne(leafHash))
    }

    /// Adds leaf hashes in order, with one hashing context for the whole batch.
    public mutating func append(contentsOf leafHashes: some Sequence<[UInt8]>) {
        let hasher = NodeHasher()
        for leafHash in leafHashes {
            var node = leafHash
            // Every trailing 1 bit of `size` is a perfect subtree as high as `node`: merge them.
            var carry = size
            while carry & 1 == 1 {
                node = hasher.nodeHash(nodes.removeLast(), node)
                carry >>= 1
            }
            nodes.append(node)
            size += 1
        }
    }

    /// The RFC 6962 root of the leaves appended so far (`Merkle.emptyRoot` when none).
    public var root: [UInt8] {
        guard var accumulator = nodes.last else { return Merkle.emptyRoot }
        let hasher = NodeHasher()
        for node in nodes.dropLast().reversed() { accumulator = hasher.nodeHash(node, accumulator) }
        return accumulator
    }

    /// `u64be(size) ‖ node₀ ‖ node₁ ‖ …`: how the frontier is stored beside the log.
    public var serialized: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8 + nodes.count * SHA256.byteCount)
        for shift in stride(from: 56, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: UInt64(size) >> shift))
        }
        for node in nodes { out += node }
        return out
    }

    /// Reads `serialized`; nil for anything else.
    public init?(serialized bytes: [UInt8]) {
        guard bytes.count >= 8, (bytes.count - 8) % SHA256.byteCount == 0 else { return nil }
        var size: UInt64 = 0
        for byte in bytes[0..<8] { size = size << 8 | UInt64(byte) }
        guard size <= UInt64(Int.max) else { return nil }
        let nodes = stride(from: 8, to: bytes.count, by: SHA256.byteCount).map {
            Array(bytes[$0..<($0 + SHA256.byteCount)])
        }
        self.init(size: Int(size), nodes: nodes)
    }
}
