import Foundation
public import PhieuKinMessages

/// One scanned page: 8-bit grey pixels (0 black … 255 white), row-major, no padding.
public struct ScanImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "pixels must hold width × height bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    @inline(__always) func pixel(_ x: Int, _ y: Int) -> UInt8 {
        guard x >= 0, y >= 0, x < width, y < height else { return 255 }
        return pixels[y * width + x]
    }
}

/// Why a scan could not be read.
public enum ScanError: Error, Sendable, Hashable, CustomStringConvertible, MessageConvertible {
    /// The file is missing, unreadable, or not a PNG, JPEG, TIFF or PDF image leptonica decodes.
    case unreadableFile(path: String, reason: Message)
    /// `pdftoppm` (poppler-utils) is missing or failed on this PDF.
    case pdfConversionFailed(path: String, reason: Message)
    /// Encoding a crop as PNG failed (out of memory).
    case encodingFailed

    public var message: Message {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read the scan \(path): \(reason)"
        case .pdfConversionFailed(let path, let reason): "cannot rasterise the PDF \(path): \(reason)"
        case .encodingFailed: "cannot encode an image as PNG"
        }
    }

    public var description: String { message.description }
}

extension ScanEngine {
    /// Where PDFs are rasterised (poppler-utils).
    static let pdftoppm = "/usr/bin/pdftoppm"
    /// Resolution PDF pages are rasterised at: enough for 4 mm boxes and 0.44 mm QR modules.
    static let pdfDPI = 200

    /// Every page of a scan file, as 8-bit grey: PNG, JPEG, TIFF (every page of a multi-page
    /// TIFF) through leptonica; PDF through `pdftoppm -r 200 -gray` (PGM) into a private temporary
    /// folder, deleted before returning. Colour is converted to luminance.
    public static func pages(ofFile path: String) throws(ScanError) -> [ScanImage] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadableFile(path: path, reason: "no such file or no permission to read it")
        }
        let magic = (try? handle.read(upToCount: 5)) ?? Data()
        try? handle.close()
        if magic.elementsEqual("%PDF-".utf8) {
            if let pages = embeddedPages(path) { return pages }
            return try pdfPages(path)
        }
        guard let images = LeptonicaDecoder.images(path: path), !images.isEmpty else {
            throw .unreadableFile(path: path, reason: "not a PNG, JPEG, TIFF or PDF image, or damaged")
        }
        return images
    }

    /// A scanner's PDF whose every page is one JPEG: the JPEGs decoded in memory, without
    /// rasterising (PDFImages.swift). Nil for any other PDF.
    static func embeddedPages(_ path: String) -> [ScanImage]? {
        guard let data = FileManager.default.contents(atPath: path), let jpegs = PDFImages.jpegPages([UInt8](data))
        else { return nil }
        var images: [ScanImage] = []
        for jpeg in jpegs {
            guard let image = LeptonicaDecoder.image(encoded: jpeg) else { return nil }
            images.append(image)
        }
        return images
    }

    private static func pdfPages(_ path: String) throws(ScanError) -> [ScanImage] {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("phieukin-scan-\(UUID().uuidString)")
        do {
            try manager.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .pdfConversionFailed(path: path, reason: "cannot create a temporary folder: \(error)")
        }
        defer { try? manager.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftoppm)
        process.arguments = ["-r", "\(pdfDPI)", "-gray", path, folder.appendingPathComponent("page").path]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch {
            throw .pdfConversionFailed(path: path, reason: "\(pdftoppm) cannot run (install poppler-utils): \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .pdfConversionFailed(
                path: path, reason: .verbatim(message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        // pdftoppm names pages page-1.pgm … page-N.pgm (raw grey: no compression to undo),
        // zero-padded to the width of N.
        let names = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".pgm") }
        let ordered = names.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
        guard !ordered.isEmpty else { throw .pdfConversionFailed(path: path, reason: "the PDF has no pages") }
        var images: [ScanImage] = []
        for name in ordered {
            let page = folder.appendingPathComponent(name).path
            guard let decoded = LeptonicaDecoder.images(path: page) else {
                throw .pdfConversionFailed(path: path, reason: "pdftoppm wrote an unreadable page")
            }
            images += decoded
        }
        return images
    }
}
