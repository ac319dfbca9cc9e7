internal import CLeptonica
import Foundation
import PhieuKinMessages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a scan file may be (issue 19, item 5): a ballot is an A4 sheet scanned at 150–600 dpi, so
/// anything far beyond is refused up front, with the limit in the message, before it costs
/// memory, disk or minutes (a 200-inch PDF page once took 65 s, 6.3 GB of memory and a 1.6 GB
/// temporary file).
enum ScanLimits {
    /// Longest and shortest side of a PDF page, in points: A3 (842 × 1191 pt) and a margin. A
    /// ballot is A4; a scanner's A3 bed or a letter-size page fits.
    static let maxPageLong = 1300.0
    static let maxPageShort = 950.0
    /// Pages in one file: a sheet-feeder's batch of 100 two-page sheets. More: split the file.
    static let maxPages = 200
    /// Pixels of one decoded page: A4 at 600 dpi is 35 million, A3 at 400 dpi 31 million.
    static let maxPixels = 48_000_000
    /// Bytes of one scan file read into memory (a 200-page 300 dpi JPEG PDF is about 100 MB).
    static let maxFileBytes = 512 * 1024 * 1024
    /// Seconds `pdfinfo` may take, and `pdftoppm` per page (it renders an A4 page at 200 dpi in
    /// 0.1–0.25 s on the benchmark machine; a page that takes 100 times longer is not a scan).
    static let pdfinfoSeconds = 20.0
    static let rasterSecondsPerPage = 10.0

    static func checkPageCount(_ count: Int, path: String) throws(ScanError) {
        guard count <= maxPages else {
            throw .tooLarge(path: path, reason: "\(count) pages, more than \(maxPages) in one file; split the file")
        }
    }

    static func checkFileSize(_ path: String) throws(ScanError) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maxFileBytes else {
            throw .tooLarge(path: path, reason: "\(size / 1_048_576) MB, more than \(maxFileBytes / 1_048_576) MB")
        }
    }

    /// A PNG, JPEG or TIFF whose header promises more pixels than `maxPixels` is refused before
    /// decoding; a multi-page TIFF with more than `maxPages` pages too.
    static func checkImageFile(_ path: String) throws(ScanError) {
        try checkFileSize(path)
        var format: Int32 = 0
        var w: Int32 = 0
        var h: Int32 = 0
        var bps: Int32 = 0
        var spp: Int32 = 0
        var colormap: Int32 = 0
        _ = leptonicaQuiet
        guard pixReadHeader(path, &format, &w, &h, &bps, &spp, &colormap) == 0 else { return }
        try checkPixels(width: Int(w), height: Int(h), path: path)
        if let file = fopen(path, "rb") {
            defer { fclose(file) }
            var pages: Int32 = 0
            let tiffs = [
                IFF_TIFF, IFF_TIFF_PACKBITS, IFF_TIFF_RLE, IFF_TIFF_G3, IFF_TIFF_G4, IFF_TIFF_LZW, IFF_TIFF_ZIP,
                IFF_TIFF_JPEG,
            ]
            if tiffs.contains(where: { Int($0) == Int(format) }), tiffGetCount(file, &pages) == 0 {
                try checkPageCount(Int(pages), path: path)
            }
        }
    }

    static func checkPixels(width: Int, height: Int, path: String) throws(ScanError) {
        guard width > 0, height > 0, width <= maxPixels / height else {
            throw .tooLarge(
                path: path,
                reason: "a page of \(width) × \(height) pixels, more than \(maxPixels / 1_000_000) million")
        }
    }
}

/// A PDF that is not a scanner's JPEG pages (a printed ballot saved as PDF, a vector page):
/// rasterised by poppler's `pdftoppm` after `pdfinfo` has vouched for its page count and sizes.
/// pdftoppm writes the pages as PGM to a pipe that is read into memory — no page is ever on
/// disk, so a killed scan leaves nothing behind — and is killed when it runs out of time.
enum PDFRaster {
    static let pdftoppm = "/usr/bin/pdftoppm"
    static let pdfinfo = "/usr/bin/pdfinfo"
    /// Resolution PDF pages are rasterised at: enough for 4 mm boxes and 0.44 mm QR modules.
    static let dpi = 200

    static func pages(_ path: String) throws(ScanError) -> [ScanImage] {
        try ScanLimits.checkFileSize(path)
        let count = try checkedPageCount(path)
        let run = try Child.run(
            pdftoppm, ["-r", "\(dpi)", "-gray", path], path: path,
            seconds: ScanLimits.pdfinfoSeconds + ScanLimits.rasterSecondsPerPage * Double(count),
            maxBytes: count * (ScanLimits.maxPixels / 8))
        guard run.status == 0 else {
            throw .pdfConversionFailed(path: path, reason: .verbatim(run.errors))
        }
        guard let images = PGM.pages(run.output), !images.isEmpty else {
            throw .pdfConversionFailed(path: path, reason: "pdftoppm wrote an unreadable page")
        }
        return images
    }

