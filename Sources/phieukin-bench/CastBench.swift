import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages

/// `phieukin-bench cast`: issue 10's target — electronic ballots cast over HTTP on loopback into
/// the real server (`phieukin serve`, release build) by wrk with 64 connections, each request a
/// valid sealed ballot with its own access code; beside the same server answering a static page
/// (`/healthz`) in the same run: the HTTP floor. Afterwards the round is closed and verified, and
/// the store is checked: every 201 is one used code and one leaf, nothing lost, no code twice.
struct CastBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cast", abstract: "Cast sealed e-ballots over HTTP with wrk, 64 connections (issue 10).")
    @Option(help: "Access codes issued per run (each request uses its own).") var codes = 60_000
    @Option(help: "Runs of each (medians reported).") var runs = 3
    @Option(help: "Seconds each wrk run lasts.") var seconds = 10
    @Option(help: "Concurrent connections.") var connections = 64
    @Option(help: "wrk threads.") var threads = 2
    @Option(help: "Keep the temporary workspace here instead of a fresh temp directory.") var directory: String?

    func run() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
            print("cast: skipped — wrk is not installed (scripts/install-deps --bench installs it)")
            return
        }
        let root = directory ?? (NSTemporaryDirectory() + "phieukin-bench-cast-\(UUID().uuidString)")
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: root) } }
        let (workspace, unit, officials, survey) = try ImportBench.benchWorkspace(at: root)

        // A round with `codes × runs` issued access codes (their hashes only, as printing slips
        // stores them).
        var clock = ContinuousClock.now
        let total = codes * runs
        let round = try workspace.rounds.openRound(
            RoundRequest(surveyID: survey.id, period: "2026-Q4", unitID: unit.id, ballots: total)
        ).id
        let issued = (0..<total).map { _ in AccessCode.random() }
        try workspace.store.insertIssuedSerialHashes(roundID: round, hashes: issued.map { $0.hash(roundID: round) })
        let definition = try workspace.electronic.ballot(forCode: issued[0].text, language: .vi)
        let tallyKey = try X25519PublicKey(rawRepresentation: try Hex.decode(definition.seal.publicKey))
        let context = Array(definition.seal.context.utf8)

        // One request body per code, sealed as the booth seals (a few marks each); one file of
        // bodies and one wrk script per run, so no code is ever sent twice.
        var generator = SystemRandomNumberGenerator()
        var scripts: [String] = []
        var bodies = ""
        for (index, code) in issued.enumerated() {
            var answers: [String: String] = [:]
            for _ in 0..<3 {
                let official = officials.randomElement(using: &generator)!.id
                let criterion = survey.criteria.randomElement(using: &generator)!.id
                answers[QuestionID.grid(official: official, criterion: criterion).text] = "x"
            }
            let ballot = Ballot(surveyID: survey.id, roundID: round, answers: answers)
            let box = try SealedBox.seal(BallotCodec.encode(ballot), to: tallyKey, context: context)
            bodies += #"{"code":"\#(code.text)","round":"\#(round)","sealed":"\#(Data(box).base64EncodedString())"}"#
            bodies += "\n"
            if (index + 1) % codes == 0 {
                let path = root + "/bodies-\(scripts.count).jsonl"
                try bodies.write(toFile: path, atomically: true, encoding: .utf8)
                bodies = ""
                let script = root + "/cast-\(scripts.count).lua"
                try Self.luaScript(bodies: path, threads: threads).write(
                    toFile: script, atomically: true, encoding: .utf8)
                scripts.append(script)
            }
        }
        print("setup: \(total) codes issued and \(total) ballots sealed in \(ContinuousClock.now - clock)")

        // The real server, release build, beside this binary.
        let port = 18_000 + Int.random(in: 0..<2000)
        let base = "http://127.0.0.1:\(port)"
        let server = try Self.startServer(workspace: root, port: port)
        defer {
            if server.isRunning { server.terminate() }
        }
        try Self.waitForHealth(base)

        // Interleaved, so machine noise falls on both alike.
        var floors: [WrkResult] = []
        var casts: [WrkResult] = []
        for script in scripts {
            floors.append(
                try Self.wrk(["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency", base + "/healthz"]))
            casts.append(
                try Self.wrk([
                    "-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", script,
                    base + "/api/ballots",
                ]))
            let (floor, cast) = (floors.last!, casts.last!)
            print(
                "run \(casts.count): floor \(Int(floor.rate))/s, p99 \(floor.p99); cast \(cast.ok) accepted "
                    + "(\(cast.ok / seconds)/s), \(cast.requests - cast.ok) refused, p50 \(cast.p50), p99 \(cast.p99)")
        }
        let accepted = casts.reduce(0) { $0 + $1.ok }

        // SIGTERM: the server stops cleanly; then everything it answered 201 to must be stored.
        clock = ContinuousClock.now
        server.terminate()
        server.waitUntilExit()
        let reopened = try Workspace(root: root)
        _ = try reopened.rounds.closeRound(roundID: round, passphrase: nil)
        let report = try reopened.audit.verify(roundID: round)
        guard report.ok else { throw ValidationError("verify failed after the cast run: \(report.problems)") }
        let leaves = report.rounds.first?.leaves ?? -1
        let used = report.rounds.first?.used ?? -1
        // wrk stops counting at its deadline with one request in flight per connection; the
        // server still answers (and stores) those: at most `connections` more per run.
        let lost = max(0, accepted - leaves)
        let inFlight = leaves - accepted
        func median(_ values: [Double]) -> String { String(format: "%.2f", values.sorted()[values.count / 2]) }
        print(
            "median of \(runs): HTTP floor (GET /healthz, same server, same run) "
                + "\(median(floors.map(\.rate))) requests/s, p50 \(median(floors.map { Self.ms($0.p50) })) ms, "
                + "p99 \(median(floors.map { Self.ms($0.p99) })) ms")
        print(
            "median of \(runs): cast (POST /api/ballots, a sealed ballot with its own code, \(connections) connections) "
                + "\(median(casts.map { Double($0.ok) / Double(seconds) })) accepted/s, "
                + "p50 \(median(casts.map { Self.ms($0.p50) })) ms, p99 \(median(casts.map { Self.ms($0.p99) })) ms")
        print(
            "after SIGTERM and close: \(leaves) ballots in the log (\(accepted) counted by wrk + \(inFlight) answered "
                + "after its deadline), \(used) codes used; lost \(lost), codes used twice \(max(0, used - leaves)); "
                + "verify OK (\(ContinuousClock.now - clock))")
        guard lost == 0, used == leaves, inFlight <= connections * runs else {
            throw ValidationError("ballots lost or codes used twice")
        }
    }

    /// wrk's latency text (`15.48ms`, `812.00us`, `1.02s`) in milliseconds.
    static func ms(_ text: String) -> Double {
        if text.hasSuffix("ms") { return Double(text.dropLast(2)) ?? .nan }
        if text.hasSuffix("us") { return (Double(text.dropLast(2)) ?? .nan) / 1000 }
        if text.hasSuffix("s") { return (Double(text.dropLast(1)) ?? .nan) * 1000 }
        return .nan
    }

    /// wrk script: each thread takes every n-th body (its own codes), one per request, in order;
    /// when its share runs out it stops its connections (so no code is ever sent twice).
    static func luaScript(bodies: String, threads: Int) -> String {
        """
        local counter = 0
        function setup(thread)
          thread:set("id", counter)
          counter = counter + 1
        end
        function init(args)
          bodies = {}
          local n = 0
          local i = 0
          for line in io.lines("\(bodies)") do
            if i % \(threads) == id then n = n + 1; bodies[n] = line end
            i = i + 1
          end
          next_body = 1
          wrk.method = "POST"
          wrk.headers["Content-Type"] = "application/json"
        end
        function request()
          if next_body > #bodies then
            wrk.thread:stop()
            return wrk.format("GET", "/healthz")
          end
          local body = bodies[next_body]
          next_body = next_body + 1
          return wrk.format("POST", nil, nil, body)
        end
        """
    }

    struct WrkResult {
        var requests = 0
        var ok = 0
        var rate = 0.0
        var p50 = "?"
        var p99 = "?"
    }

    static func wrk(_ arguments: [String]) throws -> WrkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var result = WrkResult()
        for line in output.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if line.hasPrefix("50%") { result.p50 = String(fields.last ?? "?") }
            if line.hasPrefix("99%") { result.p99 = String(fields.last ?? "?") }
            if line.hasPrefix("Requests/sec:") { result.rate = Double(fields.last ?? "") ?? 0 }
            if line.contains("requests in") { result.requests = Int(fields.first ?? "") ?? 0 }
            if line.hasPrefix("Non-2xx or 3xx responses:") { result.ok -= Int(fields.last ?? "") ?? 0 }
        }
        result.ok += result.requests
        return result
    }

    static func startServer(workspace: String, port: Int) throws -> Process {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("phieukin")
        let process = Process()
        process.executableURL = binary
        process.arguments = [
            "serve", "--workspace", workspace, "--listen", "127.0.0.1:\(port)", "--public-url",
            "http://127.0.0.1:\(port)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func waitForHealth(_ base: String) throws {
        for _ in 0..<100 {
            if HTTP.send(base + "/healthz").1 == 200 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw ValidationError("the server did not answer /healthz")
    }
}
