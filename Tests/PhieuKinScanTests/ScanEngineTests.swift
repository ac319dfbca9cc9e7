import Foundation
import PhieuKinPrint
import PhieuKinScan
import PhieuKinTestSupport
import Testing

/// The whole test set, made once per test run (one make-scans.py run).
struct ScanSet: @unchecked Sendable {
    static let checkboxes = ScanFixture.document(rows: 30, mode: .checkboxes)
    static let singleChoice = ScanFixture.document(rows: 30, mode: .singleChoice)

    /// Scans every box of which must be read exactly, with no page problem.
    static let readable: [ScanSpec] = {
        let c = checkboxes
        var specs: [ScanSpec] = [
            .marked("clean-150", c, dpi: 150, seed: 101),
            .marked("clean-200", c, seed: 102),
            .marked("clean-300", c, dpi: 300, seed: 103),
            .marked("clean-200-single", singleChoice, seed: 104, severalAnswersRows: [3, 17]),
            .marked("clean-150-single", singleChoice, dpi: 150, seed: 105, severalAnswersRows: [8]),
            .marked("rotate+7", c, seed: 111).with("rotate", 7.0),
            .marked("rotate-10", c, seed: 112).with("rotate", -10.0),
            .marked("rotate+10-150", c, dpi: 150, seed: 113).with("rotate", 10.0),
            .marked("scale-0.96", c, seed: 114).with("scale", 0.96),
            .marked("scale-1.05-300", c, dpi: 300, seed: 115).with("scale", 1.05),
            .marked("shear-1.5", c, seed: 116).with("shear", 1.5),
            .marked("shear-minus-1-150", c, dpi: 150, seed: 127).with("shear", -1.0),
            .marked("perspective-0.015", c, seed: 128).with("perspective", 0.015),
            .marked("clean-600", c, dpi: 600, seed: 129),
            .marked("specks-400", c, seed: 135).with("specks", 400),
            .marked("phone-hard-150", c, dpi: 150, seed: 138).with("perspective", 0.03).with("rotate", 5.0)
                .with("lighting", 0.5).with("blur", 1.0).with("noise", 10).with("jpeg", 55),
            .marked("black-backing-rotate-8", c, seed: 137).with("rotate", -8.0).with("black_backing", true),
            // Black-and-white scanning thresholds a pencil mark away or to ink: clear marks only.
            .marked("bilevel-g4-300", c, dpi: 300, seed: 136, unclear: false).with("bilevel", true).with("rotate", 2.0)
                .tiff(),
            .marked("jpeg-60-150", c, dpi: 150, seed: 130).with("jpeg", 60).with("noise", 6),
            .marked("lighting-upside-down-single", singleChoice, seed: 134, severalAnswersRows: [12]).with(
                "lighting", 0.5
            ).with("upside_down", true).with("rotate", 6.0),
            .marked("noise-12", c, seed: 117).with("noise", 12),
            .marked("blur-1.2", c, seed: 118).with("blur", 1.2),
            .marked("blur-0.8-150", c, dpi: 150, seed: 119).with("blur", 0.8),
            .marked("jpeg-45", c, seed: 120).with("jpeg", 45),
            .marked("lighting-0.45", c, seed: 121).with("lighting", 0.45),
            .marked("upside-down", c, seed: 122).with("upside_down", true),
            .marked("upside-down-rotate-300", c, dpi: 300, seed: 123).with("upside_down", true).with("rotate", -4.0),
            .marked("upside-down-single", singleChoice, seed: 124).with("upside_down", true),
            .marked("colour-200", c, seed: 125).with("colour", true),
            .marked("phone-like", c, seed: 126).with("rotate", -3.0).with("lighting", 0.3).with("noise", 8)
                .with("blur", 0.8).with("jpeg", 70),
        ]
        // Writing in the remark box on some pages (and none on the others).
        for index in specs.indices
        where ["clean-200", "clean-200-single", "upside-down", "phone-like", "clean-600"].contains(specs[index].name) {
            specs[index].remarkWriting = true
        }
        return specs
    }()

    /// Scans with one corner's square gone: read, but flagged.
    static let damaged: [(spec: ScanSpec, corner: PageReading.Corner)] = [
        (ScanSpec.marked("torn-bottom-right", checkboxes, seed: 131).with("torn", "bottom-right"), .bottomRight),
        (ScanSpec.marked("folded-top-left", checkboxes, seed: 132).with("folded", "top-left"), .topLeft),
        (
            ScanSpec.marked("torn-top-right-upside-down", checkboxes, seed: 133).with("torn", "top-right")
                .with("upside_down", true), .topRight
        ),
    ]

    static let skewed = ScanSpec.marked("rotate-15", checkboxes, seed: 141).with("rotate", 15.0)

