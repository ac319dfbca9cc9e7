import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 19, item 9: every command's output, in both languages, reads as sentences — no unfilled
/// `{0}` placeholder, no message stored as a raw JSON array (`["a box …: {0}", …]`).
@Suite("Every command's output, both languages: no placeholder, no raw message")
struct OutputWalkTests {
    /// What must never reach a person: an unfilled placeholder or a stored message's JSON form.
    static func problems(_ text: String) -> [String] {
        var found: [String] = []
        if text.contains(/\{\d+\}/) { found.append("an unfilled {n} placeholder") }
        if text.contains("[\"") || text.contains("\",[") { found.append("a raw message array") }
        return found
    }

    /// English words a Vietnamese line must not hold once what is typed is set aside: commands
    /// (`phieukin …` to the end of the line), options, ids, paths, numbers and quoted text. Words
    /// that are also subcommand names or option values (`round`, `close`, `state`, `staff`…) are
    /// left out of the help check, where they name what to type.
    static let englishWords: Set<String> = [
        "the", "and", "for", "with", "not", "from", "this", "that", "which", "are", "was", "were", "has", "have",
        "can", "will", "each", "every", "into", "its", "all", "when", "only", "than", "there", "must", "should",
        "after", "before", "then", "see", "give", "given", "ballot", "file", "files", "serial", "serials", "code",
        "codes", "reason", "accepted", "rejected", "pending", "discarded", "waiting", "inactive", "share", "shares",
        "tree", "head", "root", "signed", "missing", "error", "used", "issued", "quarantine", "quarantined", "official",
        "officials", "unit", "units", "remark", "remarks", "marked", "blank", "valid", "invalid", "counted",
        "reminder", "resolved", "opened", "closed", "tallied", "voided", "workspace", "period", "quarter",
    ]
    /// Option values and states an output line must show in words, not as the id typed.
    static let valueWords: Set<String> = ["state", "party", "grid", "staff", "citizens", "businesses", "questions"]

