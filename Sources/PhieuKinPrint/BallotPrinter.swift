internal import CPangoCairo
import PhieuKinCore
import PhieuKinMessages

/// Renders ballots and access-code slips to A4 PDFs with cairo, pango and libqrencode.
///
/// Geometry is in `BallotLayout` / `SlipLayout` and documented in docs/BALLOT-LAYOUT.md.
/// Nothing printed identifies a voter: sheets differ only in their serial.
public enum BallotPrinter {
    /// QR payloads are at most this many bytes, so the symbol stays at version 10 or below
    /// and its modules at least 0.38 mm (2.2 px at 150 dpi) in the 25 mm box.
    public static let maxPayloadBytes = 150

    /// The QR payload of one ballot page (ASCII only):
    /// `PK1|<surveyID>|<roundID>|<page>/<pages>|<layoutID>|<serial or "-">`, pages 1-based.
    public static func payload(_ document: BallotDocument, page: Int, of pages: Int, serial: String?) -> String {
        "PK1|\(document.surveyID)|\(document.roundID)|\(page)/\(pages)|\(document.layoutID)|\(serial ?? "-")"
    }

    /// A ballot page's QR payload read back (the grammar `payload(_:page:of:serial:)` writes).
    public struct Payload: Sendable, Hashable {
        public var survey: String
        public var round: String
        /// 1-based.
        public var page: Int
        public var pages: Int
        public var layoutID: String
        /// Nil for an unnumbered ballot (`-`).
        public var serial: String?

        public init?(parsing text: String) {
            let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 6, parts[0] == "PK1" else { return nil }
            let pageParts = parts[3].split(separator: "/").compactMap { Int($0) }
            guard pageParts.count == 2, pageParts[0] >= 1, pageParts[0] <= pageParts[1] else { return nil }
            survey = parts[1]
            round = parts[2]
            page = pageParts[0]
            pages = pageParts[1]
            layoutID = parts[4]
            serial = parts[5] == "-" ? nil : parts[5]
        }
    }

    /// A deterministic canonical description of the sheet geometry for this document (page
    /// size, registration squares, QR boxes, every grid line and box centre in mm, pages and
    /// the rows on each). Depends only on the row and column counts, the mode and whether a
    /// remark box is printed — never on names or serials. The caller sets
    /// `layoutID` = first 16 lowercase hex digits of SHA-256 of this text (UTF-8).
    public static func layoutDescriptor(_ document: BallotDocument) -> String {
        BallotLayout(document).descriptor
    }

    /// Renders one sheet (one or more pages) per serial, in order; nil prints an unnumbered sheet.
    @discardableResult
    public static func renderBallots(
        _ document: BallotDocument, serials: [String?], to path: String
    ) throws
        -> PrintSummary
    {
        try renderBallots(document, sheets: serials.map { BallotSheetSpec(serial: $0) }, to: path)
    }

    /// Renders one sheet (one or more pages) per spec, in order.
    @discardableResult
    public static func renderBallots(
        _ document: BallotDocument, sheets: [BallotSheetSpec], to path: String
    )
        throws -> PrintSummary
    {
        let layout = BallotLayout(document)
        try validate(document, layout: layout, sheets: sheets)
        let canvas = try PDFCanvas(path: path, title: document.title)
        let template = BallotTemplate(document, layout: layout, canvas: canvas)
        try template.record()
        for sheet in sheets {
            for page in 0..<layout.pageCount {
                let symbol = try QRSymbol(
                    payload(document, page: page + 1, of: layout.pageCount, serial: sheet.serial))
                try template.drawPage(page, serial: sheet.serial, qr: symbol)
                canvas.showPage()
            }
            try canvas.check("drawing a sheet")
        }
        let bytes = try canvas.finish()
        return PrintSummary(pages: canvas.pages, bytes: bytes)
    }

