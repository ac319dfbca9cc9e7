internal import CPangoCairo

/// A report as the PDF shows it: already in one language, already reduced to what may be shown
/// (the PhieuKin module builds it from a `ReportView`, so small groups arrive without figures).
/// Print knows nothing of tallies; it lays out headings, tables, bar charts and lists.
public struct ReportPDFDocument: Sendable {
    public struct Entry: Sendable {
        public var label: String
        public var value: String
        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct Table: Sendable {
        public var caption: String?
        public var columns: [String]
        public var rows: [[String]]
        public init(caption: String? = nil, columns: [String], rows: [[String]]) {
            self.caption = caption
            self.columns = columns
            self.rows = rows
        }
    }

    public struct Bar: Sendable {
        public var label: String
        /// In [0, 1]; drawn as a fraction of the full bar.
        public var value: Double
        public var text: String
        public init(label: String, value: Double, text: String) {
            self.label = label
            self.value = value
            self.text = text
        }
    }

    public struct Chart: Sendable {
        public var title: String
        public var bars: [Bar]
        public init(title: String, bars: [Bar]) {
            self.title = title
            self.bars = bars
        }
    }

    public struct Section: Sendable {
        public var heading: String
        public var paragraphs: [String]
        public var tables: [Table]
        public var charts: [Chart]
        public var items: [String]
        /// Fixed-width lines (hashes and signatures in groups), indented.
        public var codes: [String]
        /// An empty heading continues the text without one.
        public init(
            heading: String, paragraphs: [String] = [], tables: [Table] = [], charts: [Chart] = [],
            items: [String] = [], codes: [String] = []
        ) {
            self.heading = heading
            self.paragraphs = paragraphs
            self.tables = tables
            self.charts = charts
            self.items = items
            self.codes = codes
        }
    }

    /// The heading of an administrative document (Nghị định 30/2020/NĐ-CP): issuing body top
    /// left, the national title and motto (or the Party's title) top right, the number and
    /// symbol under the body, the place and date under the motto.
    public struct Heading: Sendable {
        public var superior: String?
        public var agency: String
        public var title: String
        /// Bold and underlined under the title; nil for a Party body.
        public var motto: String?
        public var number: String
        public var placeDate: String
        public init(
            superior: String?, agency: String, title: String, motto: String?, number: String, placeDate: String
        ) {
            self.superior = superior
            self.agency = agency
            self.title = title
            self.motto = motto
            self.number = number
            self.placeDate = placeDate
        }
    }

    public struct Signer: Sendable {
        public var role: String
        /// Empty: a blank line for the name written by hand.
        public var name: String
        public init(role: String, name: String) {
            self.role = role
            self.name = name
        }
    }

    public var title: String
    public var meta: [Entry]
    public var sections: [Section]
    /// Printed at the foot of every page before the page number ("Trang 2" / "Page 2"); an
    /// official document (`heading` set) is numbered as NĐ 30 asks instead: from page 2, the
    /// number alone, top centre.
    public var pageLabel: String

    /// Set for an official document: the heading is drawn and the text is set in Liberation Serif
    /// (metric-compatible with Times New Roman, every Vietnamese letter), as NĐ 30/2020 asks.
    public var heading: Heading?
    public var subtitle: String?
    public var signersTitle: String?
    public var signers: [Signer] = []
    /// "(Ký, ghi rõ họ tên)" under each signer's role.
    public var signHint = ""
    public var recipientsLabel = ""
    public var recipients: [String] = []

