import ArgumentParser
import PhieuKin
import PhieuKinMessages

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace: the database and the agency's Ed25519 signing key."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "The agency's name, printed on ballots and reports.")
    var agency: String = "Cơ quan"

    @Option(help: "Encrypt the private key with the passphrase in this file (PKCS#8, readable by `openssl pkey`).")
    var passphraseFile: String?

    @Option(help: "Use this existing Ed25519 PKCS#8 key (mode 0600) instead of generating one.")
    var signingKey: String?

    func run() throws {
        let passphrase = try passphraseFile.map(KeyFiles.readPassphrase)
        let (_, summary) = try Workspace.create(
            at: Workspace.resolveRoot(options.workspace), agency: agency, passphrase: passphrase,
            existingKeyPath: signingKey)
        say("Workspace: \(summary.root)")
        say("Agency: \(summary.agency)")
        say(
            summary.encrypted
                ? "Signing key: \(summary.privateKeyPath) (mode 0600, encrypted)"
                : "Signing key: \(summary.privateKeyPath) (mode 0600)")
        say("Public key: \(summary.publicKeyPath)")
        say("Fingerprint: \(summary.publicKeyFingerprint)")
        say("Keep the private key file off shared drives; see keys/README.md in the PhieuKin repository.")
    }
}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Show the agency's keys.", subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the agency's public key and its fingerprint.")
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let workspace = try options.open()
            let key = try workspace.agencyPublicKeyInfo()
            print(key.pem, terminator: key.pem.hasSuffix("\n") ? "" : "\n")
            say("Fingerprint: \(key.fingerprint)")
        }
    }
}
