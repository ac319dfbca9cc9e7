import Foundation

/// Reads scanned ballot pages: finds the registration squares, decodes the QR code, and decides
/// every answer box as blank, marked, or unsure (docs/BALLOT-LAYOUT.md gives the geometry).
///
/// Stateless and thread-safe: every call builds its own leptonica and zbar objects.
public enum ScanEngine {
    // MARK: Thresholds (all shares of a region, 0…1; darkness 0 = the box's paper, 1 = printed black)

    /// A sample is ink when at least half as dark as the printed black: pens (black or blue
    /// ballpoint) reach it, pencil and half-erased marks do not.
    static let inkDarkness = 0.5
    /// A sample shows some ink when at least this dark; above sensor noise and JPEG ringing,
    /// below the lightest pencil (blank boxes on the test set show ≤ 1.2 % traces, dust
    /// included; faint and rubbed-out marks ≥ 12.8 %).
    static let traceDarkness = 0.22
    /// Definite: a box whose interior is at least this much ink holds a mark. On the test set a
    /// tick covers 20–45 % of the interior, an x 25–52 %; pencil and rubbed-out marks 0–1 %.
    static let definiteFill = 0.10
    /// Blank: a box with ink traces over at most this much of its interior is blank, unless the
    /// page's own blank boxes are noisier (see `blankMargin`).
    static let blankTrace = 0.03
    /// Blank boxes on a noisy page may show this much more trace than the page's quietest
    /// quarter of boxes (its blank level) and still be blank.
    static let blankMargin = 0.03
    /// Never call a box blank with more traces than this, however noisy the page.
    static let blankCeiling = 0.08
    /// A mark covering this much of the interior is heavy: a filled box (marked), or a scribble
    /// (crossed out). On the test set an x or a tick of a 0.45–0.6 mm pen covers at most 52 %,
    /// a scribble-out at least 67 %; ink over the outline alone says nothing (big x's overshoot).
    static let heavyFill = 0.6
    /// A solid fill with this much ink in the band around the outline runs over the line (on the
    /// test set: fills kept inside ≤ 0.4 %, fills run 1.4–2 mm past one side ≥ 16 %).
    static let spillOutside = 0.1
    /// A heavy mark is a solid fill when this share of its interior is as dark as its darkest
    /// part (within `evenDarkness` of the paper-to-mark range); a scribble leaves lighter gaps.
    static let solidEvenness = 0.9
    static let evenDarkness = 0.25
    /// Remark box: written on when at least this many millimetre-squares are ink.
    static let remarkInkArea = 1.5
    /// Beyond this rotation or shear (degrees) the page goes to review.
    static let maxSkew = 10.5
    static let maxShear = 4.0

    // MARK: Where to sample (millimetres)

    /// The interior measured is the box inset by half the outline and this margin, so that the
    /// outline (and registration error up to this much) never counts as a mark.
    static let interiorMargin = 0.45
    /// The band outside a box: from this far beyond the outline …
    static let outsideGap = 0.25
    /// … this wide (it stops short of the grey cell lines 1 mm away).
    static let outsideWidth = 0.35
    /// Sampling step: never coarser than 0.13 mm (about 200 dpi) nor finer than the scan.
    static let maxStep = 0.13

    // MARK: QR codes

    /// Payloads of the QR codes on a page. Tries the two corners that hold a QR box in either
    /// orientation (top-right, bottom-left), then the whole page; either copy suffices. The
    /// caller parses the payload grammar.
    public static func readQR(_ image: ScanImage) -> [String] {
        var seen: [String] = []
        for code in qrCodes(image) where !seen.contains(code.payload) { seen.append(code.payload) }
        return seen
    }

