import Foundation
import Hummingbird
import HummingbirdTesting
import PhieuKin
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinTestSupport
import Testing

@testable import PhieuKinServer

/// The booth's API over the real electronic-ballot service and a real workspace.
@Suite("Server: voting with a code")
struct VotingTests {
    @Test func aCodeOpensItsBallotAndCastsOnce() async throws {
        let f = try ServerFixture.make(codes: 3)
        try #require(f.codes.count == 3)
        let code = f.codes[0]
        try await makeApp(f.workspace).test(.router) { client in
            // Typed loosely: lower case, spaces instead of dashes.
            let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
            let definition = try await client.execute(
                uri: "/api/code", method: .post, headers: jsonHeaders, body: json(["code": typed])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                return response.object
            }
            #expect(definition["round"] as? String == f.round.rawValue)
            #expect(definition["survey"] as? String == "quarterly-7")
            #expect(definition["shape"] as? String == "grid")
            #expect(definition["mark_code"] as? String == "x")
            #expect((definition["officials"] as? [Any])?.count == 3)
            let seal = try #require(definition["seal"] as? [String: Any])
            #expect(seal["context"] as? String == "phieukin e-ballot v1|" + f.round.rawValue)
            #expect((seal["public_key"] as? String)?.count == 64)

            let box = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: ["A1.dao-duc": "x"]),
                definition: definition)
            let cast = json(["code": code, "round": f.round.rawValue, "sealed": Data(box).base64EncodedString()])
            try await client.execute(uri: "/api/ballots", method: .post, headers: jsonHeaders, body: cast) { response in
                #expect(response.status == .created)
                #expect(response.object["receipt"] as? String == receipt(of: box))
                #expect(response.object["duplicate"] == nil)
            }
            // The same code again with another box: refused, whether looked up or cast.
            let another = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: ["A1.dao-duc": "x"]),
                definition: definition)
            let recast = json(["code": code, "round": f.round.rawValue, "sealed": Data(another).base64EncodedString()])
            try await client.execute(uri: "/api/ballots", method: .post, headers: jsonHeaders, body: recast) {
                response in
                #expect(response.status == .conflict)
                #expect(response.object["error"] as? String == "code-used")
                #expect(
                    response.object["message"] as? String
                        == "Mã này đã được dùng để bỏ phiếu. Mỗi mã chỉ dùng được một lần.")
            }
            try await client.execute(
                uri: "/api/code?lang=en", method: .post, headers: jsonHeaders, body: json(["code": code])
            ) { response in
                #expect(response.status == .conflict)
                #expect(
                    response.object["message"] as? String
                        == "This code has already been used to vote. Each code works only once.")
            }
            // Another code with the wrong round id.
            let other = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: [:]), definition: definition)
            try await client.execute(
                uri: "/api/ballots", method: .post, headers: jsonHeaders,
                body: json([
                    "code": f.codes[1], "round": "2026-Q4-XX-quarterly-7", "sealed": Data(other).base64EncodedString(),
                ])
            ) { response in
                #expect(response.status == .notFound)
                #expect(response.object["error"] as? String == "unknown-round")
            }
        }
    }

    @Test func unknownCodesAreRefusedInVietnameseAndBrakedPerClient() async throws {
        let f = try ServerFixture.make(codes: 2)
        let wrong = "K7PQ-4M2X-9RTA-B3HD"
        try await makeApp(f.workspace, .testing(attemptLimit: 3)).test(.router) { client in
            for _ in 0..<3 {
                try await client.execute(
                    uri: "/api/code", method: .post, headers: jsonHeaders, body: json(["code": wrong])
                ) { response in
                    #expect(response.status == .notFound)
                    #expect(response.object["error"] as? String == "unknown-code")
                    #expect((response.object["message"] as? String)?.hasPrefix("Mã không đúng") == true)
                }
            }
            // Over the limit: refused before the service is asked, even for a good code.
            try await client.execute(
                uri: "/api/code", method: .post, headers: jsonHeaders, body: json(["code": f.codes[0]])
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.object["error"] as? String == "too-many-attempts")
                let retry = try #require(response.headers[.retryAfter].flatMap { Int($0) })
                #expect(retry > 0 && retry <= 600)
            }
            // Another client behind the same loopback proxy is not braked.
            try await client.execute(
                uri: "/api/code", method: .post,
                headers: [.contentType: "application/json", FieldName.forwardedFor: "203.0.113.9"],
                body: json(["code": f.codes[0]])
            ) { response in
                // The router test channel has no peer address, so forwarded headers are not trusted.
                #expect(response.status == .tooManyRequests)
            }
        }
    }

    @Test func aClosedRoundTakesNoBallot() async throws {
        let f = try ServerFixture.make(codes: 2)
        try await makeApp(f.workspace).test(.router) { client in
            let definition = try await client.execute(
                uri: "/api/code", method: .post, headers: jsonHeaders, body: json(["code": f.codes[0]])
            ) { $0.object }
            _ = try f.workspace.rounds.closeRound(roundID: f.round, passphrase: nil)
            let box = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: [:]), definition: definition)
            try await client.execute(
                uri: "/api/ballots", method: .post, headers: jsonHeaders,
                body: json(["code": f.codes[0], "round": f.round.rawValue, "sealed": Data(box).base64EncodedString()])
            ) { response in
                #expect(response.status == .conflict || response.status == .notFound)
                let error = response.object["error"] as? String
                #expect(error == "round-closed" || error == "unknown-code")
            }
        }
    }

    /// Logs never carry a code, a client address, a receipt or ballot content — checked on a live
    /// server (real sockets, real peer addresses), at trace level.
    @Test func logsCarryNoCodeNoAddressNoBallot() async throws {
        let f = try ServerFixture.make(codes: 2)
        let logs = LogCollector()
        let app = makeApp(f.workspace, .testing(host: "localhost"), logger: logs.logger)
        let receipts = try await app.test(.live) { client in
            let definition = try await client.execute(
                uri: "/api/code", method: .post, headers: jsonHeaders, body: json(["code": f.codes[0]])
            ) { $0.object }
            let box = try PhieuKinServerTests.seal(
                try ballotBytes(
                    round: f.round.rawValue, survey: "quarterly-7", answers: ["A2.thai-do": "x"],
                    remark: "Rất tận tình"), definition: definition)
            let r = try await client.execute(
                uri: "/api/ballots", method: .post, headers: jsonHeaders,
                body: json(["code": f.codes[0], "round": f.round.rawValue, "sealed": Data(box).base64EncodedString()])
            ) { response in
                #expect(response.status == .created)
                return response.object["receipt"] as? String ?? ""
            }
            _ = try await client.execute(
                uri: "/api/code", method: .post, headers: jsonHeaders, body: json(["code": "WRONG-CODE-0000"]))
            _ = try await client.execute(uri: "/phieu", method: .get)
            return [r]
        }
        let text = logs.all.joined(separator: "\n")
        #expect(text.contains("Server started"), "the collector saw the server's own lines")
        for secret in [f.codes[0], f.codes[0].lowercased(), "WRONG-CODE-0000", "127.0.0.1", "::1", "Rất tận tình"]
            + receipts
        {
            #expect(!text.contains(secret), "the log holds \(secret)")
        }
        let groups = f.codes[0].split(separator: "-").filter { $0.count >= 4 }
        for group in groups { #expect(!text.contains(group), "the log holds part of a code") }
    }

    /// Behind a reverse proxy named with `--trusted-proxy`, the brake keys on the forwarded client,
    /// not the proxy.
    @Test func theBrakeKeysOnTheForwardedClientBehindATrustedProxy() async throws {
        let f = try ServerFixture.make(codes: 1)
        let app = makeApp(
            f.workspace, .testing(attemptLimit: 2, host: "localhost", trustedProxies: ["127.0.0.1", "::1"]))
        try await app.test(.live) { client in
            func lookUp(_ code: String, from address: String) async throws -> Int {
                try await client.execute(
                    uri: "/api/code", method: .post,
                    headers: [.contentType: "application/json", FieldName.forwardedFor: "10.0.0.1, " + address],
                    body: json(["code": code])
                ) { Int($0.status.code) }
            }
            let first = try await lookUp("AAAA-AAAA-AAAA-AAAA", from: "203.0.113.9")
            let second = try await lookUp("AAAA-AAAA-AAAA-AAAB", from: "203.0.113.9")
            let braked = try await lookUp(f.codes[0], from: "203.0.113.9")
            let other = try await lookUp(f.codes[0], from: "203.0.113.10")
            let statuses: [Int] = [first, second, braked, other]
            #expect(statuses == [404, 404, 429, 200])
        }
    }

    /// With no proxy named (the default), a rotating `X-Forwarded-For` — even from loopback — is
    /// ignored: the brake keys on the peer, so changing the header escapes nothing.
    @Test func aRotatingForwardedForIsBrakedWithoutATrustedProxy() async throws {
        let f = try ServerFixture.make(codes: 1)
        let app = makeApp(f.workspace, .testing(attemptLimit: 2, host: "localhost"))
        let statuses = try await app.test(.live) { client in
            var statuses: [Int] = []
            for n in 0..<4 {
                let code = n < 3 ? "AAAA-AAAA-AAAA-AAA\(n)" : f.codes[0]
                statuses.append(
                    try await client.execute(
                        uri: "/api/code", method: .post,
                        headers: [.contentType: "application/json", FieldName.forwardedFor: "198.51.100.\(n)"],
                        body: json(["code": code])
                    ) { Int($0.status.code) })
            }
            return statuses
        }
        #expect(statuses == [404, 404, 429, 429])
    }

    @Test func theForwardedClientIsTheLastHopNotATrustedProxy() {
        let trusted: Set<String> = ["10.0.0.2", "127.0.0.1"]
        let client = { (peer: String?, forwarded: String?) in
            ServerContext.client(peer: peer, forwarded: forwarded, trusted: trusted)
        }
        #expect(client("127.0.0.1", "203.0.113.9") == "203.0.113.9")
        #expect(client("::ffff:127.0.0.1", "198.51.100.1, 203.0.113.9, 10.0.0.2") == "203.0.113.9")
        #expect(client("192.0.2.7", "203.0.113.9") == "192.0.2.7")
        #expect(client("127.0.0.1", nil) == "127.0.0.1")
        #expect(client("127.0.0.1", " , ") == "127.0.0.1")
        #expect(ServerOptions.normalizedAddress("not an address") == nil)
        #expect(ServerOptions.normalizedAddress("::FFFF:127.0.0.1") == "127.0.0.1")
    }

    /// The server never appends: ballots wait in the inbox while the round is open, however many
    /// and however long, and `round close` appends them all as one batch.
    @Test func ballotsWaitInTheInboxUntilTheRoundCloses() async throws {
        let f = try ServerFixture.make(codes: 3)
        var options = ServerOptions.testing()
        options.reportEvery = .milliseconds(20)
        let app = makeApp(f.workspace, options)
        try await app.test(.router) { client in
            let definition = try await client.execute(
                uri: "/api/code", method: .post, headers: jsonHeaders, body: json(["code": f.codes[0]])
            ) { $0.object }
            for code in f.codes {
                let box = try PhieuKinServerTests.seal(
                    try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: [:]),
                    definition: definition)
                try await client.execute(
                    uri: "/api/ballots", method: .post, headers: jsonHeaders,
                    body: json(["code": code, "round": f.round.rawValue, "sealed": Data(box).base64EncodedString()])
                ) { #expect($0.status == .created) }
            }
            // Many reporter ticks later, still nothing in the log.
            try await Task.sleep(for: .milliseconds(200))
        }
        let open = try f.workspace.store.ballotLogSnapshot(roundID: f.round)
        #expect(open.leaves.isEmpty && open.batches.isEmpty && open.treeHeads.isEmpty)
        #expect(open.inboxCount == 3)
        _ = try f.workspace.rounds.closeRound(roundID: f.round, passphrase: nil)
        let closed = try f.workspace.store.ballotLogSnapshot(roundID: f.round)
        #expect(closed.leaves.count == 3 && closed.batches.count == 1 && closed.inboxCount == 0)
        #expect(
            closed.treeHeads.map { String(decoding: $0.body, as: UTF8.self).contains("\"kind\":\"electronic\"") } == [
                true, false,
            ])
    }

    /// 100 parallel casts with one code, each a different box: exactly one is accepted.
    @Test func parallelCastsOfOneCodeAcceptExactlyOne() async throws {
        let f = try ServerFixture.make(codes: 1)
        try await makeApp(f.workspace).test(.router) { client in
            let definition = try await client.execute(
                uri: "/api/code", method: .post, headers: jsonHeaders, body: json(["code": f.codes[0]])
            ) { $0.object }
            var bodies: [ByteBuffer] = []
            for i in 0..<100 {
                let box = try PhieuKinServerTests.seal(
                    try ballotBytes(
                        round: f.round.rawValue, survey: "quarterly-7", answers: ["A1.dao-duc": "x"], remark: "\(i)"),
                    definition: definition)
                bodies.append(
                    json(["code": f.codes[0], "round": f.round.rawValue, "sealed": Data(box).base64EncodedString()]))
            }
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for body in bodies {
                    group.addTask {
                        try await client.execute(uri: "/api/ballots", method: .post, headers: jsonHeaders, body: body) {
                            Int($0.status.code)
                        }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 99)
        }
        _ = try f.workspace.rounds.closeRound(roundID: f.round, passphrase: nil)
        #expect(try f.workspace.audit.verify(roundID: f.round).rounds.first?.leaves == 1)
    }
}