    public init(title: String, meta: [Entry], sections: [Section], pageLabel: String) {
        self.title = title
        self.meta = meta
        self.sections = sections
        self.pageLabel = pageLabel
    }
}

/// Draws a `ReportPDFDocument` on A4 pages with cairo and pango (the same canvas, pen and text
/// blocks as the ballots), with bar charts drawn as vector rectangles.
public enum ReportPDF {
    @discardableResult
    public static func render(_ document: ReportPDFDocument, to path: String) throws(PrintError) -> PrintSummary {
        let canvas = try PDFCanvas(path: path, title: document.title)
        var writer = ReportWriter(canvas: canvas, pageLabel: document.pageLabel, serif: document.heading != nil)
        let body = writer.bodySize
        if let heading = document.heading { writer.officialHeading(heading) }
        writer.title(document.title)
        if let subtitle = document.subtitle {
            writer.paragraph(subtitle, size: body, bold: true, alignment: .center)
            writer.y += 2
        }
        for entry in document.meta { writer.paragraph("\(entry.label): \(entry.value)", size: body) }
        for section in document.sections {
            if !section.heading.isEmpty { writer.heading(section.heading) }
            for paragraph in section.paragraphs { writer.paragraph(paragraph, size: body) }
            for code in section.codes { writer.code(code) }
            for table in section.tables { writer.table(table) }
            for chart in section.charts { writer.chart(chart) }
            for item in section.items {
                writer.paragraph(document.heading == nil ? "• " + item : item, size: body, indent: 3)
            }
            try canvas.check("drawing a report section")
        }
        if !document.signers.isEmpty {
            // "Nơi nhận" goes with the signatures: never alone on a last page.
            let recipients =
                document.recipients.isEmpty ? 0 : writer.recipientsHeight(document.recipientsLabel, document.recipients)
            writer.signatures(
                document.signers, title: document.signersTitle, hint: document.signHint, keepWith: recipients)
        }
        if !document.recipients.isEmpty { writer.recipients(document.recipientsLabel, document.recipients) }
        try canvas.check("drawing the signatures")
        writer.finishPage()
        let bytes = try canvas.finish()
        return PrintSummary(pages: canvas.pages, bytes: bytes)
    }
}

/// Flows blocks down A4 pages, starting a new page when the next block does not fit.
private struct ReportWriter {
    static let margin = 18.0
    static let width = BallotLayout.pageWidth - 2 * margin
    static let bottom = BallotLayout.pageHeight - margin - 8

    let canvas: PDFCanvas
    let pageLabel: String
    /// Official documents: Liberation Serif, larger text (NĐ 30/2020 asks for 13–14 pt body text;
    /// tables stay smaller so a unit's grid fits the page).
    let serif: Bool
    var y = margin
    var pageOpen = true

    init(canvas: PDFCanvas, pageLabel: String, serif: Bool = false) {
        self.canvas = canvas
        self.pageLabel = pageLabel
        self.serif = serif
    }

    var pen: Pen { canvas.pen }
    var bodySize: Double { serif ? 12.5 : 9 }
    var tableSize: Double { serif ? 10 : 7.5 }

    func font(_ size: Double, bold: Bool = false, italic: Bool = false) -> FontDescription {
        if serif {
            let face =
                bold && italic
                ? Fonts.serifBoldItalic : bold ? Fonts.serifBold : italic ? Fonts.serifItalic : Fonts.serif
            return FontDescription(face, size: size)
        }
        return FontDescription(bold ? Fonts.sansBold : Fonts.sans, size: size)
    }

    func block(
        _ text: String, size: Double, bold: Bool = false, italic: Bool = false, width: Double, maxLines: Int = 40,
        alignment: TextBlock.Alignment = .left
    ) -> TextBlock {
        TextBlock(
            canvas, text: text, font: font(size, bold: bold, italic: italic), width: width, maxLines: maxLines,
            alignment: alignment)
    }

    /// Issuing body on the left, national title and motto on the right (each centred in its
    /// column), a short rule under the body's name and the motto underlined to its own width.
    mutating func officialHeading(_ heading: ReportPDFDocument.Heading) {
        let leftWidth = 72.0
        let rightX = Self.margin + leftWidth + 4
        let rightWidth = Self.width - leftWidth - 4
        var left = y
        pen.setGray(0)
        if let superior = heading.superior {
            let text = block(superior, size: 12, width: leftWidth, maxLines: 2, alignment: .center)
            pen.show(text, x: Self.margin, y: left)
            left += text.size.height
        }
        let agency = block(heading.agency, size: 12, bold: true, width: leftWidth, maxLines: 3, alignment: .center)
        pen.show(agency, x: Self.margin, y: left)
        left += agency.size.height + 0.8
        let ruleWidth = min(agency.inkWidth, leftWidth) / 3
        pen.line(Self.margin + (leftWidth - ruleWidth) / 2, left, Self.margin + (leftWidth + ruleWidth) / 2, left)
        pen.stroke(width: 0.3)
        left += 2.5
        let number = block(heading.number, size: 12.5, width: leftWidth, maxLines: 1, alignment: .center)
        pen.show(number, x: Self.margin, y: left)
        left += number.size.height

        var right = y
        let title = block(heading.title, size: 12, bold: true, width: rightWidth, maxLines: 2, alignment: .center)
        pen.show(title, x: rightX, y: right)
        right += title.size.height
        if let motto = heading.motto {
            let text = block(motto, size: 13, bold: true, width: rightWidth, maxLines: 1, alignment: .center)
            pen.show(text, x: rightX, y: right)
            right += text.size.height + 0.4
            let width = min(text.inkWidth, rightWidth)
            pen.line(rightX + (rightWidth - width) / 2, right, rightX + (rightWidth + width) / 2, right)
            pen.stroke(width: 0.3)
            right += 2.5
        } else {
            // A Party body's title is underlined itself.
            let width = min(title.inkWidth, rightWidth)
            pen.line(rightX + (rightWidth - width) / 2, right + 0.2, rightX + (rightWidth + width) / 2, right + 0.2)
            pen.stroke(width: 0.3)
            right += 2.5
        }
        let date = block(
            heading.placeDate, size: 12.5, italic: true, width: rightWidth, maxLines: 2, alignment: .center)
        pen.show(date, x: rightX, y: right)
        right += date.size.height
        y = max(left, right) + 8
    }

