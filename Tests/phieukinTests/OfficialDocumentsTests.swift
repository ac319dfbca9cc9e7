import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 12, items 1, 2 and 6, as the counting committee, the leaders and the tellers meet them:
/// tally minutes and the leaders' report laid out as agency documents (Nghị định 30/2020), read
/// back from the PDFs with pdftotext and pdffonts; the question ballot's wording.
@Suite("Official documents: tally minutes, the leaders' report, ballot wording")
struct OfficialDocumentsTests {
    typealias T = TallyCLITests

    static func pdfText(_ path: String) throws -> String {
        let result = try ExternalTool.run("/usr/bin/pdftotext", ["-layout", path, "-"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// Collapses pdftotext's layout spacing so a phrase split across columns still reads.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A workspace made with the document options, the test roster and one tallied quarter with
    /// a named committee and one quarantined ballot (an unknown code) that was discarded.
    static func minutesWorkspace(_ name: String, kind: String = "state") throws -> (CLI, String, root: String) {
        let cli = try CLI.temporaryWorkspace(name)
        let made = try cli.run([
            "init", "--agency", "UBND Phường Phúc Xá", "--superior", "UBND Quận Ba Đình", "--place", "Ba Đình",
            "--agency-kind", kind,
        ])
        #expect(made.status == 0, "\(made.stderr)")
        try T.roster.write(toFile: cli.path("roster.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["roster", "import", cli.path("roster.csv")]).status == 0)
        let opened = try cli.run([
            "round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "U", "--ballots", "12",
            "--serials", "none",
        ])
        #expect(opened.status == 0, "\(opened.stderr)")
        let round = opened.lastLine
        let columns = T.officials["U"]!.flatMap { o in T.criteria.map { "\(o).\($0)" } }
        var rows = [(columns + ["blank"]).joined(separator: ",")]
        for i in 0..<10 {  // four blank ballots, keyed as such
            rows.append(
                (columns.map { $0 == "a.thai-do" && i < 6 ? "x" : "" } + [i < 6 ? "" : "x"]).joined(separator: ","))
        }
        rows.append((columns.map { $0 == "b.ky-luat" ? "7" : "" } + [""]).joined(separator: ","))  // quarantined
        try (rows.joined(separator: "\n") + "\n").write(
            toFile: cli.path("keyed.csv"), atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", "--round", round, cli.path("keyed.csv")])
        #expect(imported.stdout.contains("10 accepted") && imported.stdout.contains("1 rejected"), "\(imported.stdout)")
        let discarded = try cli.run([
            "rejects", "discard", "--round", round, "--all", "--reason", "Mã 7 không có trên phiếu",
        ])
        #expect(discarded.status == 0, "\(discarded.stdout)\(discarded.stderr)")
        let closed = try cli.run(["round", "close", "--round", round])
        #expect(closed.status == 0, "\(closed.stderr)")
        // "…; final tree head 3, root <64 hex>."
        let root = try #require(closed.stdout.split(separator: " ").last.map { String($0.dropLast(2)) })
        try T.tally(
            cli, round,
            ["--member", "Phạm Văn Cỹ, Trưởng ban", "--member", "Nguyễn Thị Hữu, Thư ký", "--member", "Lê Văn Đặng"])
        return (cli, round, root)
    }

    @Test func tallyMinutesReadBackFromThePDF() throws {
        let (cli, round, root) = try Self.minutesWorkspace("minutes")
        let out = cli.path("minutes.pdf")
        let written = try cli.run(["report", "minutes", "--round", round, "--format", "pdf", "--out", out])
        #expect(written.status == 0, "\(written.stderr)")
        // Liberation Serif, embedded, carries every letter.
        let fonts = try ExternalTool.run("/usr/bin/pdffonts", [out])
        #expect(fonts.stdout.contains("LiberationSerif"), "\(fonts.stdout)")
        #expect(!fonts.stdout.split(separator: "\n").dropFirst(2).contains { $0.contains(" no ") }, "\(fonts.stdout)")
        let text = try Self.pdfText(out)
        let flat = Self.words(text)
        for expected in [
            "UBND QUẬN BA ĐÌNH", "UBND PHƯỜNG PHÚC XÁ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Số: …/BB-…", "BIÊN BẢN KIỂM PHIẾU", "I. Thành phần Tổ kiểm phiếu",
            "1. Phạm Văn Cỹ — Trưởng ban", "2. Nguyễn Thị Hữu — Thư ký", "3. Lê Văn Đặng",
            "Số phiếu phát ra 12", "Số phiếu thu vào (ghi vào sổ phiếu) 10", "Số phiếu hợp lệ (được kiểm) 10",
            "Trong đó phiếu trắng 4", "Số phiếu không hợp lệ 0", "Đối chiếu khi nhập phiếu vào máy: 1 dòng nhập liệu",
            "Mã trả lời không hợp lệ (invalid-code) 0 1 0",
            "III. Kết quả kiểm phiếu", "IV. Cán bộ cần lưu ý", "Nguyễn Văn An", "Nhắc nhở",
            "V. Xác nhận sổ phiếu và sổ kết quả", "TỔ KIỂM PHIẾU", "TRƯỞNG BAN", "THƯ KÝ", "THÀNH VIÊN",
            "(Ký, ghi rõ họ tên)", "Nơi nhận:",
        ] {
            #expect(flat.contains(expected), "minutes lack \(expected)")
        }
        #expect(flat.contains("6 (60,0%)"))
        // Every Vietnamese diacritic the names use reads back (ỹ ữ ặ Đ).
        for letter in ["ỹ", "ữ", "ặ", "Đ"] { #expect(text.contains(letter), "\(letter) did not read back") }
        // Place and date as NĐ 30 writes them, in Vietnam time.
        let today = Self.vietnamToday()
        #expect(
            flat.contains("Ba Đình, ngày \(today.day) tháng \(today.month) năm \(today.year)"), "\(flat.prefix(300))")

        // The signed root of the ballot log at close, as closing printed it, in groups of four,
        // eight groups a line.
        #expect(root.count == 64 && root.allSatisfy(\.isHexDigit), "\(root)")
        let groups = stride(from: 0, to: 64, by: 4).map {
            String(root[root.index(root.startIndex, offsetBy: $0)..<root.index(root.startIndex, offsetBy: $0 + 4)])
        }
        #expect(text.contains(groups[0..<8].joined(separator: " ")), "first line of the ballot-log root")
        #expect(text.contains(groups[8..<16].joined(separator: " ")), "second line of the ballot-log root")
        #expect(flat.contains("khi khóa sổ") && flat.contains("10 phiếu"))
        #expect(flat.contains("Sổ kết quả của cơ quan sau khi ghi kết quả vòng này"))
    }

    static func vietnamToday() -> (day: String, month: String, year: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.day, .month, .year], from: Date())
        let day = parts.day! < 10 ? "0\(parts.day!)" : "\(parts.day!)"
        let month = parts.month! < 3 ? "0\(parts.month!)" : "\(parts.month!)"
        return (day, month, "\(parts.year!)")
    }

    @Test func partyHeadingAndEnglish() throws {
        let (cli, round, _) = try Self.minutesWorkspace("party", kind: "party")
        let out = cli.path("minutes.pdf")
        #expect(try cli.run(["report", "minutes", "--round", round, "--out", out]).status == 0)
        let flat = Self.words(try Self.pdfText(out))
        #expect(flat.contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
        #expect(!flat.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && !flat.contains("Độc lập - Tự do"))
        let html = try cli.run(["report", "minutes", "--round", round, "--format", "html", "--lang", "en"])
        #expect(html.status == 0, "\(html.stderr)")
        for expected in [
            "COMMUNIST PARTY OF VIETNAM", "TALLY MINUTES", "I. The counting committee", "Phạm Văn Cỹ",
            "Valid ballots (counted)", "Answer code not allowed (invalid-code)", "(Signature and full name)",
        ] {
            #expect(html.stdout.contains(expected), "English minutes lack \(expected)")
        }
        // Minutes are a document, not data.
        let json = try cli.run(["report", "minutes", "--round", round, "--format", "json"])
        #expect(json.status != 0 && json.stderr.contains("PDF, HTML or text"), "\(json.stderr)")
    }

    /// A workspace made before the document options, tallied without naming the committee, still
    /// gets minutes: the national title, a dotted place, blank lines for the members.
    @Test func olderWorkspaceAndSmallGroupMinutes() throws {
        let (cli, q3, smallQ3) = try T.acceptanceWorkspace("old-minutes")
        // Back to a database of before the minutes: schema v1 only, no document settings.
        for statement in [
            "DROP TABLE tallyMember", "DROP TABLE tallyMinutes",
            "DELETE FROM grdb_migrations WHERE identifier = 'v2-tally-minutes'",
            "DELETE FROM meta WHERE key IN ('agencyKind', 'superiorAgency', 'placeName')",
        ] {
            try CLI.sql(cli.path("phieukin.sqlite"), statement)
        }
        let text = try cli.run(["report", "minutes", "--round", q3, "--format", "text"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && text.stdout.contains("UBND QUẬN MẪU"))
        #expect(text.stdout.contains("……………, ngày "))
        #expect(text.stdout.contains("Chưa ghi tên thành viên khi kiểm phiếu"))
        #expect(text.stdout.contains("Đề nghị xử lý") && !text.stdout.contains("Ý kiến bí mật số 42"))
        // The 3-person unit: nothing broken down, not even valid against invalid, no remark.
        let small = try cli.run(["report", "minutes", "--round", smallQ3, "--format", "text"]).stdout
        #expect(small.contains("Quá ít phiếu để báo cáo"))
        #expect(small.contains("Số phiếu thu vào (ghi vào sổ phiếu)  3"))
        #expect(small.contains("Số phiếu hợp lệ (được kiểm)          —"))
        #expect(!small.contains("ý kiến riêng") && !small.contains("Phạm Thị Dung"))

        // Such a workspace gets its settings later; later documents follow them.
        #expect(try cli.run(["agency"]).stdout.contains("Kind: state agency"))
        let set = try cli.run([
            "agency", "set", "--kind", "party", "--superior", "Đảng bộ Quận Mẫu", "--place", "Hà Đông",
        ])
        #expect(set.status == 0 && set.stdout.contains("Superior agency: Đảng bộ Quận Mẫu"), "\(set.stderr)")
        let party = try cli.run(["report", "minutes", "--round", q3, "--format", "text"]).stdout
        #expect(party.contains("ĐẢNG BỘ QUẬN MẪU") && party.contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
        #expect(party.contains("Hà Đông, ngày ") && !party.contains("CỘNG HÒA"))
        let bidi = try cli.run(["agency", "set", "--place", "Hà\u{202E}Đông"])
        #expect(bidi.status != 0 && bidi.stderr.contains("U+202E"), "\(bidi.stderr)")
    }

    @Test func leadersReportIsAnAgencyDocument() throws {
        let (cli, _, _) = try T.acceptanceWorkspace("leaders")
        // A confidence vote in the same quarter: Nguyễn Văn An gets 7 of 10 "tín nhiệm thấp".
        let opened = try cli.run([
            "round", "open", "--survey", "confidence-vote", "--period", "2026-Q3", "--unit", "U", "--ballots", "10",
            "--electorate", "10", "--serials", "none",
        ])
        #expect(opened.status == 0, "\(opened.stderr)")
        let vote = opened.lastLine
        var rows = ["a,b,c,e"]
        for i in 0..<10 { rows.append([i < 7 ? "3" : "1", "1", i < 6 ? "3" : "2", "1"].joined(separator: ",")) }
        try (rows.joined(separator: "\n") + "\n").write(toFile: cli.path("vote.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--round", vote, cli.path("vote.csv")]).status == 0)
        #expect(try cli.run(["round", "close", "--round", vote]).status == 0)
        try T.tally(cli, vote)

        // The vote's own minutes: the people summoned, and each outcome beside the official.
        let voteMinutes = try cli.run(["report", "minutes", "--round", vote, "--format", "text"]).stdout
        #expect(voteMinutes.contains("Số người được triệu tập              10"), "\(voteMinutes)")
        #expect(
            voteMinutes.contains("Từ 2/3 trở lên tín nhiệm thấp") && voteMinutes.contains("Trên 50% tín nhiệm thấp"))

        let out = cli.path("flags.pdf")
        let written = try cli.run(["report", "flags", "--period", "2026-Q3", "--format", "pdf", "--out", out])
        #expect(written.status == 0, "\(written.stderr)")
        let text = try Self.pdfText(out)
        let flat = Self.words(text)
        var last = flat.startIndex
        // Heading, summary, then action, reminders, resolved, each under its own heading.
        for heading in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: …/BC-…", "DANH SÁCH CÁN BỘ CẦN LƯU Ý", "Tóm tắt",
            "Đề nghị xử lý 1", "Nhắc nhở 2", "Đã khắc phục 1", "Tín nhiệm thấp 2", "Cán bộ đề nghị xử lý",
            "Nguyễn Văn An", "Cán bộ cần nhắc nhở", "Trần Thị Bình", "Đã khắc phục", "Lê Văn Cường",
            "Kết quả lấy phiếu tín nhiệm: tín nhiệm thấp (Quy định 96-QĐ/TW)", "Từ 2/3 trở lên tín nhiệm thấp",
            "Trên 50% tín nhiệm thấp", "Diễn biến qua các kỳ", "Vòng lấy phiếu không có kết luận", "NGƯỜI LẬP",
            "THỦ TRƯỞNG CƠ QUAN",
        ] {
            let found = try #require(flat.range(of: heading, range: last..<flat.endIndex), "out of order: \(heading)")
            last = found.upperBound
        }
        #expect(!flat.contains("Cán bộ cần lưu ý"), "no resolved row sits under a 'to note' heading")
        #expect(flat.contains("70,0% (7/10)") && flat.contains("60,0% (6/10)"))
        // The trend of Nguyễn Văn An's attitude: Q2 then Q3, in the table and as a chart.
        #expect(flat.contains("50,0% → 60,0%"))
        #expect(flat.contains("Nguyễn Văn An — Thái độ công tác, phục vụ nhân dân"))
        #expect(flat.contains("Quý 2/2026 50,0% (5/10)") && flat.contains("Quý 3/2026 60,0% (6/10)"))

        // The same outcomes in the flags JSON.
        let json = try T.flagsJSON(cli, ["--period", "2026-Q3"])
        let low = try #require(json["low_confidence"] as? [[String: Any]])
        #expect(low.map { $0["official_id"] as? String } == ["a", "c"])
        #expect(low.first?["low_count"] as? Int == 7 && low.first?["electorate"] as? Int == 10)
        #expect(low.first?["outcome"] as? String == "Từ 2/3 trở lên tín nhiệm thấp")
        #expect(low.last?["outcome"] as? String == "Trên 50% tín nhiệm thấp")

        // English, HTML: every chart label fits the label column it is drawn in.
        let html = try cli.run(["report", "flags", "--period", "2026-Q3", "--format", "html", "--lang", "en"]).stdout
        #expect(html.contains("Officials proposed for action") && html.contains("Two thirds or more low confidence"))
        #expect(html.contains("viewBox=") && html.contains("max-width:100%"))
        let regex = try Regex(#"<text x="(\d+)" y="\d+" text-anchor="end">([^<]*)</text>"#)
        var labels = 0
        for match in html.matches(of: regex) {
            let x = Int(String(match.output[1].substring!))!
            let label = String(match.output[2].substring!)
            #expect(Double(x) >= Double(label.count) * 7.2, "label \(label) may be cut at x=\(x)")
            labels += 1
        }
        #expect(labels > 0)
    }

    /// A member without a name is refused before anything is counted, in the reader's language.
    @Test func memberWithoutNameIsRefused() throws {
        let cli = try T.workspace("member")
        let english = try cli.run(["tally", "--round", "any", "--member", ", Trưởng ban"])
        #expect(english.status != 0 && english.stderr.contains("has no name: give \"Name, role\""), "\(english.stderr)")
        let vietnamese = try cli.run(
            ["tally", "--round", "any", "--member", "  , Thư ký"], environment: ["PHIEUKIN_LANG": "vi"])
        #expect(vietnamese.stderr.contains("không có họ tên"), "\(vietnamese.stderr)")
    }

    @Test func questionBallotHeadingAndChannel() throws {
        let cli = try T.workspace("question-ballot")
        let opened = try cli.run([
            "round", "open", "--survey", "one-stop-desk", "--period", "2026-11", "--unit", "S", "--channel",
            "citizens", "--ballots", "3", "--serials", "none",
        ])
        #expect(opened.status == 0, "\(opened.stderr)")
        let out = cli.path("ballots.pdf")
        let printed = try cli.run(["ballots", "print", "--round", opened.lastLine, "--out", out])
        #expect(printed.status == 0, "\(printed.stderr)")
        let text = try Self.pdfText(out)
        #expect(text.contains("Nội dung") && !text.contains("Họ và tên, chức vụ"))
        #expect(Self.words(text).contains("(phiếu kín) – Tháng 11/2026 – Người dân"))
        // A ballot about officials keeps its heading, and says who answers.
        let staff = try cli.run([
            "round", "open", "--survey", "quarterly-7", "--period", "2026-Q4", "--unit", "S", "--ballots", "3",
            "--serials", "none",
        ])
        let staffOut = cli.path("staff.pdf")
        #expect(try cli.run(["ballots", "print", "--round", staff.lastLine, "--out", staffOut]).status == 0)
        let staffText = Self.words(try Self.pdfText(staffOut))
        #expect(staffText.contains("Họ và tên, chức vụ") && staffText.contains("Quý 4/2026 – Cán bộ, công chức"))
    }
}
