import PhieuKinMessages

/// What the engine read on one page: a decision per box, and what is wrong with the page.
public struct PageReading: Sendable {
    /// A box's decision. Never a guess: anything unclear is `unsure` with its reason.
    public enum Decision: Sendable, Hashable {
        case blank
        case marked
        case unsure(UnsureReason)
    }

    /// Why a box needs a person to look at it.
    public enum UnsureReason: String, Sendable, Hashable, CaseIterable {
        /// Some ink, too little or too light to be a clear mark (pencil, half-erased, a dot).
        case faint
        /// A heavy mark that runs over the box outline onto the paper around it.
        case spillsOverLine = "spills-over-line"
        /// A scribble over the box and beyond: a mark crossed out, or a correction.
        case crossedOut = "crossed-out"
        /// Two or more boxes marked for a question that takes one answer.
        case severalAnswers = "several-answers"
        /// Nothing inside the box but ink round it: a circle drawn round the box, a mark beside it.
        case outsideBox = "outside-box"
    }

    /// One box as read.
    public struct BoxReading: Sendable, Hashable {
        public var box: PageGeometry.Box
        public var decision: Decision
        /// Share of the box interior that is clearly ink (0…1): the measured fill.
        public var fill: Double
        /// Share of the box interior with any ink at all, faint included (0…1).
        public var anyInk: Double
        /// Share of a thin band around the outline that is clearly ink (0…1).
        public var outside: Double
        /// Share of the ink's own bounding box that is ink (a solid fill of any size is near 1).
        public var evenness: Double
        /// Ink share of the rim inside the outline at the middle of its sides (1: filled to the line).
        public var rim = 0.0
        /// Separate strokes a line across the box meets (90th percentile).
        public var strokes = 0
        /// Separate stretches of ink in the band round the outline.
        public var outsideArcs = 0
        /// Sides of the box with strokes reaching past the middle of the side.
        public var outsideSides = 0
        /// Share of that ink in the largest stretch.
        public var largestArc = 0.0
        /// Darkness summed over the interior samples above this page's paper noise (mm² of black).
        public var traceMass = 0.0
        /// Area (mm²) of those samples.
        public var traceArea = 0.0
        /// Paper noise of this box (smoothed darkness, robust spread).
        public var noise = 0.0
    }

    /// Which corner of the printed page.
    public enum Corner: String, Sendable, Hashable, CaseIterable {
        case topLeft = "top-left"
        case topRight = "top-right"
        case bottomLeft = "bottom-left"
        case bottomRight = "bottom-right"
    }

    /// Something wrong with the whole page; a page with any problem goes to review.
    public enum Problem: Sendable, Hashable {
        /// A registration square was not found: a torn or folded corner, or cut off in the scan.
        /// Boxes are still read (from the other three squares), but the page is not trusted.
        case registrationSquareMissing(Corner)
        /// Fewer than three squares found: the boxes cannot be located at all.
        case notLocated
        /// Rotated or sheared beyond what the engine vouches for (degrees).
        case tooSkewed(degrees: Double)
        /// The printed box outlines are not where the layout puts them (wrong layout, or a
        /// scan of something else).
        case layoutMismatch
    }

    public internal(set) var boxes: [BoxReading]
    public internal(set) var problems: [Problem]
    /// The page was scanned upside down (read rotated 180°).
    public internal(set) var upsideDown: Bool
    /// Rotation of the page in the image, degrees (counter-clockwise positive), after any 180° turn.
    public internal(set) var rotation: Double
    /// Measured resolution (pixels per inch of the printed page).
    public internal(set) var dpi: Double
    /// Something is written or drawn in the remark box: a person must read it.
    public internal(set) var remarkHasWriting: Bool
    /// Question ids (single-answer pages) with two or more boxes marked.
    public internal(set) var severalAnswers: [String]

    let image: ScanImage
    let transform: Projective?

    /// PNG of one box and a margin around it, upright and deskewed, for a person to decide.
    public func crop(_ box: PageGeometry.Box, margin: Double = 2) throws(ScanError) -> [UInt8] {
        let r = box.rect
        return try crop(
            PageGeometry.Rect(
                x: r.x - margin, y: r.y - margin, width: r.width + 2 * margin, height: r.height + 2 * margin))
    }

    /// PNG of any rectangle of the page (millimetres), upright and deskewed.
    public func crop(_ rect: PageGeometry.Rect) throws(ScanError) -> [UInt8] {
        guard let transform else { throw .encodingFailed }
        let scale = max(8, dpi / 25.4)  // pixels per millimetre of the crop
        let width = max(1, Int((rect.width * scale).rounded()))
        let height = max(1, Int((rect.height * scale).rounded()))
        var pixels = [UInt8](repeating: 255, count: width * height)
        for row in 0..<height {
            for column in 0..<width {
                let p = transform.apply(rect.x + (Double(column) + 0.5) / scale, rect.y + (Double(row) + 0.5) / scale)
                pixels[row * width + column] = image.bilinear(p.x - 0.5, p.y - 0.5)
            }
        }
        guard let pix = LeptPix(width: width, height: height, rows: { pixels[($0 * width)..<(($0 + 1) * width)] }),
            let png = pix.png()
        else { throw .encodingFailed }
        return png
    }
}

extension ScanImage {
    /// Grey level at a fractional pixel position (pixel centres at integers), white outside.
    @inline(__always) func bilinear(_ x: Double, _ y: Double) -> UInt8 {
        let x0 = Int(x.rounded(.down))
        let y0 = Int(y.rounded(.down))
        let fx = x - Double(x0)
        let fy = y - Double(y0)
        let a = Double(pixel(x0, y0))
        let b = Double(pixel(x0 + 1, y0))
        let c = Double(pixel(x0, y0 + 1))
        let d = Double(pixel(x0 + 1, y0 + 1))
        let top = a + (b - a) * fx
        let bottom = c + (d - c) * fx
        return UInt8(max(0, min(255, (top + (bottom - top) * fy).rounded())))
    }
}