    mutating func code(_ text: String) {
        let line = TextBlock(
            canvas, text: text, font: FontDescription(Fonts.mono, size: serif ? 10.5 : 8.5), width: Self.width - 10,
            maxLines: 1)
        ensure(line.size.height)
        pen.setGray(0)
        pen.show(line, x: Self.margin + 10, y: y)
        y += line.size.height + 0.3
    }

    /// The signature block, two signers a row. The whole block is kept on one page (a signer
    /// alone on the last page signs nothing the committee read); only a block taller than a
    /// page is split, and then between rows.
    /// `keepWith`: the height of what must follow on the same page (the recipients).
    mutating func signatures(
        _ signers: [ReportPDFDocument.Signer], title: String?, hint: String, keepWith: Double = 0
    ) {
        let columns = signers.count == 1 ? 1 : 2
        let columnWidth = Self.width / Double(columns)
        let room = 30.0
        typealias Cell = (role: TextBlock, note: TextBlock, name: TextBlock)
        let rows: [[Cell]] = stride(from: 0, to: signers.count, by: columns).map { start in
            signers[start..<min(start + columns, signers.count)].map { signer in
                (
                    block(signer.role, size: bodySize, bold: true, width: columnWidth, maxLines: 2, alignment: .center),
                    block(
                        hint, size: bodySize - 1.5, italic: true, width: columnWidth, maxLines: 1, alignment: .center),
                    block(
                        signer.name.isEmpty ? "……………………………" : signer.name, size: bodySize, bold: true,
                        width: columnWidth, maxLines: 2, alignment: .center)
                )
            }
        }
        let heights = rows.map { row in
            row.map { $0.role.size.height + $0.note.size.height + room - 10 + $0.name.size.height }.max() ?? 0
        }
        let titleBlock = title.map {
            block($0, size: bodySize, bold: true, width: Self.width, maxLines: 1, alignment: .center)
        }
        let total = (titleBlock.map { $0.size.height + 2 } ?? 0) + heights.reduce(0) { $0 + $1 + 6 }
        y += 4
        ensure(min(total + keepWith, Self.bottom - Self.margin))
        pen.setGray(0)
        if let titleBlock {
            pen.show(titleBlock, x: Self.margin, y: y)
            y += titleBlock.size.height + 2
        }
        for (row, height) in zip(rows, heights) {
            ensure(height)
            for (index, cell) in row.enumerated() {
                // A lone signer signs on the right, as NĐ 30 places the signature.
                let x = Self.margin + (row.count == 1 && columns == 2 ? 1 : Double(index)) * columnWidth
                pen.show(cell.role, x: x, y: y)
                pen.show(cell.note, x: x, y: y + cell.role.size.height)
                pen.show(cell.name, x: x, y: y + cell.role.size.height + cell.note.size.height + room - 10)
            }
            y += height + 6
        }
    }

    func recipientsHeight(_ label: String, _ lines: [String]) -> Double {
        block(label, size: 12, bold: true, italic: true, width: Self.width / 2, maxLines: 1).size.height
            + lines.reduce(0) { $0 + block($1, size: 11, width: Self.width / 2, maxLines: 3).size.height }
    }

