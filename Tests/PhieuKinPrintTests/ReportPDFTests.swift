import Foundation
import PhieuKinPrint
import PhieuKinTestSupport
import Testing

/// The report PDF's page flow and official-document layout, read back with poppler-utils.
@Suite("Report PDF: charts kept whole, official heading in Liberation Serif")
struct ReportPDFTests {
    /// Forty seven-bar charts run over several pages; each starts on a page with room for all of
    /// its bars, so no chart's bars are split from its title.
    @Test(arguments: [false, true])
    func chartsAreNeverSplitAcrossPages(official: Bool) throws {
        let charts = (1...40).map { n in
            ReportPDFDocument.Chart(
                title: "Biểu đồ \(n)",
                bars: (1...7).map {
                    ReportPDFDocument.Bar(label: "Nhãn \(n).\($0)", value: Double($0) / 7, text: "\($0)")
                })
        }
        var document = ReportPDFDocument(
            title: "DIỄN BIẾN", meta: [], sections: [.init(heading: "Diễn biến qua các kỳ", charts: charts)],
            pageLabel: "Trang")
        if official {
            document.heading = .init(
                superior: "UBND QUẬN BA ĐÌNH", agency: "UBND PHƯỜNG PHÚC XÁ",
                title: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto: "Độc lập - Tự do - Hạnh phúc", number: "Số: …/BC-…",
                placeDate: "Ba Đình, ngày 29 tháng 11 năm 2026")
        }
        let path = try TemporaryFiles.directory("report-pdf").appendingPathComponent("charts.pdf").path
        let summary = try ReportPDF.render(document, to: path)
        #expect(summary.pages > 2)
        let pages = try PDF.pageTexts(path)
        for n in 1...40 {
            let page = try #require(pages.firstIndex { $0.contains("Biểu đồ \(n)\n") }, "chart \(n) missing")
            for bar in 1...7 { #expect(pages[page].contains("Nhãn \(n).\(bar)"), "chart \(n) split at bar \(bar)") }
        }
    }

    /// Every Vietnamese letter with a diacritic (both cases), set in Liberation Serif, reads back
    /// from the PDF: no glyph is missing and pango falls back to no other family.
    @Test func everyVietnameseLetterReadsBackInLiberationSerif() throws {
        let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        let marks = ["\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"]
        var letters = ["ă", "â", "đ", "ê", "ô", "ơ", "ư"]
        for vowel in vowels {
            for mark in marks { letters.append((vowel + mark).precomposedStringWithCanonicalMapping) }
        }
        letters += letters.map { $0.uppercased() }
        #expect(letters.count == 134)
        var document = ReportPDFDocument(
            title: "CHỮ", meta: [], sections: [.init(heading: "Chữ cái", paragraphs: [letters.joined(separator: " ")])],
            pageLabel: "Trang")
        document.heading = .init(
            superior: nil, agency: "UBND PHƯỜNG", title: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            motto: "Độc lập - Tự do - Hạnh phúc", number: "Số: …/BB-…", placeDate: "Ba Đình, ngày 29 tháng 11 năm 2026")
        let path = try TemporaryFiles.directory("report-pdf").appendingPathComponent("letters.pdf").path
        try ReportPDF.render(document, to: path)
        let fonts = try run("pdffonts", [path])
        let families = Set(
            fonts.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first }
                .map { $0.split(separator: "+").last.map(String.init) ?? "" })
        #expect(families.allSatisfy { $0.hasPrefix("LiberationSerif") }, "\(families)")
        // pdftotext may run tightly set letters together: compare characters, not words.
        let read = Set(try PDF.text(path))
        for letter in letters { #expect(read.contains(Character(letter)), "\(letter) did not read back") }
    }

    @Test func officialHeadingInLiberationSerif() throws {
        var document = ReportPDFDocument(
            title: "BIÊN BẢN KIỂM PHIẾU", meta: [],
            sections: [.init(heading: "I. Thành phần", items: ["1. Phạm Văn Cỹ — Trưởng ban", "2. Nguyễn Thị Hữu"])],
            pageLabel: "Trang")
        document.heading = .init(
            superior: nil, agency: "ĐẢNG ỦY PHƯỜNG PHÚC XÁ", title: "ĐẢNG CỘNG SẢN VIỆT NAM", motto: nil,
            number: "Số: …/BB-…", placeDate: "Ba Đình, ngày 05 tháng 02 năm 2027")
        document.signers = [.init(role: "TRƯỞNG BAN", name: "Phạm Văn Cỹ"), .init(role: "THƯ KÝ", name: "")]
        document.signHint = "(Ký, ghi rõ họ tên)"
        document.recipientsLabel = "Nơi nhận:"
        document.recipients = ["- Lưu: VT."]
        let path = try TemporaryFiles.directory("report-pdf").appendingPathComponent("official.pdf").path
        try ReportPDF.render(document, to: path)
        let fonts = try run("pdffonts", [path])
        #expect(fonts.contains("LiberationSerif-Bold") && fonts.contains("LiberationSerif-Italic"))
        let text = try PDF.text(path)
        for expected in [
            "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY PHƯỜNG PHÚC XÁ", "Số: …/BB-…", "Ba Đình, ngày 05 tháng 02 năm 2027",
            "Phạm Văn Cỹ", "Nguyễn Thị Hữu", "TRƯỞNG BAN", "THƯ KÝ", "(Ký, ghi rõ họ tên)", "Nơi nhận:", "- Lưu: VT.",
        ] {
            #expect(text.contains(expected), "PDF lacks \(expected)")
        }
    }
}
