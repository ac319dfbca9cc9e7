import Testing

@testable import PhieuKinCrypto

@Suite("Merkle frontier (compact range)")
struct MerkleFrontierTests {
    static func leaves(_ count: Int) -> [[UInt8]] {
        (0..<count).map { Merkle.leafHash([UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)]) }
    }

    /// Every size up to 70 (all shapes of the decomposition), appended one by one and in batches,
    /// gives the root the full recomputation gives, with one node per set bit of the size.
    @Test(arguments: [1, 3, 7, 64])
    func rootMatchesFullRecomputation(batch: Int) {
        let all = Self.leaves(70)
        var frontier = MerkleFrontier()
        #expect(frontier.root == Merkle.emptyRoot)
        var index = 0
        while index < all.count {
            let end = min(index + batch, all.count)
            frontier.append(contentsOf: all[index..<end])
            index = end
            #expect(frontier.size == end)
            #expect(frontier.nodes.count == end.nonzeroBitCount)
            #expect(frontier.root == Merkle.root(leafHashes: Array(all[..<end])), "size \(end)")
        }
    }

    @Test func docsVectorsEightLeaves() throws {
        let v = Vectors.format.merkle
        var frontier = MerkleFrontier()
        for (size, leaf) in v.eightLeaves.leaves.enumerated() {
            frontier.append(leafHash: Merkle.leafHash(hex(leaf)))
            #expect(Hex.encode(frontier.root) == v.eightLeaves.roots[size])
        }
    }

    @Test func serializedRoundTripAndRejects() throws {
        let frontier = MerkleFrontier(leafHashes: Self.leaves(13))
        let bytes = frontier.serialized
        #expect(bytes.count == 8 + 3 * 32)
        #expect(Array(bytes[0..<8]) == [0, 0, 0, 0, 0, 0, 0, 13])
        #expect(MerkleFrontier(serialized: bytes) == frontier)
        #expect(MerkleFrontier(serialized: Array(bytes.dropLast())) == nil)
        #expect(MerkleFrontier(serialized: Array(bytes.dropLast(32))) == nil)  // 13 needs 3 nodes
        #expect(MerkleFrontier(size: 4, nodes: frontier.nodes) == nil)
        var resumed = try #require(MerkleFrontier(serialized: bytes))
        resumed.append(contentsOf: Self.leaves(20)[13...])
        #expect(resumed.root == Merkle.root(leafHashes: Self.leaves(20)))
    }
}