    /// "Nơi nhận:" and its lines, bottom left.
    mutating func recipients(_ label: String, _ lines: [String]) {
        let heading = block(label, size: 12, bold: true, italic: true, width: Self.width / 2, maxLines: 1)
        ensure(recipientsHeight(label, lines))
        pen.setGray(0)
        pen.show(heading, x: Self.margin, y: y)
        y += heading.size.height
        for line in lines {
            let text = block(line, size: 11, width: Self.width / 2, maxLines: 3)
            pen.show(text, x: Self.margin, y: y)
            y += text.size.height
        }
    }

    /// Makes room for `height` mm, starting a new page if needed. Returns true on a new page.
    @discardableResult
    mutating func ensure(_ height: Double) -> Bool {
        if y + height <= Self.bottom || y <= Self.margin + 0.1 { return false }
        finishPage()
        y = Self.margin
        if serif { topPageNumber() }
        return true
    }

    /// A plain report numbers every page at the foot ("Trang 2"); an official document does it
    /// as NĐ 30/2020 asks, in `topPageNumber`, so nothing is drawn here.
    mutating func finishPage() {
        if !serif {
            let footer = block(
                "\(pageLabel) \(canvas.pages + 1)", size: 8, width: Self.width, maxLines: 1, alignment: .center)
            pen.setGray(0.3)
            pen.show(footer, x: Self.margin, y: BallotLayout.pageHeight - Self.margin)
            pen.setGray(0)
        }
        canvas.showPage()
    }

    /// NĐ 30/2020 (Phụ lục I): pages numbered from the second, in Arabic numerals, 13 pt upright,
    /// centred in the top margin; the first page shows none.
    mutating func topPageNumber() {
        let number = block("\(canvas.pages + 1)", size: 13, width: Self.width, maxLines: 1, alignment: .center)
        pen.setGray(0)
        pen.show(number, x: Self.margin, y: (Self.margin - number.size.height) / 2)
    }

    mutating func title(_ text: String) {
        let title = block(text, size: 14, bold: true, width: Self.width, maxLines: 3, alignment: .center)
        pen.setGray(0)
        pen.show(title, x: Self.margin, y: y)
        y += title.size.height + 4
    }

    mutating func heading(_ text: String) {
        let heading = block(text, size: serif ? 13 : 11, bold: true, width: Self.width, maxLines: 2)
        ensure(heading.size.height + 12)
        y += 3
        pen.setGray(0)
        pen.show(heading, x: Self.margin, y: y)
        y += heading.size.height + 0.8
        pen.setGray(0.5)
        pen.line(Self.margin, y, Self.margin + Self.width, y)
        pen.stroke(width: 0.25)
        pen.setGray(0)
        y += 2
    }

    mutating func paragraph(
        _ text: String, size: Double, indent: Double = 0, bold: Bool = false, alignment: TextBlock.Alignment = .left
    ) {
        let paragraph = block(text, size: size, bold: bold, width: Self.width - indent, alignment: alignment)
        ensure(paragraph.size.height)
        pen.setGray(0)
        pen.show(paragraph, x: Self.margin + indent, y: y)
        y += paragraph.size.height + 1.2
    }

