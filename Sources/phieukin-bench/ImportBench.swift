import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages
import PhieuKinStore

/// `phieukin-bench import`: issue 4's import at scale (BENCHMARKS.md, "Import (issue 4)").
///
/// A 20-official unit, rounds of quarterly-7 with 1,000,000 real issued serials each (hashes
/// inserted through the Store API to save setup time), a 1,000,000-row CSV with sparse marks;
/// times `Workspace.importBallots` (stream, validate, seal, log, sign, commit) against SQLite
/// alone inserting the same sealed leaves with one prepared statement in one transaction.
struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Time importing 1,000,000 keyed ballots (issue 4).")
    @Option(help: "Ballots (rows and issued serials).") var rows = 1_000_000
    @Option(help: "Repetitions (median reported).") var runs = 3
    @Option(help: "Keep the temporary workspace here instead of a fresh temp directory.") var directory: String?

    func run() throws {
        let root = directory ?? (NSTemporaryDirectory() + "phieukin-bench-import-\(UUID().uuidString)")
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: root) } }
        let (workspace, unit, officials, survey) = try Self.benchWorkspace(at: root)

        var clock = ContinuousClock.now
        let serials = (0..<rows).map { _ in try! Serial(bytes: SecureRandom.bytes(16)) }
        let hashes = serials.map { SerialHash($0) }
        let csvPath = root + "/ballots.csv"
        try Self.writeCSV(
            path: csvPath, serials: serials, officials: officials.map(\.id), criteria: survey.criteria.map(\.id))
        let size = (try FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int) ?? 0
        print("setup: \(rows) serials + CSV (\(size / 1_048_576) MiB) in \(ContinuousClock.now - clock)")

        var importTimes: [Double] = []
        var sqliteTimes: [Double] = []
        let periods = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"]
        for run in 0..<runs {
            let round = try workspace.rounds.openRound(
                RoundRequest(surveyID: survey.id, period: periods[run % periods.count], unitID: unit.id, ballots: rows))
            try workspace.store.insertIssuedSerialHashes(roundID: round.id, hashes: hashes)
            clock = ContinuousClock.now
            let report = try workspace.intake.importBallots(ImportRequest(roundID: round.id, files: [csvPath]))
            let elapsed = ContinuousClock.now - clock
            guard report.accepted == rows, report.rejects.isEmpty else {
                throw ValidationError(
                    "bench import did not accept every row: \(report.accepted) accepted, \(report.rejects.count) rejects"
                )
            }
            importTimes.append(seconds(elapsed))
            sqliteTimes.append(try sqliteBaseline(workspace: workspace, roundID: round.id, root: root))
            print(
                "run \(run + 1): import \(format(importTimes.last!)) s, SQLite-only insert of the same leaves \(format(sqliteTimes.last!)) s, peak RSS \(peakRSSMiB()) MiB"
            )
        }
        print(
            "median of \(runs): import \(format(median(importTimes))) s (\(Int(Double(rows) / median(importTimes))) ballots/s), "
                + "SQLite alone \(format(median(sqliteTimes))) s; peak RSS \(peakRSSMiB()) MiB")
    }

    /// Realistic sparse marks: most ballots criticize nobody; a few mark a handful of cells.
    /// Also used by `phieukin-bench tally`, so both benchmarks count the same kind of round.
    /// A new workspace with the benchmark unit: 20 officials rated on the shipped quarterly-7
    /// ballot (shared by the import and tally benchmarks).
    static func benchWorkspace(at root: String) throws -> (Workspace, PhieuKinCore.Unit, [Official], Survey) {
        let (workspace, _) = try Workspace.create(at: root, agency: "Bench")
        let unit = Unit(id: "BENCH", name: "Đơn vị thử nghiệm")
        let officials = (1...20).map {
            Official(
                id: OfficialID(String(format: "CB%02d", $0)), unitID: unit.id, fullName: "Cán bộ \($0)",
                position: "Chuyên viên",
                order: $0)
        }
        _ = try workspace.store.applyRoster(units: [unit], officials: officials)
        let survey = try workspace.rounds.survey(id: "quarterly-7")
        return (workspace, unit, officials, survey)
    }

    static func writeCSV(
        path: String, serials: [Serial], officials: [OfficialID], criteria: [CriterionID]
    ) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var columns = ["serial"]
        for o in officials { for c in criteria { columns.append(QuestionID.grid(official: o, criterion: c).text) } }
        columns.append("remark")
        var buffer = Array((columns.joined(separator: ",") + "\n").utf8)
        var rng = SystemRandomNumberGenerator()
        let cells = officials.count * criteria.count
        for serial in serials {
            buffer.append(contentsOf: serial.text.utf8)
            let marks = Int.random(in: 0..<100, using: &rng) < 70 ? 0 : Int.random(in: 1...6, using: &rng)
            let marked = Set((0..<marks).map { _ in Int.random(in: 0..<cells, using: &rng) })
            for cell in 0..<cells {
                buffer.append(UInt8(ascii: ","))
                if marked.contains(cell) { buffer.append(UInt8(ascii: "x")) }
            }
            buffer.append(UInt8(ascii: ","))
            if Int.random(in: 0..<100, using: &rng) < 5 {
                buffer.append(contentsOf: "Cần cải thiện thái độ phục vụ".utf8)
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count > 1 << 22 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
    }

    /// SQLite alone: the round's sealed leaves into a fresh table, one prepared INSERT, one transaction.
    private func sqliteBaseline(workspace: Workspace, roundID: RoundID, root: String) throws -> Double {
        let leaves = try workspace.store.ballotLogSnapshot(roundID: roundID).leaves.map(\.data)
        let path = root + "/baseline-\(UUID().uuidString).sqlite"
        let elapsed = seconds(try Store.benchmarkPlainLeafInsert(leaves: leaves, roundID: roundID.rawValue, path: path))
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return elapsed
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
    private func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    private func format(_ v: Double) -> String { String(format: "%.2f", v) }

    /// Peak resident set size of this process (Linux: VmHWM; else ru_maxrss).
    private func peakRSSMiB() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        {
            let kb = Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
            return kb / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
    }
}
