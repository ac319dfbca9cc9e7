import Foundation
import PhieuKinCore
import PhieuKinPrint
import Testing

@Suite("Ballot printer")
struct BallotPrinterTests {
    @Test("a 30-official unit prints one page per sheet with NFC names, serials and two QR codes per page")
    func thirtyOfficials() throws {
        let document = Fixture.document(rows: 30)
        let serials = Fixture.serials(4)
        let path = Fixture.temporaryPath("thirty.pdf")
        let summary = try BallotPrinter.renderBallots(document, serials: serials, to: path)

        #expect(summary.pages == 4)
        #expect(try PDF.pageCount(path) == 4)
        #expect(summary.bytes == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))

        let pages = try PDF.pageTexts(path)
        #expect(pages.count == 4)
        for (index, text) in pages.enumerated() {
            for name in Fixture.namedOfficials {
                #expect(name.precomposedStringWithCanonicalMapping.utf8.elementsEqual(name.utf8))
                #expect(containsUTF8(text, name), "page \(index + 1) lacks the NFC name \(name)")
            }
            #expect(containsUTF8(text, document.rows[29].label))
            #expect(containsUTF8(text, "PHIẾU ĐÁNH GIÁ CÁN BỘ"))
            #expect(containsUTF8(text, "(phiếu kín)"))
            #expect(containsUTF8(text, "Quý 3/2026"))
            #expect(containsUTF8(text, "Ngày 15/07/2026"))
            #expect(containsUTF8(text, "Số phiếu: \(serials[index])"))
            #expect(containsUTF8(text, "Trang 1/1"))
            #expect(containsUTF8(text, "Ý kiến khác"))
            for other in serials where other != serials[index] { #expect(!text.contains(other)) }
        }

        let payloads = try PDF.qrPayloads(path, first: 1, last: 4)
        #expect(payloads.count == 4)
        for (index, found) in payloads.enumerated() {
            let expected = "PK1|quarterly-7|2026-Q3.u-tccb|1/1|3f9a0c1d2e4b5a67|\(serials[index])"
            #expect(found == [expected, expected], "page \(index + 1): both corner codes carry the payload")
        }
    }

    @Test(
        "a large unit continues on numbered pages, each with its own payload and repeated headers",
        arguments: [(60, [30, 30]), (75, [25, 25, 25])])
    func largeUnit(rows: Int, split: [Int]) throws {
        let document = Fixture.document(rows: rows)
        #expect(BallotLayout(document).rowsPerPage == split)
        let pageCount = split.count
        let serials = ["7K2Q-BIG1-AAAA", "7K2Q-BIG2-BBBB"]
        let path = Fixture.temporaryPath("large-\(rows).pdf")
        let summary = try BallotPrinter.renderBallots(document, serials: serials, to: path)
        #expect(summary.pages == 2 * pageCount)
        #expect(try PDF.pageCount(path) == 2 * pageCount)

        let texts = try PDF.pageTexts(path)
        let payloads = try PDF.qrPayloads(path, first: 1, last: 2 * pageCount)
        var firstRow = 0
        for sheet in 0..<2 {
            firstRow = 0
            for page in 0..<pageCount {
                let number = sheet * pageCount + page
                let text = texts[number]
                #expect(containsUTF8(text, "Trang \(page + 1)/\(pageCount)"))
                #expect(containsUTF8(text, "Số phiếu: \(serials[sheet])"))
                #expect(containsUTF8(text, "Họ và tên, chức vụ"))
                #expect(containsUTF8(text, "Tư tưởng"))
                // Rows continue in roster order with their roster numbers.
                #expect(containsUTF8(text, document.rows[firstRow].label))
                #expect(containsUTF8(text, document.rows[firstRow + split[page] - 1].label))
                if page > 0 { #expect(!containsUTF8(text, document.rows[firstRow - 1].label)) }
                #expect(containsUTF8(text, "Ý kiến khác") == (page == pageCount - 1))
                let expected =
                    "PK1|quarterly-7|2026-Q3.u-tccb|\(page + 1)/\(pageCount)|3f9a0c1d2e4b5a67|\(serials[sheet])"
                #expect(payloads[number] == [expected, expected])
                firstRow += split[page]
            }
        }
        #expect(firstRow == rows)
    }

    @Test("unnumbered sheets carry '-' in the payload and print no serial")
    func unnumbered() throws {
        let path = Fixture.temporaryPath("unnumbered.pdf")
        let summary = try BallotPrinter.renderBallots(Fixture.document(rows: 12), serials: [nil, nil], to: path)
        #expect(summary.pages == 2)
        let text = try PDF.text(path)
        #expect(!text.contains("Số phiếu"))
        #expect(containsUTF8(text, "Nguyễn Thị Hồng Nhung"))
        let expected = "PK1|quarterly-7|2026-Q3.u-tccb|1/1|3f9a0c1d2e4b5a67|-"
        #expect(try PDF.qrPayloads(path, first: 1, last: 2) == [[expected, expected], [expected, expected]])
    }

    @Test("registration squares, mark boxes and QR quiet zones sit where BallotLayout says")
    func geometry() throws {
        let document = Fixture.document(rows: 30)
        let layout = BallotLayout(document)
        let path = Fixture.temporaryPath("geometry.pdf")
        try BallotPrinter.renderBallots(document, serials: ["7K2Q-GEOM-0001"], to: path)
        let page = try PDF.grayPage(path, page: 1, dpi: 100)
        for square in BallotLayout.registrationSquares {
            #expect(page.level(square.midX, square.midY) < 40, "square at \(square.x),\(square.y) is black")
            #expect(page.level(square.x - 1.5, square.midY) > 215, "white left of \(square.x),\(square.y)")
            #expect(page.level(square.midX, square.y + square.height + 1.5) > 215)
        }
        for box in [BallotLayout.qrTopRight, BallotLayout.qrBottomLeft] {
            // The outer quiet zone is white, the finder pattern's outer ring just inside is dark.
            #expect(page.level(box.x + 0.3, box.midY) > 215)
            #expect(page.level(box.x + box.width - 0.3, box.midY) > 215)
        }
        // Box outlines are dark, box centres are white (nothing pre-printed inside a mark box).
        for slot in [0, 14, 29] {
            for column in [0, 6] {
                let box = layout.markBox(slot: slot, column: column)
                #expect(page.level(box.midX, box.midY) > 215)
                #expect(page.darkest(box.x - 0.4, box.x + 0.4, box.midY) < 128, "left edge of box \(slot),\(column)")
            }
        }
        let remark = try #require(layout.remarkBox(page: 0))
        #expect(page.darkest(remark.x - 0.4, remark.x + 0.4, remark.midY) < 128)
        #expect(remark.y + remark.height <= BallotLayout.rowsBottomLimit)
    }

    @Test("standalone questions print as single-choice rows", arguments: [Language.vi, .en])
    func questions(language: Language) throws {
        var document = Fixture.document(rows: 5, remark: false)
        document.rows = [
            "Thái độ phục vụ của cán bộ tiếp nhận hồ sơ",
            "Thời gian giải quyết hồ sơ so với giấy hẹn, kể cả các trường hợp phải bổ sung giấy tờ theo yêu cầu",
            "Công khai thủ tục hành chính", "Chi phí ngoài quy định", "Cơ sở vật chất nơi tiếp dân",
        ].map { BallotDocument.Row(label: $0) }
        document.columns = ["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng"].map {
            BallotDocument.Column(header: $0)
        }
        document.mode = .singleChoice
        document.rowHeader = "Câu hỏi"
        document.language = language
        let path = Fixture.temporaryPath("questions-\(language).pdf")
        let summary = try BallotPrinter.renderBallots(document, serials: ["Q-0001"], to: path)
        #expect(summary.pages == 1)
        let text = try PDF.text(path)
        #expect(containsUTF8(text, "Câu hỏi"))
        #expect(containsUTF8(text, "Bình thường"))
        #expect(containsUTF8(text, "Công khai thủ tục hành chính"))
        #expect(!containsUTF8(text, "Ý kiến khác"))
        switch language {
        case .vi: #expect(containsUTF8(text, "Trang 1/1") && containsUTF8(text, "Số phiếu: Q-0001"))
        case .en: #expect(containsUTF8(text, "Page 1/1") && containsUTF8(text, "Serial: Q-0001"))
        }
        let layout = BallotLayout(document)
        let page = try PDF.grayPage(path, page: 1, dpi: 100)
        let circle = layout.markBox(slot: 0, column: 0)
        #expect(page.level(circle.midX, circle.midY) > 215)
        #expect(page.darkest(circle.x - 0.4, circle.x + 0.4, circle.midY) < 128)
        #expect(page.level(circle.x + 0.2, circle.y + 0.2) > 180, "a circle leaves the box corner blank")
    }

    @Test("layout descriptor depends on geometry only")
    func descriptor() {
        let thirty = Fixture.document(rows: 30)
        let text = BallotPrinter.layoutDescriptor(thirty)
        #expect(text == BallotPrinter.layoutDescriptor(thirty))
        var renamed = thirty
        renamed.rows = renamed.rows.map { BallotDocument.Row(label: $0.label + " X", sublabel: nil) }
        renamed.layoutID = "ffffffffffffffff"
        renamed.title = "OTHER"
        #expect(BallotPrinter.layoutDescriptor(renamed) == text)
        #expect(BallotPrinter.layoutDescriptor(Fixture.document(rows: 31)) != text)
        #expect(BallotPrinter.layoutDescriptor(Fixture.document(rows: 30, remark: false)) != text)
        var circles = thirty
        circles.mode = .singleChoice
        #expect(BallotPrinter.layoutDescriptor(circles) != text)

        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "phieukin-ballot-layout 1")
        #expect(lines.contains("page 210.00 297.00"))
        #expect(lines.contains("rows 30 columns 7 remark yes"))
        #expect(
            lines.contains(
                "registration 10.00 10.00 8.00 8.00; 192.00 10.00 8.00 8.00; 10.00 279.00 8.00 8.00; 192.00 279.00 8.00 8.00"
            ))
        for line in [
            "units mm origin top-left", "mode checkboxes", "index-column 20.00 7.00",
            "qr ec Q quiet 4 top-right 163.00 10.00 25.00 25.00; bottom-left 22.00 262.00 25.00 25.00",
            "grid left 20.00 width 170.00 top 47.00 header 13.00 rows-top 60.00 row-height 6.00",
            "mark square 4.00 center-x 89.77 105.19 120.61 136.03 151.45 166.87 182.29",
        ] {
            #expect(lines.contains(line), "descriptor line as in docs/BALLOT-LAYOUT.md: \(line)")
        }
        #expect(lines.contains("label-column 27.00 55.06"))
        #expect(lines.contains("mark-columns width 15.42 left 82.06 97.48 112.90 128.32 143.74 159.16 174.58"))
        #expect(lines.contains("pages 1"))
        #expect(lines.contains("page 1 remark 20.00 242.00 170.00 16.00"))
        #expect(lines.contains { $0.hasPrefix("page 1 rows 1-30 center-y 63.00 69.00 ") && $0.hasSuffix(" 237.00") })
        #expect(BallotPrinter.layoutDescriptor(Fixture.document(rows: 75)).contains("page 3 rows 51-75 center-y"))
    }

