import Foundation
import PhieuKinCrypto
import PhieuKinTestSupport
import Testing

/// Runs the real `/usr/bin/openssl` and returns its exit status and standard output.
@discardableResult
func openssl(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let result = try ExternalTool.run("/usr/bin/openssl", arguments)
    return (result.status, result.stdout)
}

@Suite("PEM key files")
struct PEMTests {
    @Test("Ed25519 private and public keys round-trip through PEM")
    func ed25519RoundTrip() throws {
        let key = Ed25519PrivateKey()
        let pem = try key.pemRepresentation()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let reloaded = try Ed25519PrivateKey(pemRepresentation: pem)
        #expect(reloaded.rawRepresentation == key.rawRepresentation)
        let publicPEM = key.publicKey.pemRepresentation
        #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(try Ed25519PublicKey(pemRepresentation: publicPEM) == key.publicKey)
    }

    @Test("X25519 private keys round-trip through PEM, encrypted or not")
    func x25519RoundTrip() throws {
        let key = X25519PrivateKey()
        #expect(
            try X25519PrivateKey(pemRepresentation: key.pemRepresentation()).rawRepresentation == key.rawRepresentation)
        let passphrase = Array("mật khẩu".utf8)
        let encrypted = try key.pemRepresentation(passphrase: passphrase)
        #expect(encrypted.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"))
        #expect(
            try X25519PrivateKey(pemRepresentation: encrypted, passphrase: passphrase).rawRepresentation
                == key.rawRepresentation)
        #expect(throws: CryptoError.wrongPassphrase) {
            try X25519PrivateKey(pemRepresentation: encrypted, passphrase: Array("sai".utf8))
        }
    }

    @Test("Encrypted PKCS#8 written by us opens with `openssl pkey -passin` (PBES2, AES-256-CBC)")
    func opensslReadsOurEncryptedKey() throws {
        let key = Ed25519PrivateKey()
        let passphrase = Array("correct horse battery staple".utf8)
        let pem = try key.pemRepresentation(passphrase: passphrase)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"))
        do {
            let directory = try TemporaryFiles.directory("pem")
            let keyFile = directory.appendingPathComponent("key.pem")
            let passFile = directory.appendingPathComponent("pass.txt")
            try pem.write(to: keyFile, atomically: true, encoding: .utf8)
            try Data(passphrase).write(to: passFile)
            #expect(
                try openssl(["pkey", "-in", keyFile.path, "-passin", "file:\(passFile.path)", "-noout"]).status == 0)
            let pub = try openssl(["pkey", "-in", keyFile.path, "-passin", "file:\(passFile.path)", "-pubout"])
            #expect(pub.status == 0)
            #expect(pub.output == key.publicKey.pemRepresentation)
            let structure = try openssl(["asn1parse", "-in", keyFile.path]).output
            #expect(structure.contains("PBES2"))
            #expect(structure.contains("aes-256-cbc"))
            #expect(structure.contains("PBKDF2") && structure.contains("hmacWithSHA256"))
            #expect(structure.contains("INTEGER           :0800"))  // 2048 iterations, as docs/FORMAT.md says
            // The wrong passphrase is refused by openssl too.
            try Data("wrong".utf8).write(to: passFile)
            #expect(
                try openssl(["pkey", "-in", keyFile.path, "-passin", "file:\(passFile.path)", "-noout"]).status != 0)
        }
        #expect(throws: CryptoError.wrongPassphrase) {
            try Ed25519PrivateKey(pemRepresentation: pem, passphrase: Array("wrong".utf8))
        }
        #expect(throws: CryptoError.wrongPassphrase) { try Ed25519PrivateKey(pemRepresentation: pem) }
        #expect(
            try Ed25519PrivateKey(pemRepresentation: pem, passphrase: passphrase).rawRepresentation
                == key.rawRepresentation)
    }

    @Test("Keys made by `openssl genpkey` load, plain and encrypted")
    func weReadOpenSSLKeys() throws {
        do {
            let directory = try TemporaryFiles.directory("pem")
            let plain = directory.appendingPathComponent("plain.pem")
            let encrypted = directory.appendingPathComponent("encrypted.pem")
            #expect(try openssl(["genpkey", "-algorithm", "ed25519", "-out", plain.path]).status == 0)
            #expect(
                try openssl([
                    "genpkey", "-algorithm", "ed25519", "-aes-256-cbc", "-pass", "pass:bầu cử", "-out", encrypted.path,
                ]).status == 0)
            let key = try Ed25519PrivateKey(pemRepresentation: String(contentsOf: plain, encoding: .utf8))
            let pub = try openssl(["pkey", "-in", plain.path, "-pubout"]).output
            #expect(try Ed25519PublicKey(pemRepresentation: pub) == key.publicKey)
            #expect(key.publicKey.pemRepresentation == pub)
            let encryptedText = try String(contentsOf: encrypted, encoding: .utf8)
            let opened = try Ed25519PrivateKey(pemRepresentation: encryptedText, passphrase: Array("bầu cử".utf8))
            let encryptedPub = try openssl(["pkey", "-in", encrypted.path, "-passin", "pass:bầu cử", "-pubout"]).output
            #expect(opened.publicKey.pemRepresentation == encryptedPub)
            #expect(throws: CryptoError.wrongPassphrase) {
                try Ed25519PrivateKey(pemRepresentation: encryptedText, passphrase: Array("bau cu".utf8))
            }
        }
    }

    @Test("Malformed or mismatched PEM is a typed error")
    func malformed() throws {
        let x = X25519PrivateKey()
        #expect(throws: CryptoError.invalidPEM("")) { try Ed25519PrivateKey(pemRepresentation: x.pemRepresentation()) }
        #expect(throws: CryptoError.invalidPEM("")) { try Ed25519PrivateKey(pemRepresentation: "") }
        #expect(throws: CryptoError.invalidPEM("")) {
            try Ed25519PrivateKey(pemRepresentation: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        }
        #expect(throws: CryptoError.invalidPEM("")) { try Ed25519PublicKey(pemRepresentation: "not a key") }
        let ed = Ed25519PrivateKey()
        #expect(throws: CryptoError.invalidPEM("")) { try X25519PrivateKey(pemRepresentation: ed.pemRepresentation()) }
        // A private key file is not a public key file.
        #expect(throws: CryptoError.invalidPEM("")) { try Ed25519PublicKey(pemRepresentation: ed.pemRepresentation()) }
        #expect(throws: CryptoError.invalidParameter("")) { try ed.pemRepresentation(passphrase: []) }
        // Errors never leak into later calls.
        #expect(try Ed25519PrivateKey(pemRepresentation: ed.pemRepresentation()).publicKey == ed.publicKey)
    }
}
