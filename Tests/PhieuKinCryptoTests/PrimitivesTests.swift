import Foundation
import Testing

@testable import PhieuKinCrypto

@Suite("Hashes, MAC, KDF, random, hex")
struct HashTests {
    @Test("SHA-256 known answers (FIPS 180-2)", arguments: Vectors.primitives.sha256)
    func sha256(vector: Vectors.SHA) {
        let input = Array(vector.text.utf8)
        #expect(Hex.encode(SHA256.hash(input)) == vector.digest)
        // Streaming in uneven pieces gives the same digest.
        var hasher = SHA256Hasher()
        var rest = input[...]
        var step = 1
        while !rest.isEmpty {
            let piece = rest.prefix(step)
            hasher.update(Array(piece))
            rest = rest.dropFirst(piece.count)
            step += 3
        }
        #expect(Hex.encode(hasher.finalize()) == vector.digest)
    }

    @Test("SHA256Hasher: raw-buffer update, reset after finalize, copy-on-write fork")
    func hasherSemantics() {
        var hasher = SHA256Hasher()
        Array("ab".utf8).withUnsafeBytes { hasher.update($0) }
        var fork = hasher
        hasher.update(Array("c".utf8))
        fork.update(Array("d".utf8))
        #expect(Hex.encode(hasher.finalize()) == Hex.encode(SHA256.hash(Array("abc".utf8))))
        #expect(fork.finalize() == SHA256.hash(Array("abd".utf8)))
        // After finalize the hasher starts over.
        #expect(Hex.encode(hasher.finalize()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("SHA-256 of one million 'a' (FIPS 180-2 long message)")
    func millionA() {
        var hasher = SHA256Hasher()
        let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(block) }
        #expect(Hex.encode(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("HMAC-SHA-256 (RFC 4231)", arguments: Vectors.primitives.hmacSHA256)
    func hmac(vector: Vectors.HMACCase) {
        #expect(
            Hex.encode(HMACSHA256.authenticationCode(for: hex(vector.message), key: hex(vector.key))) == vector.mac)
    }

    @Test("HMAC-SHA-256 accepts an empty key and message")
    func hmacEmpty() {
        // Python: hmac.new(b"", b"", hashlib.sha256).hexdigest()
        #expect(
            Hex.encode(HMACSHA256.authenticationCode(for: [], key: []))
                == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test("HKDF-SHA-256 (RFC 5869)", arguments: Vectors.primitives.hkdfSHA256)
    func hkdf(vector: Vectors.HKDFCase) throws {
        let okm = try HKDFSHA256.deriveKey(
            inputKeyMaterial: hex(vector.ikm), salt: hex(vector.salt), info: hex(vector.info),
            outputByteCount: vector.length)
        #expect(Hex.encode(okm) == vector.okm)
    }

    @Test("HKDF rejects out-of-range lengths and empty key material", arguments: [0, -1, 8161])
    func hkdfBadLength(length: Int) {
        #expect(throws: CryptoError.invalidParameter("")) {
            try HKDFSHA256.deriveKey(inputKeyMaterial: [1], salt: [], info: [], outputByteCount: length)
        }
        #expect(throws: CryptoError.invalidKey("")) {
            try HKDFSHA256.deriveKey(inputKeyMaterial: [], salt: [], info: [], outputByteCount: 32)
        }
    }

    @Test("SecureRandom returns the requested count and differs between calls")
    func random() {
        #expect(SecureRandom.bytes(0).isEmpty)
        let a = SecureRandom.bytes(32)
        let b = SecureRandom.bytes(32)
        #expect(a.count == 32 && b.count == 32)
        #expect(a != b)
    }

    @Test("constantTimeEquals")
    func constantTime() {
        #expect(constantTimeEquals([], []))
        #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
    }

    @Test("Hex round trip, case-insensitive decode, lowercase encode")
    func hexCodec() throws {
        #expect(Hex.encode([0x00, 0xab, 0xff, 0x10]) == "00abff10")
        #expect(try Hex.decode("00ABff10") == [0x00, 0xab, 0xff, 0x10])
        #expect(try Hex.decode("") == [])
        let random = SecureRandom.bytes(100)
        #expect(try Hex.decode(Hex.encode(random)) == random)
    }

    @Test("Hex rejects malformed text", arguments: ["0", "abc", "zz", "0g", "a b ", "é1"])
    func hexMalformed(text: String) {
        #expect(throws: CryptoError.malformedInput("")) { try Hex.decode(text) }
    }
}

