import Foundation
import PhieuKinPrint
import PhieuKinTestSupport
import Testing

/// Issue 20, item 4: the line saying what the number is for, and the criteria in full, printed in
/// the ballot's free space without moving a box, a square or a QR code (read back with
/// `pdftotext -bbox` and as pixels).
@Suite("Ballot notice and criteria legend: in the free space, never over a box")
struct BallotNoticeTests {
    static let notice =
        "Số phiếu và hai mã QR chỉ để máy đọc phiếu và để mỗi phiếu chỉ được tính một lần. Số phiếu do máy tạo ngẫu nhiên, không ghi lại cùng tên của ai: không ai biết số nào đã phát cho ai."
    static let legend = BallotDocument.Legend(
        title: "Các tiêu chí trên phiếu:",
        lines: Fixture.criteria.enumerated().map { "TC\($0.offset + 1): \($0.element.header)" })

    static func document(rows: Int) -> BallotDocument {
        var document = Fixture.document(rows: rows)
        document.notice = notice
        document.legend = legend
        return document
    }

    @Test("the notice is on every page, right of the bottom-left QR box, under the rows, clear of the squares")
    func noticeOnEveryPage() throws {
        let path = Fixture.temporaryPath("notice.pdf")
        try BallotPrinter.renderBallots(Self.document(rows: 31), serials: ["7K2Q-NOTE-0001"], to: path)
        let pages = try PDFWords.pages(path)
        #expect(pages.count == 2)
        for page in pages {
            let box = BallotLayout.noticeBox
            let words = page.words.filter { $0.yMin >= box.y - 0.5 && $0.yMax <= box.y + box.height }
            #expect(words.map(\.text).joined(separator: " ").contains("không ai biết số nào đã phát cho ai."))
            #expect(!words.isEmpty)
            for word in words {
                #expect(word.xMin >= BallotLayout.qrBottomLeft.x + BallotLayout.qrBottomLeft.width, "\(word)")
                #expect(word.xMax <= BallotLayout.registrationSquares[3].x - 4, "\(word)")
                #expect(word.yMin >= BallotLayout.rowsBottomLimit, "\(word)")
                #expect(word.yMax <= BallotLayout.registrationSquares[3].y - 4, "\(word)")
            }
        }
    }

    @Test(
        "the legend sits under the grid and above the rows' limit on each page with room; a full page has none",
        arguments: [(10, [true]), (31, [true, true]), (30, [false])])
    func legendInTheFreeSpace(rows: Int, shown: [Bool]) throws {
        let document = Self.document(rows: rows)
        let layout = BallotLayout(document)
        let path = Fixture.temporaryPath("legend-\(rows).pdf")
        try BallotPrinter.renderBallots(document, serials: ["7K2Q-LEGD-0001"], to: path)
        let pages = try PDFWords.pages(path)
        #expect(pages.map { $0.text.contains("Các tiêu chí trên phiếu:") } == shown)
        for (index, page) in pages.enumerated() where shown[index] {
            let free = layout.freeArea(page: index)
            let words = page.words.filter { $0.text.hasPrefix("TC") && $0.text.hasSuffix(":") }
            #expect(words.count == Fixture.criteria.count)
            for word in words {
                #expect(word.yMin >= free.y - 0.5 && word.yMax <= BallotLayout.rowsBottomLimit, "\(word)")
            }
            #expect(page.text.contains("TC2: Đạo đức, lối sống"))
        }
    }

    @Test("the layout descriptor, the boxes and the QR quiet zones are where they were")
    func nothingMoves() throws {
        let plain = Fixture.document(rows: 10)
        let worded = Self.document(rows: 10)
        #expect(BallotPrinter.layoutDescriptor(plain) == BallotPrinter.layoutDescriptor(worded))
        let path = Fixture.temporaryPath("notice-geometry.pdf")
        try BallotPrinter.renderBallots(worded, serials: ["7K2Q-GEOM-0002"], to: path)
        let page = try PDF.grayPage(path, page: 1, dpi: 100)
        let layout = BallotLayout(worded)
        for slot in 0..<10 {
            for column in 0..<layout.columnCount {
                let box = layout.markBox(slot: slot, column: column)
                #expect(page.level(box.midX, box.midY) > 215)
            }
        }
        let qr = BallotLayout.qrBottomLeft
        for y in stride(from: qr.y + 1, to: qr.y + qr.height - 1, by: 1) {
            #expect(page.level(qr.x + qr.width - 0.3, y) > 215, "quiet zone at y \(y)")
        }
        let square = BallotLayout.registrationSquares[3]
        #expect(page.darkest(square.x - 4, square.x - 0.5, square.midY) > 215, "left of the bottom-right square")
        #expect(page.darkest(square.x - 4, square.x + square.width, square.y - 1.5) > 215, "above it")
    }
}

