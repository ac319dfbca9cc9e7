internal import CLeptonica

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// One `final class` per leptonica object, owning the pointer and freeing it in `deinit` (the
// layering of PhieuKinCrypto's OpenSSL objects). Nothing here leaves the module: callers see
// `ScanImage` values (8-bit grey bytes, row-major) only.

/// Leptonica writes its errors to stderr unless told not to; we report errors ourselves.
let leptonicaQuiet: Void = {
    _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
}()

/// Owns a `PIX`.
final class LeptPix {
    let pointer: UnsafeMutablePointer<PIX>

    init?(_ pointer: UnsafeMutablePointer<PIX>?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    /// A new 8-bit grey image holding `image`'s pixels in the rectangle (clipped to the image).
    convenience init?(grey image: ScanImage, x: Int = 0, y: Int = 0, width: Int? = nil, height: Int? = nil) {
        let x0 = max(0, x)
        let y0 = max(0, y)
        let x1 = min(image.width, x + (width ?? image.width))
        let y1 = min(image.height, y + (height ?? image.height))
        guard x1 > x0, y1 > y0 else { return nil }
        self.init(width: x1 - x0, height: y1 - y0) { row in
            let start = (y0 + row) * image.width + x0
            return image.pixels[start..<(start + x1 - x0)]
        }
    }

    /// A new 8-bit grey image whose rows `rows(y)` gives (each `width` bytes).
    init?(width: Int, height: Int, rows: (Int) -> ArraySlice<UInt8>) {
        _ = leptonicaQuiet
        guard let pix = pixCreate(Int32(width), Int32(height), 8) else { return nil }
        pointer = pix
        let wpl = Int(pixGetWpl(pix))
        guard let data = pixGetData(pix) else { return nil }
        let raw = UnsafeMutableRawPointer(data)
        for row in 0..<height {
            rows(row).withUnsafeBytes { bytes in
                (raw + row * wpl * 4).copyMemory(from: bytes.baseAddress!, byteCount: width)
            }
        }
        // Leptonica keeps 8-bit pixels in 32-bit words, the first pixel in the high byte.
        pixEndianByteSwap(pix)
    }

    deinit {
        var p: UnsafeMutablePointer<PIX>? = pointer
        pixDestroy(&p)
    }

    var width: Int { Int(pixGetWidth(pointer)) }
    var height: Int { Int(pixGetHeight(pointer)) }

    /// This image as 8-bit grey bytes, row-major (any depth or colour map converted first).
    func greyBytes() -> ScanImage? {
        guard let grey = LeptPix(pixConvertTo8(pointer, 0)), let swapped = LeptPix(pixEndianByteSwapNew(grey.pointer))
        else { return nil }
        let w = swapped.width
        let h = swapped.height
        let wpl = Int(pixGetWpl(swapped.pointer))
        guard let data = pixGetData(swapped.pointer) else { return nil }
        let raw = UnsafeRawPointer(data)
        let pixels = [UInt8](unsafeUninitializedCapacity: w * h) { buffer, count in
            for row in 0..<h {
                (UnsafeMutableRawPointer(buffer.baseAddress!) + row * w).copyMemory(
                    from: raw + row * wpl * 4, byteCount: w)
            }
            count = w * h
        }
        return ScanImage(width: w, height: h, pixels: pixels)
    }

    /// Bounding boxes of the 8-connected dark components of this 8-bit image below `threshold`.
    func darkComponents(threshold: Int) -> [(x: Int, y: Int, width: Int, height: Int)] {
        guard let binary = LeptPix(pixThresholdToBinary(pointer, Int32(threshold))),
            let boxa = LeptBoxa(pixConnCompBB(binary.pointer, 8))
        else { return [] }
        return boxa.boxes()
    }

    /// PNG bytes of this image.
    func png() -> [UInt8]? {
        var data: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pixWriteMem(&data, &size, pointer, Int32(IFF_PNG)) == 0, let data else { return nil }
        defer { lept_free(data) }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}

/// Owns a `BOXA`.
final class LeptBoxa {
    let pointer: UnsafeMutablePointer<BOXA>

    init?(_ pointer: UnsafeMutablePointer<BOXA>?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    deinit {
        var p: UnsafeMutablePointer<BOXA>? = pointer
        boxaDestroy(&p)
    }

    func boxes() -> [(x: Int, y: Int, width: Int, height: Int)] {
        (0..<Int(boxaGetCount(pointer))).compactMap { index in
            var x: Int32 = 0
            var y: Int32 = 0
            var w: Int32 = 0
            var h: Int32 = 0
            guard boxaGetBoxGeometry(pointer, Int32(index), &x, &y, &w, &h) == 0 else { return nil }
            return (Int(x), Int(y), Int(w), Int(h))
        }
    }
}

/// Owns a `PIXA`.
final class LeptPixa {
    let pointer: UnsafeMutablePointer<PIXA>

    init?(_ pointer: UnsafeMutablePointer<PIXA>?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    deinit {
        var p: UnsafeMutablePointer<PIXA>? = pointer
        pixaDestroy(&p)
    }

    /// Every image, each converted to 8-bit grey bytes (nil if one cannot be).
    func greyImages() -> [ScanImage]? {
        var images: [ScanImage] = []
        for index in 0..<Int(pixaGetCount(pointer)) {
            guard let pix = LeptPix(pixaGetPix(pointer, Int32(index), Int32(L_CLONE))),
                let image = pix.greyBytes()
            else { return nil }
            images.append(image)
        }
        return images
    }
}

/// Decodes a PNG, JPEG or TIFF (every page) with leptonica.
enum LeptonicaDecoder {
    static func images(path: String) -> [ScanImage]? {
        _ = leptonicaQuiet
        var format: Int32 = 0
        guard findFileFormat(path, &format) == 0 else { return nil }
        let tiffs = [
            IFF_TIFF, IFF_TIFF_PACKBITS, IFF_TIFF_RLE, IFF_TIFF_G3, IFF_TIFF_G4, IFF_TIFF_LZW, IFF_TIFF_ZIP,
            IFF_TIFF_JPEG,
        ]
        if tiffs.contains(where: { Int($0) == Int(format) }) {
            return LeptPixa(pixaReadMultipageTiff(path))?.greyImages()
        }
        guard let pix = LeptPix(pixRead(path)), let image = pix.greyBytes() else { return nil }
        return [image]
    }
}
