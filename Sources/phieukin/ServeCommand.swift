import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinMessages
import PhieuKinServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: tr("Serve the voting booth and the kiosk over HTTP (docs/WEB.md)."),
        discussion: tr(
            """
            Listens on loopback by default: put it behind a TLS reverse proxy (nginx or Caddy; see the \
            README, "Electronic voting") and pass --behind-tls. Stops cleanly on Ctrl-C or SIGTERM: requests \
            in flight finish, and every accepted ballot is already stored.
            """)
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: ArgumentHelp(tr("Address and port to listen on (HOST:PORT; [::1]:8080 for IPv6).")))
    var listen: String = "127.0.0.1:8080"

    @Option(
        help: ArgumentHelp(tr("The address voters use (https://phieu.example.gov.vn): what slips' QR codes point to.")))
    var publicURL: String?

    @Flag(help: ArgumentHelp(tr("A TLS reverse proxy is in front: pages carry Strict-Transport-Security.")))
    var behindTLS = false

    @Option(
        help: ArgumentHelp(
            tr("Not needed any more: the server signs nothing (round close appends and signs the e-ballots). Ignored."))
    )
    var passphraseFile: String?

    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            tr("A reverse proxy whose X-Forwarded-For is believed (its IP address; repeat for several). Default: none.")
        ))
    var trustedProxies: [String] = []

    func validate() throws {
        guard ServerOptions.parseListen(listen) != nil else {
            throw ValidationError(tr("--listen takes HOST:PORT, for example 127.0.0.1:8080."))
        }
        for proxy in trustedProxies where ServerOptions.normalizedAddress(proxy) == nil {
            throw ValidationError(tr("--trusted-proxy takes an IP address, for example 127.0.0.1 or ::1."))
        }
        if let publicURL {
            guard let url = URL(string: publicURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
                url.host != nil
            else {
                throw ValidationError(
                    "--public-url takes an http(s) address, for example https://phieu.example.gov.vn.")
            }
        }
    }

    func run() throws {
        let workspace = try options.open()
        let (host, port) = ServerOptions.parseListen(listen)!
        // The server never signs (the inbox is appended by `round close`), so it never holds the
        // agency's signing key.
        if passphraseFile != nil {
            warn("--passphrase-file is ignored: the server signs nothing; give it to round close instead.")
        }
        if let publicURL { try workspace.electronic.setPublicURL(publicURL) }
        let publicURL = try workspace.electronic.publicURL()
        if !behindTLS, publicURL?.hasPrefix("https://") == true {
            warn("--public-url is https but --behind-tls is not set: pages will not carry Strict-Transport-Security.")
        }
        try PhieuKinServer.serve(
            workspace: workspace,
            options: ServerOptions(
                host: host, port: port, publicURL: publicURL, behindTLS: behindTLS, trustedProxies: trustedProxies)
        ) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
