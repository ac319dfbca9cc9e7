import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages

/// `phieukin-bench append`: issue 9's target — importing a one-ballot batch into a round that
/// already holds 1,000,000 ballots, the signed tree head included, beside the same one-ballot
/// import into an empty round (the baseline, in the same run).
///
/// Each measured import is the whole public workflow (`workspace.intake.importBallots`: read the file,
/// validate the row against the round's serials, seal, shuffle, append, sign the head, commit) of a
/// one-row CSV with a fresh issued serial.
struct AppendBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append", abstract: "Time a one-ballot import into a round of 1,000,000 ballots (issue 9).")
    @Option(help: "Ballots already in the big round.") var rows = 1_000_000
    @Option(help: "One-ballot imports timed per round (median reported).") var runs = 25
    @Option(help: "Keep the temporary workspace here instead of a fresh temp directory.") var directory: String?

    func run() throws {
        let root = directory ?? (NSTemporaryDirectory() + "phieukin-bench-append-\(UUID().uuidString)")
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: root) } }
        let (workspace, unit, officials, survey) = try ImportBench.benchWorkspace(at: root)
        let criteria = survey.criteria.map(\.id)

        // The big round: `rows` ballots imported the usual way, plus serials for the timed ones.
        var clock = ContinuousClock.now
        let big = try workspace.rounds.openRound(
            RoundRequest(surveyID: survey.id, period: "2026-Q1", unitID: unit.id, ballots: rows + runs))
        let serials = (0..<(rows + runs)).map { _ in try! Serial(bytes: SecureRandom.bytes(16)) }
        try workspace.store.insertIssuedSerialHashes(roundID: big.id, hashes: serials.map { SerialHash($0) })
        let csv = root + "/fill.csv"
        try ImportBench.writeCSV(
            path: csv, serials: Array(serials[..<rows]), officials: officials.map(\.id), criteria: criteria)
        let filled = try workspace.intake.importBallots(ImportRequest(roundID: big.id, files: [csv]))
        guard filled.accepted == rows else { throw ValidationError("the fill import accepted \(filled.accepted)") }
        try? FileManager.default.removeItem(atPath: csv)
        print("setup: round of \(rows) ballots in \(ContinuousClock.now - clock)")

        // The baseline round: empty, same survey, unit and officials.
        let empty = try workspace.rounds.openRound(
            RoundRequest(surveyID: survey.id, period: "2026-Q2", unitID: unit.id, ballots: runs))
        let emptySerials = (0..<runs).map { _ in try! Serial(bytes: SecureRandom.bytes(16)) }
        try workspace.store.insertIssuedSerialHashes(roundID: empty.id, hashes: emptySerials.map { SerialHash($0) })

        func timeOne(round: RoundID, serial: Serial, index: Int) throws -> Double {
            let path = root + "/one-\(round)-\(index).csv"
            try ImportBench.writeCSV(path: path, serials: [serial], officials: officials.map(\.id), criteria: criteria)
            clock = ContinuousClock.now
            let report = try workspace.intake.importBallots(ImportRequest(roundID: round, files: [path]))
            let elapsed = ContinuousClock.now - clock
            guard report.accepted == 1, report.rejects.isEmpty else {
                throw ValidationError("a one-ballot import was not accepted")
            }
            try? FileManager.default.removeItem(atPath: path)
            return Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        }
        var bigTimes: [Double] = []
        var emptyTimes: [Double] = []
        for index in 0..<runs {
            // Interleaved, so machine noise falls on both alike.
            bigTimes.append(try timeOne(round: big.id, serial: serials[rows + index], index: index))
            emptyTimes.append(try timeOne(round: empty.id, serial: emptySerials[index], index: index))
        }
        let verify = try workspace.audit.verify(roundID: big.id)
        guard verify.ok else { throw ValidationError("verify failed after the appends: \(verify.problems)") }
        print(
            "median of \(runs): one-ballot import into a round of \(rows) \(format(median(bigTimes))) ms, "
                + "into an empty round \(format(median(emptyTimes))) ms (the baseline); verify OK")
    }

    private func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    private func format(_ v: Double) -> String { String(format: "%.2f", v) }
}