    @Test(
        "rows split over the fewest pages, evenly, leaving room for the remark box",
        arguments: [
            (30, true, [30]), (31, true, [16, 15]), (60, true, [30, 30]), (75, true, [25, 25, 25]),
            (33, false, [33]), (34, false, [17, 17]), (100, false, [25, 25, 25, 25]), (99, false, [33, 33, 33]),
            (1, true, [1]),
        ])
    func pagination(rows: Int, remark: Bool, split: [Int]) {
        let layout = BallotLayout(rowCount: rows, columnCount: 7, mode: .checkboxes, hasRemark: remark)
        #expect(layout.rowsPerPage == split)
        #expect(layout.rowsPerPage.reduce(0, +) == rows)
        for page in 0..<layout.pageCount {
            let bottom = layout.remarkBox(page: page).map { $0.y + $0.height } ?? layout.rowTop(split[page])
            #expect(bottom <= BallotLayout.rowsBottomLimit)
        }
    }

    @Test("an unwritable path gives PrintError.cannotWrite naming the path and leaves no file")
    func unwritable() throws {
        let path = "/nonexistent-phieukin-dir/sub/ballots.pdf"
        let error = try #require(throws: PrintError.self) {
            try BallotPrinter.renderBallots(Fixture.document(rows: 3), serials: ["A-1"], to: path)
        }
        #expect(error == .cannotWrite)
        #expect(error.reason.contains(path))
        #expect(error.reason.contains("writable"))
        #expect(!error.reason.contains("A-1"), "serials never appear in errors")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: PrintError.cannotWrite) {
            try BallotPrinter.renderSlips(
                title: "T", roundText: "R", instructions: "I", codes: ["C1"], links: ["https://x/phieu#C1"], to: path)
        }
    }

    @Test("documents that cannot be printed are refused before any file is written")
    func invalid() throws {
        let path = Fixture.temporaryPath("invalid.pdf")
        var nonASCII = Fixture.document(rows: 3)
        nonASCII.roundID = "quý-3"
        var tooWide = Fixture.document(rows: 3)
        tooWide.columns = (0...BallotLayout.maxColumns).map { BallotDocument.Column(header: "C\($0)") }
        var empty = Fixture.document(rows: 3)
        empty.rows = []
        for document in [nonASCII, tooWide, empty] {
            #expect(throws: PrintError.invalidDocument) {
                try BallotPrinter.renderBallots(document, serials: ["A-1"], to: path)
            }
        }
        #expect(throws: PrintError.invalidDocument) {
            try BallotPrinter.renderBallots(Fixture.document(rows: 3), serials: ["A|1"], to: path)
        }
        #expect(throws: PrintError.invalidDocument) {
            try BallotPrinter.renderBallots(Fixture.document(rows: 3), serials: [], to: path)
        }
        #expect(throws: PrintError.payloadTooLong) {
            try BallotPrinter.renderBallots(
                Fixture.document(rows: 3), serials: [String(repeating: "Z", count: 120)], to: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

@Suite("Access-code slips")
struct SlipTests {
    @Test("every code is printed and decodes from its own QR, ten slips per page")
    func slips() throws {
        let codes = (0..<13).map { "K\($0 + 10)Q-AB3D-EF\($0)H" }
        let path = Fixture.temporaryPath("slips.pdf")
        let summary = try BallotPrinter.renderSlips(
            title: "MÃ TRUY CẬP PHIẾU KÍN", roundText: "Đánh giá cán bộ – Quý 3/2026",
            instructions: "Nhập mã này tại https://phieukin.example.vn để bỏ phiếu. Mỗi mã dùng một lần.",
            codes: codes, links: codes.map { "https://phieukin.example.vn/phieu#\($0)" }, to: path)
        #expect(summary.pages == 2)
        #expect(try PDF.pageCount(path) == 2)
        let pages = try PDF.pageTexts(path)
        for (index, code) in codes.enumerated() {
            #expect(pages[index / SlipLayout.slipsPerPage].contains(code))
        }
        #expect(containsUTF8(pages[0], "MÃ TRUY CẬP PHIẾU KÍN"))
        #expect(containsUTF8(pages[1], "Đánh giá cán bộ – Quý 3/2026"))
        let payloads = try PDF.qrPayloads(path, first: 1, last: 2)
        #expect(payloads[0] == codes[0..<10].map { "https://phieukin.example.vn/phieu#\($0)" }.sorted())
        #expect(payloads[1] == codes[10...].map { "https://phieukin.example.vn/phieu#\($0)" }.sorted())
    }

    @Test("links that do not fit the payload grammar are refused, and so is a link missing")
    func invalidCodes() {
        let path = Fixture.temporaryPath("bad-slips.pdf")
        for links in [[], ["mã-1"], ["A|B"], [""]] {
            #expect(throws: PrintError.invalidDocument) {
                try BallotPrinter.renderSlips(
                    title: "T", roundText: "R", instructions: "I", codes: links.map { _ in "C" }, links: links, to: path
                )
            }
        }
        #expect(throws: PrintError.invalidDocument) {
            try BallotPrinter.renderSlips(
                title: "T", roundText: "R", instructions: "I", codes: ["C"], links: [], to: path)
        }
    }
}