@Suite("Ed25519 and X25519")
struct CurveTests {
    @Test("Ed25519 known answers (RFC 8032 §7.1)", arguments: Vectors.primitives.ed25519)
    func ed25519(vector: Vectors.Ed25519Case) throws {
        let key = try Ed25519PrivateKey(rawRepresentation: hex(vector.secretKey))
        #expect(Hex.encode(key.publicKey.rawRepresentation) == vector.publicKey)
        #expect(Hex.encode(key.rawRepresentation) == vector.secretKey)
        let signature = try key.signature(for: hex(vector.message))
        #expect(Hex.encode(signature) == vector.signature)
        let publicKey = try Ed25519PublicKey(rawRepresentation: hex(vector.publicKey))
        #expect(publicKey.isValidSignature(hex(vector.signature), for: hex(vector.message)))
        #expect(publicKey == key.publicKey)
    }

    @Test("Ed25519 rejects a flipped bit anywhere in the signature or message", arguments: [0, 1, 31, 32, 63])
    func ed25519Tamper(byte: Int) throws {
        let vector = Vectors.primitives.ed25519[2]
        let publicKey = try Ed25519PublicKey(rawRepresentation: hex(vector.publicKey))
        var signature = hex(vector.signature)
        signature[byte] ^= 0x01
        #expect(!publicKey.isValidSignature(signature, for: hex(vector.message)))
        var message = hex(vector.message)
        message[byte % message.count] ^= 0x80
        #expect(!publicKey.isValidSignature(hex(vector.signature), for: message))
    }

    @Test("Ed25519 rejects wrong key, truncated and extended signatures")
    func ed25519Negative() throws {
        let key = Ed25519PrivateKey()
        let other = Ed25519PrivateKey()
        let message = Array("lá phiếu".utf8)
        let signature = try key.signature(for: message)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!other.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(Array(signature.dropLast()), for: message))
        #expect(!key.publicKey.isValidSignature(signature + [0], for: message))
        #expect(!key.publicKey.isValidSignature([], for: message))
        // A failed verify leaves no error behind: the next good verify still passes.
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(key.publicKey.fingerprint == "SHA256:" + Hex.encode(SHA256.hash(key.publicKey.rawRepresentation)))
        #expect(key.publicKey.fingerprint.count == 7 + 64)
    }

    @Test("Ed25519 reuses one signing/verifying context per key: repeated, interleaved and concurrent use")
    func ed25519ReusedContext() async throws {
        let vector = Vectors.primitives.ed25519[2]
        let key = try Ed25519PrivateKey(rawRepresentation: hex(vector.secretKey))
        let publicKey = key.publicKey
        let messages = Vectors.primitives.ed25519.map { hex($0.message) } + [[], [UInt8](repeating: 1, count: 20)]
        let expected = try messages.map {
            try Ed25519PrivateKey(rawRepresentation: hex(vector.secretKey)).signature(for: $0)
        }
        for _ in 0..<3 {
            for (message, signature) in zip(messages, expected) {
                #expect(try key.signature(for: message) == signature)
                var bad = signature
                bad[5] ^= 0x10
                #expect(!publicKey.isValidSignature(bad, for: message))
                #expect(publicKey.isValidSignature(signature, for: message))
            }
        }
        #expect(Hex.encode(try key.signature(for: hex(vector.message))) == vector.signature)
        // Concurrent callers on one key (some take the cached context, others a fresh one).
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var ok = true
                    for round in 0..<40 {
                        let index = (task + round) % messages.count
                        let signature = try key.signature(for: messages[index])
                        ok = ok && signature == expected[index]
                        ok = ok && publicKey.isValidSignature(expected[index], for: messages[index])
                        ok = ok && !publicKey.isValidSignature(expected[index], for: messages[index] + [0])
                    }
                    return ok
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == [Bool](repeating: true, count: 8))
    }

    @Test("Raw keys of the wrong length are typed errors", arguments: [0, 31, 33, 64])
    func wrongLengthKeys(length: Int) {
        let bytes = [UInt8](repeating: 7, count: length)
        #expect(throws: CryptoError.invalidKey("")) { try Ed25519PrivateKey(rawRepresentation: bytes) }
        #expect(throws: CryptoError.invalidKey("")) { try Ed25519PublicKey(rawRepresentation: bytes) }
        #expect(throws: CryptoError.invalidKey("")) { try X25519PrivateKey(rawRepresentation: bytes) }
        #expect(throws: CryptoError.invalidKey("")) { try X25519PublicKey(rawRepresentation: bytes) }
    }

    @Test("X25519 known answers (RFC 7748 §5.2)", arguments: Vectors.primitives.x25519)
    func x25519(vector: Vectors.X25519Case) throws {
        let key = try X25519PrivateKey(rawRepresentation: hex(vector.scalar))
        let peer = try X25519PublicKey(rawRepresentation: hex(vector.u))
        #expect(Hex.encode(try key.sharedSecret(with: peer)) == vector.output)
    }

    @Test("X25519 Diffie-Hellman (RFC 7748 §6.1)")
    func diffieHellman() throws {
        let v = Vectors.primitives.x25519DiffieHellman
        let alice = try X25519PrivateKey(rawRepresentation: hex(v.alicePrivate))
        let bob = try X25519PrivateKey(rawRepresentation: hex(v.bobPrivate))
        #expect(Hex.encode(alice.publicKey.rawRepresentation) == v.alicePublic)
        #expect(Hex.encode(bob.publicKey.rawRepresentation) == v.bobPublic)
        #expect(Hex.encode(try alice.sharedSecret(with: bob.publicKey)) == v.shared)
        #expect(Hex.encode(try bob.sharedSecret(with: alice.publicKey)) == v.shared)
    }

    @Test("X25519 refuses low-order peer points (all-zero secret)")
    func lowOrder() throws {
        let key = X25519PrivateKey()
        for u in [[UInt8](repeating: 0, count: 32), [1] + [UInt8](repeating: 0, count: 31)] {
            let peer = try X25519PublicKey(rawRepresentation: u)
            #expect(throws: CryptoError.invalidKey("")) { try key.sharedSecret(with: peer) }
        }
        // Fresh keys agree.
        let other = X25519PrivateKey()
        #expect(try key.sharedSecret(with: other.publicKey) == other.sharedSecret(with: key.publicKey))
    }
}

