import Foundation
import PhieuKinPrint
import PhieuKinTestSupport
import Testing

@testable import PhieuKinScan

/// Issue 19, item 5: files far beyond a ballot scan are refused fast with the limit named, and a
/// PDF's pages are rasterised into memory, never onto disk.
@Suite("Scan limits: page size, pixels, pages; no page on disk")
struct ScanLimitsTests {
    /// A one-page vector PDF of `inches` × `inches`, its cross-reference table exact.
    static func vectorPDF(inches: Double, at path: String) throws {
        let side = Int(inches * 72)
        let content = "0 0 0 rg 10 10 100 100 re f"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(side) \(side)] /Contents 4 0 R /Resources << >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        try Data(pdf.utf8).write(to: URL(fileURLWithPath: path))
    }

    func tooLarge(_ body: () throws(ScanError) -> [ScanImage]) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            if case .tooLarge = error { return error.description }
            return "other error: \(error)"
        }
    }

    @Test func aPDFWithA200InchPageIsRefusedInAMoment() throws {
        let dir = try TemporaryFiles.directory("limits").path
        try Self.vectorPDF(inches: 200, at: dir + "/huge.pdf")
        let start = Date()
        let message = tooLarge { () throws(ScanError) in try ScanEngine.pages(ofFile: dir + "/huge.pdf") }
        #expect(Date().timeIntervalSince(start) < 3)
        #expect(message?.contains("5080 × 5080 mm, larger than A3") == true, "\(message ?? "accepted")")
        // A letter-size page of the same making is read.
        try Self.vectorPDF(inches: 8.5, at: dir + "/letter.pdf")
        let pages = try ScanEngine.pages(ofFile: dir + "/letter.pdf")
        #expect(pages.map(\.width) == [1700] && pages.map(\.height) == [1700])
    }

    @Test func anImageOfTooManyPixelsIsRefusedBeforeDecoding() throws {
        let dir = try TemporaryFiles.directory("limits-png").path
        let run = try ExternalTool.run(
            "/usr/bin/python3",
            [
                "-c", "import sys; from PIL import Image; Image.new('L', (9000, 6000), 250).save(sys.argv[1])",
                dir + "/big.png",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        let message = tooLarge { () throws(ScanError) in try ScanEngine.pages(ofFile: dir + "/big.png") }
        #expect(message?.contains("9000 × 6000 pixels, more than 48 million") == true, "\(message ?? "accepted")")
    }

    @Test func aPDFOfTooManyPagesIsRefused() throws {
        let dir = try TemporaryFiles.directory("limits-pages").path
        let script = """
            import sys
            from PIL import Image
            pages = [Image.new('L', (60, 80), 200) for _ in range(201)]
            pages[0].save(sys.argv[1], save_all=True, append_images=pages[1:], resolution=10.0)
            """
        let run = try ExternalTool.run("/usr/bin/python3", ["-c", script, dir + "/many.pdf"])
        #expect(run.status == 0, "\(run.stderr)")
        let message = tooLarge { () throws(ScanError) in try ScanEngine.pages(ofFile: dir + "/many.pdf") }
        #expect(message?.contains("201 pages, more than 200") == true, "\(message ?? "accepted")")
    }

    /// Entries of the temporary folder (and one level down) that a rasteriser could have left.
    static func pageFiles() -> Set<String> {
        let manager = FileManager.default
        let root = NSTemporaryDirectory()
        var found: Set<String> = []
        for name in (try? manager.contentsOfDirectory(atPath: root)) ?? [] {
            if name.hasPrefix("phieukin-scan") || name.hasSuffix(".pgm") || name.hasSuffix(".ppm") {
                found.insert(name)
            }
            for inner in (try? manager.contentsOfDirectory(atPath: root + "/" + name)) ?? []
            where inner.hasSuffix(".pgm") || inner.hasSuffix(".ppm") {
                found.insert(name + "/" + inner)
            }
        }
        return found
    }

    @Test func aPrintedBallotPDFIsRasterisedInMemoryLeavingNoFile() throws {
        let dir = try TemporaryFiles.directory("limits-vector")
        let document = ScanFixture.document(rows: 12, mode: .checkboxes)
        let pdf = dir.appendingPathComponent("ballot.pdf").path
        try BallotPrinter.renderBallots(document, serials: [ScanFixture.serial, "7K2Q-0043-X1"], to: pdf)
        let before = Self.pageFiles()
        let pages = try ScanEngine.pages(ofFile: pdf)
        #expect(Self.pageFiles().subtracting(before).isEmpty)
        #expect(pages.count == 2)
        #expect(pages.allSatisfy { $0.width == 1654 && $0.height == 2339 })
        guard let first = pages.first else { return }
        #expect(ScanEngine.readQR(first) == [ScanFixture.payload(document)])
        let reading = ScanEngine.read(first, geometry: ScanFixture.geometry(document))
        #expect(reading.problems == [])
        #expect(reading.boxes.allSatisfy { $0.decision == .blank })
    }
}

/// Issue 19, item 8: when the corner regions do not read, both QR boxes are found through the
/// registration squares and read again, upright, at other scales and cuts.
@Suite("QR codes read through the located boxes")
struct LocatedQRTests {
    @Test(arguments: ["phone-hard-150", "rotate-10", "upside-down-rotate-300", "jpeg-45"])
    func theLocatedBoxesReadAlone(_ name: String) throws {
        let spec = try #require(ScanSet.readable.first { $0.name == name })
        let page = try #require(try ScanEngine.pages(ofFile: try ScanSet.path(name)).first)
        let codes = ScanEngine.locatedQRCodes(page, scanner: QRScanner()).map(\.payload)
        #expect(codes == [ScanFixture.payload(spec.document)])
    }

    @Test func aPageWithoutSquaresHasNoLocatedBoxes() {
        let blank = ScanImage(width: 800, height: 1100, pixels: [UInt8](repeating: 250, count: 800 * 1100))
        #expect(ScanEngine.locatedQRCodes(blank, scanner: QRScanner()).isEmpty)
    }
}
