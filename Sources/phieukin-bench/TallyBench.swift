import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages
import PhieuKinStore

/// `phieukin-bench tally`: issue 5's tally at scale (BENCHMARKS.md, "Tally (issue 5)").
///
/// Builds a closed round of 1,000,000 ballots the real way (issued serial hashes, a keyed CSV
/// with sparse marks from the import benchmark's generator, `Workspace.importBallots`, `closeRound`), then times `Workspace.tally`
/// (rebuild key, open batch keys, hash every leaf and check the signed close head, decrypt and
/// decode every ballot, count, flag, commit) with `--recount` for the repeated runs, next to
/// pandas counting the same plaintext CSV (scripts/tally-pandas).
struct TallyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally", abstract: "Time tallying a 1,000,000-ballot round (issue 5) against pandas.")
    @Option(help: "Ballots in the round.") var rows = 1_000_000
    @Option(help: "Repetitions (median reported).") var runs = 3
    @Option(help: "The pandas baseline script.") var pandasScript = "scripts/tally-pandas"

    func run() throws {
        let root = NSTemporaryDirectory() + "phieukin-bench-tally-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (workspace, unit, officials, survey) = try ImportBench.benchWorkspace(at: root)

        var clock = ContinuousClock.now
        let serials = (0..<rows).map { _ in try! Serial(bytes: SecureRandom.bytes(16)) }
        let csvPath = root + "/ballots.csv"
        try ImportBench.writeCSV(
            path: csvPath, serials: serials, officials: officials.map(\.id), criteria: survey.criteria.map(\.id))
        let round = try workspace.rounds.openRound(
            RoundRequest(surveyID: survey.id, period: "2026-Q3", unitID: unit.id, ballots: rows))
        try workspace.store.insertIssuedSerialHashes(roundID: round.id, hashes: serials.map { SerialHash($0) })
        let imported = try workspace.intake.importBallots(ImportRequest(roundID: round.id, files: [csvPath]))
        guard imported.accepted == rows else { throw ValidationError("the bench import accepted \(imported.accepted)") }
        _ = try workspace.rounds.closeRound(roundID: round.id, passphrase: nil)
        print("setup: \(rows) ballots printed, keyed, imported and closed in \(ContinuousClock.now - clock)")

        var tallyTimes: [Double] = []
        var pandasTimes: [Double] = []
        for run in 0..<runs {
            clock = ContinuousClock.now
            let summary = try workspace.tally.count(roundID: round.id, recount: run > 0)
            tallyTimes.append(Self.seconds(ContinuousClock.now - clock))
            guard summary.ballotsCounted == rows else { throw ValidationError("counted \(summary.ballotsCounted)") }

            clock = ContinuousClock.now
            let pandas = try Self.runPandas(script: pandasScript, csv: csvPath)
            pandasTimes.append(Self.seconds(ContinuousClock.now - clock))
            print(
                "run \(run + 1): phieukin tally\(run > 0 ? " --recount" : "") \(Self.format(tallyTimes.last!)) s; "
                    + "pandas \(Self.format(pandasTimes.last!)) s (\(pandas))")
        }
        print(
            "median of \(runs): tally \(Self.format(Self.median(tallyTimes))) s "
                + "(\(Int(Double(rows) / Self.median(tallyTimes))) ballots/s), "
                + "pandas on the plaintext CSV \(Self.format(Self.median(pandasTimes))) s")
    }

    static func runPandas(script: String, csv: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, csv]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(script) failed (install pandas: scripts/install-deps --bench)")
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    static func format(_ v: Double) -> String { String(format: "%.2f", v) }
}