@Suite("AES-256-GCM")
struct AESGCMTests {
    @Test("McGrew–Viega test cases 13–16", arguments: Vectors.primitives.aes256GCM)
    func knownAnswers(vector: Vectors.GCMCase) throws {
        let sealed = try AES256GCM.seal(
            hex(vector.plaintext), key: hex(vector.key), nonce: hex(vector.nonce), associatedData: hex(vector.aad))
        #expect(Hex.encode(sealed.ciphertext) == vector.ciphertext)
        #expect(Hex.encode(sealed.tag) == vector.tag)
        #expect(Hex.encode(sealed.combined) == vector.nonce + vector.ciphertext + vector.tag)
        let reparsed = try AES256GCM.SealedMessage(combined: sealed.combined)
        #expect(reparsed == sealed)
        #expect(
            try AES256GCM.open(reparsed, key: hex(vector.key), associatedData: hex(vector.aad)) == hex(vector.plaintext)
        )
    }

    enum Tamper: String, CaseIterable, Sendable { case key, nonce, ciphertext, tag, associatedData }

    @Test("Any altered input fails authentication", arguments: Tamper.allCases)
    func tampering(what: Tamper) throws {
        let key = SecureRandom.bytes(32)
        let aad = Array("round-1".utf8)
        let sealed = try AES256GCM.seal(Array("phiếu 42".utf8), key: key, associatedData: aad)
        var message = sealed
        var openKey = key
        var openAAD = aad
        switch what {
        case .key: openKey[0] ^= 1
        case .nonce: message.nonce[11] ^= 1
        case .ciphertext: message.ciphertext[0] ^= 0x80
        case .tag: message.tag[15] ^= 1
        case .associatedData: openAAD[0] ^= 1
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try AES256GCM.open(message, key: openKey, associatedData: openAAD)
        }
        // The error queue was cleared: the untouched message still opens with the same opener type.
        #expect(try AES256GCM.open(sealed, key: key, associatedData: aad) == Array("phiếu 42".utf8))
    }

    @Test("Malformed sizes are typed errors")
    func malformed() throws {
        let key = SecureRandom.bytes(32)
        #expect(throws: CryptoError.invalidKey("")) { try AES256GCM.seal([1], key: Array(key.prefix(16))) }
        #expect(throws: CryptoError.invalidKey("")) { try AES256GCMOpener(key: []) }
        #expect(throws: CryptoError.invalidParameter("")) { try AES256GCM.seal([1], key: key, nonce: [0, 1, 2]) }
        #expect(throws: CryptoError.malformedInput("")) {
            try AES256GCM.SealedMessage(combined: [UInt8](repeating: 0, count: 27))
        }
        var sealed = try AES256GCM.seal([1, 2, 3], key: key)
        sealed.tag.removeLast()
        #expect(throws: CryptoError.malformedInput("")) { try AES256GCM.open(sealed, key: key) }
        sealed.tag.append(0)
        sealed.nonce.append(0)
        #expect(throws: CryptoError.malformedInput("")) { try AES256GCM.open(sealed, key: key) }
    }

    @Test("A reused sealer/opener pair handles many messages with fresh nonces")
    func reuse() throws {
        let key = SecureRandom.bytes(32)
        let sealer = try AES256GCMSealer(key: key)
        let opener = try AES256GCMOpener(key: key)
        var nonces = Set<[UInt8]>()
        for length in [0, 1, 15, 16, 17, 1024, 5000] {
            let plaintext = SecureRandom.bytes(length)
            let aad = SecureRandom.bytes(length % 7)
            let sealed = try sealer.seal(plaintext, associatedData: aad)
            nonces.insert(sealed.nonce)
            #expect(sealed.ciphertext.count == length && sealed.tag.count == 16 && sealed.nonce.count == 12)
            #expect(try opener.open(sealed, associatedData: aad) == plaintext)
            var bad = sealed
            bad.tag[0] ^= 1
            #expect(throws: CryptoError.authenticationFailed) { try opener.open(bad, associatedData: aad) }
        }
        #expect(nonces.count == 7)
    }
}