    static func validate(
        _ document: BallotDocument, layout: BallotLayout, sheets: [BallotSheetSpec]
    )
        throws(PrintError)
    {
        guard !sheets.isEmpty else { throw .invalidDocument("there are no sheets to print") }
        guard !document.rows.isEmpty else { throw .invalidDocument("the ballot has no rows") }
        guard !document.columns.isEmpty else { throw .invalidDocument("the ballot has no mark columns") }
        guard document.columns.count <= BallotLayout.maxColumns else {
            throw .invalidDocument(
                "the ballot has \(document.columns.count) mark columns; at most \(BallotLayout.maxColumns) fit a page")
        }
        for (name, value) in [
            ("survey id", document.surveyID), ("round id", document.roundID), ("layout id", document.layoutID),
        ] where !isPayloadField(value) {
            throw .invalidDocument("the \(name) must be non-empty printable ASCII without '|'")
        }
        for (index, sheet) in sheets.enumerated() {
            guard let serial = sheet.serial else { continue }
            guard isPayloadField(serial), serial != "-" else {
                throw .invalidDocument("the serial of sheet \(index + 1) must be printable ASCII without '|', not '-'")
            }
            let bytes = payload(document, page: layout.pageCount, of: layout.pageCount, serial: serial).utf8.count
            guard bytes <= maxPayloadBytes else { throw .payloadTooLong(bytes: bytes, limit: maxPayloadBytes) }
        }
        let bytes = payload(document, page: layout.pageCount, of: layout.pageCount, serial: nil).utf8.count
        guard bytes <= maxPayloadBytes else { throw .payloadTooLong(bytes: bytes, limit: maxPayloadBytes) }
    }

    /// Printable ASCII (0x21–0x7E), no `|`: survives QR, the payload grammar and any terminal.
    static func isPayloadField(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7E && $0 != UInt8(ascii: "|") }
    }
}

/// Texts the printer itself adds, per language.
struct FixedTexts {
    let serialLabel: String
    let datePrefix: String
    let indexHeader: String
    let rowHeader: String
    let pagePrefix: String

    init(_ language: Language) {
        switch language {
        case .vi:
            serialLabel = "Số phiếu:"
            datePrefix = "Ngày"
            indexHeader = "STT"
            rowHeader = "Họ và tên, chức vụ"
            pagePrefix = "Trang"
        case .en:
            serialLabel = "Serial:"
            datePrefix = "Date:"
            indexHeader = "No."
            rowHeader = "Full name, position"
            pagePrefix = "Page"
        }
    }
}

/// A positioned, pre-shaped text.
private struct PlacedText {
    let block: TextBlock
    let x: Double
    let y: Double
}

/// Everything on a ballot page except the serial and the QR codes, shaped once per document.
private final class BallotTemplate {
    typealias L = BallotLayout
    let layout: BallotLayout
    let canvas: PDFCanvas
    let common: [PlacedText]
    let perPage: [[PlacedText]]
    let serialBlock: TextBlock
    let serialLabel: TextBlock
    private var templates: [PageTemplate] = []
    let markStroke = 0.35

