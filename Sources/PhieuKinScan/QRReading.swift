/// Reading the QR codes as a phone does (issue 19, item 8): both printed copies where they
/// usually are; then each copy again, located through the registration squares and resampled
/// upright at several scales, raw and cut to black and white at several levels; the whole page
/// last. Only when all of these fail does the sheet wait for a teller to type its serial.
extension ScanEngine {
    /// Pixels per millimetre the located QR boxes are resampled at: modules (0.44 mm and up)
    /// 2.6, 3.5 and 5.3 pixels wide, around what zbar reads best.
    static let qrScales = [8.0, 6.0, 12.0]
    /// Black-and-white cuts tried, as shares of the way from the region's ink to its paper.
    static let qrCuts = [0.5, 0.35, 0.65]

    static func qrCodes(_ image: ScanImage) -> [QRCode] {
        let scanner = QRScanner()
        let w = image.width
        let h = image.height
        let rw = Int(Double(w) * 0.34)
        let rh = Int(Double(h) * 0.2)
        // A blurred scan's modules run into each other: zbar then reads the region once more,
        // cut to black and white halfway between its ink and its paper.
        for binarize in [false, true] {
            for (x, y) in [(w - rw, 0), (0, h - rh)] {
                let codes = scanner.scan(image, x: x, y: y, width: rw, height: rh, binarize: binarize ? 0.5 : nil)
                if !codes.isEmpty { return codes }
            }
        }
        let located = locatedQRCodes(image, scanner: scanner)
        if !located.isEmpty { return located }
        return scanner.scan(image, x: 0, y: 0, width: w, height: h, binarize: nil)
    }

    /// The two QR boxes of the printed layout, found through the registration squares and
    /// resampled upright (either way up: zbar reads a code turned 180°).
    static func locatedQRCodes(_ image: ScanImage, scanner: QRScanner) -> [QRCode] {
        let layout = PageGeometry(boxes: [])
        let squares = Registration.findSquares(image, geometry: layout)
        guard let located = Registration.locate(image, geometry: layout, squares: squares) else { return [] }
        for scale in qrScales {
            for rect in layout.qr {
                let crop = upright(image, located.transform, rect, scale: scale, margin: 3)
                for cut in [nil] + qrCuts {
                    let codes = scanner.scan(crop, x: 0, y: 0, width: crop.width, height: crop.height, binarize: cut)
                    if !codes.isEmpty { return codes }
                }
            }
        }
        return []
    }

    /// `rect` (mm, with `margin` round it) of the page, resampled at `scale` pixels per mm.
    static func upright(
        _ image: ScanImage, _ transform: Projective, _ rect: PageGeometry.Rect, scale: Double, margin: Double
    )
        -> ScanImage
    {
        let x0 = rect.x - margin
        let y0 = rect.y - margin
        let width = Int((rect.width + 2 * margin) * scale)
        let height = Int((rect.height + 2 * margin) * scale)
        var pixels = [UInt8](repeating: 255, count: width * height)
        for row in 0..<height {
            for column in 0..<width {
                let p = transform.apply(x0 + (Double(column) + 0.5) / scale, y0 + (Double(row) + 0.5) / scale)
                pixels[row * width + column] = image.bilinear(p.x - 0.5, p.y - 0.5)
            }
        }
        return ScanImage(width: width, height: height, pixels: pixels)
    }
}
