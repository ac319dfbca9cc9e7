import Foundation
import PhieuKinPrint
import PhieuKinScan
import PhieuKinTestSupport

/// Issue 19, item 11: sheets as varied as real offices, made by make-scans.py from the real
/// printed pages, each box with what a person reading the paper would call it.
enum Truth: String, CaseIterable, Sendable {
    /// A mark nobody would dispute: it must be read as marked.
    case clear
    /// Nothing there: it must be read as blank.
    case blank
    /// A correction, a faint or light mark, a dot, a circle round the box, an erasure: a person
    /// must look (review), unless the kind allows one more decision (`MixKind.alsoAllowed`).
    case doubtful
}

/// A mark the mix draws (make-scans.py's kinds), with its truth.
enum MixKind: String, CaseIterable, Sendable {
    case x, bigX = "big-x", tick, filled, smallFill = "small-fill"
    case lightX = "light-x", faint, dot, circleRound = "circle-round", erased
    case scribble, struckFill = "struck-fill", xScribbled = "x-scribbled", spill
    case smudge

    static let clearKinds: [MixKind] = [.x, .bigX, .tick, .filled, .smallFill]
    static let doubtfulKinds: [MixKind] = [
        .lightX, .faint, .dot, .circleRound, .erased, .scribble, .struckFill, .xScribbled, .spill, .smudge,
    ]

    var truth: Truth { Self.clearKinds.contains(self) ? .clear : .doubtful }

    /// Misreads the engine is known to make at the edge of what it sees (docs/SCANNING.md,
    /// "Known limits"): a light pencil x on a noisy 150 dpi scan read blank, an x scribbled over
    /// with strokes that merge read marked. Counted and bounded apart from every other misread,
    /// which must not happen at all.
    func knownLimit(_ decided: Decided) -> Bool {
        switch (self, decided) {
        case (.lightX, .blank), (.xScribbled, .marked), (.scribble, .marked): true
        default: false
        }
    }

    /// Besides review, the one decision no person would dispute for a doubtful mark: a fill that
    /// runs over the line is still a fill, and a pen's dot is the smallest fill (marked); a
    /// rubbed-out smudge is blank.
    var alsoAllowed: Decided? {
        switch self {
        case .spill, .dot: .marked
        case .smudge: .blank
        default: nil
        }
    }
}

/// The three outcomes that matter to a count.
enum Decided: String, CaseIterable, Sendable {
    case marked, blank, review
}

/// One generated sheet.
struct MixSheet: Sendable {
    var seed: UInt64
    var document: BallotDocument
    var dpi: Int
    /// Box index → (kind, tool).
    var marks: [Int: (kind: MixKind, tool: String)]
    var degrade: [String: any Sendable]
    var format: String

    var clearOnly: Bool { marks.values.allSatisfy { $0.kind.truth == .clear } }

    static let checkboxes = ScanFixture.document(rows: 10, mode: .checkboxes, remark: false)
    static let singleChoice = ScanFixture.document(rows: 10, mode: .singleChoice, remark: false)
    static let tools = ["ballpoint", "ballpoint", "blue", "felt", "pencil"]

    /// Sheet `seed` of the mix: half with clear marks only, half with one to four doubtful ones.
    static func make(seed: UInt64) -> MixSheet {
        var g = SeededGenerator(state: seed &* 0x2545_F491_4F6C_DD1D)
        let single = Int.random(in: 0..<4, using: &g) == 0
        let document = single ? singleChoice : checkboxes
        // Mostly 150 and 200 dpi (the cost of a sheet grows with its pixels); 300 dpi one in eight,
        // 600 dpi one in a hundred.
        let dpiRoll = Int.random(in: 0..<100, using: &g)
        let dpi = dpiRoll < 55 ? 150 : dpiRoll < 86 ? 200 : dpiRoll < 99 ? 300 : 600
        let columns = document.columns.count
        let count = ScanFixture.geometry(document).boxes.count
        var marks: [Int: (kind: MixKind, tool: String)] = [:]
        for row in 0..<(count / columns) {
            for column in 0..<columns where Int.random(in: 0..<5, using: &g) == 0 {
                if single && marks.keys.contains(where: { $0 / columns == row }) { continue }
                marks[row * columns + column] = (
                    MixKind.clearKinds.randomElement(using: &g)!, tools.randomElement(using: &g)!
                )
            }
        }
        if Bool.random(using: &g) {
            let free = (0..<count).filter { index in
                marks[index] == nil && (!single || !marks.keys.contains { $0 / columns == index / columns })
            }.shuffled(using: &g)
            for index in free.prefix(Int.random(in: 1...4, using: &g)) {
                marks[index] = (MixKind.doubtfulKinds.randomElement(using: &g)!, tools.randomElement(using: &g)!)
            }
        }
        var sheet = MixSheet(seed: seed, document: document, dpi: dpi, marks: marks, degrade: [:], format: "png")
        sheet.degradeRandomly(&g)
        return sheet
    }

