import Foundation
import PhieuKinPrint
import PhieuKinScan
import PhieuKinTestSupport

/// The scan test set, made by the suite itself: real ballots printed by PhieuKinPrint,
/// rasterised by pdftoppm, marked and degraded by make-scans.py (seeded), then read back.
enum ScanFixture {
    static let criteria = [
        "Tư tưởng chính trị", "Đạo đức, lối sống", "Tác phong, lề lối làm việc", "Ý thức tổ chức kỷ luật",
        "Kết quả thực hiện nhiệm vụ", "Tinh thần đoàn kết", "Quan hệ với nhân dân",
    ]
    static let choices = ["Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"]

    static func document(rows: Int, mode: BallotDocument.MarkMode, remark: Bool = true) -> BallotDocument {
        let columns = mode == .checkboxes ? criteria : choices
        return BallotDocument(
            agencyName: "UBND TỈNH BẮC NINH", unitName: "Sở Tài chính – Phòng Tổ chức cán bộ",
            surveyID: "quarterly-7", roundID: "2026-Q3.u-tccb", title: "PHIẾU ĐÁNH GIÁ CÁN BỘ",
            subtitle: "phiếu kín", periodText: "Quý 3/2026", dateText: "15/07/2026",
            instructions: "Đánh dấu X vào ô tương ứng. Không ghi tên, không ký vào phiếu.",
            rows: (0..<rows).map { .init(label: "Cán bộ số \($0 + 1)", sublabel: "Chuyên viên") },
            columns: columns.map { .init(header: $0) }, mode: mode,
            remarkLabel: remark ? "Ý kiến khác (nếu có):" : nil, layoutID: "3f9a0c1d2e4b5a67")
    }

    static let serial = "7K2Q-0042-X1"

    static func payload(_ document: BallotDocument, page: Int = 1) -> String {
        BallotPrinter.payload(document, page: page, of: BallotLayout(document).pageCount, serial: serial)
    }

    /// What the caller (the scan workflow) builds from the layout the QR code names: one box per
    /// official × criterion (checkboxes: its own yes/no question) or per official × choice
    /// (single choice: one question per row).
    static func geometry(_ document: BallotDocument, page: Int = 0) -> PageGeometry {
        let layout = BallotLayout(document)
        let first = layout.firstRow(onPage: page)
        var boxes: [PageGeometry.Box] = []
        for slot in 0..<layout.rowsPerPage[page] {
            for column in 0..<layout.columnCount {
                let r = layout.markBox(slot: slot, column: column)
                let rect = PageGeometry.Rect(x: r.x, y: r.y, width: r.width, height: r.height)
                switch layout.mode {
                case .checkboxes: boxes.append(.init(id: "r\(first + slot)-c\(column)", code: "x", rect: rect))
                case .singleChoice: boxes.append(.init(id: "r\(first + slot)", code: "c\(column)", rect: rect))
                }
            }
        }
        let remark = layout.remarkBox(page: page).map {
            PageGeometry.Rect(x: $0.x, y: $0.y, width: $0.width, height: $0.height)
        }
        return PageGeometry(
            boxes: boxes, shape: layout.mode == .checkboxes ? .square : .circle,
            oneAnswerPerQuestion: layout.mode == .singleChoice, remark: remark)
    }