    /// Lines of `text` (Vietnamese) that read as English.
    static func englishLines(_ text: String, values: Bool) -> [String] {
        text.split(separator: "\n").map(String.init).filter { line in
            var rest = line
            if let command = rest.range(of: "phieukin ") { rest = String(rest[..<command.lowerBound]) }
            rest = rest.replacing(/`[^`]*`|"[^"]*"|“[^”]*”|<[^>]*>|\S*[0-9\/_.=@#:-]\S*/, with: " ")
            // A help row's first column (a subcommand or option name) is typed, not read.
            rest = rest.replacing(/^\s{2}\S+\s{2,}/, with: " ")
            let words = rest.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
            return words.contains { englishWords.contains($0) || (values && valueWords.contains($0)) }
        }
    }

    /// The subcommand paths under `path`, read from its help's SUBCOMMANDS section (up to the
    /// first blank line; `show (default)` is `show`).
    static func subcommands(_ cli: CLI, _ path: [String]) throws -> [[String]] {
        let help = try cli.run(path + ["--help"]).stdout
        guard path.count < 3, let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        let section = help[start.upperBound...].components(separatedBy: "\n\n")[0]
        let names = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else {
                return nil
            }
            return String(word)
        }
        return try names.filter { !path.contains($0) }.flatMap { [path + [$0]] + (try subcommands(cli, path + [$0])) }
    }

    /// The detector itself: English reported, what is typed left alone.
    @Test(arguments: [
        ("Loại cơ quan: state", true, true), ("(quarantined as #3)", false, true),
        ("Tiếp theo: phieukin rejects list --round R, then for each: phieukin rejects accept", false, false),
        ("Sổ phiếu của vòng hiện có 5 phiếu, đã ký số.", true, false),
        ("  round                   Mở, liệt kê và đóng các vòng lấy phiếu.", false, false),
        ("Import keyed ballots into a round: validate, seal, log, sign.", false, true),
    ])
    func theDetectorFindsEnglish(line: String, values: Bool, english: Bool) {
        #expect(Self.englishLines(line, values: values).isEmpty != english, "\(line)")
    }

    @Test(arguments: ["vi", "en"])
    func everyHelpReads(language: String) throws {
        let cli = try CLI.temporaryWorkspace("walk-help-\(language)")
        let commands = try Self.subcommands(cli, [])
        #expect(commands.count > 40, "\(commands)")
        for command in [[]] + commands {
            let help = try cli.run(command + ["--help"], environment: ["PHIEUKIN_LANG": language])
            #expect(help.status == 0, "\(command)")
            #expect(Self.problems(help.stdout + help.stderr).isEmpty, "\(command): \(help.stdout)")
            if language == "vi" {
                let english = Self.englishLines(help.stdout, values: false)
                #expect(english.isEmpty, "\(command) --help in English:\n\(english.joined(separator: "\n"))")
            }
        }
    }

    /// A quarter as an office runs it, mistakes included (a sheet keyed twice, another round's
    /// file, a refused decision, a closed round imported into), every output read.
    @Test(arguments: ["vi", "en"])
    func aQuarterReads(language: String) throws {
        let cli = try CLI.temporaryWorkspace("walk-\(language)")
        func run(_ arguments: [String]) throws {
            let result = try cli.run(arguments, environment: ["PHIEUKIN_LANG": language])
            let problems = Self.problems(result.stdout + result.stderr)
            #expect(problems.isEmpty, "\(arguments): \(problems)\n\(result.stdout)\(result.stderr)")
            if language == "vi" {
                let english = Self.englishLines(result.stdout + result.stderr, values: true)
                #expect(english.isEmpty, "\(arguments) in English:\n\(english.joined(separator: "\n"))")
            }
        }
        let round = try RoundAndPrintTests.openRound(cli, unit: "TNMT", ballots: 6)
        let pdf = cli.path("ballots.pdf")
        try run(["ballots", "print", "--round", round, "--out", pdf])
        let serials = RoundAndPrintTests.serials(in: try RoundAndPrintTests.pdfText(pdf))
        var csv = "serial,TNMT01.dao-duc,TNMT02.thai-do\n"
        csv += serials.prefix(5).map { "\($0),x,\n" }.joined()
        csv += "\(serials[0]),,x\n\(serials[1].dropLast()),x,\nKHONG-CO-SO,x,\n"
        try csv.write(toFile: cli.path("keyed.csv"), atomically: true, encoding: .utf8)
        try "serial,TNMT01.dao-duc\n\(serials[5]),maybe\n".write(
            toFile: cli.path("bad.csv"), atomically: true, encoding: .utf8)
        for command in [
            ["agency"], ["keys"], ["survey", "list"], ["survey", "show", "quarterly-7"], ["roster", "list"],
            ["round", "list"], ["ballots", "template", "--round", round, "--out", cli.path("template.xlsx")],
            ["import", "--round", round, cli.path("keyed.csv")], ["import", "--round", round, cli.path("bad.csv")],
            ["import", "--round", round, cli.path("missing.csv")], ["rejects", "list", "--round", round],
            ["rejects", "accept", "--round", round, "--reason", "checked", "1"],
            ["rejects", "accept", "--round", round, "--reason", "checked"],
            ["rejects", "discard", "--round", round, "--reason", "keyed twice", "1"],
            ["scan", "review", "--round", round], ["scan", "accept", "--round", round, "9", "--reason", "x"],
            ["verify"], ["round", "close", "--round", round], ["rejects", "list", "--round", round],
            ["import", "--round", round, cli.path("keyed.csv")], ["tally", "--round", round],
            ["report", "--round", round], ["flags"], ["audit", "export", "--round", round, "--out", cli.path("a")],
            ["backup", "--out", cli.path("backup.tar")], ["kiosk", "counts"], ["round", "open", "--survey", "nope"],
        ] {
            try run(command)
        }
    }
}