    /// The page count, after checking every page's size against `ScanLimits` (pdfinfo lists
    /// each page's size in points, rotation applied or not: the check takes the larger side).
    static func checkedPageCount(_ path: String) throws(ScanError) -> Int {
        let info = try Child.run(
            pdfinfo, ["-f", "1", "-l", "\(ScanLimits.maxPages + 1)", path], path: path,
            seconds: ScanLimits.pdfinfoSeconds, maxBytes: 1 << 20)
        guard info.status == 0 else { throw .pdfConversionFailed(path: path, reason: .verbatim(info.errors)) }
        let text = String(decoding: info.output, as: UTF8.self)
        var pages = 0
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.first == "Pages:", words.count == 2, let n = Int(words[1]) {
                try ScanLimits.checkPageCount(n, path: path)
                pages = n
            }
            // "Page    1 size: 595.276 x 841.89 pts (A4)"
            guard words.count >= 6, words[0] == "Page", words[2] == "size:", words[4] == "x",
                let w = Double(words[3]), let h = Double(words[5])
            else { continue }
            guard max(w, h) <= ScanLimits.maxPageLong, min(w, h) <= ScanLimits.maxPageShort else {
                let size = String(format: "%.0f × %.0f mm", w / 72 * 25.4, h / 72 * 25.4)
                throw .tooLarge(
                    path: path, reason: "page \(words[1]) is \(size), larger than A3; scan ballots at their paper size")
            }
        }
        guard pages > 0 else { throw .pdfConversionFailed(path: path, reason: "the PDF has no pages") }
        return pages
    }
}

/// A child process run with a time limit and a cap on what it may write to its standard output,
/// which is read into memory (never a file).
struct Child {
    var status: Int32
    var output: [UInt8]
    var errors: String

    static func run(
        _ executable: String, _ arguments: [String], path: String, seconds: Double, maxBytes: Int
    ) throws(ScanError) -> Child {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .pdfConversionFailed(path: path, reason: "\(executable) cannot run (install poppler-utils): \(error)")
        }
        let pid = process.processIdentifier
        let timedOut = Flag()
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + seconds)
        timer.setEventHandler {
            timedOut.set()
            kill(pid, SIGKILL)
        }
        timer.resume()
        // Standard error is drained on its own thread, so a chatty child never blocks on it.
        let errorText = Collected()
        let errorHandle = err.fileHandleForReading
        DispatchQueue.global().async { errorText.set(errorHandle.readDataToEndOfFile().prefix(4096)) }
        var output: [UInt8] = []
        var overflow = false
        while let chunk = try? out.fileHandleForReading.read(upToCount: 1 << 20), !chunk.isEmpty {
            guard output.count + chunk.count <= maxBytes else {
                overflow = true
                kill(pid, SIGKILL)
                break
            }
            output.append(contentsOf: chunk)
        }
        process.waitUntilExit()
        timer.cancel()
        let errors = String(decoding: errorText.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if timedOut.value {
            throw .tooLarge(path: path, reason: "\(executable) took more than \(Int(seconds)) s; is this a scan?")
        }
        if overflow { throw .tooLarge(path: path, reason: "the rasterised pages exceed the pixel limit") }
        return Child(status: process.terminationStatus, output: output, errors: errors)
    }
}

/// A flag set from another thread.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var set_ = false
    func set() { lock.withLock { set_ = true } }
    var value: Bool { lock.withLock { set_ } }
}

/// Bytes collected on another thread.
private final class Collected: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var bytes = Data()
    func set(_ data: Data) {
        bytes = data
        ready.signal()
    }
    func wait() -> Data {
        ready.wait()
        return bytes
    }
}

/// Binary PGM (P5, 8-bit) pages one after another, as `pdftoppm -gray` writes them to a pipe.
enum PGM {
    static func pages(_ bytes: [UInt8]) -> [ScanImage]? {
        var images: [ScanImage] = []
        var i = 0
        while i < bytes.count {
            guard bytes.count - i >= 2, bytes[i] == 0x50, bytes[i + 1] == 0x35 else { return nil }
            i += 2
            var fields: [Int] = []
            while fields.count < 3 {
                while i < bytes.count, PDFLexer.isSpace(bytes[i]) { i += 1 }
                var value = 0
                let start = i
                while i < bytes.count, PDFLexer.isDigit(bytes[i]), value < 1 << 24 {
                    value = value * 10 + Int(bytes[i] - 0x30)
                    i += 1
                }
                guard i > start else { return nil }
                fields.append(value)
            }
            i += 1  // the single whitespace before the raster
            let (w, h) = (fields[0], fields[1])
            guard fields[2] == 255, w > 0, h > 0, w <= ScanLimits.maxPixels / h, bytes.count - i >= w * h else {
                return nil
            }
            images.append(ScanImage(width: w, height: h, pixels: Array(bytes[i..<(i + w * h)])))
            i += w * h
        }
        return images
    }
}
