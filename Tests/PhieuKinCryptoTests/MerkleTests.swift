import Testing

@testable import PhieuKinCrypto

@Suite("Merkle trees (RFC 6962 / RFC 9162)")
struct MerkleTests {
    static let leaves = Vectors.merkle.leaves.map(hex)
    static let hashes = Merkle.leafHashes(leaves)

    /// The first `size` (≤ 16) leaf hashes of the vector tree extended with more leaves.
    static func sixteen(_ size: Int) -> [[UInt8]] {
        Array((hashes + (8..<16).map { Merkle.leafHash([UInt8($0)]) }).prefix(size))
    }

    @Test("docs/FORMAT.md vectors: empty root, one-leaf root, 8-leaf roots")
    func formatVectors() throws {
        let v = Vectors.format.merkle
        #expect(Hex.encode(Merkle.root(leafHashes: [])) == v.emptyRoot)
        #expect(Hex.encode(Merkle.emptyRoot) == v.emptyRoot)
        #expect(Hex.encode(Merkle.root(leafHashes: [Merkle.leafHash(hex(v.oneLeaf.leaf))])) == v.oneLeaf.root)
        let hashes = v.eightLeaves.leaves.map { Merkle.leafHash(hex($0)) }
        for size in 1...8 {
            #expect(Hex.encode(Merkle.root(leafHashes: Array(hashes.prefix(size)))) == v.eightLeaves.roots[size - 1])
        }
        #expect(v.eightLeaves.roots[7] == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
    }

    @Test("Leaf and node hashing prefixes")
    func prefixes() {
        #expect(Merkle.leafHash([1, 2]) == SHA256.hash([0, 1, 2]))
        #expect(Merkle.nodeHash([3], [4, 5]) == SHA256.hash([1, 3, 4, 5]))
        #expect(Merkle.leafHashes([[1, 2], []]) == [SHA256.hash([0, 1, 2]), SHA256.hash([0])])
    }

    @Test("Leaf hashes of ranges of one buffer, in the order given")
    func leafHashesOfBuffer() {
        let leaves: [[UInt8]] = [[1, 2], [], [3, 4, 5], Array(repeating: 7, count: 200)]
        let buffer = Array(leaves.joined())
        let ranges = [5..<205, 0..<2, 2..<2, 2..<5]
        let hashes = buffer.withUnsafeBytes { Merkle.leafHashes(of: $0, ranges: ranges) }
        #expect(hashes == [leaves[3], leaves[0], leaves[1], leaves[2]].map(Merkle.leafHash))
    }

    @Test("Certificate-transparency inclusion proofs", arguments: Vectors.merkle.ctInclusion)
    func ctInclusion(vector: Vectors.Inclusion) throws {
        try checkInclusion(vector)
    }

    @Test("Certificate-transparency consistency proofs", arguments: Vectors.merkle.ctConsistency)
    func ctConsistency(vector: Vectors.Consistency) throws {
        try checkConsistency(vector)
    }

    @Test("All inclusion proofs in the 8-leaf tree", arguments: Vectors.merkle.inclusion)
    func inclusion(vector: Vectors.Inclusion) throws {
        try checkInclusion(vector)
    }

    @Test("All consistency proofs in the 8-leaf tree", arguments: Vectors.merkle.consistency)
    func consistency(vector: Vectors.Consistency) throws {
        try checkConsistency(vector)
    }

