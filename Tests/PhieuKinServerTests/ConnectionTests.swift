import Foundation
import Hummingbird
import HummingbirdTesting
import PhieuKin
import Testing

@testable import PhieuKinServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// HTTP itself (issue 19): `HEAD` everywhere `GET` is, and connections that stall are closed.
@Suite("Server: HEAD and timeouts")
struct ConnectionTests {
    @Test func headAnswersLikeGetWithoutTheBody() async throws {
        let (workspace, _) = try ServerFixture.empty()
        try await makeApp(workspace).test(.router) { client in
            for path in ["/phieu", "/kiosk", "/static/booth.js", "/static/style.css", "/healthz"] {
                let get = try await client.execute(uri: path, method: .get) { $0 }
                try await client.execute(uri: path, method: .head) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.body.readableBytes == 0, "\(path)")
                    #expect(response.headers[.contentLength] == String(get.body.readableBytes), "\(path)")
                    #expect(response.headers[.contentType] == get.headers[.contentType], "\(path)")
                    #expect(response.headers[.contentSecurityPolicy] == BasicsTests.csp, "\(path)")
                }
            }
            try await client.execute(uri: "/", method: .head) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/nowhere", method: .head) { response in
                #expect(response.status == .notFound && response.body.readableBytes == 0)
            }
        }
        // On a real socket too: the status line and headers, and no body after them.
        let app = makeApp(workspace, .testing(host: "127.0.0.1"))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let raw = try RawConnection(port: port)
            try raw.send("HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            let answer = await raw.readAll(timeout: 30)
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(answer)")
            #expect(answer.lowercased().contains("content-length: 3\r\n"), "\(answer)")
            #expect(answer.hasSuffix("\r\n\r\n"), "a body followed the headers: \(answer)")
        }
    }

    /// A connection that sends a byte and stops, and one whose body trickles in, are both closed
    /// (by the idle and the read timeout), while a prompt request on another connection is served.
    @Test func stalledConnectionsAreClosed() async throws {
        let (workspace, _) = try ServerFixture.empty()
        var options = ServerOptions.testing(host: "127.0.0.1")
        options.idleTimeout = .milliseconds(400)
        options.readTimeout = .milliseconds(800)
        try await makeApp(workspace, options).test(.live) { client in
            let port = try #require(client.port)
            let start = ContinuousClock.now
            let idle = try RawConnection(port: port)
            try idle.send("P")
            let trickle = try RawConnection(port: port)
            try trickle.send(
                "POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{")
            var trickleClosed = false
            for _ in 0..<100 where !trickleClosed {
                try await Task.sleep(for: .milliseconds(100))
                // A byte every 100 ms: each is a body part, which keeps the idle timer from firing.
                trickleClosed = (try? trickle.send(" ")) == nil
                if !trickleClosed { trickleClosed = await trickle.isClosed(timeout: 0) }
            }
            #expect(trickleClosed, "the trickling upload was never closed")
            #expect(ContinuousClock.now - start < .seconds(10))
            #expect(await idle.isClosed(timeout: 10), "the idle connection was not closed")
            // A prompt client is served (the test client's own connection idled out meanwhile).
            let prompt = try RawConnection(port: port)
            try prompt.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            #expect(await prompt.readAll(timeout: 30).hasPrefix("HTTP/1.1 200 OK\r\n"))
        }
    }
}

/// A plain TCP connection to the test server on 127.0.0.1 (numeric: another process may hold the
/// same port on ::1), for what an HTTP client will not do.
final class RawConnection {
    let fd: Int32

    init(port: Int) throws {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("127.0.0.1", String(port), &hints, &info) == 0, let first = info else {
            throw POSIXError(.EHOSTUNREACH)
        }
        defer { freeaddrinfo(info) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let entry = candidate {
            let fd = socket(entry.pointee.ai_family, entry.pointee.ai_socktype, entry.pointee.ai_protocol)
            if fd >= 0, connect(fd, entry.pointee.ai_addr, entry.pointee.ai_addrlen) == 0 {
                self.fd = fd
                var on: Int32 = 1
                setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, socklen_t(MemoryLayout<Int32>.size))
                return
            }
            if fd >= 0 { close(fd) }
            candidate = entry.pointee.ai_next
        }
        throw POSIXError(.ECONNREFUSED)
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// Whether the server closed the connection (end of stream or reset) within `timeout` seconds.
    /// Polls without blocking: a blocked thread of the (small) cooperative pool could be the one
    /// the server needs to answer.
    func isClosed(timeout: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 0) > 0 {
                var byte: UInt8 = 0
                return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) <= 0
            }
            try? await Task.sleep(for: .milliseconds(20))
        } while Date() < deadline
        return false
    }

    /// Everything the server sends until it closes the connection (or `timeout` seconds pass).
    func readAll(timeout: Double) async -> String {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 0) > 0 else {
                try? await Task.sleep(for: .milliseconds(20))
                continue
            }
            let n = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        return String(decoding: data, as: UTF8.self)
    }
}