    static let shared: Result<ScanSet, any Error> = Result { try ScanSet() }

    let folder: URL
    let paths: [String: String]

    init() throws {
        folder = try TemporaryFiles.directory("scans")
        let specs = Self.readable + Self.damaged.map(\.spec) + [Self.skewed]
        // A scanner's multi-page TIFF and PDF: two sheets each.
        let input = try ScanFixture.rendered(Self.checkboxes, dpi: 200, in: folder)
        let single = try ScanFixture.rendered(Self.singleChoice, dpi: 200, in: folder)
        let a = ScanSpec.marked("multi-a", Self.checkboxes, seed: 151)
        let b = ScanSpec.marked("multi-b", Self.singleChoice, seed: 152).with("rotate", 2.0)
        var extra: [[String: Any]] = []
        for format in ["tif", "pdf"] {
            var job = a.job(input: input, output: folder.appendingPathComponent("multi.\(format)").path)
            job["pages"] = [b.job(input: single, output: "")]
            extra.append(job)
        }
        paths = try ScanMaker.make(specs, extra: extra, in: folder)
    }

    static func path(_ name: String) throws -> String {
        let set = try shared.get()
        return try #require(set.paths[name])
    }

    static func multi(_ format: String) throws -> String {
        try shared.get().folder.appendingPathComponent("multi.\(format)").path
    }
}

/// Lists the boxes read differently from what was drawn (empty when all are right).
func mismatches(_ reading: PageReading, _ expected: [PageReading.Decision]) -> [String] {
    zip(reading.boxes, expected).enumerated().compactMap { index, pair in
        let (box, want) = pair
        guard box.decision != want else { return nil }
        return "box \(index) (\(box.box.id)/\(box.box.code)): read \(box.decision), drawn \(want); "
            + String(format: "fill %.3f trace %.3f outside %.3f", box.fill, box.anyInk, box.outside)
    }
}

@Suite("Scan engine: printed, marked and degraded ballots read back exactly")
struct ScanEngineTests {
    @Test(
        "every clear mark marked, every blank blank, every unclear box unsure with its reason",
        arguments: ScanSet.readable.map(\.name))
    func readsExactly(_ name: String) throws {
        let spec = try #require(ScanSet.readable.first { $0.name == name })
        let pages = try ScanEngine.pages(ofFile: try ScanSet.path(name))
        #expect(pages.count == 1)
        let page = try #require(pages.first)
        #expect(ScanEngine.readQR(page) == [ScanFixture.payload(spec.document)])
        let reading = ScanEngine.read(page, geometry: ScanFixture.geometry(spec.document))
        #expect(reading.problems == [])
        #expect(reading.boxes.count == spec.expected.count)
        let wrong = mismatches(reading, spec.expected)
        #expect(wrong.isEmpty, "\(name): \(wrong.count) boxes wrong:\n\(wrong.joined(separator: "\n"))")
        if ProcessInfo.processInfo.environment["SCAN_STATS"] != nil {
            for (index, box) in reading.boxes.enumerated() {
                print(
                    "STAT \(name) \(spec.marks[index]?.rawValue ?? "blank") \(box.fill) \(box.anyInk) \(box.outside) \(box.evenness)"
                )
            }
        }
        #expect(reading.upsideDown == (spec.degrade["upside_down"] as? Bool ?? false))
        #expect(abs(reading.rotation - (spec.degrade["rotate"] as? Double ?? 0)) < 0.6, "rotation \(reading.rotation)")
        let scale = spec.degrade["scale"] as? Double ?? 1
        #expect(abs(reading.dpi - Double(spec.dpi) * scale) < Double(spec.dpi) * 0.02, "dpi \(reading.dpi)")
        #expect(reading.remarkHasWriting == spec.remarkWriting)
        if spec.document.mode == .singleChoice {
            let rows = Set(
                spec.expected.enumerated().filter { $0.element == .unsure(.severalAnswers) }.map {
                    "r\($0.offset / spec.document.columns.count)"
                })
            #expect(Set(reading.severalAnswers) == rows)
            #expect(reading.severalAnswers.count == rows.count)
        }
    }

    @Test(
        "a torn or folded corner is reported, and the other three squares still place every box",
        arguments: ScanSet.damaged.map(\.spec.name))
    func damagedCorner(_ name: String) throws {
        let (spec, corner) = try #require(ScanSet.damaged.first { $0.spec.name == name })
        let page = try #require(try ScanEngine.pages(ofFile: try ScanSet.path(name)).first)
        #expect(ScanEngine.readQR(page) == [ScanFixture.payload(spec.document)])
        let reading = ScanEngine.read(page, geometry: ScanFixture.geometry(spec.document))
        #expect(reading.problems == [.registrationSquareMissing(corner)])
        let wrong = mismatches(reading, spec.expected)
        #expect(wrong.isEmpty, "\(name):\n\(wrong.joined(separator: "\n"))")
    }