    /// zbar on the whole page, nothing else: the benchmark's baseline.
    package static func readQRWholePage(_ image: ScanImage) -> [String] {
        QRScanner().scan(image, x: 0, y: 0, width: image.width, height: image.height, binarize: false).map(\.payload)
    }

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
                let codes = scanner.scan(image, x: x, y: y, width: rw, height: rh, binarize: binarize)
                if !codes.isEmpty { return codes }
            }
        }
        return scanner.scan(image, x: 0, y: 0, width: w, height: h, binarize: false)
    }

    // MARK: Reading a page

    /// Locates the page (registration squares, projective transform, orientation) and decides
    /// every box of `geometry`. Page-level trouble is in `problems`, never thrown.
    public static func read(_ image: ScanImage, geometry: PageGeometry) -> PageReading {
        var reading = PageReading(
            boxes: [], problems: [], upsideDown: false, rotation: 0, dpi: 0, remarkHasWriting: false,
            severalAnswers: [], image: image, transform: nil)
        let found = Registration.findSquares(image, geometry: geometry)
        guard let located = Registration.locate(image, geometry: geometry, squares: found) else {
            reading.problems.append(.notLocated)
            return reading
        }
        reading = PageReading(
            boxes: [], problems: [], upsideDown: located.upsideDown, rotation: located.rotation,
            dpi: located.pxPerMM * 25.4, remarkHasWriting: false, severalAnswers: [], image: image,
            transform: located.transform)
        for corner in located.missing { reading.problems.append(.registrationSquareMissing(corner)) }
        if abs(located.rotation) > maxSkew { reading.problems.append(.tooSkewed(degrees: located.rotation)) }
        if abs(located.shear) > maxShear { reading.problems.append(.tooSkewed(degrees: located.shear)) }
        if !located.outlinesFit { reading.problems.append(.layoutMismatch) }

        let sampler = Sampler(
            image: image, transform: located.transform, ink: located.ink,
            step: min(maxStep, 1 / located.pxPerMM))
        let measures = geometry.boxes.map { sampler.measure($0.rect, shape: geometry.shape, stroke: geometry.stroke) }
        reading.boxes = decide(geometry.boxes, measures)
        if geometry.oneAnswerPerQuestion { reading.severalAnswers = resolveOneAnswer(&reading.boxes) }
        if let remark = geometry.remark {
            reading.remarkHasWriting = sampler.inkArea(in: remark, excluding: geometry.remarkLabel) >= remarkInkArea
        }
        return reading
    }

    /// Blank level of this page: the trace share of its quietest quarter of boxes (most boxes on
    /// a ballot are blank), so a noisy scan raises the blank threshold a little, never past
    /// `blankCeiling`.
    static func decide(_ boxes: [PageGeometry.Box], _ measures: [BoxMeasure]) -> [PageReading.BoxReading] {
        let traces = measures.map(\.trace).sorted()
        let quiet = traces.isEmpty ? 0 : traces[traces.count / 4]
        let blankMax = min(blankCeiling, max(blankTrace, quiet + blankMargin))
        return zip(boxes, measures).map { box, m in
            let decision: PageReading.Decision
            if m.ink >= definiteFill {
                let solid = m.evenness >= solidEvenness
                if m.ink >= heavyFill && !solid {
                    decision = .unsure(.crossedOut)
                } else if m.ink >= heavyFill && m.outside >= spillOutside {
                    decision = .unsure(.spillsOverLine)
                } else {
                    decision = .marked
                }
            } else if m.trace <= blankMax {
                decision = .blank
            } else {
                decision = .unsure(.faint)
            }
            return PageReading.BoxReading(
                box: box, decision: decision, fill: m.ink, anyInk: m.trace, outside: m.outside,
                evenness: m.evenness)
        }
    }

    /// Two marked boxes for one question: both go to review as `severalAnswers`.
    static func resolveOneAnswer(_ boxes: inout [PageReading.BoxReading]) -> [String] {
        var marked: [String: Int] = [:]
        var order: [String] = []
        for box in boxes where box.decision == .marked {
            if marked[box.box.id] == nil { order.append(box.box.id) }
            marked[box.box.id, default: 0] += 1
        }
        let several = order.filter { marked[$0]! > 1 }
        for index in boxes.indices where boxes[index].decision == .marked && several.contains(boxes[index].box.id) {
            boxes[index].decision = .unsure(.severalAnswers)
        }
        return several
    }
}