/// Issue 20, item 3: an official document numbers its pages as NĐ 30 does and never leaves a
/// signer alone on a page.
@Suite("Official document pages: NĐ 30 numbering, the signature block kept together")
struct OfficialPagesTests {
    static func document(filler: Int, official: Bool) -> ReportPDFDocument {
        var document = ReportPDFDocument(
            title: "BIÊN BẢN KIỂM PHIẾU", meta: [],
            sections: [
                .init(heading: "Nội dung", paragraphs: (1...filler).map { "Đoạn \($0): kiểm phiếu và ghi biên bản." })
            ], pageLabel: "Trang")
        if official {
            document.heading = .init(
                superior: nil, agency: "UBND PHƯỜNG PHÚC XÁ", title: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                motto: "Độc lập - Tự do - Hạnh phúc", number: "Số: …/BB-…",
                placeDate: "Ba Đình, ngày 29 tháng 11 năm 2026")
        }
        document.signersTitle = "TỔ KIỂM PHIẾU"
        document.signers = ["TRƯỞNG BAN", "THƯ KÝ", "THÀNH VIÊN"].map { .init(role: $0, name: "") }
        document.signHint = "(Ký, ghi rõ họ tên)"
        document.recipientsLabel = "Nơi nhận:"
        document.recipients = ["- Lưu: VT, hồ sơ vòng 2026-Q3-U+S-quarterly-7."]
        return document
    }

    @Test("from page 2 the number alone, top centre; none on page 1; a plain report keeps 'Trang n' at the foot")
    func pageNumbers() throws {
        let directory = try TemporaryFiles.directory("official-pages")
        let official = directory.appendingPathComponent("official.pdf").path
        try ReportPDF.render(Self.document(filler: 90, official: true), to: official)
        let pages = try PDFWords.pages(official)
        #expect(pages.count >= 3)
        #expect(!pages[0].words.contains { $0.yMax < 18 || $0.yMin > 275 })
        for (index, page) in pages.enumerated().dropFirst() {
            let top = page.words.filter { $0.yMax < 18 }
            #expect(top.map(\.text) == ["\(index + 1)"])
            #expect(top.allSatisfy { abs($0.midX - page.width / 2) < 2 })
            #expect(!page.words.contains { $0.yMin > 275 })
        }
        let plain = directory.appendingPathComponent("plain.pdf").path
        try ReportPDF.render(Self.document(filler: 90, official: false), to: plain)
        for (index, page) in try PDFWords.pages(plain).enumerated() {
            let foot = page.words.filter { $0.yMin > 275 }.map(\.text)
            #expect(foot == ["Trang", "\(index + 1)"], "\(foot)")
        }
    }

    /// Wherever the text ends on its page, the title, the three signers and "Nơi nhận" share one
    /// page.
    @Test("the signature block is never split, nor left without its recipients, wherever the text before it ends")
    func signaturesTogether() throws {
        let directory = try TemporaryFiles.directory("signatures")
        for filler in stride(from: 20, through: 60, by: 2) {
            let path = directory.appendingPathComponent("sign-\(filler).pdf").path
            try ReportPDF.render(Self.document(filler: filler, official: true), to: path)
            let pages = try PDFWords.pages(path)
            let signing = pages.filter { $0.text.contains("TỔ KIỂM PHIẾU") }
            #expect(signing.count == 1)
            for role in ["BAN", "KÝ", "VIÊN", "nhận:"] {
                #expect(signing.first?.words.contains { $0.text == role } == true, "filler \(filler): \(role) apart")
            }
        }
    }
}
