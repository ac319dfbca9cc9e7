import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 20, items 3 and 4, as a trial met them with a round over two offices (Phòng Tư pháp and
/// Tổ Một cửa): every document names each official's own office; the minutes keep paper ballots
/// apart from keying checks, name the round in words, keep the signatures together and number
/// pages as NĐ 30 does; the ballot says what its number is for and gives the criteria in full;
/// slips name every office and the agency. Read back from the real outputs (text, HTML, JSON,
/// and PDF through pdftotext, with word positions).
@Suite("Combined round: one unit per official in every document; minutes, ballot and slip wording")
struct CombinedRoundDocumentsTests {
    typealias T = TallyCLITests
    typealias D = OfficialDocumentsTests

    /// Two tallied quarters of one round over U and S: Nguyễn Văn An (U) and Phạm Thị Dung (S)
    /// are flagged in both, so the third quarter has actions for each.
    static func workspace(_ name: String) throws -> (CLI, q3: String) {
        let cli = try T.workspace(name)
        let marks = ["a.thai-do": 3, "d.tac-phong": 3]
        let q2 = try T.closedRound(cli, period: "2026-Q2", unit: "U+S", total: 7, marks: marks)
        try T.tally(cli, q2)
        let q3 = try T.closedRound(cli, period: "2026-Q3", unit: "U+S", total: 7, marks: marks)
        try T.tally(
            cli, q3,
            [
                "--member", "Phạm Văn Cỹ, Trưởng ban", "--member", "Nguyễn Thị Hữu, Thư ký",
                "--member", "Lê Văn Đặng",
            ])
        return (cli, q3)
    }

    /// Every line naming An names Phòng Tư pháp and never Tổ Một cửa, and the other way round for
    /// Dung; at least one line names each.
    static func unitsAgree(_ text: String, _ what: String) {
        let lines = text.split(separator: "\n")
        for (name, own, other) in [
            ("Nguyễn Văn An", "Phòng Tư pháp", "Tổ Một cửa"), ("Phạm Thị Dung", "Tổ Một cửa", "Phòng Tư pháp"),
        ] {
            let named = lines.filter { $0.contains(name) }
            #expect(!named.isEmpty, "\(what): \(name) missing")
            #expect(named.contains { $0.contains(own) }, "\(what): \(name) is never shown in \(own)")
            for line in named { #expect(!line.contains(other), "\(what): \(name) shown in \(other): \(line)") }
        }
    }

    /// Words of a PDF equal to `word`, over all pages.
    static func count(_ word: String, in pages: [PDFWords.Page]) -> Int {
        pages.reduce(0) { $0 + $1.words.filter { $0.text == word }.count }
    }

    @Test func everyDocumentNamesEachOfficialsOwnUnit() throws {
        let (cli, q3) = try Self.workspace("combined-units")
        let text = try cli.run(["report", "--round", q3, "--format", "text"])
        #expect(text.status == 0, "\(text.stderr)")
        Self.unitsAgree(text.stdout, "round report (text)")
        #expect(text.stdout.contains("Tổ trưởng · Tổ Một cửa"), "the result table names the unit after the position")
        let minutes = try cli.run(["report", "minutes", "--round", q3, "--format", "text"]).stdout
        Self.unitsAgree(minutes, "minutes (text)")
        let flags = try cli.run(["report", "flags", "--period", "2026-Q3", "--format", "text"]).stdout
        Self.unitsAgree(flags, "flags report (text)")

        // HTML: the flag rows' unit cells.
        let html = try cli.run(["report", "--round", q3, "--format", "html"]).stdout
        #expect(html.contains("<td>Phạm Thị Dung</td><td>Tổ trưởng</td><td>Tổ Một cửa</td>"), "\(html)")
        #expect(html.contains("<td>Nguyễn Văn An</td><td>Trưởng phòng</td><td>Phòng Tư pháp</td>"))
        let minutesHTML = try cli.run(["report", "minutes", "--round", q3, "--format", "html"]).stdout
        #expect(minutesHTML.contains("<td>Phạm Thị Dung</td><td>Tổ trưởng</td><td>Tổ Một cửa</td>"))

        // JSON: the round report's flags carry the official's unit, as the flags report does.
        let json = try T.json(try cli.run(["report", "--round", q3, "--format", "json"]).stdout)
        let units = Set(
            (json["flags"] as? [[String: Any]] ?? []).map {
                "\($0["official_id"] as? String ?? "") \($0["unit_name"] as? String ?? "")"
            })
        #expect(units == ["a Phòng Tư pháp", "d Tổ Một cửa"], "\(units)")

        // PDF: "Phòng Tư pháp; Tổ Một cửa" is the round's heading line only, never a row's unit.
        let reportPDF = cli.path("report.pdf")
        #expect(try cli.run(["report", "--round", q3, "--format", "pdf", "--out", reportPDF]).status == 0)
        let reportPages = try PDFWords.pages(reportPDF)
        #expect(Self.count("pháp;", in: reportPages) == 1, "\(reportPages.map(\.text))")
        #expect(D.words(try D.pdfText(reportPDF)).contains("Đơn vị: Phòng Tư pháp; Tổ Một cửa"))
        #expect(Self.count("cửa", in: reportPages) >= 5, "Tổ Một cửa for Dung's rows and flags")
        let minutesPDF = cli.path("minutes.pdf")
        #expect(try cli.run(["report", "minutes", "--round", q3, "--out", minutesPDF]).status == 0)
        #expect(Self.count("pháp;", in: try PDFWords.pages(minutesPDF)) == 0)
        let flagsPDF = cli.path("flags.pdf")
        #expect(
            try cli.run(["report", "flags", "--period", "2026-Q3", "--format", "pdf", "--out", flagsPDF]).status == 0)
        #expect(Self.count("pháp;", in: try PDFWords.pages(flagsPDF)) == 0)
    }

    @Test func minutesSeparateBallotsFromKeyingAndReadAsAnAgencyDocument() throws {
        let (cli, round, _) = try D.minutesWorkspace("minutes-nd30")
        let text = try cli.run(["report", "minutes", "--round", round, "--format", "text"]).stdout
        // The round in words in the first sentence; its id only on the archive line.
        let opening = try #require(text.split(separator: "\n").first { $0.hasPrefix("Hôm nay") })
        #expect(!opening.contains(round), "\(opening)")
        #expect(opening.contains("“PHIẾU ĐÁNH GIÁ CÁN BỘ” Quý 3/2026 đối với Phòng Tư pháp"), "\(opening)")
        #expect(text.contains("- Lưu: VT, hồ sơ vòng \(round)."))
        // Paper ballots in the counts table; the one keyed row held, apart, said not to be a ballot.
        #expect(!text.contains("bị giữ lại để xem xét"))
        let counts = text.components(separatedBy: "II. Số phiếu")[1].components(separatedBy: "Đối chiếu khi nhập")[0]
        for line in ["Số phiếu phát ra", "Số phiếu thu vào", "Số phiếu hợp lệ", "Trong đó phiếu trắng"] {
            #expect(counts.contains(line), "counts lack \(line)")
        }
        #expect(!counts.contains("giữ lại"), "\(counts)")
        #expect(
            text.contains(
                "Đối chiếu khi nhập phiếu vào máy: 1 dòng nhập liệu hoặc bản quét được giữ lại để đối chiếu với phiếu giấy. Đây không phải là số phiếu"
            ), "\(text)")
        // `--help` lists only the formats the minutes are written in.
        let help = try cli.run(["report", "minutes", "--help"])
        #expect(help.stdout.contains("pdf, html, text"), "\(help.stdout)")
        for refused in ["json", "csv", "xlsx"] { #expect(!help.stdout.contains(refused), "help lists \(refused)") }

        // The PDF: no number on page 1; from page 2 the number alone, top centre (NĐ 30).
        let out = cli.path("minutes.pdf")
        #expect(try cli.run(["report", "minutes", "--round", round, "--out", out]).status == 0)
        let pages = try PDFWords.pages(out)
        #expect(pages.count >= 2, "\(pages.count) pages")
        #expect(!pages[0].words.contains { $0.yMax < 18 || $0.yMin > 275 }, "a number on page 1")
        for (index, page) in pages.enumerated().dropFirst() {
            let number = page.words.filter { $0.yMax < 18 }
            #expect(number.map(\.text) == ["\(index + 1)"], "page \(index + 1) top: \(number.map(\.text))")
            #expect(number.allSatisfy { abs($0.midX - 105) < 3 }, "page \(index + 1) number not centred")
            #expect(!page.words.contains { $0.yMin > 275 }, "page \(index + 1) numbered at the foot")
        }
        #expect(Self.count("Trang", in: pages) == 0)
        // The signature block on one page: the title, all three roles and the recipients.
        let signing = pages.filter { $0.text.contains("TỔ KIỂM PHIẾU") }
        #expect(signing.count == 1)
        for role in ["TRƯỞNG BAN", "THƯ KÝ", "THÀNH VIÊN", "Nơi nhận:"] {
            #expect(signing.first?.text.contains(role) == true, "\(role) not with the signature block")
        }
    }

    @Test func aCarriedFlagSaysItsFigureIsTheEarlierRounds() throws {
        let (cli, _) = try Self.workspace("combined-carried")
        // Q4: the office alone, too few ballots: Dung's Q3 action is carried over it.
        let alone = try T.closedRound(cli, period: "2026-Q4", unit: "S", total: 3, marks: ["d.tac-phong": 3])
        try T.tally(cli, alone)
        let flags = try cli.run(["report", "flags", "--period", "2026-Q4", "--format", "text"]).stdout
        let row = try #require(flags.split(separator: "\n").first { $0.contains("Phạm Thị Dung") }, "\(flags)")
        #expect(row.contains("42,9% (3/7) — số liệu Quý 3/2026, giữ nguyên"), "\(row)")
        #expect(row.contains("Tổ Một cửa"))
        let csv = try cli.run(["report", "flags", "--period", "2026-Q4", "--format", "csv"]).stdout
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first?.hasSuffix(",Số liệu giữ nguyên từ kỳ") == true, "\(lines.first ?? "")")
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",2026-Q3") }, "\(csv)")
    }

    @Test func ballotsAndSlipsSayWhatTheyNeedTo() throws {
        let (cli, _) = try Self.workspace("combined-ballot")
        let opened = try cli.run([
            "round", "open", "--survey", "quarterly-7", "--period", "2026-Q4", "--unit", "U", "--unit", "S",
            "--ballots", "2",
        ])
        #expect(opened.status == 0, "\(opened.stderr)")
        let pdf = cli.path("ballots.pdf")
        #expect(try cli.run(["ballots", "print", "--round", opened.lastLine, "--out", pdf]).status == 0)
        let pages = try PDFWords.pages(pdf)
        #expect(pages.count == 2)
        for page in pages {
            // The notice beside the bottom-left QR code, under the rows, clear of the squares.
            let notice = page.words.filter { $0.yMin >= 262 && $0.yMax <= 275 && $0.xMin >= 49 }
            let said = notice.map(\.text).joined(separator: " ")
            #expect(said.contains("không ai biết số nào đã phát cho ai"), "\(said)")
            #expect(notice.allSatisfy { $0.xMax <= 188 })
            // The criteria in full under the grid (7 rows end at 102), above the rows' limit.
            let legend = page.words.filter { $0.yMin > 102 && $0.yMax <= 260 }.map(\.text).joined(separator: " ")
            #expect(legend.contains("Các tiêu chí trên phiếu:"), "\(legend)")
            #expect(legend.contains("Đạo đức: Đạo đức, lối sống"), "\(legend)")
            #expect(legend.contains("Sách nhiễu: Sách nhiễu, gây phiền hà"), "\(legend)")
        }

        // Slips of a two-office round name both offices and the agency.
        let next = try cli.run([
            "round", "open", "--survey", "quarterly-7", "--period", "2027-Q1", "--unit", "U", "--unit", "S",
            "--ballots", "2",
        ])
        #expect(next.status == 0, "\(next.stderr)")
        let slips = cli.path("slips.pdf")
        let printed = try cli.run([
            "ballots", "slips", "--round", next.lastLine, "--out", slips, "--public-url", "https://phieu.example.vn",
        ])
        #expect(printed.status == 0, "\(printed.stderr)")
        let slip = D.words(try D.pdfText(slips))
        #expect(slip.contains("UBND Quận Mẫu"), "\(slip)")
        #expect(slip.contains("Quý 1/2027 — Phòng Tư pháp và Tổ Một cửa"), "\(slip)")
    }
}
