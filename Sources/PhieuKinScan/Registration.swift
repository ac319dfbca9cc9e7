/// Finding the four registration squares and, from them, where the page lies in the image.
enum Registration {
    /// A dark, solid, square blob: a registration square candidate.
    struct Blob: Sendable, Hashable {
        var center: Point
    }

    /// The page located in the image.
    struct Located: Sendable {
        var transform: Projective
        var upsideDown: Bool
        /// Page corners whose square was not found (a torn or folded corner).
        var missing: [PageReading.Corner]
        var pxPerMM: Double
        var rotation: Double
        var shear: Double
        /// Grey level of printed black (the squares' interiors).
        var ink: Double
        /// The printed box outlines are where the transform puts them.
        var outlinesFit: Bool
    }

    /// Share of the image width and height searched for a square at each image corner: the
    /// squares' centres are 14 mm from the edges, and a page rotated by 10° moves them by up to
    /// 28 mm. Where none is found there, a wider search (a page turned further) follows.
    static let cornerRegion = (width: 0.3, height: 0.22)
    static let wideCornerRegion = (width: 0.45, height: 0.3)
    /// A square's side may differ this much (either way) from the size the image's size implies;
    /// a filled 4 mm answer box stays below.
    static let sizeTolerance = (low: 0.7, high: 1.6)
    /// Dark share of a blob's bounding box: 1 for an upright square, 0.75 turned by 10°, 0.67
    /// by 15° (found, then reported as too skewed); QR fragments and letters stay below.
    static let minSolidity = 0.62

    /// The blob nearest to each image corner (top-left, top-right, bottom-left, bottom-right)
    /// that looks like a registration square, or nil where none does.
    static func findSquares(_ image: ScanImage, geometry: PageGeometry) -> [Blob?] {
        let pxPerMM = min(Double(image.width) / geometry.width, Double(image.height) / geometry.height)
        let side = geometry.registration.first.map { min($0.width, $0.height) } ?? 8
        let nominal = side * pxPerMM
        let corners = [(0, 0), (image.width, 0), (0, image.height), (image.width, image.height)]
        func search(_ corner: (Int, Int), _ region: (width: Double, height: Double)) -> Blob? {
            let rw = Int(Double(image.width) * region.width)
            let rh = Int(Double(image.height) * region.height)
            return findSquare(
                image, x: corner.0 == 0 ? 0 : image.width - rw, y: corner.1 == 0 ? 0 : image.height - rh, width: rw,
                height: rh, nominal: nominal, corner: Point(x: Double(corner.0), y: Double(corner.1)))
        }
        return corners.map { search($0, cornerRegion) ?? search($0, wideCornerRegion) }
    }

    private static func findSquare(
        _ image: ScanImage, x: Int, y: Int, width: Int, height: Int, nominal: Double, corner: Point
    ) -> Blob? {
        // Threshold halfway between this region's ink and its paper.
        var histogram = [Int](repeating: 0, count: 256)
        var row = y
        while row < y + height {
            let base = row * image.width
            var column = x
            while column < x + width {
                histogram[Int(image.pixels[base + column])] += 1
                column += 2
            }
            row += 2
        }
        let total = histogram.reduce(0, +)
        func percentile(_ p: Double) -> Int {
            var sum = 0
            for (level, count) in histogram.enumerated() {
                sum += count
                if Double(sum) >= p * Double(total) { return level }
            }
            return 255
        }
        let dark = percentile(0.002)
        let paper = percentile(0.9)
        guard paper - dark >= 50, let pix = LeptPix(grey: image, x: x, y: y, width: width, height: height) else {
            return nil
        }
        let threshold = (dark + paper) / 2
        var best: (blob: Blob, distance: Double)?
        for box in pix.darkComponents(threshold: threshold) {
            let w = Double(box.width)
            let h = Double(box.height)
            guard w >= nominal * sizeTolerance.low, h >= nominal * sizeTolerance.low,
                w <= nominal * sizeTolerance.high * 1.2, h <= nominal * sizeTolerance.high * 1.2,
                max(w, h) / min(w, h) <= 1.3
            else { continue }
            // Solidity and the centroid of the dark pixels.
            var count = 0
            var sx = 0.0
            var sy = 0.0
            for by in 0..<box.height {
                let base = (y + box.y + by) * image.width + x + box.x
                for bx in 0..<box.width where Int(image.pixels[base + bx]) < threshold {
                    count += 1
                    sx += Double(bx)
                    sy += Double(by)
                }
            }
            let area = Double(count)
            guard area / (w * h) >= minSolidity,
                area >= nominal * nominal * sizeTolerance.low * sizeTolerance.low,
                area <= nominal * nominal * sizeTolerance.high * sizeTolerance.high
            else { continue }
            let center = Point(
                x: Double(x + box.x) + sx / area + 0.5, y: Double(y + box.y) + sy / area + 0.5)
            let distance = hypot(center.x - corner.x, center.y - corner.y)
            if best == nil || distance < best!.distance { best = (Blob(center: center), distance) }
        }
        return best?.blob
    }

