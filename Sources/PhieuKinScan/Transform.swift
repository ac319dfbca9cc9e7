/// A point in image pixels or page millimetres.
struct Point: Sendable, Hashable {
    var x: Double
    var y: Double
}

/// The projective map from page millimetres to image pixels,
/// `x' = (a x + b y + c) / (g x + h y + 1)`, `y' = (d x + e y + f) / (g x + h y + 1)`.
struct Projective: Sendable, Hashable {
    var c: [Double]  // a b c d e f g h

    @inline(__always) func apply(_ x: Double, _ y: Double) -> Point {
        let w = c[6] * x + c[7] * y + 1
        return Point(x: (c[0] * x + c[1] * y + c[2]) / w, y: (c[3] * x + c[4] * y + c[5]) / w)
    }

    /// The exact map taking 4 page points to 4 image points (an 8 × 8 linear solve), or the
    /// affine map through 3 (g = h = 0). Nil when the points are degenerate.
    static func solve(from page: [Point], to image: [Point]) -> Projective? {
        precondition(page.count == image.count && (page.count == 3 || page.count == 4))
        if page.count == 3 {
            // Two 3 × 3 systems sharing the matrix [x y 1].
            var rows: [[Double]] = []
            for (p, q) in zip(page, image) { rows.append([p.x, p.y, 1, q.x, q.y]) }
            guard let solution = gaussJordan(rows, unknowns: 3, rightHandSides: 2) else { return nil }
            return Projective(c: [
                solution[0][0], solution[1][0], solution[2][0], solution[0][1], solution[1][1], solution[2][1], 0, 0,
            ])
        }
        var rows: [[Double]] = []
        for (p, q) in zip(page, image) {
            rows.append([p.x, p.y, 1, 0, 0, 0, -p.x * q.x, -p.y * q.x, q.x])
            rows.append([0, 0, 0, p.x, p.y, 1, -p.x * q.y, -p.y * q.y, q.y])
        }
        guard let solution = gaussJordan(rows, unknowns: 8, rightHandSides: 1) else { return nil }
        return Projective(c: solution.map { $0[0] })
    }

    /// Gauss–Jordan elimination with partial pivoting on an augmented matrix.
    private static func gaussJordan(_ input: [[Double]], unknowns n: Int, rightHandSides m: Int) -> [[Double]]? {
        var a = input
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(a[row][column]) > abs(a[pivot][column]) { pivot = row }
            guard abs(a[pivot][column]) > 1e-12 else { return nil }
            a.swapAt(column, pivot)
            let scale = a[column][column]
            for k in column..<(n + m) { a[column][k] /= scale }
            for row in 0..<n where row != column {
                let factor = a[row][column]
                if factor != 0 { for k in column..<(n + m) { a[row][k] -= factor * a[column][k] } }
            }
        }
        return (0..<n).map { row in (0..<m).map { a[row][n + $0] } }
    }
}