    init(_ document: BallotDocument, layout: BallotLayout, canvas: PDFCanvas) {
        self.layout = layout
        self.canvas = canvas
        let fixed = FixedTexts(document.language)
        var common: [PlacedText] = []

        func place(_ block: TextBlock, _ box: MMRect, centeredVertically: Bool = false) {
            let y = centeredVertically ? box.y + (box.height - block.size.height) / 2 : box.y
            common.append(PlacedText(block: block, x: box.x, y: y))
        }
        // Header.
        place(Self.fitted(canvas, document.agencyName, Fonts.sans, size: 7.5, min: 6, box: L.agencyBox), L.agencyBox)
        place(
            TextBlock(
                canvas, text: document.unitName, font: FontDescription(Fonts.sansBold, size: 8),
                width: L.unitBox.width, maxLines: 2), L.unitBox)
        place(
            TextBlock(
                canvas, text: "\(fixed.datePrefix) \(document.dateText)", font: FontDescription(Fonts.sans, size: 8),
                width: L.dateBox.width, alignment: .right), L.dateBox)
        place(
            Self.fitted(canvas, document.title, Fonts.sansBold, size: 13, min: 8, box: L.titleBox, alignment: .center),
            L.titleBox, centeredVertically: true)
        place(
            TextBlock(
                canvas, text: "(\(document.subtitle)) – \(document.periodText)",
                font: FontDescription(Fonts.sans, size: 9), width: L.subtitleBox.width, alignment: .center),
            L.subtitleBox)
        place(
            TextBlock(
                canvas, text: document.instructions, font: FontDescription(Fonts.sans, size: 7.5),
                width: L.instructionsBox.width, maxLines: 3), L.instructionsBox)

        // Column headers, repeated on every page.
        let headerFont = FontDescription(Fonts.sans, size: 6.5)
        let indexBox = MMRect(x: L.gridLeft, y: L.gridTop, width: L.indexColumnWidth, height: L.columnHeaderHeight)
        place(
            TextBlock(canvas, text: fixed.indexHeader, font: headerFont, width: indexBox.width, alignment: .center),
            indexBox, centeredVertically: true)
        let labelHeader = MMRect(
            x: layout.labelColumnLeft + 1.5, y: L.gridTop, width: layout.labelColumnWidth - 3,
            height: L.columnHeaderHeight)
        place(
            TextBlock(
                canvas, text: document.rowHeader ?? fixed.rowHeader, font: FontDescription(Fonts.sansBold, size: 7.5),
                width: labelHeader.width, maxLines: 2), labelHeader, centeredVertically: true)
        for (j, column) in document.columns.enumerated() {
            let box = MMRect(
                x: layout.markColumnLeft(j) + 0.5, y: L.gridTop + 0.3, width: layout.markColumnWidth - 1,
                height: L.columnHeaderHeight - 0.6)
            place(
                TextBlock(
                    canvas, text: column.header, font: headerFont, width: box.width, maxLines: 4, alignment: .center),
                box, centeredVertically: true)
        }
        self.common = common

        // Rows and footers, per page.
        let indexFont = FontDescription(Fonts.sans, size: 7.5)
        let labelFont = FontDescription(Fonts.sans, size: 7.5)
        let labelFontTwoLines = FontDescription(Fonts.sans, size: 7)
        let sublabelFont = FontDescription(Fonts.sans, size: 6)
        let footerFont = FontDescription(Fonts.sans, size: 8)
        let idFont = FontDescription(Fonts.sans, size: 6)
        let rowIDFont = FontDescription(Fonts.sans, size: 4.5)
        let labelX = layout.labelColumnLeft + 1.5
        let labelWidth = layout.labelColumnWidth - 3
        var perPage: [[PlacedText]] = []
        for page in 0..<layout.pageCount {
            var texts: [PlacedText] = []
            let first = layout.firstRow(onPage: page)
            for slot in 0..<layout.rowsPerPage[page] {
                let row = document.rows[first + slot]
                let top = layout.rowTop(slot)
                let index = TextBlock(
                    canvas, text: "\(first + slot + 1)", font: indexFont, width: L.indexColumnWidth, alignment: .center)
                if let id = row.id, !id.isEmpty {
                    // The official's id in small type under the number: the keyed file's column.
                    let idBlock = TextBlock(
                        canvas, text: id, font: rowIDFont, width: L.indexColumnWidth - 0.4, alignment: .center)
                    let spare = max(0, L.rowHeight - index.size.height - idBlock.size.height)
                    texts.append(PlacedText(block: index, x: L.gridLeft, y: top + spare / 2))
                    texts.append(
                        PlacedText(block: idBlock, x: L.gridLeft + 0.2, y: top + spare / 2 + index.size.height))
                } else {
                    texts.append(
                        PlacedText(block: index, x: L.gridLeft, y: top + (L.rowHeight - index.size.height) / 2))
                }
                if let sublabel = row.sublabel, !sublabel.isEmpty {
                    let label = TextBlock(canvas, text: row.label, font: labelFont, width: labelWidth)
                    let sub = TextBlock(canvas, text: sublabel, font: sublabelFont, width: labelWidth)
                    let spare = max(0, L.rowHeight - label.size.height - sub.size.height)
                    texts.append(PlacedText(block: label, x: labelX, y: top + spare / 2))
                    texts.append(PlacedText(block: sub, x: labelX, y: top + spare / 2 + label.size.height))
                } else {
                    let label = TextBlock(
                        canvas, text: row.label, font: labelFontTwoLines, width: labelWidth, maxLines: 2)
                    texts.append(PlacedText(block: label, x: labelX, y: top + (L.rowHeight - label.size.height) / 2))
                }
            }
            if let remark = layout.remarkBox(page: page), let text = document.remarkLabel {
                let label = TextBlock(
                    canvas, text: text, font: FontDescription(Fonts.sans, size: 7.5), width: remark.width - 3)
                texts.append(PlacedText(block: label, x: remark.x + 1.5, y: remark.y + 1))
            }
            let footer = TextBlock(
                canvas, text: "\(fixed.pagePrefix) \(page + 1)/\(layout.pageCount)", font: footerFont,
                width: L.footerPageBox.width, alignment: .center)
            texts.append(PlacedText(block: footer, x: L.footerPageBox.x, y: L.footerPageBox.y))
            let ids = TextBlock(
                canvas, text: "\(document.surveyID) · \(document.roundID)", font: idFont,
                width: L.footerIDBox.width, alignment: .right)
            texts.append(PlacedText(block: ids, x: L.footerIDBox.x, y: L.footerIDBox.y))
            perPage.append(texts + Self.freeSpaceTexts(document, layout: layout, page: page, canvas: canvas))
        }
        self.perPage = perPage
        serialBlock = TextBlock(canvas, font: FontDescription(Fonts.monoBold, size: 9), width: nil)
        serialLabel = TextBlock(
            canvas, text: fixed.serialLabel, font: FontDescription(Fonts.sans, size: 7.5), width: nil)
    }

