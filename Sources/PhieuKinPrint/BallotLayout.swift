/// A rectangle on the page, in millimetres from the top-left corner of the sheet.
public struct MMRect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }
}

/// The geometry of a ballot sheet, all in millimetres from the top-left corner of an A4 page.
///
/// One place for every number so that the renderer, `layoutDescriptor` (hashed into the
/// layout id) and docs/BALLOT-LAYOUT.md agree, and so that a later scanner can find the boxes
/// again from `rowCount`, `columnCount`, `mode` and `hasRemark` alone. Changing any constant
/// changes the descriptor, and therefore every layout id: bump `version` too.
public struct BallotLayout: Sendable, Hashable {
    /// Bumped whenever a constant or formula below changes.
    public static let version = 1

    // MARK: Page and fiducials
    public static let pageWidth = 210.0
    public static let pageHeight = 297.0
    /// Solid black squares in the four corners, `registrationInset` from both edges.
    public static let registrationSize = 8.0
    public static let registrationInset = 10.0
    /// QR boxes include the 4-module quiet zone; the module size is `qrBoxSize / (width + 8)`.
    public static let qrBoxSize = 25.0
    public static let qrQuietModules = 4
    /// Top-right QR box: left of the top-right square with a 4 mm gap.
    public static let qrTopRight = MMRect(x: 163, y: 10, width: qrBoxSize, height: qrBoxSize)
    /// Bottom-left QR box: the top-right box rotated 180° about the page centre.
    public static let qrBottomLeft = MMRect(x: 22, y: 262, width: qrBoxSize, height: qrBoxSize)

    // MARK: Header (text boxes; text never crosses them)
    public static let agencyBox = MMRect(x: 22, y: 10.5, width: 76, height: 3.5)
    public static let unitBox = MMRect(x: 22, y: 14, width: 76, height: 7)
    /// Right-aligned "Số phiếu: <serial>" (absent on unnumbered sheets).
    public static let serialBox = MMRect(x: 100, y: 10.5, width: 60, height: 4.5)
    public static let dateBox = MMRect(x: 100, y: 15.5, width: 60, height: 3.5)
    public static let titleBox = MMRect(x: 22, y: 21.5, width: 138, height: 6)
    public static let subtitleBox = MMRect(x: 22, y: 27.8, width: 138, height: 4)
    public static let instructionsBox = MMRect(x: 20, y: 35.5, width: 170, height: 10)
    public static let footerPageBox = MMRect(x: 50, y: 281, width: 110, height: 4)
    public static let footerIDBox = MMRect(x: 128, y: 286, width: 60, height: 3)
    /// The notice on what the serial and QR codes are for: right of the bottom-left QR box, under
    /// the rows bottom limit, more than 4 mm from the bottom-right square. Not read by a scanner,
    /// so not in the descriptor.
    public static let noticeBox = MMRect(x: 50, y: 262.5, width: 136, height: 11)
    /// The criteria legend starts this far under the grid (or the remark box) and ends above
    /// `rowsBottomLimit`; a page without room for it prints none.
    public static let legendGap = 2.5

    // MARK: Grid
    public static let gridLeft = 20.0
    public static let gridWidth = 170.0
    public static let gridTop = 47.0
    public static let columnHeaderHeight = 13.0
    public static let rowsTop = gridTop + columnHeaderHeight
    public static let rowHeight = 6.0
    /// Rows (and the remark box) end above this line, clear of the bottom-left QR box.
    public static let rowsBottomLimit = 260.0
    public static let indexColumnWidth = 7.0
    public static let minLabelColumnWidth = 55.0
    public static let maxMarkColumnWidth = 16.0
    public static let minMarkColumnWidth = 8.0
    /// Side of a check box, or diameter of a choice circle, centred in its cell.
    public static let markSize = 4.0
    public static let remarkGap = 2.0
    public static let remarkHeight = 16.0
    /// The most mark columns that still leave `minLabelColumnWidth` for names.
    public static let maxColumns = Int(
        ((gridWidth - indexColumnWidth - minLabelColumnWidth) / minMarkColumnWidth).rounded(.down))

    // MARK: Per document
    public let rowCount: Int
    public let columnCount: Int
    public let mode: BallotDocument.MarkMode
    public let hasRemark: Bool
    /// Width of every mark column, floored to 0.01 mm.
    public let markColumnWidth: Double
    /// Rows printed on each page of a sheet, in order; `count` is the pages per sheet.
    public let rowsPerPage: [Int]

