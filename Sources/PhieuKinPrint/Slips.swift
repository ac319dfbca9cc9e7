import PhieuKinMessages

/// Geometry of an access-code slip sheet, in mm from the top-left corner of an A4 page.
///
/// Ten slips per page (2 columns × 5 rows), separated by dashed cut lines; slip origins are
/// `(column · slipWidth, row · slipHeight)`, filled row by row. Boxes below are relative to
/// a slip's origin. See docs/BALLOT-LAYOUT.md, "Slips".
public enum SlipLayout {
    public static let columns = 2
    public static let rows = 5
    public static let slipsPerPage = columns * rows
    public static let slipWidth = BallotLayout.pageWidth / Double(columns)
    public static let slipHeight = BallotLayout.pageHeight / Double(rows)
    public static let cutLineWidth = 0.2
    public static let cutDash = 2.0
    /// The issuing agency, one line: a slip found on a desk says whose it is.
    public static let agencyBox = MMRect(x: 6, y: 4, width: 60, height: 3.2)
    public static let titleBox = MMRect(x: 6, y: 7.5, width: 60, height: 7.5)
    /// The period and every office of the round, up to two lines.
    public static let roundBox = MMRect(x: 6, y: 15, width: 60, height: 6.5)
    /// The code, in DejaVu Sans Mono Bold, one size for the whole run (≤ 16 pt), chosen so the
    /// longest code fits the box width; never ellipsized.
    public static let codeBox = MMRect(x: 6, y: 21.5, width: 60, height: 7)
    public static let instructionsBox = MMRect(x: 6, y: 29.5, width: 60, height: 25)
    public static let qrBox = MMRect(x: slipWidth - 6 - 30, y: (slipHeight - 30) / 2, width: 30, height: 30)

    /// Top-left corner of slip `index` (0-based) on its page.
    public static func origin(ofSlip index: Int) -> (x: Double, y: Double) {
        let onPage = index % slipsPerPage
        return (Double(onPage % columns) * slipWidth, Double(onPage / columns) * slipHeight)
    }
}

extension BallotPrinter {

    /// Renders cut-apart access-code slips, ten per A4 page, one per code, in order. Each slip
    /// carries the agency, the title, the round text (the period and every office of the round),
    /// the code in large monospace type, its QR code and the instructions — nothing that names a
    /// person.
    @discardableResult
    public static func renderSlips(
        agency: String = "", title: String, roundText: String, instructions: String, codes: [String],
        links: [String], to path: String
    ) throws -> PrintSummary {
        guard !codes.isEmpty else { throw PrintError.invalidDocument("there are no access codes to print") }
        guard links.count == codes.count else { throw PrintError.invalidDocument("one link per access code is needed") }
        for (index, link) in links.enumerated() {
            guard isPayloadField(link) else {
                throw PrintError.invalidDocument("link \(index + 1) must be printable ASCII without '|'")
            }
            let bytes = link.utf8.count
            guard bytes <= maxPayloadBytes else {
                throw PrintError.payloadTooLong(bytes: bytes, limit: maxPayloadBytes)
            }
        }
        typealias S = SlipLayout
        let canvas = try PDFCanvas(path: path, title: title)
        let titleBlock = TextBlock(
            canvas, text: title, font: FontDescription(Fonts.sansBold, size: 9), width: S.titleBox.width, maxLines: 2)
        let agencyBlock = TextBlock(
            canvas, text: agency, font: FontDescription(Fonts.sans, size: 7), width: S.agencyBox.width)
        let roundBlock = TextBlock(
            canvas, text: roundText, font: FontDescription(Fonts.sans, size: 7.5), width: S.roundBox.width,
            maxLines: 2)
        let instructionsBlock = TextBlock(
            canvas, text: instructions, font: FontDescription(Fonts.sans, size: 7), width: S.instructionsBox.width,
            maxLines: 8)
        let slip = try PageTemplate(width: S.slipWidth, height: S.slipHeight) { pen in
            pen.setGray(0)
            pen.show(agencyBlock, x: S.agencyBox.x, y: S.agencyBox.y)
            pen.show(titleBlock, x: S.titleBox.x, y: S.titleBox.y)
            pen.show(roundBlock, x: S.roundBox.x, y: S.roundBox.y)
            pen.show(instructionsBlock, x: S.instructionsBox.x, y: S.instructionsBox.y)
        }
        let longest = codes.max { $0.utf8.count < $1.utf8.count }!
        var size = 16.0
        while size > 6,
            TextBlock(canvas, text: longest, font: FontDescription(Fonts.monoBold, size: size), width: nil)
                .inkWidth > S.codeBox.width
        {
            size -= 0.5
        }
        let codeBlock = TextBlock(canvas, font: FontDescription(Fonts.monoBold, size: size), width: nil)
        let pen = canvas.pen
        for (index, code) in codes.enumerated() {
            let (x, y) = S.origin(ofSlip: index)
            pen.paint(slip, x: x, y: y)
            codeBlock.setText(code)
            pen.setGray(0)
            pen.show(
                codeBlock, x: x + S.codeBox.x, y: y + S.codeBox.y + (S.codeBox.height - codeBlock.size.height) / 2)
            let symbol = try QRSymbol(links[index])
            pen.draw(
                symbol,
                in: MMRect(x: x + S.qrBox.x, y: y + S.qrBox.y, width: S.qrBox.width, height: S.qrBox.height))
            let lastOnPage = index % S.slipsPerPage == S.slipsPerPage - 1 || index == codes.count - 1
            if lastOnPage {
                drawCutLines(pen)
                canvas.showPage()
                try canvas.check("drawing a slip page")
            }
        }
        let bytes = try canvas.finish()
        return PrintSummary(pages: canvas.pages, bytes: bytes)
    }

    private static func drawCutLines(_ pen: Pen) {
        typealias S = SlipLayout
        pen.setGray(0.5)
        for column in 1..<S.columns {
            let x = Double(column) * S.slipWidth
            pen.line(x, 0, x, BallotLayout.pageHeight)
        }
        for row in 1..<S.rows {
            let y = Double(row) * S.slipHeight
            pen.line(0, y, BallotLayout.pageWidth, y)
        }
        pen.stroke(width: S.cutLineWidth, dash: S.cutDash)
    }
}
