import Foundation
import PhieuKinCore
import PhieuKinTestSupport
import Testing

/// Issue 3 as a user meets it: roster, round, printed ballots read back from the PDF.
@Suite("phieukin round open and ballots print")
struct RoundAndPrintTests {
    static let roster = CLI.repository + "/examples/roster.csv"
    static let serialPattern = try! NSRegularExpression(
        pattern: "[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}-[0-9A-Z*~$=U]{3}")

    static func serials(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return serialPattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) }
    }

    static let accessCodePattern = try! NSRegularExpression(
        pattern: "\\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\\b")

    /// Access codes as printed on slips (`XXXX-XXXX-XXXX-XXXX`).
    static func accessCodes(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        return accessCodePattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) }
    }

    /// The QR payloads zbar reads on the first page of a PDF (rasterized at 150 dpi by pdftoppm).
    static func qrPayloads(ofFirstPage path: String) throws -> [String] {
        let prefix = path + "-qr"
        let raster = try ExternalTool.run(
            "/usr/bin/pdftoppm", ["-r", "150", "-png", "-singlefile", "-f", "1", "-l", "1", path, prefix])
        #expect(raster.status == 0, "\(raster.stderr)")
        defer { try? FileManager.default.removeItem(atPath: prefix + ".png") }
        let read = try ExternalTool.run(
            "/usr/bin/zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", prefix + ".png"])
        return read.stdout.split(separator: "\n").map(String.init)
    }

    static func pdfText(_ path: String) throws -> String {
        let result = try ExternalTool.run("/usr/bin/pdftotext", ["-layout", path, "-"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// A workspace with the example roster and one open round; returns the round id.
    static func openRound(_ cli: CLI, unit: String = "VP", ballots: Int = 4, extra: [String] = []) throws -> String {
        #expect(try cli.run(["init", "--agency", "UBND Quận Mẫu"]).status == 0)
        let imported = try cli.run(["roster", "import", roster])
        #expect(imported.status == 0, "\(imported.stderr)")
        let opened = try cli.run(
            [
                "round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", unit, "--ballots",
                "\(ballots)",
            ]
                + extra)
        #expect(opened.status == 0, "\(opened.stderr)")
        return opened.lastLine
    }

    @Test func printedBallotsCarryNamesAndSerialsThatTheDatabaseNeverHolds() throws {
        let cli = try CLI.temporaryWorkspace("print")
        let round = try Self.openRound(cli)
        #expect(round == "2026-Q3-VP-quarterly-7")

        let pdf = cli.path("ballots.pdf")
        let printed = try cli.run(["ballots", "print", "--round", round, "--out", pdf])
        #expect(printed.status == 0, "\(printed.stderr)")
        let text = try Self.pdfText(pdf)
        #expect(text.contains("PHIẾU ĐÁNH GIÁ CÁN BỘ"))
        #expect(text.contains("Quý 3/2026"))
        let lines = try String(contentsOfFile: Self.roster, encoding: .utf8).split(separator: "\n").dropFirst()
        let fields: [[Substring]] = lines.map { $0.split(separator: ",") }
        let names: [String] = fields.filter { $0[0] == "VP" }.map { String($0[3]) }
        #expect(names.count == 30)
        for name in names { #expect(bytes(text, contain: name.nfc), "missing \(name)") }

        let serials = Set(Self.serials(in: text))
        #expect(serials.count == 4)

        // The store keeps only hashes: neither the text nor the raw bytes of a serial are in it.
        let db = try Data(contentsOf: URL(fileURLWithPath: cli.path("phieukin.sqlite")))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: cli.path("phieukin.sqlite-wal")))) ?? Data()
        for serial in serials {
            let parsed = try Serial(parsing: serial)
            for haystack in [db, wal] {
                #expect(haystack.range(of: Data(serial.utf8)) == nil)
                #expect(haystack.range(of: Data(serial.replacingOccurrences(of: "-", with: "").utf8)) == nil)
                #expect(haystack.range(of: Data(parsed.bytes)) == nil)
            }
        }

        // Serials cannot be printed twice; --extra issues new ones.
        let again = try cli.run(["ballots", "print", "--round", round, "--out", cli.path("again.pdf")])
        #expect(again.status != 0)
        #expect(again.stderr.contains("--extra N"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("again.pdf")))
        let extra = try cli.run(["ballots", "print", "--round", round, "--out", cli.path("extra.pdf"), "--extra", "2"])
        #expect(extra.status == 0, "\(extra.stderr)")
        let extraSerials = Set(Self.serials(in: try Self.pdfText(cli.path("extra.pdf"))))
        #expect(extraSerials.count == 2 && extraSerials.isDisjoint(with: serials))

        let list = try cli.run(["round", "list", "--json"])
        #expect(list.stdout.contains("\"serials_issued\" : 6"))
    }

    @Test func everyQRCodeDecodesToItsSerialAndPage() throws {
        let cli = try CLI.temporaryWorkspace("qr")
        let round = try Self.openRound(cli, ballots: 2)
        let pdf = cli.path("ballots.pdf")
        #expect(try cli.run(["ballots", "print", "--round", round, "--out", pdf]).status == 0)
        let serials = Self.serials(in: try Self.pdfText(pdf))
        // Each corner's QR box (docs/BALLOT-LAYOUT.md: top-right at 163, 10 and bottom-left at
        // 22, 262 mm, 25 mm square) is rasterised on its own with a 3 mm margin and read by zbar:
        // both copies must decode, to the same payload. (zbar on a whole page at this resolution
        // sometimes finds only one of two symbols: a limit of the reader, not of the print.)
        let dpi = 200.0
        func px(_ mm: Double) -> String { String(Int((mm * dpi / 25.4).rounded())) }
        var payloads: [String] = []
        let pageCount = 2
        for page in 1...pageCount {
            var corners: [String] = []
            for (x, y) in [(163.0, 10.0), (22.0, 262.0)] {
                let out = cli.path("qr-\(page)-\(Int(x))")
                let raster = try ExternalTool.run(
                    "/usr/bin/pdftoppm",
                    [
                        "-r", "\(Int(dpi))", "-png", "-singlefile", "-f", "\(page)", "-l", "\(page)", "-x", px(x - 3),
                        "-y", px(y - 3), "-W", px(31), "-H", px(31), pdf, out,
                    ])
                #expect(raster.status == 0)
                let decoded = try ExternalTool.run("/usr/bin/zbarimg", ["--raw", "-q", out + ".png"])
                let lines = decoded.stdout.split(separator: "\n").map(String.init)
                #expect(lines.count == 1, "page \(page), corner at \(x), \(y) mm should carry one QR code")
                corners += lines
            }
            #expect(corners.count == 2 && Set(corners).count == 1, "both corners carry the same payload")
            payloads += corners.prefix(1)
        }
        #expect(payloads.count == pageCount)
        for serial in serials {
            #expect(payloads.contains { $0.hasPrefix("PK1|quarterly-7|\(round)|") && $0.hasSuffix("|\(serial)") })
        }
    }

    @Test func decomposedRosterNamesPrintComposed() throws {
        let cli = try CLI.temporaryWorkspace("nfd")
        #expect(try cli.run(["init"]).status == 0)
        let nfd = "Nguyễn Thị Hồng Nhung".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Nguyễn Thị Hồng Nhung".unicodeScalars.count)
        let rows =
            ["unit_id,unit_name,official_id,full_name,position", "TP,Phòng Tư pháp,T1,\(nfd),Trưởng phòng"]
            + (2...5).map { "TP,Phòng Tư pháp,T\($0),Lê Văn Đạo \($0),Chuyên viên" }
        try rows.joined(separator: "\n").write(toFile: cli.path("r.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["roster", "import", cli.path("r.csv")]).status == 0)
        let listed = try cli.run(["roster", "list", "--unit", "TP"])
        // Byte comparisons: Swift's String.contains treats NFD and NFC as equal.
        #expect(bytes(listed.stdout, contain: "Nguyễn Thị Hồng Nhung".nfc))
        #expect(!bytes(listed.stdout, contain: nfd))
        let round = try cli.run(
            ["round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "TP", "--ballots", "1"]
        ).lastLine
        #expect(try cli.run(["ballots", "print", "--round", round, "--out", cli.path("b.pdf")]).status == 0)
        let text = try Self.pdfText(cli.path("b.pdf"))
        #expect(bytes(text, contain: "Nguyễn Thị Hồng Nhung".nfc))
        #expect(!bytes(text, contain: nfd))
    }

    @Test(arguments: [
        ("unit_id,unit_name,official_id,full_name\nVP,Văn phòng,A,Nguyễn Văn An\n", "position"),
        (
            "unit_id,unit_name,official_id,full_name,position\nVP,Văn phòng,A,Nguyễn Văn An,Văn thư\nVP,Văn phòng,A,Trần B,Lái xe\n",
            ":3:"
        ),
    ])
    func badRosterIsNamedAndChangesNothing(csv: String, expected: String) throws {
        let cli = try CLI.temporaryWorkspace("badroster")
        #expect(try cli.run(["init"]).status == 0)
        try csv.write(toFile: cli.path("bad.csv"), atomically: true, encoding: .utf8)
        let result = try cli.run(["roster", "import", cli.path("bad.csv")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.csv"))
        #expect(result.stderr.contains(expected))
        #expect(try cli.run(["roster", "list"]).stdout.isEmpty)
    }

    @Test func badWorkspaceSurveyIsNamedWithFileAndLine() throws {
        let cli = try CLI.temporaryWorkspace("badyaml")
        #expect(try cli.run(["init"]).status == 0)
        try "id: my-survey\nversion: one\n".write(
            toFile: cli.path("ballots/mine.yaml"), atomically: true, encoding: .utf8)
        let result = try cli.run(["survey", "list"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("mine.yaml:2"), "\(result.stderr)")
    }

    @Test func unnumberedBallotsHaveNoSerialAndMayBeReprinted() throws {
        let cli = try CLI.temporaryWorkspace("unnumbered")
        let round = try Self.openRound(cli, unit: "TP", ballots: 3, extra: ["--serials", "none"])
        for name in ["a.pdf", "b.pdf"] {
            let printed = try cli.run(["ballots", "print", "--round", round, "--out", cli.path(name)])
            #expect(printed.status == 0, "\(printed.stderr)")
            #expect(Self.serials(in: try Self.pdfText(cli.path(name))).isEmpty)
        }
        let slips = try cli.run(["ballots", "slips", "--round", round, "--out", cli.path("s.pdf")])
        #expect(slips.status != 0)
    }

    @Test func slipsCarryOneCodeEach() throws {
        let cli = try CLI.temporaryWorkspace("slips")
        let round = try Self.openRound(cli, unit: "TP", ballots: 3)
        let refused = try cli.run(["ballots", "slips", "--round", round, "--out", cli.path("codes.pdf")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("public address"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Next: add --public-url"), "\(refused.stderr)")
        let result = try cli.run([
            "ballots", "slips", "--round", round, "--out", cli.path("codes.pdf"), "--public-url",
            "https://phieu.example.vn/",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try Self.pdfText(cli.path("codes.pdf"))
        let codes = Set(Self.accessCodes(in: text))
        #expect(codes.count == 3)
        // Each QR opens the booth with its own code in the URL fragment.
        let links = try Self.qrPayloads(ofFirstPage: cli.path("codes.pdf"))
        #expect(
            Set(links)
                == Set(codes.map { "https://phieu.example.vn/phieu#" + $0.replacingOccurrences(of: "-", with: "") }))
        for code in codes { #expect(AccessCode(parsing: code)?.text == code) }
        #expect(try cli.run(["round", "list", "--json"]).stdout.contains("\"serials_issued\" : 3"))
        // The address is remembered: more slips need no --public-url.
        let more = try cli.run(["ballots", "slips", "--round", round, "--extra", "1", "--out", cli.path("more.pdf")])
        #expect(more.status == 0, "\(more.stderr)")
        #expect(try cli.run(["round", "list", "--json"]).stdout.contains("\"serials_issued\" : 4"))
    }

    @Test func roundOpenJSONAndErrors() throws {
        let cli = try CLI.temporaryWorkspace("json")
        _ = try Self.openRound(cli, unit: "TP", ballots: 3)
        let json = try cli.run(
            [
                "round", "open", "--survey", "confidence-vote", "--period", "2026", "--unit", "TP", "--ballots", "3",
                "--electorate", "3", "--json",
            ])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["id"] as? String == "2026-TP-confidence-vote")
        #expect(object?["electorate"] as? Int == 3)

        let wrongPeriod = try cli.run(
            ["round", "open", "--survey", "quarterly-7", "--period", "2026-07", "--unit", "TP", "--ballots", "1"])
        #expect(wrongPeriod.status != 0)
        #expect(wrongPeriod.stderr.contains("quarterly"))
        let noUnit = try cli.run(
            ["round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "XX", "--ballots", "1"])
        #expect(noUnit.stderr.contains("unit XX is not on the roster"))
    }
}

/// Whether `text` holds `needle` byte for byte (no Unicode equivalence).
func bytes(_ text: String, contain needle: String) -> Bool {
    Data(text.utf8).range(of: Data(needle.utf8)) != nil
}
