import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 11 as the counting committee meets it: print, fill (marks drawn on the printed pages by
/// `phieukin-bench make-scans`), `phieukin scan`, review the unsure ones, close, tally — the
/// report equals what was marked.
@Suite("phieukin scan")
struct ScanCLITests {
    static let bench = (CLI.binary as NSString).deletingLastPathComponent + "/phieukin-bench"
    static let drawScript = CLI.repository + "/Tests/PhieuKinScanTests/make-scans.py"

    /// Draws the marks of `marked.csv` (serial and question columns) on the printed `pdf` with
    /// `phieukin-bench make-scans` and the Pillow script; returns the scans, sorted.
    static func drawScans(_ cli: CLI, round: String, pdf: String, extra: [String] = []) throws -> [String] {
        let made = try ExternalTool.run(
            bench,
            [
                "make-scans", "--workspace", cli.workspace, "--round", round, "--pdf", pdf, "--keyed",
                cli.path("marked.csv"), "--out", cli.path("scans"), "--script", drawScript,
            ] + extra)
        #expect(made.status == 0, "\(made.stderr)")
        return try FileManager.default.contentsOfDirectory(atPath: cli.path("scans")).sorted().map {
            cli.path("scans/" + $0)
        }
    }

    @Test func scanReviewKeyTallyEqualsWhatWasMarked() throws {
        let cli = try CLI.temporaryWorkspace("scan")
        let round = try RoundAndPrintTests.openRound(cli, unit: "TNMT", ballots: 8)
        let pdf = cli.path("ballots.pdf")
        #expect(try cli.run(["ballots", "print", "--round", round, "--out", pdf]).status == 0)
        let serials = RoundAndPrintTests.serials(in: try RoundAndPrintTests.pdfText(pdf))
        #expect(serials.count == 8)

        // What each voter marked: a different pattern per sheet, over a few officials and criteria.
        let columns = ["TNMT01.dao-duc", "TNMT02.thai-do", "TNMT03.ky-luat", "TNMT05.sach-nhieu"]
        var csv = "serial," + columns.joined(separator: ",") + "\n"
        var expected: [String: Int] = [:]
        for (n, serial) in serials.enumerated() {
            let cells = columns.enumerated().map { j, column -> String in
                let marked = (n + j) % 3 == 0
                if marked { expected[column, default: 0] += 1 }
                return marked ? "x" : ""
            }
            csv += serial + "," + cells.joined(separator: ",") + "\n"
        }
        try csv.write(toFile: cli.path("marked.csv"), atomically: true, encoding: .utf8)

        // Sheet 1 also has a faint pencil mark; sheet 2 has writing in the remark box.
        let scans = try Self.drawScans(
            cli, round: round, pdf: pdf, extra: ["--faint-sheets", "1", "--remark-sheets", "1"])
        #expect(scans.count == 8)

        let scanned = try cli.run(["scan", "--round", round, "--json"] + scans)
        #expect(scanned.status == 2, "\(scanned.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(scanned.stdout.utf8)) as? [String: Any])
        let intake = try #require(report["intake"] as? [String: Any])
        #expect(report["pages"] as? Int == 8)
        #expect(intake["accepted"] as? Int == 6)
        let byReason = try #require(intake["rejected_by_reason"] as? [String: Int])
        #expect(byReason == ["scan-unsure": 1, "scan-remark": 1])
        // Reasons name the box, never a mark or a serial.
        for serial in serials { #expect(!scanned.stdout.contains(serial)) }

        // Review: the two sheets, and a crop of just the undecided box.
        let crops = cli.path("../crops-\(UUID().uuidString)")
        let review = try cli.run(["scan", "review", "--round", round, "--crops", crops])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("[scan-unsure]"))
        #expect(review.stdout.contains("[scan-remark]"))
        let written = try FileManager.default.contentsOfDirectory(atPath: crops)
        #expect(written.count == 1)
        let png = try #require(FileManager.default.contents(atPath: crops + "/" + written[0]))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(written[0].contains("faint"))

        // A teller decides the faint sheet from the paper (the pencil mark was not meant): the
        // review's "if it is blank" command, as written, with a real reason. The pen marks read
        // clearly stay as read. Refused decisions first: each changes nothing.
        let sheets = try ScanReviewCLITests.reviewSheets(cli, round: round)
        let unsure = try #require(sheets.first { $0["code"] as? String == "scan-unsure" })
        let unsureID = String(try #require(unsure["reject_id"] as? Int))
        let undecided = try #require(unsure["undecided"] as? [[String: Any]])
        #expect(undecided.count == 1)
        let box = "\(undecided[0]["question"] as? String ?? "")=\(undecided[0]["code"] as? String ?? "")"
        let first = csv.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false).map(
            String.init)
        let penMarks = zip(columns, first.dropFirst()).filter { $0.1 == "x" }.map { "\($0.0)=x" }
        let readMarks = try #require(unsure["marked"] as? [[String: Any]]).map {
            "\($0["question"] as? String ?? "")=\($0["code"] as? String ?? "")"
        }
        #expect(readMarks.sorted() == penMarks.sorted())
        let before = try ScanReviewCLITests.state(cli, round: round)
        for refused in [
            ["--serial", serials[5], "--blank", box],  // another sheet's serial
            ["--mark", penMarks[0]],  // a box read clearly
            [String](),  // the undecided box left undecided
        ] {
            let run = try cli.run(["scan", "accept", "--round", round, unsureID, "--reason", "checked"] + refused)
            #expect(run.status != 0, "\(refused)")
            #expect(try ScanReviewCLITests.state(cli, round: round) == before, "\(refused) changed something")
        }
        let ifBlank = try ScanReviewCLITests.command(after: "if it is blank:", in: review.stdout)
        let accepted = try cli.run(ifBlank.map { $0 == "…" ? "pencil dot, not a mark" : $0 })
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        #expect(accepted.stdout.contains("decided (signed)"))
        // The remark sheet: the remark typed from the paper.
        let remarkID = try #require(sheets.first { $0["code"] as? String == "scan-remark" }?["reject_id"] as? Int)
        let typed = try cli.run([
            "scan", "accept", "--round", round, String(remarkID), "--remark", "Đề nghị giải quyết hồ sơ nhanh hơn",
            "--reason", "remark typed from the paper",
        ])
        #expect(typed.status == 0, "\(typed.stdout)\(typed.stderr)")
        #expect(try ScanReviewCLITests.reviewSheets(cli, round: round).isEmpty)

        // A sheet scanned again is refused as a duplicate of its serial.
        let again = try cli.run(["scan", "--round", round, scans[5]])
        #expect(again.status == 2)
        #expect(again.stdout.contains("serial-used"))
        _ = try cli.run(["rejects", "discard", "--round", round, "--all", "--reason", "scanned twice"])

        #expect(try cli.run(["round", "close", "--round", round]).status == 0)
        #expect(try cli.run(["tally", "--round", round]).status == 0)
        let json = try cli.run(["report", "--round", round, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["ballots_counted"] as? Int == 8)
        let summary = try #require(object["summary"] as? [String: Any])
        let rows = try #require(summary["officials"] as? [[String: Any]])
        for column in columns {
            let parts = column.split(separator: ".").map(String.init)
            let row = try #require(rows.first { $0["official_id"] as? String == parts[0] })
            let cells = try #require(row["criteria"] as? [[String: Any]])
            let cell = try #require(cells.first { $0["criterion_id"] as? String == parts[1] })
            #expect(cell["marked"] as? Int == expected[column] ?? 0, "\(column)")
        }
        #expect(try cli.run(["verify"]).status == 0)
    }
}

extension ScanCLITests {
    /// A two-page sheet (41 officials): its pages are joined by serial in any order; a sheet with a
    /// page missing is not guessed.
    @Test func pagesJoinedBySerialAndMissingPageNotGuessed() throws {
        let cli = try CLI.temporaryWorkspace("scan-pages")
        #expect(try cli.run(["init", "--agency", "UBND Quận Mẫu"]).status == 0)
        #expect(try cli.run(["roster", "import", RoundAndPrintTests.roster]).status == 0)
        let opened = try cli.run([
            "round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--all-units", "--ballots", "2",
        ])
        #expect(opened.status == 0, "\(opened.stderr)")
        let round = opened.lastLine
        let pdf = cli.path("ballots.pdf")
        #expect(try cli.run(["ballots", "print", "--round", round, "--out", pdf]).status == 0)
        let serials = Array(Set(RoundAndPrintTests.serials(in: try RoundAndPrintTests.pdfText(pdf)))).sorted()
        #expect(serials.count == 2)
        // One mark on page 1 (VP01) and one on page 2 (TP03) of each sheet.
        let csv = "serial,VP01.dao-duc,TP03.ky-luat\n" + serials.map { "\($0),x,x" }.joined(separator: "\n") + "\n"
        try csv.write(toFile: cli.path("marked.csv"), atomically: true, encoding: .utf8)
        let pages = try Self.drawScans(cli, round: round, pdf: pdf)
        #expect(pages.count == 4)
        // Pages in reverse order, the last sheet's second page left out.
        let scanned = try cli.run(["scan", "--round", round, "--json"] + pages.dropLast().reversed())
        #expect(scanned.status == 2, "\(scanned.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(scanned.stdout.utf8)) as? [String: Any])
        #expect(report["pages"] as? Int == 3)
        #expect(report["sheets"] as? Int == 2)
        let intake = try #require(report["intake"] as? [String: Any])
        #expect(intake["accepted"] as? Int == 1)
        #expect(intake["rejected_by_reason"] as? [String: Int] == ["scan-page-missing": 1])
        #expect(scanned.stdout.contains("page 2 of 2 was not scanned"))
    }
}
