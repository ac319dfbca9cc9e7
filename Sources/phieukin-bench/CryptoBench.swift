import ArgumentParser
import Foundation
import PhieuKinCrypto
import PhieuKinMessages

/// `phieukin-bench crypto`: our libcrypto wrappers against `openssl speed` on the same machine,
/// in the same run, so the ratio shows wrapper overhead rather than hardware.
struct CryptoBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crypto",
        abstract: "SHA-256, AES-256-GCM, Ed25519 and Merkle throughput versus `openssl speed`.")

    @Flag(help: "Short run (0.2 s per repetition, 1 s openssl runs, 100,000-leaf Merkle scaled up).")
    var quick = false

    @Option(help: "Path of the openssl binary used as the baseline.")
    var openssl = "/usr/bin/openssl"

    /// Issue 2: within 10 % of `openssl speed` counts as meeting the target.
    static let ratioTarget = 0.9
    static let merkleTargetSeconds = 1.5
    static let repetitions = 5

    func run() throws {
        let perRepetition: Duration = quick ? .milliseconds(200) : .seconds(1)
        let opensslSeconds = quick ? 1 : 3
        var rows: [Row] = []

        // SHA-256, 8 KiB blocks, one-shot digest per block (as `openssl speed -evp sha256`).
        let block = [UInt8](repeating: 0x5a, count: 8192)
        let shaOurs = median(Self.repetitions) {
            rate(for: perRepetition) {
                block.withUnsafeBytes { _ = SHA256.hash($0) }
            } * 8192 / 1e6
        }
        let shaOpenSSL =
            try opensslKilobytes(["-seconds", "\(opensslSeconds)", "-bytes", "8192", "-evp", "sha256"]) / 1000
        rows.append(Row(name: "SHA-256, 8 KiB blocks", unit: "MB/s", ours: shaOurs, openssl: shaOpenSSL))

        // AES-256-GCM, 1 KiB records: one reused context, fresh random nonce and tag per record,
        // 13 bytes of associated data (as `openssl speed -aead`).
        let record = [UInt8](repeating: 0x42, count: 1024)
        let aad = [UInt8](repeating: 0xcc, count: 13)
        let sealer = try AES256GCMSealer(key: SecureRandom.bytes(32))
        var output = [UInt8](repeating: 0, count: record.count + AES256GCM.combinedOverhead)
        let gcmOurs = try record.withUnsafeBytes { record in
            try aad.withUnsafeBytes { aad in
                try output.withUnsafeMutableBytes { output in
                    try median(Self.repetitions) {
                        try rate(for: perRepetition) { _ = try sealer.seal(record, associatedData: aad, into: output) }
                    }
                }
            }
        }
        let gcmCombined = try median(Self.repetitions) {
            try rate(for: perRepetition) { _ = try sealer.sealCombined(record, associatedData: aad) }
        }
        let gcmMessage = try median(Self.repetitions) {
            try rate(for: perRepetition) { _ = try sealer.seal(record, associatedData: aad) }
        }
        let gcmStream =
            try opensslKilobytes(["-seconds", "\(opensslSeconds)", "-bytes", "1024", "-evp", "aes-256-gcm"]) * 1000
            / 1024
        let gcmAEAD =
            try opensslKilobytes(["-seconds", "\(opensslSeconds)", "-bytes", "1024", "-aead", "-evp", "aes-256-gcm"])
            * 1000 / 1024
        rows.append(
            Row(
                name: "AES-256-GCM seal into buffer, 1 KiB (vs `-evp`, streaming)", unit: "seals/s", ours: gcmOurs,
                openssl: gcmStream))
        rows.append(
            Row(
                name: "AES-256-GCM seal into buffer, 1 KiB (vs `-aead -evp`, per record)", unit: "seals/s",
                ours: gcmOurs, openssl: gcmAEAD))
        rows.append(
            Row(
                name: "AES-256-GCM `sealCombined` (one array), 1 KiB (vs `-aead -evp`)", unit: "seals/s",
                ours: gcmCombined, openssl: gcmAEAD))
        rows.append(
            Row(
                name: "AES-256-GCM `seal` → `SealedMessage` (three arrays), 1 KiB (vs `-aead -evp`)",
                unit: "seals/s", ours: gcmMessage, openssl: gcmAEAD))

        // Ed25519 sign / verify of a 20-byte message, as `openssl speed ed25519` (speed.c signs
        // `buf, 20`), reusing the key's EVP_PKEY and signing/verifying context.
        let key = Ed25519PrivateKey()
        let message = Array(SHA256.hash(Array("signed tree head".utf8)).prefix(20))
        let signature = try key.signature(for: message)
        let signOurs = try median(Self.repetitions) {
            try rate(for: perRepetition) { _ = try key.signature(for: message) }
        }
        let verifyOurs = median(Self.repetitions) {
            rate(for: perRepetition) { precondition(key.publicKey.isValidSignature(signature, for: message)) }
        }
        let (signOpenSSL, verifyOpenSSL) = try opensslEd25519(seconds: opensslSeconds)
        rows.append(Row(name: "Ed25519 sign", unit: "signs/s", ours: signOurs, openssl: signOpenSSL))
        rows.append(Row(name: "Ed25519 verify", unit: "verifies/s", ours: verifyOurs, openssl: verifyOpenSSL))

        // Merkle: 1,000,000 leaves (32-byte ballot hashes) → leaf hashes → root.
        let leafCount = 1_000_000
        let leaves = (0..<leafCount).map { i in
            withUnsafeBytes(of: UInt64(i).littleEndian) { SHA256.hash($0) }
        }
        var rootOnly: [Double] = []
        var wall: [Double] = []
        let merkleSeconds = median(Self.repetitions) {
            let wallStart = ContinuousClock.now
            let start = cpuSeconds()
            let hashes = Merkle.leafHashes(leaves)
            let middle = cpuSeconds()
            let root = Merkle.root(leafHashes: hashes)
            let end = cpuSeconds()
            wall.append(seconds(ContinuousClock.now - wallStart))
            precondition(root.count == 32)
            rootOnly.append(end - middle)
            return end - start
        }
        rows.append(
            Row(
                name: "Merkle root of 1,000,000 leaves (leaf hashing + tree), CPU", unit: "s", ours: merkleSeconds,
                openssl: nil, target: "< \(Self.merkleTargetSeconds) s", met: merkleSeconds < Self.merkleTargetSeconds))
        rootOnly.sort()
        wall.sort()
        rows.append(
            Row(
                name: "Merkle tree only (1,000,000 leaf hashes given), CPU", unit: "s",
                ours: rootOnly[rootOnly.count / 2],
                openssl: nil, target: "—", met: nil))
        rows.append(
            Row(
                name: "Merkle root of 1,000,000 leaves, wall clock", unit: "s", ours: wall[wall.count / 2],
                openssl: nil,
                target: "< \(Self.merkleTargetSeconds) s", met: wall[wall.count / 2] < Self.merkleTargetSeconds))

        print(table(rows))
        print(
            "\nMedian of \(Self.repetitions) runs of \(perRepetition) of CPU time each; openssl speed ran "
                + "\(opensslSeconds) s per figure (its default divisor is user CPU time too)."
        )
    }

    struct Row {
        var name: String
        var unit: String
        var ours: Double
        var openssl: Double?
        var target: String = "≥ \(CryptoBench.ratioTarget)× openssl"
        var met: Bool?

        init(name: String, unit: String, ours: Double, openssl: Double?, target: String? = nil, met: Bool? = nil) {
            self.name = name
            self.unit = unit
            self.ours = ours
            self.openssl = openssl
            if let target { self.target = target }
            if let openssl, met == nil, target == nil {
                self.met = ours / openssl >= CryptoBench.ratioTarget
            } else {
                self.met = met
            }
        }
    }

    func table(_ rows: [Row]) -> String {
        var lines = [
            "| Measurement | Unit | Ours | openssl speed | Ratio | Target | Met? |",
            "|---|---|---:|---:|---:|---|---|",
        ]
        for row in rows {
            let ratio = row.openssl.map { String(format: "%.2f", row.ours / $0) } ?? "—"
            let met = row.met.map { $0 ? "yes" : "**no**" } ?? "—"
            lines.append(
                "| \(row.name) | \(row.unit) | \(format(row.ours)) | \(row.openssl.map(format) ?? "—") | \(ratio) | \(row.target) | \(met) |"
            )
        }
        return lines.joined(separator: "\n")
    }

    func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : String(format: "%.3f", value)
    }

    /// Operations per CPU second of `body`, looping until `duration` of CPU time has passed.
    ///
    /// CPU time, like `openssl speed` (which divides by user CPU time unless given `-elapsed`),
    /// so both sides are measured the same way on a machine shared with other work.
    func rate(for duration: Duration, _ body: () throws -> Void) rethrows -> Double {
        let limit = seconds(duration)
        let start = cpuSeconds()
        var operations = 0
        var elapsed = 0.0
        repeat {
            for _ in 0..<16 { try body() }
            operations += 16
            elapsed = cpuSeconds() - start
        } while elapsed < limit
        return Double(operations) / elapsed
    }

    /// CPU time (user + system) consumed by this process.
    func cpuSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    func median(_ count: Int, _ measure: () throws -> Double) rethrows -> Double {
        var values: [Double] = []
        for _ in 0..<count { values.append(try measure()) }
        values.sort()
        return values[count / 2]
    }

    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Runs `openssl speed` and returns standard output.
    ///
    /// Spawned with posix_spawn and an empty signal mask: `openssl speed -seconds` stops on
    /// SIGALRM, and Foundation's `Process` would pass on the async runtime thread's mask, in
    /// which SIGALRM is blocked, so the baseline would never stop.
    func speed(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("phieukin-openssl-speed-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var alarm = sigset_t()
        sigemptyset(&alarm)
        sigaddset(&alarm, SIGALRM)
        posix_spawnattr_setsigdefault(&attributes, &alarm)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([openssl, "speed"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, openssl, &files, &attributes, argv, environ) == 0 else {
            throw ValidationError("cannot run \(openssl); install openssl or pass --openssl PATH")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw ValidationError(
                "`openssl speed \(arguments.joined(separator: " "))` failed; is \(openssl) OpenSSL 3?")
        }
        return try String(contentsOfFile: outputPath, encoding: .utf8)
    }

    /// The single figure (in 1000s of bytes per second) from an `openssl speed -bytes N -evp X` run.
    func opensslKilobytes(_ arguments: [String]) throws -> Double {
        let output = try speed(arguments)
        for line in output.split(separator: "\n").reversed() {
            if let last = line.split(separator: " ").last, last.hasSuffix("k"), let value = Double(last.dropLast()) {
                return value
            }
        }
        throw ValidationError("could not read a figure from `openssl speed \(arguments.joined(separator: " "))`")
    }

    /// (signs/s, verifies/s) from `openssl speed ed25519`.
    func opensslEd25519(seconds: Int) throws -> (Double, Double) {
        let output = try speed(["-seconds", "\(seconds)", "ed25519"])
        for line in output.split(separator: "\n") where line.contains("Ed25519") {
            let numbers = line.split(separator: " ").compactMap { Double($0) }
            if numbers.count >= 2 { return (numbers[numbers.count - 2], numbers[numbers.count - 1]) }
        }
        throw ValidationError("could not read Ed25519 figures from `openssl speed ed25519`")
    }
}
