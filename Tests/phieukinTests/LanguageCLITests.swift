import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 12, item 5: every message, error and hint in Vietnamese by default, English with
/// `--lang en` or `PHIEUKIN_LANG=en`. Each test reads the real output of the binary in both.
@Suite("phieukin speaks Vietnamese, and English on request")
struct LanguageCLITests {
    typealias C = CommitteeCustodyTests

    /// The default: no `PHIEUKIN_LANG` (the runner sets `en` unless told otherwise).
    static let vietnamese = ["PHIEUKIN_LANG": ""]

    @Test func errorsAndHintsAreVietnameseByDefault() throws {
        let cli = try CLI.temporaryWorkspace("lang-none")
        let vi = try cli.run(["round", "list"], environment: Self.vietnamese)
        #expect(vi.status == 1)
        #expect(
            vi.stderr == """
                Lỗi: không có thư mục làm việc PhieuKin tại \(cli.workspace).
                Tiếp theo: phieukin init
                  hoặc: dùng --workspace DIR, hoặc đặt biến PHIEUKIN_WORKSPACE, để dùng thư mục làm việc khác

                """, "\(vi.stderr)")
        let en = try cli.run(["round", "list", "--lang", "en"], environment: Self.vietnamese)
        #expect(en.status == 1)
        #expect(en.stderr.hasPrefix("Error: no PhieuKin workspace at \(cli.workspace).\nNext: phieukin init\n"))
        let env = try cli.run(["round", "list"], environment: ["PHIEUKIN_LANG": "en"])
        #expect(env.stderr == en.stderr)
        // --lang wins over the environment.
        let both = try cli.run(["round", "list", "--lang", "vi"], environment: ["PHIEUKIN_LANG": "en"])
        #expect(both.stderr == vi.stderr)
    }

    @Test(arguments: [
        (
            ["tally"], "Lỗi: Thiếu tham số bắt buộc '--round <round>'",
            "Error: Missing expected argument '--round <round>'"
        ),
        (["round", "list", "--bogus"], "Lỗi: Không có tùy chọn '--bogus'", "Error: Unknown option '--bogus'"),
    ])
    func usageErrorsAreTranslated(arguments: [String], vietnamese: String, english: String) throws {
        let cli = try CLI.temporaryWorkspace("lang-usage")
        let vi = try cli.run(arguments, environment: Self.vietnamese)
        #expect(vi.status == 64, "\(vi.stderr)")
        #expect(vi.stderr.hasPrefix(vietnamese + "\n"), "\(vi.stderr)")
        #expect(vi.stderr.contains("Cách dùng: phieukin "))
        let en = try cli.run(arguments)
        #expect(en.status == 64)
        #expect(en.stderr.hasPrefix(english + "\n"), "\(en.stderr)")
    }

    @Test func outputLinesAndCountsReadInVietnamese() throws {
        let cli = try C.workspace("lang-out")
        let opened = try cli.run(C.open + ["--period", "2026-Q3"], environment: Self.vietnamese)
        #expect(opened.status == 0, "\(opened.stderr)")
        let round = opened.lastLine
        #expect(opened.stdout.contains("Đã mở quarterly-7 cho đơn vị U, kỳ 2026-Q3"), "\(opened.stdout)")
        // A plan too small to report: the warning in Vietnamese, its count without an English plural.
        #expect(opened.stderr.hasPrefix("cảnh báo: dự kiến 3 phiếu, ít hơn mức 5"), "\(opened.stderr)")
        try C.fillAndClose(cli, round)
        let verify = try cli.run(["verify"], environment: Self.vietnamese)
        #expect(verify.stdout.contains("\(round) (đã đóng): 3 phiếu, 1 lô"), "\(verify.stdout)")
        #expect(verify.stdout.hasSuffix("ĐẠT: mọi nội dung kiểm tra đều hợp lệ.\n"))
        let english = try cli.run(["verify"])
        #expect(english.stdout.contains("\(round) (closed): 3 ballots, 1 batch"))
        #expect(english.stdout.hasSuffix("OK: every check passed.\n"))
    }

    /// The sentence the issue quotes, in both languages, and nothing imported.
    @Test func importingIntoAClosedRoundReadsProperly() throws {
        let cli = try C.workspace("lang-closed")
        let round = try cli.run(C.open + ["--period", "2026-Q3"]).lastLine
        try C.fillAndClose(cli, round)
        let file = cli.path("late.csv")
        try "a.dao-duc,b.thai-do\nx,\n".write(toFile: file, atomically: true, encoding: .utf8)
        let vi = try cli.run(["import", "--round", round, file], environment: Self.vietnamese)
        #expect(vi.status == 1)
        #expect(
            vi.stderr == "Lỗi: vòng \(round) đã đóng nên không nhận thêm phiếu; không có gì bị thay đổi.\n",
            "\(vi.stderr)")
        let en = try cli.run(["import", "--round", round, file])
        #expect(en.stderr == "Error: round \(round) is closed, so it takes no more ballots; nothing was changed.\n")
    }

    @Test func anUnknownUnitListsTheUnitsThatExist() throws {
        let cli = try C.workspace("lang-unit")
        let open = [
            "round", "open", "--survey", "quarterly-7", "--unit", "UU", "--period", "2026-Q3", "--ballots", "9",
        ]
        let en = try cli.run(open)
        #expect(en.status == 1)
        #expect(en.stderr.hasPrefix("Error: unit UU is not on the roster; its units are: U.\n"), "\(en.stderr)")
        #expect(en.stderr.contains("Next: phieukin roster list\n"))
        let vi = try cli.run(open, environment: Self.vietnamese)
        #expect(
            vi.stderr.hasPrefix("Lỗi: đơn vị UU không có trong danh sách cán bộ; các đơn vị trong danh sách là: U.\n"),
            "\(vi.stderr)")
        #expect(vi.stderr.contains("Tiếp theo: phieukin roster list\n"))
    }

    /// A wrong passphrase says so, in words, without the crypto layer's type names.
    @Test func aWrongPassphraseSaysSo() throws {
        let cli = try C.workspace("lang-pass", passphrase: "đúng mật khẩu 2026")
        let wrong = try C.secret(cli, "wrong.txt", "sai mật khẩu")
        let open = C.open + ["--period", "2026-Q3", "--agency-passphrase-file", wrong]
        let vi = try cli.run(open, environment: Self.vietnamese)
        #expect(vi.status == 1)
        #expect(vi.stderr.hasPrefix("Lỗi: mật khẩu không mở được "), "\(vi.stderr)")
        let en = try cli.run(open)
        #expect(en.stderr.hasPrefix("Error: the passphrase does not open "), "\(en.stderr)")
        for output in [vi.stderr, en.stderr] {
            #expect(!output.contains("CryptoError") && !output.contains("PhieuKinError") && !output.contains("Kind"))
        }
    }

    /// Documents stay Vietnamese whatever the messages' language: they are filed by the agency.
    @Test func documentsFollowOnlyTheirOwnLanguageOption() throws {
        let cli = try C.workspace("lang-docs")
        let round = try cli.run(C.open + ["--period", "2026-Q3"]).lastLine
        let pdf = cli.path("ballots.pdf")
        let printed = try cli.run(["ballots", "print", "--round", round, "--out", pdf])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix("Wrote \(pdf): "))
        #expect(try RoundAndPrintTests.pdfText(pdf).contains("PHIẾU"))
        let english = cli.path("ballots-en.pdf")
        let printedEnglish = try cli.run(
            ["ballots", "print", "--round", round, "--out", english, "--lang", "en"], environment: Self.vietnamese)
        #expect(printedEnglish.stdout.hasPrefix("Wrote \(english): "), "\(printedEnglish.stdout)")
        #expect(!(try RoundAndPrintTests.pdfText(english).contains("PHIẾU")))
    }
}