    /// Solves the transform for both orientations from the squares found and keeps the one under
    /// which the printed box outlines are where the layout says. Nil with fewer than 3 squares.
    static func locate(_ image: ScanImage, geometry: PageGeometry, squares: [Blob?]) -> Located? {
        let page = geometry.registration.map { Point(x: $0.midX, y: $0.midY) }
        guard page.count == 4, squares.compactMap({ $0 }).count >= 3 else { return nil }
        var candidates: [(located: Located, fit: Double, contrast: Double)] = []
        for upsideDown in [false, true] {
            // Turned 180°, the page's top-left square is the image's bottom-right one.
            let blobs = (0..<4).map { squares[upsideDown ? 3 - $0 : $0] }
            var trials: [[Int]] = [(0..<4).filter { blobs[$0] != nil }]
            if trials[0].count == 4, !plausible(blobs.map { $0!.center }) {
                // One of the four is a false find: try each three, and distrust the fourth corner.
                trials = (0..<4).map { dropped in (0..<4).filter { $0 != dropped } }
            }
            for used in trials {
                guard
                    let transform = Projective.solve(
                        from: used.map { page[$0] }, to: used.map { blobs[$0]!.center })
                else { continue }
                let missing = PageReading.Corner.allCases.enumerated().filter { !used.contains($0.offset) }.map(
                    \.element)
                candidates.append(
                    candidate(image, geometry: geometry, transform: transform, upsideDown: upsideDown, missing: missing)
                )
            }
        }
        return candidates.max { $0.fit < $1.fit }?.located
    }

    private static func candidate(
        _ image: ScanImage, geometry: PageGeometry, transform: Projective, upsideDown: Bool,
        missing: [PageReading.Corner]
    ) -> (located: Located, fit: Double, contrast: Double) {
        let center = transform.apply(geometry.width / 2, geometry.height / 2)
        let ex = transform.apply(geometry.width / 2 + 1, geometry.height / 2)
        let ey = transform.apply(geometry.width / 2, geometry.height / 2 + 1)
        let ax = atan2(ex.y - center.y, ex.x - center.x)
        let ay = atan2(ey.y - center.y, ey.x - center.x)
        var rotation = -ax * 180 / .pi
        if upsideDown { rotation += rotation > 0 ? -180 : 180 }
        var shear = (ay - ax) * 180 / .pi - 90
        while shear > 180 { shear -= 360 }
        while shear < -180 { shear += 360 }
        let pxPerMM =
            (hypot(ex.x - center.x, ex.y - center.y) + hypot(ey.x - center.x, ey.y - center.y)) / 2
        let ink = inkLevel(image, transform: transform, geometry: geometry)
        let (fit, contrast) = outlineFit(image, transform: transform, geometry: geometry, ink: ink)
        return (
            Located(
                transform: transform, upsideDown: upsideDown, missing: missing, pxPerMM: pxPerMM,
                rotation: rotation, shear: shear, ink: ink, outlinesFit: fit >= minOutlineFit * contrast),
            fit, contrast
        )
    }

    /// The outlines must be at least this share of the paper-to-ink contrast darker than the
    /// paper just outside them.
    static let minOutlineFit = 0.2

    /// Four square centres that can be the corners of the printed page: opposite sides of
    /// similar length (perspective and scanner skew change them by a few per cent at most).
    static func plausible(_ c: [Point]) -> Bool {
        func d(_ a: Point, _ b: Point) -> Double { hypot(a.x - b.x, a.y - b.y) }
        let top = d(c[0], c[1])
        let bottom = d(c[2], c[3])
        let left = d(c[0], c[2])
        let right = d(c[1], c[3])
        guard top > 0, bottom > 0, left > 0, right > 0 else { return false }
        return abs(top / bottom - 1) < 0.1 && abs(left / right - 1) < 0.1
    }

    /// Median grey level inside the registration squares (printed black on this scan).
    static func inkLevel(_ image: ScanImage, transform: Projective, geometry: PageGeometry) -> Double {
        var samples: [Double] = []
        for square in geometry.registration {
            for i in 0..<5 {
                for j in 0..<5 {
                    let p = transform.apply(square.midX - 2 + Double(i), square.midY - 2 + Double(j))
                    samples.append(Double(image.pixel(Int(p.x), Int(p.y))))
                }
            }
        }
        samples.sort()
        return samples.isEmpty ? 0 : samples[samples.count / 2]
    }

    /// How much darker the printed box outlines are than the paper just outside them (median over
    /// boxes), and the page's paper-to-ink contrast.
    static func outlineFit(
        _ image: ScanImage, transform: Projective, geometry: PageGeometry, ink: Double
    ) -> (fit: Double, contrast: Double) {
        let boxes = geometry.boxes
        guard !boxes.isEmpty else { return (1, 1) }
        let stride = max(1, boxes.count / 48)
        var fits: [Double] = []
        var papers: [Double] = []
        for index in Swift.stride(from: 0, to: boxes.count, by: stride) {
            let r = boxes[index].rect
            let half = min(r.width, r.height) / 2
            var line = 0.0
            var outside = 0.0
            var n = 0.0
            for k in 0..<8 {
                let t = (Double(k) / 7 * 1.6 - 0.8) * half
                let points: [(Double, Double)]
                if geometry.shape == .circle {
                    let angle = Double(k) * .pi / 4
                    points = [(cos(angle), sin(angle))]
                } else {
                    points = [(t / half, -1), (t / half, 1), (-1, t / half), (1, t / half)]
                }
                for (u, v) in points {
                    let p = transform.apply(r.midX + u * half, r.midY + v * half)
                    let q = transform.apply(r.midX + u * (half + 0.6), r.midY + v * (half + 0.6))
                    line += Double(image.pixel(Int(p.x), Int(p.y)))
                    outside += Double(image.pixel(Int(q.x), Int(q.y)))
                    n += 1
                }
            }
            fits.append((outside - line) / n)
            papers.append(outside / n)
        }
        fits.sort()
        papers.sort()
        return (fits[fits.count / 2], max(40, papers[papers.count / 2] - ink))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
