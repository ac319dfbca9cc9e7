extension Merkle {
    /// The leaf hashes (SHA-256(0x00 ‖ leaf)) of leaves held as ranges of one buffer, in the
    /// order given, with one reused hashing context: an import hashes a million new leaves
    /// straight from its leaf buffer instead of reading them back from the store.
    public static func leafHashes(
        of buffer: UnsafeRawBufferPointer, ranges: [Range<Int>]
    ) -> [[UInt8]] {
        var hasher = SHA256Hasher()
        var hashes: [[UInt8]] = []
        hashes.reserveCapacity(ranges.count)
        let prefix: [UInt8] = [0x00]
        for range in ranges {
            hasher.update(prefix)
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[range]))
            hashes.append(hasher.finalize())
        }
        return hashes
    }
}
