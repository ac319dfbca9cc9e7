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
    /// The file is beyond what a ballot scan can be (page size, pixels, pages, time): refused
    /// before it costs memory or minutes.
    case tooLarge(path: String, reason: Message)

    public var message: Message {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read the scan \(path): \(reason)"
        case .pdfConversionFailed(let path, let reason): "cannot rasterise the PDF \(path): \(reason)"
        case .encodingFailed: "cannot encode an image as PNG"
        case .tooLarge(let path, let reason): "refused the scan \(path): \(reason)"
        }
    }

    public var description: String { message.description }
}

extension ScanEngine {
    /// Every page of a scan file, as 8-bit grey: PNG, JPEG, TIFF (every page of a multi-page
    /// TIFF) through leptonica; PDF from its embedded JPEGs, else through `pdftoppm -r 200 -gray`
    /// writing to a pipe (PDFRaster.swift). Nothing of a page is ever written to disk. Colour is
    /// converted to luminance. Files beyond `ScanLimits` are refused with the limit named.
    public static func pages(ofFile path: String) throws(ScanError) -> [ScanImage] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadableFile(path: path, reason: "no such file or no permission to read it")
        }
        let magic = (try? handle.read(upToCount: 5)) ?? Data()
        try? handle.close()
        if magic.elementsEqual("%PDF-".utf8) {
            if let pages = try embeddedPages(path) { return pages }
            return try PDFRaster.pages(path)
        }
        try ScanLimits.checkImageFile(path)
        guard let images = LeptonicaDecoder.images(path: path), !images.isEmpty else {
            throw .unreadableFile(path: path, reason: "not a PNG, JPEG, TIFF or PDF image, or damaged")
        }
        return images
    }

    /// A scanner's PDF whose every page is one JPEG: the JPEGs decoded in memory, without
    /// rasterising (PDFImages.swift). Nil for any other PDF.
    static func embeddedPages(_ path: String) throws(ScanError) -> [ScanImage]? {
        guard let data = FileManager.default.contents(atPath: path), let jpegs = PDFImages.jpegPages([UInt8](data))
        else { return nil }
        try ScanLimits.checkPageCount(jpegs.count, path: path)
        var images: [ScanImage] = []
        for jpeg in jpegs {
            guard let image = LeptonicaDecoder.image(encoded: jpeg) else { return nil }
            images.append(image)
        }
        return images
    }
}
