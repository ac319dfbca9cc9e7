internal import CZBar
import PhieuKinMessages

/// Owns a `zbar_image_scanner_t` set to read QR codes only. One per call: zbar scanners keep
/// state and are not shared between threads.
final class QRScanner {
    private let pointer: OpaquePointer

    init() {
        guard let scanner = zbar_image_scanner_create() else {
            fatalError("zbar could not allocate a scanner (out of memory)")
        }
        pointer = scanner
        zbar_image_scanner_set_config(pointer, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(pointer, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
    }

    deinit { zbar_image_scanner_destroy(pointer) }

    /// Payloads (and their coarse orientation) of the QR codes in a grey region of `image`.
    /// `binarize`: cut to black and white at that share of the way from the region's ink (2nd
    /// percentile) to its paper (90th); nil reads the grey as it is.
    func scan(_ image: ScanImage, x: Int, y: Int, width: Int, height: Int, binarize: Double?) -> [QRCode] {
        let x0 = max(0, x)
        let y0 = max(0, y)
        let x1 = min(image.width, x + width)
        let y1 = min(image.height, y + height)
        guard x1 - x0 >= 21, y1 - y0 >= 21 else { return [] }
        let w = x1 - x0
        let h = y1 - y0
        var region = [UInt8](repeating: 0, count: w * h)
        image.pixels.withUnsafeBufferPointer { source in
            region.withUnsafeMutableBufferPointer { target in
                for row in 0..<h {
                    let from = source.baseAddress! + (y0 + row) * image.width + x0
                    (target.baseAddress! + row * w).update(from: from, count: w)
                }
            }
        }
        if let cut = binarize {
            var histogram = [Int](repeating: 0, count: 256)
            for v in region { histogram[Int(v)] += 1 }
            func percentile(_ p: Double) -> Int {
                var sum = 0
                for (level, count) in histogram.enumerated() {
                    sum += count
                    if Double(sum) >= p * Double(region.count) { return level }
                }
                return 255
            }
            let ink = Double(percentile(0.02))
            let threshold = UInt8(max(0, min(255, ink + cut * (Double(percentile(0.9)) - ink))))
            for index in region.indices { region[index] = region[index] < threshold ? 0 : 255 }
        }
        return region.withUnsafeBufferPointer { buffer -> [QRCode] in
            guard let zimage = ZBarImage(width: w, height: h, data: UnsafeRawPointer(buffer.baseAddress!)) else {
                return []
            }
            guard zbar_scan_image(pointer, zimage.pointer) > 0 else { return [] }
            var codes: [QRCode] = []
            var symbol = zbar_image_first_symbol(zimage.pointer)
            while let current = symbol {
                if zbar_symbol_get_type(current) == ZBAR_QRCODE, let data = zbar_symbol_get_data(current) {
                    let length = Int(zbar_symbol_get_data_length(current))
                    let bytes = UnsafeRawBufferPointer(start: data, count: length)
                    let orientation = zbar_symbol_get_orientation(current)
                    codes.append(
                        QRCode(
                            payload: String(decoding: bytes, as: UTF8.self),
                            upsideDown: orientation == ZBAR_ORIENT_DOWN))
                }
                symbol = zbar_symbol_next(current)
            }
            return codes
        }
    }
}

/// Owns a `zbar_image_t` over a caller's grey buffer (zbar neither copies nor frees it).
private final class ZBarImage {
    let pointer: OpaquePointer

    init?(width: Int, height: Int, data: UnsafeRawPointer) {
        guard let image = zbar_image_create() else { return nil }
        pointer = image
        zbar_image_set_format(pointer, phieukin_zbar_y800())
        zbar_image_set_size(pointer, UInt32(width), UInt32(height))
        zbar_image_set_data(pointer, data, UInt(width * height), nil)
    }

    deinit { zbar_image_destroy(pointer) }
}

/// A decoded QR code.
struct QRCode: Sendable, Hashable {
    var payload: String
    /// zbar saw the symbol upside down (the page was fed rotated 180°).
    var upsideDown: Bool
}
