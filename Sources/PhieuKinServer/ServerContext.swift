import Foundation
public import Hummingbird
import NIOCore

/// The request context: Hummingbird's core plus the peer's address, read once from the channel and
/// used only to key the wrong-code brake (hashed; never logged, never stored).
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies of API requests are at most 64 KiB.
    public var maxUploadSize: Int { API.maxBody }

    /// The key of the client for the wrong-code brake: the peer address, or — when the peer is a
    /// reverse proxy on loopback — the last address it appended to `X-Forwarded-For`. Hashed with
    /// the process's random seed, so the brake's table holds no address.
    func clientKey(_ request: Request) -> Int {
        var client = peerAddress ?? ""
        if Self.isLoopback(client), let forwarded = request.headers[FieldName.forwardedFor] {
            let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) }
            if let last, !last.isEmpty { client = last }
        }
        var hasher = Hasher()
        hasher.combine(client)
        return hasher.finalize()
    }

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
