import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 19, item 9: a review a teller can finish — what was read, by name; what is undecided,
/// in words; the command that finishes it; and decisions that, refused, add nothing.
@Suite("phieukin scan review and accept")
struct ScanReviewCLITests {
    /// `scan review --json`'s sheets.
    static func reviewSheets(_ cli: CLI, round: String) throws -> [[String: Any]] {
        let run = try cli.run(["scan", "review", "--round", round, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return try #require(object["sheets"] as? [[String: Any]])
    }

    /// What a decision could change: the quarantine as listed and the audit's ballot count.
    static func state(_ cli: CLI, round: String) throws -> String {
        let rejects = try cli.run(["rejects", "list", "--round", round, "--json"])
        return rejects.stdout + (try cli.run(["verify"])).stdout
    }

    /// The command on the line after `heading` in `text`, as arguments (`"…"` kept as one
    /// argument `…`), without the leading `phieukin`.
    static func command(after heading: String, in text: String) throws -> [String] {
        let lines = text.split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == heading })
        let line = lines[index + 1].trimmingCharacters(in: .whitespaces)
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        #expect(words.first == "phieukin", "\(line)")
        return Array(words.dropFirst())
    }

    /// Paints both QR codes of a scanned page white (their boxes in docs/BALLOT-LAYOUT.md, with
    /// a margin), with Pillow: a sheet whose codes cannot be read.
    static func eraseQRCodes(_ png: String, dpi: Int) throws {
        let script = """
            import sys
            from PIL import Image, ImageDraw
            path, dpi = sys.argv[1], int(sys.argv[2])
            image = Image.open(path).convert("L")
            draw = ImageDraw.Draw(image)
            mm = lambda v: v * dpi / 25.4
            for x, y in ((163, 10), (22, 262)):
                draw.rectangle([mm(x - 2.5), mm(y - 2.5), mm(x + 27.5), mm(y + 27.5)], fill=255)
            image.save(path)
            """
        let run = try ExternalTool.run("/usr/bin/python3", ["-c", script, png, String(dpi)])
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// A sheet whose QR codes cannot be read: the review says to read it from the paper and type
    /// the serial; a decision without the serial is refused and adds nothing; with it, the
    /// teller's marks are the ballot, and the tally counts exactly them.
    @Test func unreadableQRCodeWaitsForTheTypedSerial() throws {
        let cli = try CLI.temporaryWorkspace("scan-qr")
        let round = try RoundAndPrintTests.openRound(cli, unit: "TNMT", ballots: 5)
        let pdf = cli.path("ballots.pdf")
        #expect(try cli.run(["ballots", "print", "--round", round, "--out", pdf]).status == 0)
        let serials = RoundAndPrintTests.serials(in: try RoundAndPrintTests.pdfText(pdf))
        // Five sheets (results of fewer are not broken down): the first has its QR codes erased.
        let csv =
            "serial,TNMT01.dao-duc,TNMT02.thai-do\n\(serials[0]),x,\n\(serials[1]),,x\n"
            + serials[2...].map { "\($0),,\n" }.joined()
        try csv.write(toFile: cli.path("marked.csv"), atomically: true, encoding: .utf8)
        let scans = try ScanCLITests.drawScans(cli, round: round, pdf: pdf)
        try Self.eraseQRCodes(scans[0], dpi: 200)
        let scanned = try cli.run(["scan", "--round", round] + scans)
        #expect(scanned.status == 2, "\(scanned.stdout)\(scanned.stderr)")
        #expect(scanned.stdout.contains("scan-unreadable"))

        let sheets = try Self.reviewSheets(cli, round: round)
        #expect(sheets.count == 1)
        #expect(sheets[0]["needs_serial"] as? Bool == true)
        #expect(sheets[0]["from_paper"] as? String != nil)
        let id = String(try #require(sheets[0]["reject_id"] as? Int))
        let text = try cli.run(["scan", "review", "--round", round])
        #expect(text.stdout.contains("--serial SERIAL"), "\(text.stdout)")

        let before = try Self.state(cli, round: round)
        let without = try cli.run([
            "scan", "accept", "--round", round, id, "--mark", "TNMT01.dao-duc=x", "--reason", "read from the paper",
        ])
        #expect(without.status != 0)
        #expect(without.stderr.contains("QR code"), "\(without.stderr)")
        #expect(try Self.state(cli, round: round) == before)

        let with = try cli.run([
            "scan", "accept", "--round", round, id, "--serial", serials[0], "--mark", "TNMT01.dao-duc=x", "--reason",
            "QR code torn: read from the paper",
        ])
        #expect(with.status == 0, "\(with.stdout)\(with.stderr)")
        #expect(try cli.run(["round", "close", "--round", round]).status == 0)
        #expect(try cli.run(["tally", "--round", round]).status == 0)
        let report = try cli.run(["report", "--round", round, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(object["ballots_counted"] as? Int == 5)
        let rows = try #require((object["summary"] as? [String: Any])?["officials"] as? [[String: Any]])
        func marked(_ official: String, _ criterion: String) -> Int? {
            let row = rows.first { $0["official_id"] as? String == official }
            let cell = (row?["criteria"] as? [[String: Any]])?.first { $0["criterion_id"] as? String == criterion }
            return cell?["marked"] as? Int
        }
        #expect(marked("TNMT01", "dao-duc") == 1)
        #expect(marked("TNMT02", "thai-do") == 1)
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// The review in both languages: marks by official's name, reasons in words, no unfilled
    /// placeholder or raw message array, and the two commands for what the paper may show.
    @Test(arguments: [
        ("en", "faint box — perhaps a pencil mark", "if it is blank:"),
        ("vi", "ô mờ — có thể là dấu bút chì", "nếu để trống:"),
    ])
    func reviewReadsAsSentences(language: String, faint: String, ifBlank: String) throws {
        let cli = try CLI.temporaryWorkspace("scan-words-\(language)")
        let round = try RoundAndPrintTests.openRound(cli, unit: "TNMT", ballots: 1)
        let pdf = cli.path("ballots.pdf")
        #expect(try cli.run(["ballots", "print", "--round", round, "--out", pdf]).status == 0)
        let serials = RoundAndPrintTests.serials(in: try RoundAndPrintTests.pdfText(pdf))
        try "serial,TNMT01.dao-duc\n\(serials[0]),x\n".write(
            toFile: cli.path("marked.csv"), atomically: true, encoding: .utf8)
        let scans = try ScanCLITests.drawScans(cli, round: round, pdf: pdf, extra: ["--faint-sheets", "1"])
        #expect(try cli.run(["scan", "--round", round] + scans).status == 2)
        let review = try cli.run(["scan", "review", "--round", round], environment: ["PHIEUKIN_LANG": language])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains(faint), "\(review.stdout)")
        // The official's name (the criterion after " — " is in the review's language).
        let label =
            try #require(try Self.reviewSheets(cli, round: round).first?["marked"] as? [[String: Any]]).first?[
                "label"] as? String
        let name = try #require(label?.components(separatedBy: " — ").first)
        #expect(!name.isEmpty && name != "TNMT01")
        #expect(review.stdout.contains("TNMT01.dao-duc=x  " + name + " — "), "\(review.stdout)")
        for bad in ["{0}", "{1}", "[\"", "\"]"] { #expect(!review.stdout.contains(bad), "\(review.stdout)") }
        let blank = try Self.command(after: ifBlank, in: review.stdout)
        #expect(blank.contains("--blank"))
        #expect(!review.stdout.contains(serials[0]))
    }
}
