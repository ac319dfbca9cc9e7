import Foundation
public import Hummingbird
public import Logging
import NIOCore
public import PhieuKin
import PhieuKinMessages
import ServiceLifecycle

/// The web front end of a workspace (docs/WEB.md): the booth and kiosk pages, compiled in, and the
/// JSON API over `workspace.electronic`. Thin: every decision about a code, a round, a kiosk or a
/// ballot is the service's; the server adds HTTP (limits, media types, statuses, messages, headers),
/// a per-client brake on wrong codes, and a timer that reports refusal counts. Electronic ballots
/// wait in the inbox until `round close` appends them all as one batch: the server never appends.
public enum PhieuKinServer {
    /// Builds the application: router, middleware and the refusal reporter. `onRunning` is called once
    /// with the address actually bound (port 0 picks one).
    public static func makeApplication(
        workspace: Workspace, options: ServerOptions, logger: Logger,
        onRunning: @escaping @Sendable (_ host: String, _ port: Int) -> Void = { _, _ in }
    ) -> Application<RouterResponder<ServerContext>> {
        let state = ServerState(workspace: workspace, options: options)
        let router = buildRouter(state: state)
        let host = options.host
        let readTimeout = TimeAmount(options.readTimeout)
        return Application(
            router: router,
            // A connection that sends no request (or not its head) within the idle timeout is
            // closed, and so is one whose request does not arrive whole within the read timeout.
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [RequestReadTimeout(timeout: readTimeout)],
                    idleTimeout: TimeAmount(options.idleTimeout))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            services: [RefusalReporter(state: state, logger: logger)],
            onServerRunning: { channel in
                onRunning(host, channel.localAddress?.port ?? options.port)
            },
            logger: logger
        )
    }

    /// The router alone: pages, static assets, the API, behind the security middleware.
    public static func buildRouter(state: ServerState) -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: FrontMiddleware(state: state))
        Pages.register(on: router)
        API(state: state).register(on: router.group("api"))
        return router
    }

    /// Runs the server until SIGTERM or SIGINT, then stops gracefully: the listener closes, requests
    /// in flight finish (every accepted ballot is already committed to the inbox by the service),
    /// the reporter stops. Blocks the calling thread; for the command line.
    public static func serve(
        workspace: Workspace, options: ServerOptions, logLevel: Logger.Level = .info,
        announce: @escaping @Sendable (String) -> Void
    ) throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        var logger = Logger(label: "phieukin.serve")
        logger.logLevel = logLevel
        let publicURL = options.publicURL
        let app = makeApplication(workspace: workspace, options: options, logger: logger) { host, port in
            let local = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
            announce("Đang phục vụ tại \(local) (công khai: \(publicURL ?? local)) — Ctrl-C để dừng.")
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await app.runService()
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
        announce("Đã dừng.")
    }
}

/// Settings of `phieukin serve`.
public struct ServerOptions: Sendable {
    public var host: String
    public var port: Int
    /// What slips' QR codes and kiosk enrolments point to (`https://phieu.example.gov.vn`).
    public var publicURL: String?
    /// The server sits behind a TLS reverse proxy: pages carry `Strict-Transport-Security`.
    public var behindTLS: Bool
    /// How often the refusal counts are logged (counts by error code, nothing else).
    public var reportEvery: Duration
    /// Wrong codes (or kiosk tokens) one client may send within `attemptWindowSeconds`.
    public var attemptLimit: Int
    public var attemptWindowSeconds: Int
    /// A connection with no request under way (or whose request has not sent its head) for this
    /// long is closed.
    public var idleTimeout: Duration
    /// A request must arrive whole (head to end of body) within this, or its connection is closed.
    public var readTimeout: Duration
    /// Reverse proxies whose `X-Forwarded-For` is believed (IP addresses, normalised); from any
    /// other peer, the header is ignored. None by default.
    public var trustedProxies: Set<String>

    public init(
        host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil, behindTLS: Bool = false,
        reportEvery: Duration = .seconds(60), attemptLimit: Int = 20,
        attemptWindowSeconds: Int = 600, idleTimeout: Duration = .seconds(30), readTimeout: Duration = .seconds(30),
        trustedProxies: [String] = []
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.behindTLS = behindTLS
        self.reportEvery = reportEvery
        self.attemptLimit = attemptLimit
        self.attemptWindowSeconds = attemptWindowSeconds
        self.idleTimeout = idleTimeout
        self.readTimeout = readTimeout
        self.trustedProxies = Set(trustedProxies.compactMap(Self.normalizedAddress))
    }

    /// An IP address as the server compares peers (`::ffff:a.b.c.d` as `a.b.c.d`), or nil when
    /// `text` is not an IPv4 or IPv6 address.
    public static func normalizedAddress(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let address = try? SocketAddress(ipAddress: trimmed, port: 0), let ip = address.ipAddress else {
            return nil
        }
        let lowered = ip.lowercased()
        if lowered.hasPrefix("::ffff:"), !lowered.dropFirst(7).contains(":") { return String(lowered.dropFirst(7)) }
        return lowered
    }

    /// Parses `--listen HOST:PORT` (`[::1]:8080` for IPv6).
    public static func parseListen(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }
}

/// What the routes share: the workspace, the options, the wrong-code brake and the refusal counts
/// the reporter logs (counts only: no time, no client, no code).
public final class ServerState: Sendable {
    public let workspace: Workspace
    public let options: ServerOptions
    let limiter: AttemptLimiter
    let refusals = RefusalCounter()

    public init(workspace: Workspace, options: ServerOptions) {
        self.workspace = workspace
        self.options = options
        self.limiter = AttemptLimiter(limit: options.attemptLimit, window: TimeInterval(options.attemptWindowSeconds))
    }
}

private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
}
