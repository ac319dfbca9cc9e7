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
        let made = try ExternalTool.run(
            Self.bench,
            [
                "make-scans", "--workspace", cli.workspace, "--round", round, "--pdf", pdf, "--keyed",
                cli.path("marked.csv"), "--out", cli.path("scans"), "--script", Self.drawScript, "--faint-sheets", "1",
                "--remark-sheets", "1",
            ])
        #expect(made.status == 0, "\(made.stderr)")
        let scans = try FileManager.default.contentsOfDirectory(atPath: cli.path("scans")).sorted().map {
            cli.path("scans/" + $0)
        }
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

        // A teller reads the faint sheet from the paper (the pencil mark was not meant: the pen
        // marks stand) and records it; the remark sheet is keyed by hand and its copy discarded.
        let lines = csv.split(separator: "\n").map(String.init)
        let ids = review.stdout.split(separator: "\n").filter { $0.hasPrefix("#") }.map {
            String($0.dropFirst().prefix { $0.isNumber })
        }
        let unsureID = try #require(
            review.stdout.split(separator: "\n").first { $0.contains("[scan-unsure]") }.map {
                String($0.dropFirst().prefix { $0.isNumber })
            })
        #expect(ids.count == 2)
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let firstMarks = zip(columns, first.dropFirst()).filter { $0.1 == "x" }.flatMap { ["--mark", "\($0.0)=x"] }
        let wrongSerial = try cli.run(
            ["scan", "accept", "--round", round, unsureID, "--serial", serials[5], "--reason", "checked"] + firstMarks)
        #expect(wrongSerial.status == 2)  // that serial is another sheet's, already used: nothing decided
        #expect(wrongSerial.stdout.contains("still waits"))
        let misread = try #require(
            wrongSerial.stdout.range(of: "quarantined as #").map {
                String(wrongSerial.stdout[$0.upperBound...].prefix { $0.isNumber })
            })
        let accepted = try cli.run(
            ["scan", "accept", "--round", round, unsureID, "--serial", serials[0], "--reason", "pencil dot not a mark"]
                + firstMarks)
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        #expect(accepted.stdout.contains("decided (signed)"))
        let dropped = try cli.run([
            "rejects", "discard", "--round", round, "--reason", "wrong serial typed at review", misread,
        ])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        try ([lines[0], lines[2]].joined(separator: "\n") + "\n").write(
            toFile: cli.path("keyed.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--round", round, cli.path("keyed.csv")]).status == 0)
        let discarded = try cli.run([
            "rejects", "discard", "--round", round, "--all", "--reason", "keyed from the paper after review",
        ])
        #expect(discarded.status == 0, "\(discarded.stderr)")

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
        let made = try ExternalTool.run(
            Self.bench,
            [
                "make-scans", "--workspace", cli.workspace, "--round", round, "--pdf", pdf, "--keyed",
                cli.path("marked.csv"), "--out", cli.path("scans"), "--script", Self.drawScript,
            ])
        #expect(made.status == 0, "\(made.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: cli.path("scans")).sorted().map {
            cli.path("scans/" + $0)
        }
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