/// Ink measured in and around one box.
struct BoxMeasure: Sendable, Hashable {
    /// Share of interior samples that are ink.
    var ink: Double
    /// Share of interior samples with any trace of ink.
    var trace: Double
    /// Share of the surrounding band that is ink.
    var outside: Double
    /// Share of the interior as dark as the mark's darkest part (heavy marks only, else 0).
    var evenness: Double = 0
}

/// Samples the page through the transform, in millimetres.
struct Sampler {
    let image: ScanImage
    let transform: Projective
    /// Grey level of printed black on this page.
    let ink: Double
    let step: Double

    @inline(__always) func grey(_ x: Double, _ y: Double) -> Double {
        let p = transform.apply(x, y)
        return Double(image.pixel(Int(p.x.rounded(.down)), Int(p.y.rounded(.down))))
    }

    func measure(_ rect: PageGeometry.Rect, shape: PageGeometry.Shape, stroke: Double) -> BoxMeasure {
        let cx = rect.midX
        let cy = rect.midY
        let half = min(rect.width, rect.height) / 2
        let inner = half - stroke / 2 - ScanEngine.interiorMargin
        let ringFrom = half + stroke / 2 + ScanEngine.outsideGap
        let ringTo = ringFrom + ScanEngine.outsideWidth
        // The paper level right around this box (uneven lighting is local): the bright end of the band.
        var band: [Double] = []
        var dy = -ringTo
        while dy <= ringTo {
            var dx = -ringTo
            while dx <= ringTo {
                let d = shape == .square ? max(abs(dx), abs(dy)) : (dx * dx + dy * dy).squareRoot()
                if d >= ringFrom && d <= ringTo { band.append(grey(cx + dx, cy + dy)) }
                dx += step
            }
            dy += step
        }
        band.sort()
        let paper = band.isEmpty ? 255 : band[band.count * 4 / 5]
        let range = max(40, paper - ink)
        let inkLevel = paper - ScanEngine.inkDarkness * range
        let traceLevel = paper - ScanEngine.traceDarkness * range
        let outside = band.isEmpty ? 0 : Double(band.prefix { $0 <= inkLevel }.count) / Double(band.count)
        var total = 0
        var inked = 0
        var traced = 0
        var greys: [Double] = []
        let count = max(2, Int((2 * inner / step).rounded(.up)))
        let spacing = 2 * inner / Double(count - 1)
        greys.reserveCapacity(count * count)
        for row in 0..<count {
            let y = -inner + Double(row) * spacing
            for column in 0..<count {
                let x = -inner + Double(column) * spacing
                if shape == .circle && x * x + y * y > inner * inner { continue }
                let g = grey(cx + x, cy + y)
                greys.append(g)
                total += 1
                if g <= inkLevel { inked += 1 }
                if g <= traceLevel { traced += 1 }
            }
        }
        let n = Double(max(1, total))
        var measure = BoxMeasure(ink: Double(inked) / n, trace: Double(traced) / n, outside: outside)
        if measure.ink >= ScanEngine.heavyFill {
            greys.sort()
            let darkest = greys[greys.count / 20]
            let even = darkest + ScanEngine.evenDarkness * max(0, paper - darkest)
            measure.evenness = Double(greys.prefix { $0 <= even }.count) / n
        }
        return measure
    }

    /// Square millimetres of ink inside `rect` (inset 1 mm from its outline), outside `excluded`.
    func inkArea(in rect: PageGeometry.Rect, excluding excluded: PageGeometry.Rect?) -> Double {
        let step = 0.25
        var samples: [Double] = []
        var y = rect.y + 1
        while y <= rect.y + rect.height - 1 {
            var x = rect.x + 1
            while x <= rect.x + rect.width - 1 {
                if let e = excluded, x >= e.x, x <= e.x + e.width, y >= e.y, y <= e.y + e.height {
                    x += step
                    continue
                }
                samples.append(grey(x, y))
                x += step
            }
            y += step
        }
        guard !samples.isEmpty else { return 0 }
        var sorted = samples
        sorted.sort()
        let paper = sorted[sorted.count * 4 / 5]
        let inkLevel = paper - ScanEngine.inkDarkness * max(40, paper - ink)
        return Double(samples.filter { $0 <= inkLevel }.count) * step * step
    }
}
