import ArgumentParser
import Foundation
import PhieuKinPrint

/// Issue 3 benchmark: 1,000 sheets of a 30-official × 7-criterion unit, rendered to one PDF.
/// Targets: under 10 s per run and under 40 KB per page on a 2-core machine.
struct PrintBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "Render 1,000 ballot sheets (30 officials × 7 criteria) and time it.")

    @Option(help: "Sheets per run.") var sheets = 1000
    @Option(help: "Timed runs; the median is reported.") var runs = 5

    func run() throws {
        let document = Self.document()
        let serials: [String?] = (0..<sheets).map { String(format: "7K2Q-%04X-%04X", $0 * 7919 % 65536, $0) }
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("phieukin-print-bench-\(ProcessInfo.processInfo.processIdentifier).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        var summary = PrintSummary(pages: 0, bytes: 0)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.processCPUSeconds()
            summary = try BallotPrinter.renderBallots(document, serials: serials, to: path)
            cpuSeconds.append(Self.processCPUSeconds() - cpuStart)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let median = seconds.sorted()[seconds.count / 2]
        let cpuMedian = cpuSeconds.sorted()[cpuSeconds.count / 2]
        let kbPerPage = Double(summary.bytes) / 1024 / Double(max(1, summary.pages))
        func verdict(_ ok: Bool) -> String { ok ? "✅" : "❌" }
        print("| Measure | Value | Target | Met |")
        print("|---|---|---|---|")
        print("| Sheets × pages/sheet | \(sheets) × \(summary.pages / max(1, sheets)) | — | — |")
        print(
            "| Median of \(runs) runs | \(String(format: "%.2f", median)) s | < 10 s | \(verdict(median < 10)) |")
        print(
            "| All runs | \(seconds.map { String(format: "%.2f", $0) }.joined(separator: ", ")) s | — | — |")
        print(
            "| Median CPU time (user + system) | \(String(format: "%.2f", cpuMedian)) s | < 10 s | "
                + "\(verdict(cpuMedian < 10)) |")
        print("| Pages | \(summary.pages) | — | — |")
        print("| File size | \(String(format: "%.1f", Double(summary.bytes) / 1_048_576)) MB | — | — |")
        print("| Size per page | \(String(format: "%.1f", kbPerPage)) KB | < 40 KB | \(verdict(kbPerPage < 40)) |")
        print(
            "| Pages per second | \(String(format: "%.0f", Double(summary.pages) / median)) | > 100 | "
                + "\(verdict(Double(summary.pages) / median > 100)) |")
    }

    /// CPU time of this process, so a busy shared machine can be told apart from a slow printer.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// A realistic unit: Vietnamese names and positions, seven criteria, a remark box.
    static func document() -> BallotDocument {
        let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
        let middles = ["Thị", "Văn", "Đức", "Ngọc", "Minh", "Thanh", "Quốc", "Thu", "Hữu", "Thùy"]
        let givens = ["Hồng Nhung", "Thắng", "Đạo", "Hương", "Dũng", "Phượng", "Tuấn", "Yến", "Khải", "Ánh"]
        let positions = ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên chính", "Chuyên viên", "Kế toán"]
        let rows = (0..<30).map { i in
            BallotDocument.Row(
                label: "\(surnames[i % 10]) \(middles[(i / 10 + i) % 10]) \(givens[(i * 3 + 1) % 10])",
                sublabel: positions[i % positions.count])
        }
        let criteria = [
            "Tư tưởng chính trị", "Đạo đức, lối sống", "Tác phong, lề lối làm việc", "Ý thức tổ chức kỷ luật",
            "Kết quả thực hiện nhiệm vụ", "Tinh thần đoàn kết", "Quan hệ với nhân dân",
        ].map { BallotDocument.Column(header: $0) }
        return BallotDocument(
            agencyName: "UBND TỈNH BẮC NINH", unitName: "Sở Tài chính – Phòng Tổ chức cán bộ",
            surveyID: "quarterly-7", roundID: "2026-Q3.u-tccb", title: "PHIẾU ĐÁNH GIÁ CÁN BỘ",
            subtitle: "phiếu kín", periodText: "Quý 3/2026", dateText: "15/07/2026",
            instructions: "Đánh dấu X vào ô tương ứng nếu cán bộ còn hạn chế ở tiêu chí đó. Không ghi tên vào phiếu.",
            rows: rows, columns: criteria, mode: .checkboxes, remarkLabel: "Ý kiến khác (nếu có):", language: .vi,
            layoutID: "3f9a0c1d2e4b5a67")
    }
}
