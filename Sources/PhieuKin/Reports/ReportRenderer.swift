import Foundation
public import PhieuKinCore
public import PhieuKinMessages
public import PhieuKinPrint

/// Turns reports into text, JSON, CSV or self-contained HTML.
///
/// Text, CSV and HTML share one `ReportDocument`, so they show the same things in the same
/// order: flagged officials, then the unit summary, then remarks. JSON is documented in
/// docs/REPORT-JSON.md. (`phieukin report --format csv` writes `ReportData`'s table instead: one
/// row per figure with numeric columns, like the `.xlsx`; docs/EXCEL.md.)
public enum ReportRenderer {
    // MARK: Text

    public static func text(_ report: RoundReport, language: Language = .vi) -> String {
        text(ReportDocument(report, language: language))
    }

    public static func text(_ report: FlagsReport, language: Language = .vi) -> String {
        text(ReportDocument(report, language: language))
    }

    public static func text(_ minutes: MinutesReport, language: Language = .vi) -> String {
        text(ReportDocument(minutes, language: language))
    }

    // MARK: CSV

    /// A UTF-8 byte-order mark, first in a CSV report file: without it Excel on Windows reads the
    /// file as the system code page and shows Vietnamese letters garbled.
    public static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// RFC 4180 CSV, one block per table: a heading row, a header row, data rows, a blank line.
    public static func csv(_ report: RoundReport, language: Language = .vi) -> String {
        csv(ReportDocument(report, language: language))
    }

    public static func csv(_ report: FlagsReport, language: Language = .vi) -> String {
        csv(ReportDocument(report, language: language))
    }

    // MARK: HTML

    /// One HTML file with inline CSS and inline SVG charts; every text is escaped.
    public static func html(_ report: RoundReport, language: Language = .vi) -> String {
        html(ReportDocument(report, language: language), language: language)
    }

    public static func html(_ report: FlagsReport, language: Language = .vi) -> String {
        html(ReportDocument(report, language: language), language: language)
    }

    public static func html(_ minutes: MinutesReport, language: Language = .vi) -> String {
        html(ReportDocument(minutes, language: language), language: language)
    }

    // MARK: Shared

    private static func text(_ document: ReportDocument) -> String {
        var out = ""
        if let heading = document.heading {
            out +=
                [heading.superior, heading.agency, heading.title, heading.motto, heading.number, heading.placeDate]
                .compactMap { $0 }.joined(separator: "\n") + "\n\n"
        }
        out += document.title + "\n" + String(repeating: "=", count: document.title.count) + "\n"
        if let subtitle = document.subtitle { out += subtitle + "\n" }
        for (label, value) in document.meta { out += "\(label): \(value)\n" }
        for section in document.sections {
            out += "\n"
            if !section.heading.isEmpty {
                out += section.heading + "\n" + String(repeating: "-", count: section.heading.count) + "\n"
            }
            for paragraph in section.paragraphs { out += paragraph + "\n" }
            for code in section.codes { out += "    " + code + "\n" }
            for line in chartLines(section) { out += line + "\n" }
            for table in section.tables { out += textTable(table) }
            // An official document's items are numbered already.
            let bullet = document.heading == nil ? "- " : "  "
            for item in section.items { out += bullet + item.replacingLineBreaks(with: " ") + "\n" }
        }
        if !document.signers.isEmpty {
            out += "\n" + (document.signersTitle.map { $0 + "\n" } ?? "")
            for signer in document.signers { out += "\(signer.role): \(signer.name.isEmpty ? "……………" : signer.name)\n" }
        }
        for line in document.recipients { out += line + "\n" }
        return out
    }

    /// Charts in words, for text and CSV: only for a section of charts alone (the trends);
    /// elsewhere a table beside the charts already holds their figures.
    private static func chartLines(_ section: ReportDocument.Section) -> [String] {
        guard section.tables.isEmpty else { return [] }
        return section.charts.map { chart in
            chart.title + ": " + chart.bars.map { "\($0.label) \($0.text)" }.joined(separator: "; ")
        }
    }

    private static func textTable(_ table: ReportDocument.Table) -> String {
        let all = [table.columns] + table.rows.map { $0.map { $0.replacingLineBreaks(with: " ") } }
        var widths = [Int](repeating: 0, count: table.columns.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ row: [String]) -> String {
            var text = ""
            for (i, cell) in row.enumerated() {
                let pad = i == row.count - 1 ? 0 : max(0, (i < widths.count ? widths[i] : 0) - cell.count)
                text += cell + String(repeating: " ", count: pad) + (i == row.count - 1 ? "" : "  ")
            }
            return text.trailingSpacesTrimmed() + "\n"
        }
        var out = ""
        if let caption = table.caption { out += caption + "\n" }
        out += line(table.columns)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in all.dropFirst() { out += line(row) }
        return out
    }