    @Test("a page rotated beyond 10° goes to review as too skewed")
    func tooSkewed() throws {
        let page = try #require(try ScanEngine.pages(ofFile: try ScanSet.path(ScanSet.skewed.name)).first)
        let reading = ScanEngine.read(page, geometry: ScanFixture.geometry(ScanSet.skewed.document))
        #expect(reading.problems.contains { if case .tooSkewed = $0 { true } else { false } }, "\(reading.problems)")
    }

    @Test("multi-page TIFF and PDF: every page, in order, each read", arguments: ["tif", "pdf"])
    func multiPage(_ format: String) throws {
        let pages = try ScanEngine.pages(ofFile: try ScanSet.multi(format))
        #expect(pages.count == 2)
        guard pages.count == 2 else { return }
        let a = ScanSpec.marked("multi-a", ScanSet.checkboxes, seed: 151)
        let b = ScanSpec.marked("multi-b", ScanSet.singleChoice, seed: 152)
        #expect(ScanEngine.readQR(pages[0]) == [ScanFixture.payload(a.document)])
        #expect(ScanEngine.readQR(pages[1]) == [ScanFixture.payload(b.document)])
        for (page, spec) in zip(pages, [a, b]) {
            let reading = ScanEngine.read(page, geometry: ScanFixture.geometry(spec.document))
            #expect(reading.problems == [])
            let wrong = mismatches(reading, spec.expected)
            #expect(wrong.isEmpty, "\(format) \(spec.name):\n\(wrong.joined(separator: "\n"))")
        }
    }

    @Test("a crop of one box is an upright PNG of the box and its margin")
    func crop() throws {
        let spec = ScanSet.readable.first { $0.name == "rotate+7" }!
        let page = try #require(try ScanEngine.pages(ofFile: try ScanSet.path(spec.name)).first)
        let reading = ScanEngine.read(page, geometry: ScanFixture.geometry(spec.document))
        let box = try #require(reading.boxes.first { $0.decision == .unsure(.spillsOverLine) })
        let png = try reading.crop(box.box)
        #expect(png.prefix(8).elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let file = try TemporaryFiles.directory("crop").appendingPathComponent("box.png")
        try Data(png).write(to: file)
        let image = try #require(try ScanEngine.pages(ofFile: file.path).first)
        // 8 mm square, at least 8 px/mm (the page is 200 dpi: 7.87 px/mm).
        #expect(image.width == 64 && image.height == 64, "\(image.width)×\(image.height)")
    }

    @Test("read with another layout's geometry, the page says its box outlines are not where expected")
    func wrongLayout() throws {
        let page = try #require(try ScanEngine.pages(ofFile: try ScanSet.path("clean-200")).first)
        let other = ScanFixture.geometry(ScanFixture.document(rows: 20, mode: .singleChoice))
        #expect(ScanEngine.read(page, geometry: other).problems.contains(.layoutMismatch))
        let right = ScanFixture.geometry(ScanSet.checkboxes)
        #expect(!ScanEngine.read(page, geometry: right).problems.contains(.layoutMismatch))
    }

    @Test("pages read at the same time on several threads read the same")
    func concurrent() async throws {
        let spec = ScanSet.readable.first { $0.name == "phone-like" }!
        let page = try #require(try ScanEngine.pages(ofFile: try ScanSet.path(spec.name)).first)
        let geometry = ScanFixture.geometry(spec.document)
        let readings = await withTaskGroup(of: [PageReading.Decision].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    #expect(ScanEngine.readQR(page) == [ScanFixture.payload(spec.document)])
                    return ScanEngine.read(page, geometry: geometry).boxes.map(\.decision)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(readings.count == 4)
        for reading in readings { #expect(reading == spec.expected) }
    }

    @Test("a page without registration squares is not located, and nothing is decided")
    func notABallot() {
        let blank = ScanImage(width: 1654, height: 2339, pixels: [UInt8](repeating: 250, count: 1654 * 2339))
        let reading = ScanEngine.read(blank, geometry: ScanFixture.geometry(ScanSet.checkboxes))
        #expect(reading.problems == [.notLocated])
        #expect(reading.boxes.isEmpty)
        #expect(ScanEngine.readQR(blank) == [])
    }

    @Test("a missing file or one that is no image is refused with the reason")
    func unreadable() throws {
        #expect(throws: ScanError.self) { try ScanEngine.pages(ofFile: "/nonexistent/scan.png") }
        let text = try TemporaryFiles.directory("not-image").appendingPathComponent("scan.png")
        try Data("hello".utf8).write(to: text)
        #expect(throws: ScanError.self) { try ScanEngine.pages(ofFile: text.path) }
    }
}