    mutating func table(_ table: ReportPDFDocument.Table) {
        let size = tableSize
        let padding = 1.0
        let count = table.columns.count
        guard count > 0 else { return }
        if let caption = table.caption { paragraph(caption, size: size + 1) }
        // Column widths: a column is at least as wide as its short cells (≤ 30 mm, kept on one
        // line) and its longest word, as far as the page allows. What is left is shared in
        // proportion to the full widths.
        var natural = [Double](repeating: 6, count: count)
        var oneLine = [Double](repeating: 6, count: count)
        var words = [Double](repeating: 6, count: count)
        func measure(_ text: String, bold: Bool) -> Double {
            TextBlock(canvas, text: text, font: font(size, bold: bold), width: nil).inkWidth + 2 * padding + 0.5
        }
        for row in [table.columns] + table.rows {
            let bold = row == table.columns
            for (i, cell) in row.prefix(count).enumerated() where !cell.isEmpty {
                let full = measure(cell, bold: bold)
                natural[i] = max(natural[i], min(full, 70))
                let longest = min(cell.split(separator: " ").map { measure(String($0), bold: bold) }.max() ?? 6, 30)
                words[i] = max(words[i], longest)
                oneLine[i] = max(oneLine[i], full <= 30 && !bold ? full : longest)
            }
        }
        // Words are never broken; the room between that and one-line short cells is shared
        // in proportion, so every column gives up the same fraction of what it would like.
        let wordsTotal = words.reduce(0, +)
        let wish = zip(oneLine, words).map { $0 - $1 }.reduce(0, +)
        let fraction = wish > 0 ? min(1, max(0, (Self.width - wordsTotal) / wish)) : 1
        let minimum = zip(oneLine, words).map { $1 + ($0 - $1) * fraction }
        natural = zip(natural, minimum).map { max($0, $1) }
        let widths: [Double]
        let spare = Self.width - minimum.reduce(0, +)
        let stretch = natural.reduce(0, +) - minimum.reduce(0, +)
        if spare <= 0 {
            widths = minimum.map { $0 * Self.width / minimum.reduce(0, +) }
        } else if stretch <= spare {
            widths = natural.map { $0 + (spare - stretch) / Double(count) }
        } else {
            widths = zip(minimum, natural).map { $0 + ($1 - $0) * spare / stretch }
        }

        func cells(_ row: [String], bold: Bool) -> [TextBlock] {
            (0..<count).map { i in
                block(i < row.count ? row[i] : "", size: size, bold: bold, width: widths[i] - 2 * padding, maxLines: 6)
            }
        }
        func height(_ blocks: [TextBlock]) -> Double { (blocks.map(\.size.height).max() ?? 3) + 2 * padding }

        let header = cells(table.columns, bold: true)
        let headerHeight = height(header)
        func drawRow(_ blocks: [TextBlock], height: Double, shaded: Bool) {
            if shaded {
                pen.setGray(0.92)
                pen.rectangle(MMRect(x: Self.margin, y: y, width: Self.width, height: height))
                pen.fill()
            }
            pen.setGray(0)
            var x = Self.margin
            for (i, cell) in blocks.enumerated() {
                pen.show(cell, x: x + padding, y: y + padding)
                x += widths[i]
            }
            pen.setGray(0.7)
            pen.line(Self.margin, y + height, Self.margin + Self.width, y + height)
            pen.stroke(width: 0.15)
            pen.setGray(0)
            y += height
        }
        ensure(headerHeight * 2)
        drawRow(header, height: headerHeight, shaded: true)
        for row in table.rows {
            let blocks = cells(row, bold: false)
            let rowHeight = height(blocks)
            if ensure(rowHeight) { drawRow(header, height: headerHeight, shaded: true) }
            drawRow(blocks, height: rowHeight, shaded: false)
        }
        y += 3
    }

    mutating func chart(_ chart: ReportPDFDocument.Chart) {
        let rowHeight = 4.6
        let labelWidth = 58.0
        let barWidth = 90.0
        let title = block(chart.title, size: serif ? 10.5 : 8.5, bold: true, width: Self.width, maxLines: 2)
        // A chart is never split across pages: it starts on the next page unless all of it fits.
        ensure(title.size.height + 1 + rowHeight * Double(chart.bars.count) + 2.5)
        pen.setGray(0)
        pen.show(title, x: Self.margin, y: y)
        y += title.size.height + 1
        for bar in chart.bars {
            let label = block(bar.label, size: 7.5, width: labelWidth - 2, maxLines: 1, alignment: .right)
            pen.setGray(0)
            pen.show(label, x: Self.margin, y: y + 0.4)
            let x = Self.margin + labelWidth
            pen.setGray(0.9)
            pen.rectangle(MMRect(x: x, y: y + 0.6, width: barWidth, height: rowHeight - 1.4))
            pen.fill()
            let length = min(max(bar.value, 0), 1) * barWidth
            if length > 0 {
                cairo_set_source_rgb(pen.cr, 0.23, 0.43, 0.66)
                pen.rectangle(MMRect(x: x, y: y + 0.6, width: length, height: rowHeight - 1.4))
                pen.fill()
            }
            let text = block(bar.text, size: 7.5, width: 24, maxLines: 1)
            pen.setGray(0)
            pen.show(text, x: x + barWidth + 2, y: y + 0.4)
            y += rowHeight
        }
        y += 2.5
    }
}