    public init(rowCount: Int, columnCount: Int, mode: BallotDocument.MarkMode, hasRemark: Bool) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.mode = mode
        self.hasRemark = hasRemark
        let free = Self.gridWidth - Self.indexColumnWidth - Self.minLabelColumnWidth
        let width = min(Self.maxMarkColumnWidth, free / Double(max(1, columnCount)))
        self.markColumnWidth = (width * 100).rounded(.down) / 100
        self.rowsPerPage = Self.paginate(rows: rowCount, hasRemark: hasRemark)
    }

    public init(_ document: BallotDocument) {
        self.init(
            rowCount: document.rows.count, columnCount: document.columns.count, mode: document.mode,
            hasRemark: document.remarkLabel != nil)
    }

    /// Rows that fit on a page without, and with, the remark box.
    public static let rowsPerFullPage = Int(((rowsBottomLimit - rowsTop) / rowHeight + 1e-9).rounded(.down))
    public static let rowsPerRemarkPage = Int(
        ((rowsBottomLimit - rowsTop - remarkGap - remarkHeight) / rowHeight + 1e-9).rounded(.down))

    /// Splits rows over the fewest pages; the last page also holds the remark box. Rows are
    /// spread evenly (earlier pages take the extra row) so no page is left nearly empty.
    static func paginate(rows: Int, hasRemark: Bool) -> [Int] {
        let full = rowsPerFullPage
        let last = hasRemark ? rowsPerRemarkPage : full
        if rows <= last { return [rows] }
        let pages = 1 + (rows - last + full - 1) / full
        let lastCount = min(last, rows / pages)
        let rest = rows - lastCount
        let base = rest / (pages - 1)
        let extra = rest % (pages - 1)
        return (0..<(pages - 1)).map { base + ($0 < extra ? 1 : 0) } + [lastCount]
    }

    public var pageCount: Int { rowsPerPage.count }

    /// Index (0-based, into `BallotDocument.rows`) of the first row on `page` (0-based).
    public func firstRow(onPage page: Int) -> Int { rowsPerPage.prefix(page).reduce(0, +) }

    public var labelColumnWidth: Double {
        Self.gridWidth - Self.indexColumnWidth - Double(columnCount) * markColumnWidth
    }
    public var labelColumnLeft: Double { Self.gridLeft + Self.indexColumnWidth }
    /// Left edge of mark column `column` (0-based).
    public func markColumnLeft(_ column: Int) -> Double {
        labelColumnLeft + labelColumnWidth + Double(column) * markColumnWidth
    }
    /// Top edge of the row printed `slot`-th (0-based) on its page.
    public func rowTop(_ slot: Int) -> Double { Self.rowsTop + Double(slot) * Self.rowHeight }
    /// The check box (or the square around the choice circle) of a cell.
    public func markBox(slot: Int, column: Int) -> MMRect {
        let cx = markColumnLeft(column) + markColumnWidth / 2
        let cy = rowTop(slot) + Self.rowHeight / 2
        return MMRect(
            x: cx - Self.markSize / 2, y: cy - Self.markSize / 2, width: Self.markSize, height: Self.markSize)
    }
    /// The remark box, on the last page only, right under that page's rows.
    public func remarkBox(page: Int) -> MMRect? {
        guard hasRemark, page == pageCount - 1 else { return nil }
        return MMRect(
            x: Self.gridLeft, y: rowTop(rowsPerPage[page]) + Self.remarkGap, width: Self.gridWidth,
            height: Self.remarkHeight)
    }
    /// The free area under page `page`'s rows (and remark box), down to `rowsBottomLimit`.
    public func freeArea(page: Int) -> MMRect {
        let top = (remarkBox(page: page).map { $0.y + $0.height } ?? rowTop(rowsPerPage[page])) + Self.legendGap
        return MMRect(x: Self.gridLeft, y: top, width: Self.gridWidth, height: max(0, Self.rowsBottomLimit - top))
    }

    /// The four registration squares: top-left, top-right, bottom-left, bottom-right.
    public static var registrationSquares: [MMRect] {
        let far = (pageWidth - registrationInset - registrationSize, pageHeight - registrationInset - registrationSize)
        return [(registrationInset, registrationInset), (far.0, registrationInset), (registrationInset, far.1), far]
            .map { MMRect(x: $0.0, y: $0.1, width: registrationSize, height: registrationSize) }
    }

    /// Canonical text of every position a reader of scanned sheets needs; see
    /// `BallotPrinter.layoutDescriptor(_:)`.
    public var descriptor: String {
        var lines: [String] = []
        func mm(_ v: Double) -> String { Self.millimetres(v) }
        func rect(_ r: MMRect) -> String { "\(mm(r.x)) \(mm(r.y)) \(mm(r.width)) \(mm(r.height))" }
        lines.append("phieukin-ballot-layout \(Self.version)")
        lines.append("units mm origin top-left")
        lines.append("page \(mm(Self.pageWidth)) \(mm(Self.pageHeight))")
        lines.append("mode \(mode.rawValue)")
        lines.append("rows \(rowCount) columns \(columnCount) remark \(hasRemark ? "yes" : "no")")
        lines.append("registration " + Self.registrationSquares.map(rect).joined(separator: "; "))
        lines.append(
            "qr ec Q quiet \(Self.qrQuietModules) top-right \(rect(Self.qrTopRight)); bottom-left "
                + rect(Self.qrBottomLeft))
        lines.append(
            "grid left \(mm(Self.gridLeft)) width \(mm(Self.gridWidth)) top \(mm(Self.gridTop)) header "
                + "\(mm(Self.columnHeaderHeight)) rows-top \(mm(Self.rowsTop)) row-height \(mm(Self.rowHeight))")
        lines.append("index-column \(mm(Self.gridLeft)) \(mm(Self.indexColumnWidth))")
        lines.append("label-column \(mm(labelColumnLeft)) \(mm(labelColumnWidth))")
        lines.append(
            "mark-columns width \(mm(markColumnWidth)) left "
                + (0..<columnCount).map { mm(markColumnLeft($0)) }.joined(separator: " "))
        lines.append(
            "mark \(mode == .checkboxes ? "square" : "circle") \(mm(Self.markSize)) center-x "
                + (0..<columnCount).map { mm(markBox(slot: 0, column: $0).midX) }.joined(separator: " "))
        lines.append("pages \(pageCount)")
        for page in 0..<pageCount {
            let first = firstRow(onPage: page)
            let count = rowsPerPage[page]
            let centers = (0..<count).map { mm(rowTop($0) + Self.rowHeight / 2) }.joined(separator: " ")
            lines.append("page \(page + 1) rows \(first + 1)-\(first + count) center-y \(centers)")
            if let remark = remarkBox(page: page) { lines.append("page \(page + 1) remark \(rect(remark))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Fixed two-decimal text, independent of locale, so the descriptor hashes the same everywhere.
    static func millimetres(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
