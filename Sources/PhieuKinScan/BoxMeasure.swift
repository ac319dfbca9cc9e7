/// Ink measured in and around one box: what `ScanEngine.decide` tells marks by.
struct BoxMeasure: Sendable, Hashable {
    /// Share of interior samples that are ink.
    var ink: Double
    /// Share of interior samples at least `traceDarkness` dark (reported as `anyInk`).
    var trace: Double
    /// Share of the band around the outline that is ink.
    var outside: Double
    /// Separate stretches of ink around that band: 0 for a mark kept inside, 1 for a fill run
    /// over one side, 2–4 for an x or strokes reaching past the box.
    var outsideArcs = 0
    /// Sides of the box (of 4) whose band is ink over at least `sideOutside` of its middle third:
    /// strokes reaching past the box there, where an x's arms never go.
    var outsideSides = 0
    /// Share of that ink in the largest stretch (a spill: most of it).
    var largestArc = 0.0
    /// Ink share of the rim between the interior and the outline, at the middle of the four
    /// sides (where an x never goes): near 1 only when the box is filled up to its line.
    var rim = 0.0
    /// Ink share of the ink's own bounding box in the interior (1 for a solid fill of any size).
    var solidity = 0.0
    /// Separate strokes a line across the interior meets (rows and columns, 90th percentile):
    /// 1–2 for an x, a tick or a fill; 3 or more for a scribble.
    var strokes = 0
    /// Interior darkness, each sample the mean of its 3 × 3 neighbourhood minus the box's median
    /// (0 = this box's paper, 1 = printed black), for the page-relative trace test. (A mean along
    /// 0.8 mm lines was tried: it lifts light strokes further out of noise, but also the blur of
    /// the outline along the interior's edges, and blank boxes went to review.)
    var smoothed: [Double] = []
    /// Robust spread of `smoothed` (1.48 × median absolute value): this box's paper noise.
    var noise = 0.0
    /// Sample spacing (mm) and where the box is on the page (mm), for its neighbours.
    var spacing = 0.13
    var x = 0.0
    var y = 0.0
}

extension Sampler {
    /// The interior grid: ink and trace shares, the ink's solidity and strokes, and the smoothed
    /// darkness the trace test reads.
    func interior(
        cx: Double, cy: Double, inner: Double, shape: PageGeometry.Shape, paper: Double, range: Double
    ) -> BoxMeasure {
        let count = max(3, Int((2 * inner / step).rounded(.up)))
        let spacing = 2 * inner / Double(count - 1)
        // Darkness per sample, nil outside a circle.
        var dark = [Double?](repeating: nil, count: count * count)
        for row in 0..<count {
            let y = -inner + Double(row) * spacing
            for column in 0..<count {
                let x = -inner + Double(column) * spacing
                if shape == .circle && x * x + y * y > inner * inner { continue }
                dark[row * count + column] = (paper - grey(cx + x, cy + y)) / range
            }
        }
        let values = dark.compactMap { $0 }
        let n = Double(max(1, values.count))
        var m = BoxMeasure(
            ink: Double(values.filter { $0 >= ScanEngine.inkDarkness }.count) / n,
            trace: Double(values.filter { $0 >= ScanEngine.traceDarkness }.count) / n, outside: 0)
        m.spacing = spacing
        let mean3 = Self.smooth(dark, count: count)
        (m.solidity, m.strokes) = Self.shape(mean3, count: count)
        let flat = mean3.compactMap { $0 }
        let median = flat.sorted()[flat.count / 2]
        m.smoothed = flat.map { $0 - median }
        let sortedAbs = m.smoothed.map(abs).sorted()
        m.noise = sortedAbs.isEmpty ? 0 : 1.4826 * sortedAbs[sortedAbs.count / 2]
        return m
    }

    /// Solidity of the mark within its bounding box, and the 90th percentile of separate strokes
    /// along rows and columns. Read on the 3 × 3 means at `shapeDarkness`, so pencil grain and a
    /// lighter pen do not split a stroke (the mean closes gaps under 0.26 mm).
    static func shape(_ dark: [Double?], count: Int) -> (solidity: Double, strokes: Int) {
        let isInk = dark.map { ($0 ?? 0) >= ScanEngine.shapeDarkness }
        var minX = count
        var maxX = -1
        var minY = count
        var maxY = -1
        var total = 0
        for row in 0..<count {
            for column in 0..<count where isInk[row * count + column] {
                minX = min(minX, column)
                maxX = max(maxX, column)
                minY = min(minY, row)
                maxY = max(maxY, row)
                total += 1
            }
        }
        guard total > 0 else { return (0, 0) }
        var inBox = 0
        for row in minY...maxY { for column in minX...maxX where dark[row * count + column] != nil { inBox += 1 } }
        var runs: [Int] = []
        for line in 0..<count {
            for across in [true, false] {
                var strokes = 0
                var gap = 1
                for k in 0..<count {
                    if isInk[across ? line * count + k : k * count + line] {
                        if gap >= 1 { strokes += 1 }
                        gap = 0
                    } else {
                        gap += 1
                    }
                }
                runs.append(strokes)
            }
        }
        runs.sort()
        return (Double(total) / Double(max(1, inBox)), runs[runs.count * 9 / 10])
    }

    /// Each sample the mean of its 3 × 3 neighbourhood within the interior (nil outside it).
    static func smooth(_ dark: [Double?], count: Int) -> [Double?] {
        var out = [Double?](repeating: nil, count: dark.count)
        for row in 0..<count {
            for column in 0..<count where dark[row * count + column] != nil {
                var sum = 0.0
                var n = 0.0
                for r in max(0, row - 1)...min(count - 1, row + 1) {
                    for c in max(0, column - 1)...min(count - 1, column + 1) {
                        if let v = dark[r * count + c] {
                            sum += v
                            n += 1
                        }
                    }
                }
                out[row * count + column] = sum / n
            }
        }
        return out
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