    /// What is printed outside every box: the notice at the foot, the legend under the grid.
    private static func freeSpaceTexts(
        _ document: BallotDocument, layout: BallotLayout, page: Int, canvas: PDFCanvas
    ) -> [PlacedText] {
        var texts: [PlacedText] = []
        if let notice = document.notice {
            let block = TextBlock(
                canvas, text: notice, font: FontDescription(Fonts.sans, size: 6.5), width: L.noticeBox.width,
                maxLines: 3)
            texts.append(PlacedText(block: block, x: L.noticeBox.x, y: L.noticeBox.y))
        }
        if let legend = document.legend {
            texts += Self.legend(legend, in: layout.freeArea(page: page), canvas: canvas) ?? []
        }
        return texts
    }

    /// The legend laid out in `area`: one column, else two, at 7 pt, else 6 pt; nil when it fits
    /// none of these (a full page keeps its boxes and prints no legend).
    private static func legend(_ legend: BallotDocument.Legend, in area: MMRect, canvas: PDFCanvas) -> [PlacedText]? {
        for size in [7.0, 6.0] {
            let title = TextBlock(
                canvas, text: legend.title, font: FontDescription(Fonts.sansBold, size: size), width: area.width)
            for columns in [1, 2] {
                let gap = 4.0
                let width = (area.width - gap * Double(columns - 1)) / Double(columns)
                let perColumn = (legend.lines.count + columns - 1) / columns
                var placed = [PlacedText(block: title, x: area.x, y: area.y)]
                var height = title.size.height
                for column in 0..<columns {
                    var y = area.y + title.size.height + 0.3
                    for line in legend.lines.dropFirst(column * perColumn).prefix(perColumn) {
                        let block = TextBlock(
                            canvas, text: line, font: FontDescription(Fonts.sans, size: size), width: width,
                            maxLines: 2)
                        placed.append(PlacedText(block: block, x: area.x + Double(column) * (width + gap), y: y))
                        y += block.size.height
                    }
                    height = max(height, y - area.y)
                }
                if height <= area.height { return placed }
            }
        }
        return nil
    }