@Suite("AES-256-GCM buffer and combined APIs")
struct AESGCMBufferTests {
    @Test(
        "Buffer seal round-trips and equals the array API's combined form", arguments: [0, 1, 15, 16, 17, 1024, 5000])
    func roundTrip(length: Int) throws {
        let key = SecureRandom.bytes(32)
        let sealer = try AES256GCMSealer(key: key)
        let opener = try AES256GCMOpener(key: key)
        let plaintext = SecureRandom.bytes(length)
        let aad = SecureRandom.bytes(length % 13)
        // Extra room: the returned count, not the buffer size, is the message.
        var output = [UInt8](repeating: 0xee, count: length + AES256GCM.combinedOverhead + 5)
        let written = try plaintext.withUnsafeBytes { p in
            try aad.withUnsafeBytes { a in
                try output.withUnsafeMutableBytes { try sealer.seal(p, associatedData: a, into: $0) }
            }
        }
        #expect(written == length + 28)
        #expect(output.suffix(5) == [0xee, 0xee, 0xee, 0xee, 0xee])
        let combined = Array(output.prefix(written))

        // Same nonce through the SealedMessage API gives the same bytes.
        let nonce = Array(combined.prefix(12))
        let reference = try AES256GCMSealer(key: key).seal(plaintext, nonce: nonce, associatedData: aad)
        #expect(combined == reference.combined)

        var opened = [UInt8](repeating: 0, count: length)
        let openedCount = try combined.withUnsafeBytes { c in
            try aad.withUnsafeBytes { a in
                try opened.withUnsafeMutableBytes { try opener.open(c, associatedData: a, into: $0) }
            }
        }
        #expect(openedCount == length && opened == plaintext)
        #expect(try opener.openCombined(combined, associatedData: aad) == plaintext)
        #expect(try opener.open(AES256GCM.SealedMessage(combined: combined), associatedData: aad) == plaintext)
    }