    /// The printed page rasterised at `dpi` (grey PNG), once per document and resolution.
    static func rendered(_ document: BallotDocument, dpi: Int, in folder: URL) throws -> String {
        let name = "\(document.mode.rawValue)-\(document.rows.count)-\(dpi)"
        let pdf = folder.appendingPathComponent("\(name).pdf").path
        if !FileManager.default.fileExists(atPath: pdf) {
            try BallotPrinter.renderBallots(document, serials: [serial], to: pdf)
        }
        let prefix = folder.appendingPathComponent(name).path
        if !FileManager.default.fileExists(atPath: prefix + ".png") {
            let result = try ExternalTool.run(
                "/usr/bin/pdftoppm",
                ["-gray", "-r", "\(dpi)", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, prefix])
            guard result.status == 0 else { throw Failure("pdftoppm: \(result.stderr)") }
        }
        return prefix + ".png"
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Kinds of marks make-scans.py draws, and what each must be read as.
enum MarkKind: String, CaseIterable, Sendable {
    case x, bigX = "big-x", tick, filled, faint, erased, scribble, spill

    var expected: PageReading.Decision {
        switch self {
        case .x, .bigX, .tick, .filled: .marked
        case .faint, .erased: .unsure(.faint)
        case .scribble: .unsure(.crossedOut)
        case .spill: .unsure(.spillsOverLine)
        }
    }
}

/// One scan to make: the page, the marks on it (box index → kind), and how it is degraded.
struct ScanSpec: Sendable {
    var name: String
    var document: BallotDocument
    var dpi = 200
    var seed: UInt64 = 1
    var marks: [Int: MarkKind] = [:]
    var remarkWriting = false
    var degrade: [String: any Sendable] = [:]
    var format = "png"

    /// Clear marks on about a fifth of the boxes (x, an x over the outline, tick, filled), and six unclear ones (a faint
    /// pencil x, a rubbed-out x, two scribbled-out and two spilling marks);
    /// single-choice rows get at most one clear mark, and `severalAnswers` rows get two.
    static func marked(
        _ name: String, _ document: BallotDocument, dpi: Int = 200, seed: UInt64, unclear: Bool = true,
        severalAnswersRows: [Int] = []
    ) -> ScanSpec {
        var generator = SeededGenerator(state: seed)
        let geometry = ScanFixture.geometry(document)
        let columns = document.columns.count
        var marks: [Int: MarkKind] = [:]
        let clear: [MarkKind] = [.x, .bigX, .tick, .filled]
        if document.mode == .singleChoice {
            for row in 0..<(geometry.boxes.count / columns) where Int.random(in: 0..<10, using: &generator) < 7 {
                marks[row * columns + Int.random(in: 0..<columns, using: &generator)] = clear.randomElement(
                    using: &generator)
            }
            for row in severalAnswersRows {
                marks = marks.filter { $0.key / columns != row }
                marks[row * columns] = .x
                marks[row * columns + columns - 1] = .tick
            }
        } else {
            for index in geometry.boxes.indices where Int.random(in: 0..<5, using: &generator) == 0 {
                marks[index] = clear.randomElement(using: &generator)
            }
        }
        if unclear {
            let markedRows = Set(marks.keys.map { $0 / columns })
            var free = geometry.boxes.indices.filter { index in
                marks[index] == nil && !severalAnswersRows.contains(index / columns)
                    && (document.mode == .checkboxes || !markedRows.contains(index / columns))
            }
            free.shuffle(using: &generator)
            for (kind, index) in zip([MarkKind.faint, .erased, .scribble, .scribble, .spill, .spill], free) {
                marks[index] = kind
            }
        }
        return ScanSpec(name: name, document: document, dpi: dpi, seed: seed, marks: marks)
    }

    func with(_ key: String, _ value: any Sendable) -> ScanSpec {
        var copy = self
        copy.degrade[key] = value
        if key == "jpeg" { copy.format = "jpg" }
        return copy
    }

    func tiff() -> ScanSpec {
        var copy = self
        copy.format = "tif"
        return copy
    }

    /// Expected decision of every box of page 1.
    var expected: [PageReading.Decision] {
        let geometry = ScanFixture.geometry(document)
        var decisions = geometry.boxes.indices.map { marks[$0]?.expected ?? .blank }
        if document.mode == .singleChoice {
            let columns = document.columns.count
            for row in 0..<(geometry.boxes.count / columns) {
                let cells = (row * columns)..<((row + 1) * columns)
                if cells.filter({ decisions[$0] == .marked }).count > 1 {
                    for cell in cells where decisions[cell] == .marked { decisions[cell] = .unsure(.severalAnswers) }
                }
            }
        }
        return decisions
    }

    /// make-scans.py's description of this scan.
    func job(input: String, output: String) -> [String: Any] {
        let geometry = ScanFixture.geometry(document)
        var scan: [String: Any] = [
            "input": input, "dpi": dpi, "seed": Int(seed % 1_000_000), "output": output,
            "marks": marks.keys.sorted().map { index -> [String: Any] in
                let r = geometry.boxes[index].rect
                return [
                    "rect": [r.x, r.y, r.width, r.height], "kind": marks[index]!.rawValue,
                    "shape": geometry.shape.rawValue,
                ]
            },
            "degrade": degrade,
        ]
        if remarkWriting, let r = geometry.remark { scan["remark"] = [r.x, r.y, r.width, r.height] }
        return scan
    }
}

/// Makes scans with make-scans.py in one run; returns each scan's file path by name.
enum ScanMaker {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "make-scans.py"
    ).path

    static func make(_ specs: [ScanSpec], extra: [[String: Any]] = [], in folder: URL) throws -> [String: String] {
        var scans: [[String: Any]] = []
        var paths: [String: String] = [:]
        for spec in specs {
            let input = try ScanFixture.rendered(spec.document, dpi: spec.dpi, in: folder)
            let output = folder.appendingPathComponent("\(spec.name).\(spec.format)").path
            scans.append(spec.job(input: input, output: output))
            paths[spec.name] = output
        }
        let job = folder.appendingPathComponent("job-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: ["scans": scans + extra]).write(to: job)
        let result = try ExternalTool.run("/usr/bin/python3", [script, job.path])
        guard result.status == 0 else { throw ScanFixture.Failure("make-scans.py failed: \(result.stderr)") }
        return paths
    }
}