    /// A one-line text shrunk in 0.5 pt steps until it fits `box`, then ellipsized if still too wide.
    private static func fitted(
        _ canvas: PDFCanvas, _ text: String, _ family: String, size: Double, min: Double, box: MMRect,
        alignment: TextBlock.Alignment = .left
    ) -> TextBlock {
        var size = size
        while size > min {
            let probe = TextBlock(canvas, text: text, font: FontDescription(family, size: size), width: nil)
            if probe.inkWidth <= box.width { break }
            size -= 0.5
        }
        return TextBlock(
            canvas, text: text, font: FontDescription(family, size: size), width: box.width, alignment: alignment)
    }

    /// Records the static part of every page; call once before `drawPage`.
    func record() throws(PrintError) {
        templates = []
        for page in 0..<layout.pageCount {
            templates.append(
                try PageTemplate { pen in
                    pen.setGray(0)
                    for square in L.registrationSquares { pen.rectangle(square) }
                    pen.fill()
                    drawGrid(page, pen)
                    pen.setGray(0)
                    for text in common { pen.show(text.block, x: text.x, y: text.y) }
                    for text in perPage[page] { pen.show(text.block, x: text.x, y: text.y) }
                })
        }
    }

    func drawPage(_ page: Int, serial: String?, qr: QRSymbol) throws(PrintError) {
        let pen = canvas.pen
        pen.paint(templates[page])
        pen.setGray(0)
        if let serial {
            serialBlock.setText(serial)
            let right = L.serialBox.x + L.serialBox.width
            let serialWidth = serialBlock.size.width
            let serialY = L.serialBox.y + (L.serialBox.height - serialBlock.size.height) / 2
            pen.show(serialBlock, x: right - serialWidth, y: serialY)
            let labelY = L.serialBox.y + (L.serialBox.height - serialLabel.size.height) / 2
            pen.show(serialLabel, x: right - serialWidth - 1.2 - serialLabel.size.width, y: labelY)
        }
        // Both corners carry the same symbol: record it once and place it twice, so the PDF
        // holds its rectangles once per page (half the bytes and half the number formatting).
        let size = L.qrBoxSize
        let symbol = try PageTemplate(width: size, height: size) { qrPen in
            qrPen.draw(qr, in: MMRect(x: 0, y: 0, width: size, height: size))
        }
        pen.paint(symbol, x: L.qrTopRight.x, y: L.qrTopRight.y)
        pen.paint(symbol, x: L.qrBottomLeft.x, y: L.qrBottomLeft.y)
    }

    private func drawGrid(_ page: Int, _ pen: Pen) {
        let rows = layout.rowsPerPage[page]
        let left = L.gridLeft
        let right = L.gridLeft + L.gridWidth
        let bottom = layout.rowTop(rows)
        // Header band.
        pen.setGray(0.9)
        pen.rectangle(MMRect(x: left, y: L.gridTop, width: L.gridWidth, height: L.columnHeaderHeight))
        pen.fill()
        // Cell lines: light, so they are never mistaken for marks.
        pen.setGray(0.55)
        for slot in 0...rows { pen.line(left, layout.rowTop(slot), right, layout.rowTop(slot)) }
        pen.line(left, L.gridTop, right, L.gridTop)
        var verticals = [left, layout.labelColumnLeft]
        verticals += (0..<layout.columnCount).map { layout.markColumnLeft($0) }
        verticals.append(right)
        for x in verticals { pen.line(x, L.gridTop, x, bottom) }
        pen.stroke(width: 0.2)
        // Mark boxes.
        pen.setGray(0)
        for slot in 0..<rows {
            for column in 0..<layout.columnCount {
                let box = layout.markBox(slot: slot, column: column)
                switch layout.mode {
                case .checkboxes: pen.rectangle(box)
                case .singleChoice: pen.circle(in: box)
                }
            }
        }
        if let remark = layout.remarkBox(page: page) { pen.rectangle(remark) }
        pen.stroke(width: markStroke)
    }
}