    /// Scanner and phone trouble, each with its own chance.
    mutating func degradeRandomly(_ g: inout SeededGenerator) {
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &g) < percent }
        let phone = chance(10)
        degrade["fast"] = true
        if chance(50) { degrade["paper"] = Double.random(in: 0.9...0.97, using: &g) }
        if chance(12) { degrade["photocopy"] = true }
        if chance(65) { degrade["rotate"] = Double.random(in: -10...10, using: &g) }
        if chance(15) { degrade["upside_down"] = true }
        if chance(25) || phone { degrade["lighting"] = Double.random(in: 0.15...0.5, using: &g) }
        if chance(25) || phone { degrade["noise"] = Int.random(in: 3...10, using: &g) }
        // A scanner's optics blur by about half a pixel; a phone's focus by up to one.
        if chance(20) || phone { degrade["blur"] = Double.random(in: phone ? 0.5...1.0 : 0.3...0.7, using: &g) }
        if chance(8) { degrade["specks"] = Int.random(in: 50...300, using: &g) }
        if phone {
            degrade["perspective"] = Double.random(in: 0.005...0.025, using: &g)
            if let r = degrade["rotate"] as? Double { degrade["rotate"] = max(-6, min(6, r)) }
        }
        if chance(40) || phone {
            degrade["jpeg"] = Int.random(in: (phone ? 50 : 40)...95, using: &g)
            format = "jpg"
        }
    }

    func job(input: String, output: String) -> [String: Any] {
        let geometry = ScanFixture.geometry(document)
        return [
            "input": input, "dpi": dpi, "seed": Int(seed % 1_000_000_007), "output": output,
            "marks": marks.keys.sorted().map { index -> [String: Any] in
                let r = geometry.boxes[index].rect
                return [
                    "rect": [r.x, r.y, r.width, r.height], "kind": marks[index]!.kind.rawValue,
                    "tool": marks[index]!.tool, "shape": geometry.shape.rawValue,
                ]
            },
            "degrade": degrade,
        ]
    }
}

/// Truth × decision counts over the mix, and what went wrong where.
struct MixTally: Sendable {
    var boxes: [String: [Decided: Int]] = [:]
    var misreads: [String] = []
    var limits: [String] = []
    var sheets = 0
    var clearOnlySheets = 0
    var clearOnlyReviewed = 0
    var reviewedWhy: [String: Int] = [:]
    /// CPU seconds spent reading (decode, QR, boxes).
    var cpu = 0.0

    mutating func add(_ sheet: MixSheet, decisions: [Decided], pageProblem: String?) {
        sheets += 1
        var reviewed = pageProblem != nil
        for (index, decided) in decisions.enumerated() {
            let kind = sheet.marks[index]
            let truth = kind?.kind.truth ?? .blank
            boxes[truth.rawValue, default: [:]][decided, default: 0] += 1
            if let kind { boxes["  " + kind.kind.rawValue, default: [:]][decided, default: 0] += 1 }
            if decided == .review { reviewed = true }
            let wrong: Bool
            switch truth {
            case .clear: wrong = decided == .blank
            case .blank: wrong = decided == .marked
            case .doubtful: wrong = decided != .review && decided != kind?.kind.alsoAllowed
            }
            if wrong {
                let line =
                    "seed \(sheet.seed) box \(index) \(kind.map { "\($0.kind.rawValue)/\($0.tool)" } ?? "blank") "
                    + "read \(decided.rawValue) (\(sheet.dpi) dpi \(sheet.degrade.keys.sorted()))"
                if kind?.kind.knownLimit(decided) == true { limits.append(line) } else { misreads.append(line) }
            }
        }
        if sheet.clearOnly {
            clearOnlySheets += 1
            if reviewed {
                clearOnlyReviewed += 1
                reviewedWhy[pageProblem ?? "a box", default: 0] += 1
            }
        }
    }

    var table: String {
        var lines = ["| Truth | marked | blank | review |", "|---|---:|---:|---:|"]
        for key in boxes.keys.sorted(by: { order($0) < order($1) }) {
            let row = boxes[key]!
            lines.append("| \(key) | \(row[.marked] ?? 0) | \(row[.blank] ?? 0) | \(row[.review] ?? 0) |")
        }
        return lines.joined(separator: "\n")
    }

    private func order(_ key: String) -> String {
        let kind = MixKind(rawValue: key.trimmingCharacters(in: .whitespaces))
        let truth = kind?.truth.rawValue ?? key
        let rank = ["clear": "0", "blank": "1", "doubtful": "2"][truth] ?? "3"
        return rank + (kind == nil ? "" : "~" + key)
    }
}