    @Test("sealCombined writes prefix ‖ nonce ‖ ciphertext ‖ tag in one array")
    func combinedWithPrefix() throws {
        let key = SecureRandom.bytes(32)
        let sealer = try AES256GCMSealer(key: key)
        let opener = try AES256GCMOpener(key: key)
        let plaintext = Array("phiếu 7".utf8)
        let prefix: [UInt8] = [0, 0, 1, 42]  // u32be(298), as a ballot-store leaf
        let leaf = try sealer.sealCombined(plaintext, associatedData: [9], prefix: prefix)
        #expect(leaf.count == 4 + 12 + plaintext.count + 16)
        #expect(Array(leaf.prefix(4)) == prefix)
        let message = try AES256GCM.SealedMessage(combined: Array(leaf.dropFirst(4)))
        #expect(try AES256GCM.open(message, key: key, associatedData: [9]) == plaintext)
        #expect(try opener.openCombined(leaf, associatedData: [9], prefixByteCount: 4) == plaintext)
        #expect(try opener.openCombined(sealer.sealCombined([], associatedData: []), associatedData: []) == [])
        // Fresh nonces per call.
        #expect(
            try sealer.sealCombined(plaintext, associatedData: []) != sealer.sealCombined(plaintext, associatedData: [])
        )
    }

    @Test("Sealing and opening in place")
    func inPlace() throws {
        let key = SecureRandom.bytes(32)
        let plaintext = SecureRandom.bytes(100)
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        var buffer = [UInt8](repeating: 0, count: 12) + plaintext + [UInt8](repeating: 0, count: 16)
        let sealer = try AES256GCMSealer(key: key)
        let opener = try AES256GCMOpener(key: key)
        let sealed = try buffer.withUnsafeMutableBytes { buffer in
            try sealer.seal(UnsafeRawBufferPointer(rebasing: buffer[12..<112]), associatedData: none, into: buffer)
        }
        #expect(sealed == 128)
        #expect(Array(buffer[12..<112]) != plaintext)
        #expect(try opener.openCombined(buffer, associatedData: []) == plaintext)
        let opened = try buffer.withUnsafeMutableBytes { buffer in
            try opener.open(
                UnsafeRawBufferPointer(buffer), associatedData: none,
                into: UnsafeMutableRawBufferPointer(rebasing: buffer[12..<112]))
        }
        #expect(opened == 100)
        #expect(Array(buffer[12..<112]) == plaintext)
    }

    @Test("Too-small, too-short and overlapping buffers are typed errors")
    func badBuffers() throws {
        let key = SecureRandom.bytes(32)
        let sealer = try AES256GCMSealer(key: key)
        let opener = try AES256GCMOpener(key: key)
        let plaintext = [UInt8](repeating: 7, count: 64)
        var small = [UInt8](repeating: 0, count: 64 + 27)
        #expect(throws: CryptoError.invalidParameter("")) {
            try plaintext.withUnsafeBytes { p in
                try small.withUnsafeMutableBytes {
                    try sealer.seal(p, associatedData: UnsafeRawBufferPointer(start: nil, count: 0), into: $0)
                }
            }
        }
        #expect(throws: CryptoError.invalidParameter("")) {
            try plaintext.withUnsafeBytes { p in
                try sealer.seal(p, associatedData: p, into: UnsafeMutableRawBufferPointer(start: nil, count: 0))
            }
        }
        // Plaintext at the start of the output (shifted overlap) is refused, not silently corrupted.
        var shifted = plaintext + [UInt8](repeating: 0, count: 28)
        #expect(throws: CryptoError.invalidParameter("")) {
            try shifted.withUnsafeMutableBytes { buffer in
                try sealer.seal(
                    UnsafeRawBufferPointer(rebasing: buffer[0..<64]),
                    associatedData: UnsafeRawBufferPointer(start: nil, count: 0),
                    into: buffer)
            }
        }
        let combined = try sealer.sealCombined(plaintext, associatedData: [])
        var out = [UInt8](repeating: 0, count: 63)
        #expect(throws: CryptoError.invalidParameter("")) {
            try combined.withUnsafeBytes { c in
                try out.withUnsafeMutableBytes {
                    try opener.open(c, associatedData: UnsafeRawBufferPointer(start: nil, count: 0), into: $0)
                }
            }
        }
        #expect(throws: CryptoError.malformedInput("")) {
            try opener.openCombined(Array(combined.prefix(27)), associatedData: [])
        }
        #expect(throws: CryptoError.malformedInput("")) {
            try opener.openCombined(combined, associatedData: [], prefixByteCount: combined.count + 1)
        }
        #expect(throws: CryptoError.malformedInput("")) {
            try opener.openCombined([1, 2, 3], associatedData: [], prefixByteCount: 2)
        }
    }

    @Test(
        "Tampering with any byte or the associated data is rejected; output is wiped",
        arguments: [0, 11, 12, 50, 75, 76, 91])
    func tampering(position: Int) throws {
        let key = SecureRandom.bytes(32)
        let sealer = try AES256GCMSealer(key: key)
        let opener = try AES256GCMOpener(key: key)
        let plaintext = [UInt8](repeating: 0x61, count: 64)
        let aad: [UInt8] = [1, 2, 3]
        var combined = try sealer.sealCombined(plaintext, associatedData: aad)
        #expect(combined.count == 92)
        combined[position] ^= 0x01
        var out = [UInt8](repeating: 0x55, count: 64)
        #expect(throws: CryptoError.authenticationFailed) {
            try combined.withUnsafeBytes { c in
                try aad.withUnsafeBytes { a in
                    try out.withUnsafeMutableBytes { try opener.open(c, associatedData: a, into: $0) }
                }
            }
        }
        #expect(out == [UInt8](repeating: 0, count: 64))
        #expect(throws: CryptoError.authenticationFailed) { try opener.openCombined(combined, associatedData: aad) }
        combined[position] ^= 0x01
        #expect(throws: CryptoError.authenticationFailed) {
            try opener.openCombined(combined, associatedData: [1, 2, 4])
        }
        // The opener still works after failures (error queue cleared, context re-armed).
        #expect(try opener.openCombined(combined, associatedData: aad) == plaintext)
    }
}