    func checkInclusion(_ vector: Vectors.Inclusion) throws {
        let tree = Array(Self.hashes.prefix(vector.size))
        let root = hex(Vectors.merkle.roots[vector.size])
        let proof = try Merkle.inclusionProof(leafIndex: vector.index, leafHashes: tree)
        #expect(proof.map(Hex.encode) == vector.proof)
        let leaf = Self.hashes[vector.index]
        #expect(
            Merkle.verifyInclusion(
                leafHash: leaf, leafIndex: vector.index, treeSize: vector.size, proof: proof, root: root))
        // Every single-bit change, truncation, extension, or wrong position is rejected.
        for i in proof.indices {
            var bad = proof
            bad[i][i % 32] ^= 0x01
            #expect(
                !Merkle.verifyInclusion(
                    leafHash: leaf, leafIndex: vector.index, treeSize: vector.size, proof: bad, root: root))
        }
        if !proof.isEmpty {
            #expect(
                !Merkle.verifyInclusion(
                    leafHash: leaf, leafIndex: vector.index, treeSize: vector.size, proof: Array(proof.dropLast()),
                    root: root))
            #expect(
                !Merkle.verifyInclusion(
                    leafHash: leaf, leafIndex: vector.index, treeSize: vector.size, proof: Array(proof.dropFirst()),
                    root: root))
        }
        #expect(
            !Merkle.verifyInclusion(
                leafHash: leaf, leafIndex: vector.index, treeSize: vector.size, proof: proof + [root], root: root))
        #expect(
            !Merkle.verifyInclusion(
                leafHash: leaf, leafIndex: vector.index, treeSize: vector.size,
                proof: proof + [[UInt8](repeating: 0, count: 32)], root: root))
        // Wrong tree sizes: rejected against that size's real root, and against this root whenever
        // the size implies a different path shape. (Sizes with the same shape differ only in the
        // root, which is what binds the proof: RFC 9162 §2.1.3.2.)
        for wrongSize in [vector.size - 1, vector.size + 1, vector.size * 2] where wrongSize > vector.index {
            if wrongSize <= 8 {
                #expect(
                    !Merkle.verifyInclusion(
                        leafHash: leaf, leafIndex: vector.index, treeSize: wrongSize, proof: proof,
                        root: hex(Vectors.merkle.roots[wrongSize])))
            }
            let shape = try Merkle.inclusionProof(leafIndex: vector.index, leafHashes: Self.sixteen(wrongSize))
            if shape.count != proof.count {
                #expect(
                    !Merkle.verifyInclusion(
                        leafHash: leaf, leafIndex: vector.index, treeSize: wrongSize, proof: proof, root: root))
            }
        }
        #expect(
            !Merkle.verifyInclusion(
                leafHash: leaf, leafIndex: vector.index, treeSize: vector.size, proof: proof,
                root: hex(Vectors.merkle.roots[vector.size - 1])))
        #expect(
            !Merkle.verifyInclusion(
                leafHash: leaf, leafIndex: vector.size, treeSize: vector.size, proof: proof, root: root))
        #expect(!Merkle.verifyInclusion(leafHash: leaf, leafIndex: -1, treeSize: vector.size, proof: proof, root: root))
        if vector.size > 1 {
            let otherIndex = (vector.index + 1) % vector.size
            #expect(
                !Merkle.verifyInclusion(
                    leafHash: leaf, leafIndex: otherIndex, treeSize: vector.size, proof: proof, root: root))
            #expect(
                !Merkle.verifyInclusion(
                    leafHash: Self.hashes[otherIndex], leafIndex: vector.index, treeSize: vector.size, proof: proof,
                    root: root))
        }
        #expect(
            !Merkle.verifyInclusion(
                leafHash: Array(leaf.dropLast()), leafIndex: vector.index, treeSize: vector.size, proof: proof,
                root: root))
    }

    func checkConsistency(_ vector: Vectors.Consistency) throws {
        let tree = Array(Self.hashes.prefix(vector.newSize))
        let oldRoot = hex(Vectors.merkle.roots[vector.oldSize])
        let newRoot = hex(Vectors.merkle.roots[vector.newSize])
        let proof = try Merkle.consistencyProof(oldSize: vector.oldSize, leafHashes: tree)
        #expect(proof.map(Hex.encode) == vector.proof)
        func verify(_ old: Int, _ new: Int, _ oldRoot: [UInt8], _ newRoot: [UInt8], _ proof: [[UInt8]]) -> Bool {
            Merkle.verifyConsistency(oldSize: old, newSize: new, oldRoot: oldRoot, newRoot: newRoot, proof: proof)
        }
        let (m, n) = (vector.oldSize, vector.newSize)
        #expect(verify(m, n, oldRoot, newRoot, proof))
        for i in proof.indices {
            var bad = proof
            bad[i][31 - i] ^= 0x80
            #expect(!verify(m, n, oldRoot, newRoot, bad))
        }
        if !proof.isEmpty {
            #expect(!verify(m, n, oldRoot, newRoot, Array(proof.dropLast())))
            #expect(!verify(m, n, oldRoot, newRoot, Array(proof.dropFirst())))
        }
        #expect(!verify(m, n, oldRoot, newRoot, proof + [oldRoot]))
        #expect(!verify(m, n, newRoot == oldRoot ? hex(Vectors.merkle.roots[0]) : newRoot, newRoot, proof))
        #expect(!verify(m, n, oldRoot, hex(Vectors.merkle.roots[0]), proof))
        for wrongSize in [n + 1, n * 2] where wrongSize != n {
            if wrongSize <= 8 { #expect(!verify(m, wrongSize, oldRoot, hex(Vectors.merkle.roots[wrongSize]), proof)) }
            let shape = try Merkle.consistencyProof(oldSize: m, leafHashes: Self.sixteen(wrongSize))
            if shape.count != proof.count { #expect(!verify(m, wrongSize, oldRoot, newRoot, proof)) }
        }
        if m > 1 { #expect(!verify(m - 1, n, oldRoot, newRoot, proof)) }
        #expect(!verify(0, n, oldRoot, newRoot, proof))
        #expect(!verify(n + 1, n, oldRoot, newRoot, proof))
    }

    /// RFC 6962 MTH written recursively, as a reference for the iterative implementation.
    static func referenceRoot(_ hashes: ArraySlice<[UInt8]>) -> [UInt8] {
        if hashes.isEmpty { return SHA256.hash([]) }
        if hashes.count == 1 { return hashes.first! }
        var k = 1
        while k * 2 < hashes.count { k *= 2 }
        let mid = hashes.startIndex + k
        return Merkle.nodeHash(referenceRoot(hashes[..<mid]), referenceRoot(hashes[mid...]))
    }

    @Test(
        "Iterative root equals recursive MTH; all proofs round-trip",
        arguments: [2, 3, 5, 7, 13, 16, 17, 31, 33, 64, 100])
    func roundTrip(size: Int) throws {
        let hashes = (0..<size).map { Merkle.leafHash(SHA256.hash([UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)])) }
        let root = Merkle.root(leafHashes: hashes)
        #expect(root == Self.referenceRoot(hashes[...]))
        for index in 0..<size {
            let proof = try Merkle.inclusionProof(leafIndex: index, leafHashes: hashes)
            #expect(
                Merkle.verifyInclusion(
                    leafHash: hashes[index], leafIndex: index, treeSize: size, proof: proof, root: root))
        }
        for old in 1...size {
            let proof = try Merkle.consistencyProof(oldSize: old, leafHashes: hashes)
            let oldRoot = Merkle.root(leafHashes: Array(hashes.prefix(old)))
            #expect(
                Merkle.verifyConsistency(oldSize: old, newSize: size, oldRoot: oldRoot, newRoot: root, proof: proof))
        }
    }

    @Test("Bad proof requests are typed errors; odd-length leaf hashes do not crash")
    func badRequests() {
        let hashes = Self.hashes
        #expect(throws: CryptoError.invalidParameter("")) {
            try Merkle.inclusionProof(leafIndex: 8, leafHashes: hashes)
        }
        #expect(throws: CryptoError.invalidParameter("")) {
            try Merkle.inclusionProof(leafIndex: -1, leafHashes: hashes)
        }
        #expect(throws: CryptoError.invalidParameter("")) { try Merkle.inclusionProof(leafIndex: 0, leafHashes: []) }
        #expect(throws: CryptoError.invalidParameter("")) {
            try Merkle.consistencyProof(oldSize: 0, leafHashes: hashes)
        }
        #expect(throws: CryptoError.invalidParameter("")) {
            try Merkle.consistencyProof(oldSize: 9, leafHashes: hashes)
        }
        let odd: [[UInt8]] = [[1], [2, 3], [], [4]]
        #expect(Merkle.root(leafHashes: odd) == Self.referenceRoot(odd[...]))
    }
}