    private static func csv(_ document: ReportDocument) -> String {
        var lines: [[String]] = [[document.title]]
        for (label, value) in document.meta { lines.append([label, value]) }
        for section in document.sections {
            lines.append([])
            if !section.heading.isEmpty { lines.append([section.heading]) }
            for paragraph in section.paragraphs { lines.append([paragraph]) }
            for code in section.codes { lines.append([code]) }
            for line in chartLines(section) { lines.append([line]) }
            for table in section.tables {
                lines.append(table.columns)
                lines.append(contentsOf: table.rows)
            }
            for item in section.items { lines.append([item]) }
        }
        return lines.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes per RFC 4180 and defuses spreadsheet formulas (a remark may start with `=`).
    private static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            // A leading apostrophe keeps the text visible and stops spreadsheets evaluating it;
            // negative numbers never reach here (the report prints none).
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    private static func html(_ document: ReportDocument, language: Language) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(document.title))</title>
            <style>
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em;color:#222;max-width:60em}
            h1{font-size:1.4em;text-align:center}h2{font-size:1.15em;border-bottom:1px solid #999;margin-top:1.6em}
            table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}
            th{background:#eee}dl.meta{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}
            dl.meta dt{font-weight:bold}figure{margin:.8em 0}figcaption{font-weight:bold;margin-bottom:.3em}
            ul.remarks li{margin:.3em 0;white-space:pre-wrap}
            figure svg{max-width:100%;height:auto}
            body.official{font-family:"Liberation Serif","Times New Roman",serif;font-size:13pt}
            .heading{display:flex;justify-content:space-between;gap:1em;text-align:center;margin-bottom:1.5em}
            .heading .issuer{flex:0 0 40%}.heading .nation{flex:0 0 56%}
            .heading b.rule,.heading .motto{text-decoration:underline}.heading .date{font-style:italic;margin-top:.6em}
            p.subtitle{text-align:center;font-weight:bold}pre.codes{font-size:11pt;margin:.2em 0 .8em 2em}
            .signers{display:grid;grid-template-columns:repeat(auto-fit,minmax(14em,1fr));gap:1.5em;text-align:center;margin-top:1.5em}
            .signers .sign{height:4.5em}.signers i{font-size:.9em}
            .recipients{margin-top:1.5em;font-size:11pt}body.official ul.remarks{list-style:none;padding-left:1em}
            </style>
            </head>

            """
        if let heading = document.heading {
            out += "<body class=\"official\">\n<div class=\"heading\">\n<div class=\"issuer\">"
            if let superior = heading.superior { out += escape(superior) + "<br>" }
            out += "<b>\(escape(heading.agency))</b><br>———<br>\(escape(heading.number))</div>\n"
            // A Party body's title is underlined itself; a state body's motto is.
            out +=
                "<div class=\"nation\"><b\(heading.motto == nil ? " class=\"motto\"" : "")>\(escape(heading.title))</b>"
            if let motto = heading.motto { out += "<br><b class=\"motto\">\(escape(motto))</b>" }
            out += "<div class=\"date\">\(escape(heading.placeDate))</div></div>\n</div>\n"
        } else {
            out += "<body>\n"
        }
        out += "<h1>\(escape(document.title))</h1>\n"
        if let subtitle = document.subtitle { out += "<p class=\"subtitle\">\(escape(subtitle))</p>\n" }
        if !document.meta.isEmpty {
            out += "<dl class=\"meta\">\n"
            for (label, value) in document.meta { out += "<dt>\(escape(label))</dt><dd>\(escape(value))</dd>\n" }
            out += "</dl>\n"
        }
        for section in document.sections {
            out += "<section>\n"
            if !section.heading.isEmpty { out += "<h2>\(escape(section.heading))</h2>\n" }
            for paragraph in section.paragraphs { out += "<p>\(escape(paragraph))</p>\n" }
            if !section.codes.isEmpty {
                out += "<pre class=\"codes\">" + section.codes.map(escape).joined(separator: "\n") + "</pre>\n"
            }
            for table in section.tables {
                out += "<table>\n"
                if let caption = table.caption { out += "<caption>\(escape(caption))</caption>\n" }
                out += "<tr>" + table.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
                for row in table.rows { out += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
                out += "</table>\n"
            }
            for chart in section.charts { out += svg(chart) }
            if !section.items.isEmpty {
                out += "<ul class=\"remarks\">\n"
                for item in section.items { out += "<li>\(escape(item))</li>\n" }
                out += "</ul>\n"
            }
            out += "</section>\n"
        }
        if !document.signers.isEmpty {
            if let title = document.signersTitle { out += "<p class=\"subtitle\">\(escape(title))</p>\n" }
            out += "<div class=\"signers\">\n"
            for signer in document.signers {
                out += "<div><b>\(escape(signer.role))</b><br><i>\(escape(ReportStrings.text(.signHint, language)))</i>"
                out += "<div class=\"sign\"></div><b>\(escape(signer.name))</b></div>\n"
            }
            out += "</div>\n"
        }
        if !document.recipients.isEmpty {
            out += "<div class=\"recipients\"><b><i>\(escape(ReportStrings.text(.recipients, language)))</i></b><br>"
            out += document.recipients.map(escape).joined(separator: "<br>") + "</div>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// A horizontal bar chart: one labelled bar per entry, scaled to 100%.
    ///
    /// The label column is as wide as the longest label (at a generous 7.5 px a character of
    /// 12 px DejaVu Sans), so no label runs off the left edge; the SVG has a viewBox and scales
    /// down to the page width instead of being cut off on a narrow screen.
    private static func svg(_ chart: ReportDocument.Chart) -> String {
        let longest = chart.bars.map(\.label.count).max() ?? 0
        let labelWidth = max(120, Int((Double(longest) * 7.5).rounded(.up)) + 12)
        let barWidth = 300
        let rowHeight = 22
        let width = labelWidth + barWidth + 110
        let height = rowHeight * chart.bars.count + 8
        var out = "<figure>\n<figcaption>\(escape(chart.title))</figcaption>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(chart.title))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n"
        for (i, bar) in chart.bars.enumerated() {
            let y = 4 + i * rowHeight
            let length = Int((min(max(bar.value, 0), 1) * Double(barWidth)).rounded())
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(bar.label))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(barWidth)\" height=\"16\" fill=\"#eee\"/>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"16\" fill=\"#3b6ea8\"/>"
            out += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 15)\">\(escape(bar.text))</text>\n"
        }
        return out + "</svg>\n</figure>\n"
    }

    /// Escapes text for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    fileprivate func replacingLineBreaks(with replacement: String) -> String {
        split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: replacement)
    }

    fileprivate func trailingSpacesTrimmed() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

// MARK: PDF

extension ReportRenderer {
    /// Writes the round report as an A4 PDF (cairo + pango), with the same content and charts
    /// as the HTML.
    @discardableResult
    public static func pdf(_ report: RoundReport, language: Language = .vi, to path: String) throws -> PrintSummary {
        try ReportPDF.render(pdfDocument(ReportDocument(report, language: language), language: language), to: path)
    }

    @discardableResult
    public static func pdf(_ report: FlagsReport, language: Language = .vi, to path: String) throws -> PrintSummary {
        try ReportPDF.render(pdfDocument(ReportDocument(report, language: language), language: language), to: path)
    }

    /// Writes the tally minutes as an A4 PDF in the layout of an administrative document.
    @discardableResult
    public static func pdf(_ minutes: MinutesReport, language: Language = .vi, to path: String) throws -> PrintSummary {
        try ReportPDF.render(pdfDocument(ReportDocument(minutes, language: language), language: language), to: path)
    }

    /// The print module's presentation model of a report document.
    static func pdfDocument(_ document: ReportDocument, language: Language) -> ReportPDFDocument {
        var pdf = pdfBody(document, language: language)
        if let heading = document.heading {
            pdf.heading = .init(
                superior: heading.superior, agency: heading.agency, title: heading.title, motto: heading.motto,
                number: heading.number, placeDate: heading.placeDate)
        }
        pdf.subtitle = document.subtitle
        pdf.signersTitle = document.signersTitle
        pdf.signers = document.signers.map { .init(role: $0.role, name: $0.name) }
        pdf.signHint = ReportStrings.text(.signHint, language)
        pdf.recipientsLabel = ReportStrings.text(.recipients, language)
        pdf.recipients = document.recipients
        return pdf
    }

    private static func pdfBody(_ document: ReportDocument, language: Language) -> ReportPDFDocument {
        ReportPDFDocument(
            title: document.title,
            meta: document.meta.map { ReportPDFDocument.Entry(label: $0.label, value: $0.value) },
            sections: document.sections.map { section in
                ReportPDFDocument.Section(
                    heading: section.heading, paragraphs: section.paragraphs,
                    tables: section.tables.map { .init(caption: $0.caption, columns: $0.columns, rows: $0.rows) },
                    charts: section.charts.map { chart in
                        .init(
                            title: chart.title,
                            bars: chart.bars.map { .init(label: $0.label, value: $0.value, text: $0.text) })
                    }, items: section.items, codes: section.codes)
            }, pageLabel: ReportStrings.text(.page, language))
    }
}
