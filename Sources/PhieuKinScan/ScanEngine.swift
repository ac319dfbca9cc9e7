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
    /// Reported only (`anyInk`): share of the interior at least this dark.
    static let traceDarkness = 0.22
    /// Definite: a box whose interior is at least this much ink holds a mark. On the test set a
    /// tick covers 20–45 % of the interior, an x 25–52 %; pencil and rubbed-out marks 0–1 %.
    static let definiteFill = 0.10
    /// A thinner mark (a pencil tick on a 150 dpi scan covers 5–9 %) counts from this share when
    /// its ink is spread across the box — under `strokeSolidity` of its bounding box (ticks and
    /// x's 0.09–0.3) — never a compact speck (dust: ≤ 2.7 %, solidity ≥ 0.56).
    static let strokeFill = 0.05
    static let strokeSolidity = 0.35
    /// The box is filled up to its line when the rim at the middle of its sides is this much ink.
    static let rimFilled = 0.7
    /// A filled box with ink past its line in two or more places, over this share of the band
    /// round the outline: struck through or scribbled over.
    static let struckOutside = 0.03
    /// A filled box with this much ink in the band round the outline runs over the line (on the
    /// test set: fills kept inside ≤ 0.4 %, fills run 1.4–2 mm past one side ≥ 16 %).
    static let spillOutside = 0.1
    /// A spill runs over one side: its largest stretch of ink round the box holds this share.
    static let spillArc = 0.75
    /// A sample belongs to a mark's shape when its 3 × 3 mean is at least this dark.
    static let shapeDarkness = 0.4
    /// The band at the middle of a side is crossed by strokes when this much of it is ink.
    static let sideOutside = 0.1
    /// Ink leaving the box in this many places, one of them mid-side: more than an x's 4 arms
    /// (pencil grain splits one now and then: big x's show up to 5).
    static let scribbleArcs = 6
    /// Separate strokes across the box that make a scribble.
    static let scribbleStrokes = 3
    /// Faint: the samples above the page's noise threshold spread over at least this area (mm²:
    /// a stroke 1.5 mm long), or their darkness summed over their area (mm² of printed black;
    /// blur and the 3 × 3 mean spread a trace but keep this sum) reaches a pen's dot, 0.6 mm
    /// across — more than dust.
    static let minTraceArea = 0.5
    static let dotMass = 0.3
    static let traceZ = 2.0
    static let traceFloor = 0.06
    static let neighbours = 12
    /// Nothing inside but ink round the box over this share of the band, in two or more places
    /// (a loop drawn round it; a neighbour's spill reaches one side only): a person must look.
    /// (Counting traces instead of ink there sent 1.5 % of blank boxes to review.)
    static let besideOutside = 0.03
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
        QRScanner().scan(image, x: 0, y: 0, width: image.width, height: image.height, binarize: nil).map(\.payload)
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

    /// Every box decided by the shape of its ink (`decision`), its faint traces judged against
    /// the paper noise of the boxes around it (`traceThresholds`).
    static func decide(_ boxes: [PageGeometry.Box], _ measures: [BoxMeasure]) -> [PageReading.BoxReading] {
        let thresholds = traceThresholds(measures)
        return zip(boxes, measures).enumerated().map { index, pair in
            let (box, m) = pair
            let above = m.smoothed.filter { $0 >= thresholds[index] }
            let traceMass = above.reduce(0, +) * m.spacing * m.spacing
            let traceArea = Double(above.count) * m.spacing * m.spacing
            var reading = PageReading.BoxReading(
                box: box, decision: decision(m, traceMass: traceMass, traceArea: traceArea), fill: m.ink,
                anyInk: m.trace,
                outside: m.outside, evenness: m.solidity)
            reading.rim = m.rim
            reading.strokes = m.strokes
            reading.outsideArcs = m.outsideArcs
            reading.largestArc = m.largestArc
            reading.outsideSides = m.outsideSides
            reading.traceMass = traceMass
            reading.traceArea = traceArea
            reading.noise = m.noise
            return reading
        }
    }

    /// A mark is told by its shape: ink that fills the box to its line and goes on past it in
    /// two or more places is a fill struck through or scribbled over (crossed out); a fill run
    /// over one side spills; three or more separate strokes across the box are a scribble;
    /// anything else with enough ink — an x, a tick, a fill of any size anywhere — is marked.
    static func decision(_ m: BoxMeasure, traceMass: Double, traceArea: Double) -> PageReading.Decision {
        if m.ink >= definiteFill || (m.ink >= strokeFill && m.solidity < strokeSolidity) {
            let filled = m.rim >= rimFilled
            if filled && m.outside >= spillOutside && m.largestArc >= spillArc { return .unsure(.spillsOverLine) }
            if filled && m.outsideArcs >= 2 && m.outside >= struckOutside { return .unsure(.crossedOut) }
            let scribbledPast = m.outsideSides >= 2 || (m.outsideSides == 1 && m.outsideArcs >= scribbleArcs)
            if scribbledPast || m.strokes >= scribbleStrokes { return .unsure(.crossedOut) }
            return .marked
        }
        if traceArea >= minTraceArea || traceMass >= dotMass {
            return .unsure(.faint)
        }
        if m.outside >= besideOutside && (m.outsideArcs >= 2 || m.outsideSides >= 2) { return .unsure(.outsideBox) }
        return .blank
    }

    /// Per box, the darkness a trace must reach: `traceZ` times the paper noise of its
    /// neighbourhood (the quietest quarter of its `neighbours` nearest boxes, itself included:
    /// most boxes are blank, and light and noise change across a page), never below
    /// `traceFloor`.
    static func traceThresholds(_ measures: [BoxMeasure]) -> [Double] {
        measures.map { m in
            let near = measures.map { (($0.x - m.x) * ($0.x - m.x) + ($0.y - m.y) * ($0.y - m.y), $0.noise) }
                .sorted { $0.0 < $1.0 }.prefix(neighbours).map(\.1).sorted()
            let quiet = near.isEmpty ? 0 : near[near.count / 4]
            return max(traceFloor, traceZ * quiet)
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

    /// Distance from the centre in the box's own norm (square: Chebyshev; circle: Euclidean).
    @inline(__always) static func reach(_ dx: Double, _ dy: Double, _ shape: PageGeometry.Shape) -> Double {
        shape == .square ? max(abs(dx), abs(dy)) : (dx * dx + dy * dy).squareRoot()
    }

    func measure(_ rect: PageGeometry.Rect, shape: PageGeometry.Shape, stroke: Double) -> BoxMeasure {
        let cx = rect.midX
        let cy = rect.midY
        let half = min(rect.width, rect.height) / 2
        let inner = half - stroke / 2 - ScanEngine.interiorMargin
        let ring = (
            from: half + stroke / 2 + ScanEngine.outsideGap,
            to: half + stroke / 2 + ScanEngine.outsideGap + ScanEngine.outsideWidth
        )
        let rim = (from: inner + 0.05, to: half - stroke / 2 - 0.1)
        // The band outside and the rim inside, each sample with its angle round the centre.
        var band: [(grey: Double, angle: Double)] = []
        var rimSamples: [(grey: Double, dx: Double, dy: Double)] = []
        var bandSides: [(grey: Double, dx: Double, dy: Double)] = []
        var dy = -ring.to
        while dy <= ring.to {
            var dx = -ring.to
            while dx <= ring.to {
                let d = Self.reach(dx, dy, shape)
                if d >= ring.from && d <= ring.to {
                    band.append((grey(cx + dx, cy + dy), atan2(dy, dx)))
                    bandSides.append((band[band.count - 1].grey, dx, dy))
                } else if d >= rim.from && d <= rim.to {
                    rimSamples.append((grey(cx + dx, cy + dy), dx, dy))
                }
                dx += step
            }
            dy += step
        }
        // The paper: the bright end of the band — or of a 5 × 5 look inside, when a loop drawn
        // round the box darkens most of the band.
        let sorted = band.map(\.grey).sorted()
        var inside: [Double] = []
        for i in -2...2 {
            for j in -2...2 { inside.append(grey(cx + Double(i) * inner / 2, cy + Double(j) * inner / 2)) }
        }
        inside.sort()
        let paper = max(sorted.isEmpty ? 255 : sorted[sorted.count * 4 / 5], inside[20])
        let range = max(40, paper - ink)
        let inkLevel = paper - ScanEngine.inkDarkness * range
        var measure = interior(cx: cx, cy: cy, inner: inner, shape: shape, paper: paper, range: range)
        measure.x = cx
        measure.y = cy
        let inked = band.filter { $0.grey <= inkLevel }
        measure.outside = band.isEmpty ? 0 : Double(inked.count) / Double(band.count)
        (measure.outsideArcs, measure.largestArc) = Self.arcs(inked.map(\.angle))
        let rimShares = Self.midSides(rimSamples, inkLevel: inkLevel, half: half, shape: shape)
        measure.rim = rimShares.reduce(0, +) / 4
        measure.outsideSides =
            Self.midSides(bandSides, inkLevel: inkLevel, half: half, shape: shape).filter {
                $0 >= ScanEngine.sideOutside
            }.count
        return measure
    }

    /// Stretches of ink round the band (angles binned in 10° steps, a stretch ending at an
    /// empty bin), and the share of the band's ink in the largest.
    static func arcs(_ angles: [Double]) -> (count: Int, largest: Double) {
        let bins = 36
        var ink = [Int](repeating: 0, count: bins)
        for a in angles { ink[min(bins - 1, Int((a + .pi) / (2 * .pi) * Double(bins)))] += 1 }
        guard let empty = ink.firstIndex(of: 0) else { return (angles.isEmpty ? 0 : 1, 1) }
        var stretches: [Int] = []
        var current = 0
        for k in 1...bins {
            let count = ink[(empty + k) % bins]
            if count > 0 {
                current += count
            } else if current > 0 {
                stretches.append(current)
                current = 0
            }
        }
        return (stretches.count, Double(stretches.max() ?? 0) / Double(max(1, angles.count)))
    }

    /// Ink share at the middle third of each side (circles: ±20° round the four axis points).
    static func midSides(
        _ rim: [(grey: Double, dx: Double, dy: Double)], inkLevel: Double, half: Double, shape: PageGeometry.Shape
    ) -> [Double] {
        var inked = [Int](repeating: 0, count: 4)
        var total = [Int](repeating: 0, count: 4)
        for s in rim {
            let side: Int
            if shape == .square {
                if abs(s.dx) <= half / 3 {
                    side = s.dy < 0 ? 0 : 1
                } else if abs(s.dy) <= half / 3 {
                    side = s.dx < 0 ? 2 : 3
                } else {
                    continue
                }
            } else {
                let a = atan2(s.dy, s.dx) * 180 / .pi
                let nearest = (a / 90).rounded() * 90
                guard abs(a - nearest) <= 20 else { continue }
                side = (Int(nearest) + 360) / 90 % 4
            }
            total[side] += 1
            if s.grey <= inkLevel { inked[side] += 1 }
        }
        return (0..<4).map { total[$0] == 0 ? 0 : Double(inked[$0]) / Double(total[$0]) }
    }
}