@Suite("Sealed box")
struct SealedBoxTests {
    @Test("Opening vector from docs/FORMAT.md (computed independently in Python)")
    func openingVector() throws {
        let v = Vectors.format.sealedBox
        let recipient = try X25519PrivateKey(rawRepresentation: hex(v.recipientPrivateKey))
        #expect(Hex.encode(recipient.publicKey.rawRepresentation) == v.recipientPublicKey)
        #expect(try SealedBox.open(hex(v.box), with: recipient, context: hex(v.context)) == hex(v.plaintext))
        // Our deterministic seal reproduces the exact bytes.
        let ephemeral = try X25519PrivateKey(rawRepresentation: hex(v.ephemeralPrivateKey))
        let box = try SealedBox.seal(
            hex(v.plaintext), to: recipient.publicKey, context: hex(v.context), ephemeral: ephemeral,
            nonce: hex(v.nonce))
        #expect(Hex.encode(box) == v.box)
    }

    @Test("Round trip, layout size, and fresh randomness per box")
    func roundTrip() throws {
        let recipient = X25519PrivateKey()
        let plaintext = Array("Phiếu kín".utf8)
        let a = try SealedBox.seal(plaintext, to: recipient.publicKey, context: [1, 2])
        let b = try SealedBox.seal(plaintext, to: recipient.publicKey, context: [1, 2])
        #expect(a != b)
        #expect(a.count == SealedBox.overhead + plaintext.count)
        #expect(a[0] == 0x01)
        #expect(try SealedBox.open(a, with: recipient, context: [1, 2]) == plaintext)
        #expect(try SealedBox.open(b, with: recipient, context: [1, 2]) == plaintext)
        #expect(
            try SealedBox.open(SealedBox.seal([], to: recipient.publicKey, context: []), with: recipient, context: [])
                == [])
    }

    @Test("Every single flipped bit is rejected", arguments: [0, 1, 32, 33, 44, 45, 50, 60, 63])
    func flippedBit(offset: Int) throws {
        let v = Vectors.format.sealedBox
        let recipient = try X25519PrivateKey(rawRepresentation: hex(v.recipientPrivateKey))
        var box = hex(v.box)
        box[offset] ^= 0x04
        let expected: CryptoError = offset == 0 ? .malformedInput("") : .authenticationFailed
        #expect(throws: expected) { try SealedBox.open(box, with: recipient, context: hex(v.context)) }
    }

    @Test("Wrong recipient, wrong context, truncated box")
    func negative() throws {
        let v = Vectors.format.sealedBox
        let recipient = try X25519PrivateKey(rawRepresentation: hex(v.recipientPrivateKey))
        let box = hex(v.box)
        #expect(throws: CryptoError.authenticationFailed) {
            try SealedBox.open(box, with: X25519PrivateKey(), context: hex(v.context))
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try SealedBox.open(box, with: recipient, context: hex(v.context) + [0])
        }
        #expect(throws: CryptoError.authenticationFailed) {
            try SealedBox.open(Array(box.dropLast()), with: recipient, context: hex(v.context))
        }
        #expect(throws: CryptoError.malformedInput("")) {
            try SealedBox.open(Array(box.prefix(SealedBox.overhead - 1)), with: recipient, context: hex(v.context))
        }
        #expect(throws: CryptoError.malformedInput("")) { try SealedBox.open([], with: recipient, context: []) }
    }
}
