import Foundation
import PhieuKinTestSupport
import Testing

@testable import PhieuKinScan

/// Issue 19, item 10: a scanner's PDF (one JPEG per page) is read by taking its images, checked
/// against poppler's `pdfimages`; any other PDF is left to the rasteriser.
@Suite("Scanner PDFs: embedded JPEG pages")
struct PDFImagesTests {
    /// A PDF made by Pillow (not by this project): three JPEG pages, grey and colour, of
    /// different sizes, with noise so the JPEGs are not trivial.
    static func pillowPDF(_ dir: String, extra: String = "") throws -> String {
        let path = dir + "/scanner.pdf"
        let script = """
            import sys, random
            from PIL import Image, ImageDraw
            random.seed(7)
            pages = []
            for i, (mode, size) in enumerate([("L", (620, 877)), ("RGB", (827, 1169)), ("L", (600, 848))]):
                im = Image.new(mode, size, 235 if mode == "L" else (235, 232, 228))
                d = ImageDraw.Draw(im)
                for _ in range(400):
                    x, y = random.randrange(size[0]), random.randrange(size[1])
                    d.rectangle([x, y, x + 6, y + 6], fill=random.randrange(40, 200) if mode == "L" else (20, 20, 90))
                pages.append(im)
            pages[0].save(sys.argv[1], save_all=True, append_images=pages[1:], quality=80, resolution=100.0)
            """ + extra
        let run = try ExternalTool.run("/usr/bin/python3", ["-c", script, path])
        #expect(run.status == 0, "\(run.stderr)")
        return path
    }

    @Test func jpegPagesAreTheImagesPdfimagesFinds() throws {
        let dir = try TemporaryFiles.directory("pdf-images").path
        let pdf = try Self.pillowPDF(dir)
        let pages = try #require(PDFImages.jpegPages([UInt8](try Data(contentsOf: URL(fileURLWithPath: pdf)))))
        #expect(pages.count == 3)
        let extracted = try ExternalTool.run("/usr/bin/pdfimages", ["-j", pdf, dir + "/img"])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        for (i, jpeg) in pages.enumerated() {
            let name = String(format: "%@/img-%03d.jpg", dir, i)
            let expected = [UInt8](try Data(contentsOf: URL(fileURLWithPath: name)))
            #expect(jpeg == expected, "page \(i + 1) differs from pdfimages' \(name)")
        }
        let images = try ScanEngine.pages(ofFile: pdf)
        #expect(images.map(\.width) == [620, 827, 600] && images.map(\.height) == [877, 1169, 848])
    }

    @Test(arguments: ["rotated", "vector", "drawn-over"])
    func otherPDFsAreLeftToTheRasteriser(kind: String) throws {
        let dir = try TemporaryFiles.directory("pdf-other").path
        let bytes: [UInt8]
        switch kind {
        case "rotated":
            let pdf = try Self.pillowPDF(dir)
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
            bytes = Array(text.replacingOccurrences(of: "/Type /Page\n", with: "/Type /Page\n/Rotate 90\n").utf8)
            #expect(bytes.count > text.utf8.count)
        case "vector":
            // Drawn, not scanned (as cairo writes a printed ballot), and with no image at all.
            bytes = Array(
                """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj
                4 0 obj << /Length 24 >>
                stream
                0 0 m 100 100 l S BT ET
                endstream
                endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.utf8)
        default:
            // The JPEG drawn, then a path stroked over it (same length, so the stream still reads):
            // the page is more than its image.
            let pdf = try Self.pillowPDF(dir)
            let original = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
            let text = original.replacingOccurrences(of: "Do Q\n", with: "Do S\n")
            #expect(text != original)
            bytes = Array(text.utf8)
        }
        #expect(PDFImages.jpegPages(bytes) == nil)
    }

    @Test func damagedPDFsAnswerNilWithoutCrashing() throws {
        let dir = try TemporaryFiles.directory("pdf-fuzz").path
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try Self.pillowPDF(dir))))
        var generator = SeededGenerator(state: 19)
        var decoded = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[at] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) {
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            }
            if PDFImages.jpegPages(bytes) != nil { decoded += 1 }
        }
        #expect(decoded < 300, "truncated files cannot all read")
    }
}
