import PhieuKinCrypto

/// A `RandomNumberGenerator` drawing from OpenSSL's CSPRNG (`SecureRandom`), for shuffles whose
/// order must not be predictable (ballots within a batch). The project's one such generator.
///
/// Buffers 4 KiB of random bytes at a time so that shuffling a million ballots costs a few
/// hundred `RAND_bytes` calls, not millions.
public struct SecureRandomGenerator: RandomNumberGenerator {
    private var buffer: [UInt64] = []
    private var position = 0

    public init() {}

    public mutating func next() -> UInt64 {
        if position == buffer.count {
            let bytes = SecureRandom.bytes(4096)
            buffer = bytes.withUnsafeBytes { raw in
                (0..<512).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
            }
            position = 0
        }
        defer { position += 1 }
        return buffer[position]
    }
}
