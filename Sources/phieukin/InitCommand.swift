public import ArgumentParser
public import PhieuKin
import PhieuKinMessages

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: tr("Create a workspace: the database and the agency's Ed25519 signing key.")
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: ArgumentHelp(tr("The agency's name, printed on ballots and reports.")))
    var agency: String = "Cơ quan"

    @Option(
        help:
            ArgumentHelp(
                tr(
                    "state (default) or party: official documents are headed by the national title and motto, or by \"ĐẢNG CỘNG SẢN VIỆT NAM\"."
                ))
    )
    var agencyKind: AgencyProfile.Kind = .state

    @Option(
        help: ArgumentHelp(
            tr("The superior agency (cơ quan chủ quản) printed above the agency's name on official documents.")))
    var superior: String?

    @Option(
        help: ArgumentHelp(tr("The place name (địa danh) before the date on official documents, e.g. \"Ba Đình\".")))
    var place: String?

    @Option(
        help: ArgumentHelp(
            tr("Encrypt the private key with the passphrase in this file (PKCS#8, readable by `openssl pkey`).")))
    var passphraseFile: String?

    @Option(help: ArgumentHelp(tr("Use this existing Ed25519 PKCS#8 key (mode 0600) instead of generating one.")))
    var signingKey: String?

    func run() throws {
        let passphrase = try passphraseFile.map(KeyFiles.readPassphrase)
        let (_, summary) = try Workspace.create(
            at: Workspace.resolveRoot(options.workspace), agency: agency, passphrase: passphrase,
            existingKeyPath: signingKey, profile: AgencyProfile(kind: agencyKind, superior: superior, place: place))
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

extension AgencyProfile.Kind: ExpressibleByArgument {}

struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: tr("Show or change how official documents are headed (tally minutes, the leaders' report)."),
        subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

    static func show(_ workspace: Workspace) {
        let profile = workspace.agencyProfile
        say("Agency: \(workspace.agencyName)")
        switch profile.kind {
        case .state: say("Kind: state agency (headed by the national title and motto)")
        case .party: say("Kind: Party body (headed by \"ĐẢNG CỘNG SẢN VIỆT NAM\")")
        }
        if let superior = profile.superior {
            say("Superior agency: \(superior)")
        } else {
            say("Superior agency: (none)")
        }
        if let place = profile.place { say("Place: \(place)") } else { say("Place: (none: left dotted for the clerk)") }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("Print the agency's document heading settings."))
        @OptionGroup var options: WorkspaceOptions
        func run() throws { AgencyCommand.show(try options.open()) }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Change the document heading settings; options not given keep their value."))
        @OptionGroup var options: WorkspaceOptions
        @Option(help: ArgumentHelp(tr("state or party."))) var kind: AgencyProfile.Kind?
        @Option(help: ArgumentHelp(tr("The superior agency (cơ quan chủ quản); \"\" removes it."))) var superior:
            String?
        @Option(help: ArgumentHelp(tr("The place name (địa danh) before the date; \"\" leaves it dotted."))) var place:
            String?

        func run() throws {
            let workspace = try options.open()
            let current = workspace.agencyProfile
            try workspace.setAgencyProfile(
                AgencyProfile(
                    kind: kind ?? current.kind, superior: superior ?? current.superior, place: place ?? current.place))
            AgencyCommand.show(workspace)
        }
    }
}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: tr("Show the agency's keys."), subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Print the agency's public key and its fingerprint."))
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let workspace = try options.open()
            let key = try workspace.agencyPublicKeyInfo()
            print(key.pem, terminator: key.pem.hasSuffix("\n") ? "" : "\n")
            say("Fingerprint: \(key.fingerprint)")
        }
    }
}
