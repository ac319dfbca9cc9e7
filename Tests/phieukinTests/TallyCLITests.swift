import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 5 as the counting committee and the leaders meet it: real rounds imported, closed,
/// tallied, flagged, reported and verified through the `phieukin` binary.
@Suite("phieukin tally, flags, report")
struct TallyCLITests {
    static let criteria = ["dao-duc", "trach-nhiem", "thai-do", "phat-ngon", "ky-luat", "tac-phong", "sach-nhieu"]
    static let roster = """
        unit_id,unit_name,official_id,full_name,position
        U,Phòng Tư pháp,a,Nguyễn Văn An,Trưởng phòng
        U,Phòng Tư pháp,b,Trần Thị Bình,Phó trưởng phòng
        U,Phòng Tư pháp,c,Lê Văn Cường,Chuyên viên
        U,Phòng Tư pháp,e,Đỗ Thị Én,Chuyên viên
        S,Tổ Một cửa,d,Phạm Thị Dung,Tổ trưởng
        S,Tổ Một cửa,f,Hoàng Văn Phúc,Chuyên viên
        S,Tổ Một cửa,g,Vũ Thị Giang,Chuyên viên

        """
    static let officials = ["U": ["a", "b", "c", "e"], "S": ["d", "f", "g"]]

    /// A workspace with the test roster.
    static func workspace(_ name: String) throws -> CLI {
        let cli = try CLI.temporaryWorkspace(name)
        #expect(try cli.run(["init", "--agency", "UBND Quận Mẫu"]).status == 0)
        try roster.write(toFile: cli.path("roster.csv"), atomically: true, encoding: .utf8)
        let imported = try cli.run(["roster", "import", cli.path("roster.csv")])
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    /// Opens an unnumbered round, imports `total` ballots marking `marks` (question → how many
    /// ballots) and `remarks` on the first ballots, and closes it. Returns the round id.
    @discardableResult
    static func closedRound(
        _ cli: CLI, period: String, unit: String, total: Int, marks: [String: Int], remarks: [String] = [],
        committee: (n: Int, k: Int)? = nil
    ) throws -> String {
        // "U+S": one round whose ballot lists both units.
        let units = unit.split(separator: "+").map(String.init)
        var open = ["round", "open", "--survey", "quarterly-7", "--period", period, "--ballots", "\(total)"]
        open += units.flatMap { ["--unit", $0] } + ["--serials", "none"]
        if let committee {
            // Shares leave the workspace: a folder beside it stands for the members' USB sticks.
            open += [
                "--committee", "\(committee.n)", "--threshold", "\(committee.k)", "--shares-dir", sharesDirectory(cli),
            ]
        }
        let opened = try cli.run(open)
        #expect(opened.status == 0, "\(opened.stderr)")
        let round = opened.lastLine
        let columns = units.flatMap { officials[$0]! }.flatMap { o in criteria.map { "\(o).\($0)" } }
        // A ballot with no mark and no remark is keyed as blank (an empty row is never a ballot).
        var rows = [(columns + ["remark", "blank"]).joined(separator: ",")]
        for i in 0..<total {
            let cells = columns.map { (marks[$0] ?? 0) > i ? "x" : "" }
            let remark = i < remarks.count ? remarks[i] : ""
            let blank = cells.allSatisfy(\.isEmpty) && remark.isEmpty ? "x" : ""
            rows.append((cells + [remark, blank]).joined(separator: ","))
        }
        let file = cli.path("keyed-\(round).csv")
        try (rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", "--round", round, file])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        try FileManager.default.removeItem(atPath: file)
        let closed = try cli.run(["round", "close", "--round", round])
        #expect(closed.status == 0, "\(closed.stderr)")
        return round
    }

    /// Where a test's committee shares go: outside the workspace.
    static func sharesDirectory(_ cli: CLI) -> String { cli.workspace + "-shares" }

    @discardableResult
    static func tally(_ cli: CLI, _ round: String, _ extra: [String] = []) throws -> CLI.Result {
        let result = try cli.run(["tally", "--round", round] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// (official, criterion, status) of a flags document.
    static func statuses(_ document: [String: Any]) -> Set<String> {
        let flags = document["flags"] as? [[String: Any]] ?? []
        return Set(flags.map { "\($0["official_id"]!) \($0["criterion_id"]!) \($0["status"]!)" })
    }

    static func flagsJSON(_ cli: CLI, _ extra: [String] = []) throws -> [String: Any] {
        let result = try cli.run(["flags", "--json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try json(result.stdout)
    }

    /// The issue's acceptance: two quarters of a unit and of a 3-person unit.
    static func acceptanceWorkspace(_ name: String) throws -> (CLI, q3: String, smallQ3: String) {
        let cli = try workspace(name)
        let q2 = try closedRound(
            cli, period: "2026-Q2", unit: "U", total: 10, marks: ["a.thai-do": 5, "c.dao-duc": 4, "e.ky-luat": 1])
        try tally(cli, q2)
        let q3 = try closedRound(
            cli, period: "2026-Q3", unit: "U", total: 10,
            marks: ["a.thai-do": 6, "b.ky-luat": 4, "c.phat-ngon": 4, "e.ky-luat": 1],
            remarks: ["Ý kiến bí mật số 42 về thái độ phục vụ"])
        try tally(cli, q3)
        let s2 = try closedRound(cli, period: "2026-Q2", unit: "S", total: 3, marks: ["d.tac-phong": 2])
        try tally(cli, s2)
        let s3 = try closedRound(
            cli, period: "2026-Q3", unit: "S", total: 3, marks: ["d.tac-phong": 3],
            remarks: ["ý kiến riêng của tổ nhỏ"])
        let small = try tally(cli, s3)
        #expect(small.stdout.contains("Too few ballots"))
        return (cli, q3, s3)
    }

    @Test func acceptanceFlagsReportAndVerifyAgree() throws {
        let (cli, q3, smallQ3) = try Self.acceptanceWorkspace("accept")
        let flags = try Self.flagsJSON(cli, ["--period", "2026-Q3"])
        #expect(
            Self.statuses(flags) == [
                "a thai-do action",  // criticized on the same criterion twice
                "b ky-luat reminder",  // once
                "c phat-ngon reminder", "c dao-duc resolved",  // different criteria: never action
                // the 3-person unit alone: inconclusive, no flag at all
            ])
        let list = flags["flags"] as! [[String: Any]]
        let a = try #require(list.first { $0["official_id"] as? String == "a" })
        #expect(a["share"] as? Double == 0.6)
        #expect(a["count"] as? Int == 6 && a["valid"] as? Int == 10)
        #expect(a["previous_share"] as? Double == 0.5 && a["previous_period"] as? String == "2026-Q2")
        #expect(a["period"] as? String == "2026-Q3" && a["round_id"] as? String == q3)
        #expect(!list.contains { $0["official_id"] as? String == "d" })
        #expect(list.first?["status"] as? String == "action")
        // The small unit's round is listed as deciding nothing, and why.
        let undecided = try #require(flags["rounds_without_decision"] as? [[String: Any]])
        #expect(undecided.map { $0["round_id"] as? String } == [smallQ3])
        #expect(undecided.first?["reason"] as? String == "too-few-ballots")
        #expect(undecided.first?["ballots_counted"] as? Int == 3 && undecided.first?["min_respondents"] as? Int == 5)

        // History: every round's flags, filterable.
        let history = try Self.flagsJSON(cli)
        #expect(Self.statuses(history).contains("a thai-do reminder"))  // Q2
        #expect((history["flags"] as! [[String: Any]]).count == 6)
        #expect(Self.statuses(try Self.flagsJSON(cli, ["--unit", "S"])).isEmpty)

        // The small unit's report shows nothing broken down.
        let small = try cli.run(["report", "--round", smallQ3, "--format", "json"])
        #expect(small.status == 0, "\(small.stderr)")
        let smallReport = try Self.json(small.stdout)
        #expect(smallReport["suppressed"] as? Bool == true)
        #expect(smallReport["summary"] is NSNull && smallReport["ballots_counted"] is NSNull)
        #expect((smallReport["remarks"] as? [Any])?.isEmpty == true)
        #expect(!small.stdout.contains("ý kiến riêng"))
        let smallText = try cli.run(["report", "--round", smallQ3, "--lang", "en"])
        #expect(smallText.stdout.contains("Too few ballots to report"))

        // The round report: flagged officials first, then the summary; remarks grouped.
        let text = try cli.run(["report", "--round", q3, "--format", "text"]).stdout
        let flagged = try #require(text.range(of: "Cán bộ cần lưu ý"))
        let summary = try #require(text.range(of: "Tổng hợp của đơn vị"))
        #expect(flagged.lowerBound < summary.lowerBound)
        #expect(text.contains("Đề nghị xử lý") && text.contains("Ý kiến bí mật số 42"))

        let verify = try cli.run(["verify", "--json"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("results log (4 results, 6 flags recomputed"))
    }

    @Test func reportFormatsReadBack() throws {
        let (cli, q3, _) = try Self.acceptanceWorkspace("formats")
        for format in ["json", "csv", "html", "pdf", "text"] {
            let out = cli.path("report.\(format)")
            let result = try cli.run(["report", "--round", q3, "--format", format, "--out", out])
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        let report = try Self.json(try String(contentsOfFile: cli.path("report.json"), encoding: .utf8))
        #expect(report["schema"] as? String == "phieukin.round-report" && report["kind"] as? String == "grid")
        #expect(report["ballots_counted"] as? Int == 10)
        #expect(report["remarks"] as? [String] == ["Ý kiến bí mật số 42 về thái độ phục vụ"])
        let html = try String(contentsOfFile: cli.path("report.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Nguyễn Văn An"))
        let csv = try String(contentsOfFile: cli.path("report.csv"), encoding: .utf8)
        #expect(csv.contains("Nguyễn Văn An") && csv.contains("Đề nghị xử lý"))
        // Excel opens it as UTF-8 only with a byte-order mark.
        let csvBytes = try #require(FileManager.default.contents(atPath: cli.path("report.csv")))
        #expect(csvBytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let pdf = try ExternalTool.run("/usr/bin/pdftotext", ["-layout", cli.path("report.pdf"), "-"])
        #expect(pdf.status == 0)
        for expected in ["BÁO CÁO KẾT QUẢ PHIẾU KÍN", "Nguyễn Văn An", "Đề nghị xử lý", "Tổng hợp của đơn vị", "60,0%"]
        {
            #expect(pdf.stdout.contains(expected), "PDF lacks \(expected)")
        }
        // The summary matrix squeezes its columns but never breaks a word (headers included):
        // pango would hyphenate a word cut in two ("ST-" "T").
        let words = Set(pdf.stdout.split(whereSeparator: \.isWhitespace).map(String.init))
        for expected in ["STT", "Đạo", "đức", "Trách", "nhiệm", "Tác", "phong", "Sách", "nhiễu", "(60,0%)", "[50,0%]"] {
            #expect(words.contains(expected), "PDF lacks the whole word \(expected)")
        }
        // The leaders' flags report as PDF, in English.
        let flagsPDF = cli.path("flags.pdf")
        let written = try cli.run(
            ["report", "flags", "--period", "2026-Q3", "--format", "pdf", "--out", flagsPDF, "--lang", "en"])
        #expect(written.status == 0, "\(written.stderr)")
        // Table cells wrap within their column: read the words in order, ignoring line breaks.
        let flagsText = try ExternalTool.run("/usr/bin/pdftotext", [flagsPDF, "-"]).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flagsText.contains("FLAGGED OFFICIALS") && flagsText.contains("Nguyễn Văn An"))
        #expect(!flagsText.contains("Phạm Thị Dung"))
        #expect(flagsText.contains("Rounds that decide nothing") && flagsText.contains("Too few ballots to conclude"))
    }

    @Test func decryptedBallotsNeverReachTheDisk() throws {
        let (cli, _, _) = try Self.acceptanceWorkspace("secrecy")
        let needles = ["Ý kiến bí mật số 42", "ý kiến riêng của tổ nhỏ"].map { Array($0.utf8) }
        let files = FileManager.default.enumerator(atPath: cli.workspace)!.compactMap { $0 as? String }
        #expect(files.contains("phieukin.sqlite"))
        for file in files {
            guard let data = FileManager.default.contents(atPath: cli.path(file)) else { continue }
            let bytes = [UInt8](data)
            for needle in needles {
                #expect(!Self.contains(bytes, needle), "\(file) holds a remark in the clear")
            }
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return true }
        }
        return false
    }

    @Test func retallyIsRefusedAndRecountMatches() throws {
        let cli = try Self.workspace("recount")
        let round = try Self.closedRound(cli, period: "2026-Q2", unit: "U", total: 6, marks: ["a.thai-do": 3])
        try Self.tally(cli, round)
        let again = try cli.run(["tally", "--round", round])
        #expect(again.status != 0 && again.stderr.contains("already tallied"))
        let recount = try Self.tally(cli, round, ["--recount"])
        #expect(recount.stdout.contains("identical to the committed result"))
    }

    @Test func committeeOfThreeOpensWithTwoShares() throws {
        let cli = try Self.workspace("committee")
        let round = try Self.closedRound(
            cli, period: "2026-Q2", unit: "U", total: 5, marks: ["b.ky-luat": 2], committee: (3, 2))
        let dir = Self.sharesDirectory(cli)
        let shares = try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map { dir + "/" + $0 }
        #expect(shares.count == 3)

        let none = try cli.run(["tally", "--round", round])
        #expect(none.status != 0 && none.stderr.contains("--share"))
        let one = try cli.run(["tally", "--round", round, "--share", shares[0]])
        #expect(one.status != 0)
        #expect(one.stderr.contains("needs 2 of its 3 shares") && one.stderr.contains(shares[0]))
        let same = try cli.run(["tally", "--round", round, "--share", shares[1], "--share", shares[1]])
        #expect(same.status != 0 && same.stderr.contains("the same share"))

        let two = try cli.run(["tally", "--round", round, "--share", shares[0], "--share", shares[2], "--json"])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(try Self.json(two.stdout)["ballots_counted"] as? Int == 5)
        // Remarks of a committee round stay sealed unless the shares are given again.
        let text = try cli.run(["report", "--round", round, "--lang", "en"]).stdout
        #expect(text.contains("Remarks are sealed"))
        let opened = try cli.run(
            ["report", "--round", round, "--lang", "en", "--share", shares[1], "--share", shares[2]])
        #expect(opened.status == 0 && opened.stdout.contains("No remarks."))
    }

    @Test func fourthQuarterIsFollowedByNextYearsFirst() throws {
        let cli = try Self.workspace("year")
        try Self.tally(cli, try Self.closedRound(cli, period: "2026-Q4", unit: "U", total: 6, marks: ["a.thai-do": 3]))
        try Self.tally(cli, try Self.closedRound(cli, period: "2027-Q1", unit: "U", total: 6, marks: ["a.thai-do": 2]))
        let flags = try Self.flagsJSON(cli, ["--period", "2027-Q1"])
        #expect(Self.statuses(flags) == ["a thai-do action"])
        let flag = (flags["flags"] as! [[String: Any]])[0]
        #expect(flag["previous_period"] as? String == "2026-Q4" && flag["sequence_broken"] as? Bool == false)
    }

    @Test func missingRoundBreaksTheSequence() throws {
        let cli = try Self.workspace("missing")
        try Self.tally(cli, try Self.closedRound(cli, period: "2026-Q1", unit: "U", total: 6, marks: ["a.thai-do": 3]))
        try Self.tally(cli, try Self.closedRound(cli, period: "2026-Q3", unit: "U", total: 6, marks: ["a.thai-do": 3]))
        let flags = try Self.flagsJSON(cli, ["--period", "2026-Q3"])
        #expect(Self.statuses(flags) == ["a thai-do reminder"])
        let flag = (flags["flags"] as! [[String: Any]])[0]
        #expect(flag["sequence_broken"] as? Bool == true && flag["missing_period"] as? String == "2026-Q2")
        let text = try cli.run(["flags", "--period", "2026-Q3", "--lang", "en"]).stdout
        #expect(text.contains("No result for Q2 2026"))
    }

    @Test func verifyDetectsAChangedCountAndAChangedFlag() throws {
        let (cli, q3, _) = try Self.acceptanceWorkspace("tamper")
        #expect(try cli.run(["verify"]).status == 0)
        let database = cli.path("phieukin.sqlite")
        // Change a count in the stored result body.
        try Self.sql(
            database,
            "UPDATE result SET body = CAST(replace(CAST(body AS TEXT), '\"marked\":6', '\"marked\":7') AS BLOB) WHERE roundID = '\(q3)'"
        )
        let changed = try cli.run(["verify"])
        #expect(changed.status == 3, "\(changed.stdout)\(changed.stderr)")
        #expect((changed.stdout + changed.stderr).contains("round \(q3): the stored result differs"))

        // A fresh workspace: demote an action flag to a reminder.
        let (other, otherQ3, _) = try Self.acceptanceWorkspace("tamper-flag")
        try Self.sql(
            other.path("phieukin.sqlite"),
            "UPDATE flag SET status = 'reminder', body = CAST(replace(CAST(body AS TEXT), '\"action\"', '\"reminder\"') AS BLOB) WHERE roundID = '\(otherQ3)' AND officialID = 'a'"
        )
        let flagged = try other.run(["verify"])
        #expect(flagged.status == 3)
        #expect((flagged.stdout + flagged.stderr).contains("round \(otherQ3): the stored flags differ"))
    }

    /// Edits the database behind PhieuKin's back; the edit must change a row.
    static func sql(_ database: String, _ statement: String) throws {
        #expect(try CLI.sql(database, statement).changes > 0, "no row changed: \(statement)")
    }
}
