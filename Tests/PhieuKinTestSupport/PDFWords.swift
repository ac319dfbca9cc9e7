import Foundation

/// The words of a PDF with their boxes, as `pdftotext -bbox` reads them: to assert where text
/// sits on the page (a page number at the top centre, a notice under the grid), not only that it
/// is there.
public enum PDFWords {
    public struct Word: Sendable {
        public var text: String
        /// In millimetres from the top-left corner of the page.
        public var xMin: Double
        public var yMin: Double
        public var xMax: Double
        public var yMax: Double
        public var midX: Double { (xMin + xMax) / 2 }
    }

    public struct Page: Sendable {
        /// In millimetres.
        public var width: Double
        public var height: Double
        public var words: [Word]
        /// The words in reading order, joined by single spaces.
        public var text: String { words.map(\.text).joined(separator: " ") }
    }

    /// Every page of the PDF at `path`, in order.
    public static func pages(_ path: String) throws -> [Page] {
        let result = try ExternalTool.run("/usr/bin/pdftotext", ["-bbox", path, "-"])
        guard result.status == 0 else { throw Failure(message: result.stderr) }
        let mm = 25.4 / 72
        func attribute(_ name: String, in tag: Substring) -> Double {
            guard let range = tag.range(of: name + "=\"") else { return 0 }
            let rest = tag[range.upperBound...]
            return Double(rest.prefix { $0 != "\"" }) ?? 0
        }
        var pages: [Page] = []
        for line in result.stdout.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("<page ") {
                pages.append(
                    Page(
                        width: attribute("width", in: trimmed) * mm, height: attribute("height", in: trimmed) * mm,
                        words: []))
            } else if trimmed.hasPrefix("<word "), let close = trimmed.firstIndex(of: ">"),
                let end = trimmed.range(of: "</word>"), !pages.isEmpty
            {
                let text = String(trimmed[trimmed.index(after: close)..<end.lowerBound])
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                pages[pages.count - 1].words.append(
                    Word(
                        text: text, xMin: attribute("xMin", in: trimmed) * mm,
                        yMin: attribute("yMin", in: trimmed) * mm,
                        xMax: attribute("xMax", in: trimmed) * mm, yMax: attribute("yMax", in: trimmed) * mm))
            }
        }
        return pages
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "pdftotext -bbox failed: \(message)" }
    }
}
