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

    /// The key of the client for the wrong-code brake: the peer address, or — when the peer is one
    /// of the `trusted` reverse proxies — the last address in `X-Forwarded-For` that is not itself a
    /// trusted proxy. From any other peer the header is ignored (anyone can write it). Hashed with
    /// the process's random seed, so the brake's table holds no address.
    func clientKey(_ request: Request, trusting trusted: Set<String>) -> Int {
        var hasher = Hasher()
        hasher.combine(
            Self.client(peer: peerAddress, forwarded: request.headers[FieldName.forwardedFor], trusted: trusted))
        return hasher.finalize()
    }

    static func client(peer: String?, forwarded: String?, trusted: Set<String>) -> String {
        let peer = peer.flatMap(ServerOptions.normalizedAddress) ?? peer ?? ""
        guard trusted.contains(peer), let forwarded else { return peer }
        var client = peer
        for hop in forwarded.split(separator: ",").reversed() {
            let hop = String(hop).trimmingCharacters(in: .whitespaces)
            client = ServerOptions.normalizedAddress(hop) ?? hop
            if client.isEmpty || !trusted.contains(client) { break }
        }
        return client.isEmpty ? peer : client
    }
}
