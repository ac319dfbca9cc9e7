import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 8 as staff, tellers and leaders meet it: one round per period, voids, inconclusive
/// rounds, and small offices counted inside larger rounds — through the `phieukin` binary.
@Suite("phieukin rounds and flags leaders can trust")
struct RoundRulesCLITests {
    typealias T = TallyCLITests

    static func flags(_ cli: CLI, period: String) throws -> (flags: [[String: Any]], undecided: [[String: Any]]) {
        let document = try T.flagsJSON(cli, ["--period", period])
        return (
            document["flags"] as? [[String: Any]] ?? [],
            document["rounds_without_decision"] as? [[String: Any]] ?? []
        )
    }

    static func statuses(_ flags: [[String: Any]]) -> [String] {
        flags.map { "\($0["official_id"]!) \($0["criterion_id"]!) \($0["status"]!)" }.sorted()
    }

    static func verifyOK(_ cli: CLI) throws {
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("OK: every check passed."))
    }

    @Test func aSecondRoundForThePeriodIsRefusedUntilTheFirstIsVoided() throws {
        let cli = try T.workspace("one-round")
        let open = ["round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--ballots", "4"]
        let first = try cli.run(open + ["--unit", "U"])
        #expect(first.status == 0, "\(first.stderr)")
        let round = first.lastLine
        #expect(round == "2026-Q3-U-quarterly-7")
        // A 4-person unit with 4 ballots planned: below min_respondents (5), so staff are warned.
        #expect(first.stderr.contains("warning: 4 ballots planned, fewer than the 5 this survey needs"))

        for units in [["U"], ["S", "U"]] {
            let again = try cli.run(open + units.flatMap { ["--unit", $0] })
            #expect(again.status == 1)
            #expect(
                again.stderr.contains(
                    "unit U already has round 2026-Q3-U-quarterly-7 (open) for survey quarterly-7, period 2026-Q3"))
            #expect(again.stderr.contains("phieukin round void --round 2026-Q3-U-quarterly-7"))
        }
        #expect(try cli.run(["round", "list"]).stdout.split(separator: "\n").count == 1)

        // A void needs a reason; it is signed, listed, and stops the round's intake.
        let noReason = try cli.run(["round", "void", "--round", round, "--reason", "  "])
        #expect(noReason.status == 1 && noReason.stderr.contains("needs a reason"))
        let voided = try cli.run(["round", "void", "--round", round, "--reason", "Mở nhầm đơn vị"])
        #expect(voided.status == 0, "\(voided.stderr)")
        #expect(voided.stdout.contains("Voided 2026-Q3-U-quarterly-7 (was open): Mở nhầm đơn vị"))
        let twice = try cli.run(["round", "void", "--round", round, "--reason", "again"])
        #expect(twice.status == 1 && twice.stderr.contains("already voided"))
        let list = try cli.run(["round", "list"]).stdout
        #expect(list.contains("2026-Q3-U-quarterly-7  voided") && list.contains("Mở nhầm đơn vị"))
        let print = try cli.run(["ballots", "print", "--round", round, "--out", cli.path("b.pdf")])
        #expect(print.status == 1 && print.stderr.contains("voided"))
        let header = T.criteria.map { "a.\($0)" }.joined(separator: ",")
        try "\(header)\nx,,,,,,\n".write(toFile: cli.path("k.csv"), atomically: true, encoding: .utf8)
        let late = try cli.run(["import", "--round", round, cli.path("k.csv")])
        #expect(late.status == 1 && late.stderr.contains("voided"))
        try Self.verifyOK(cli)
        // An outside auditor sees the signed void too.
        let bundle = cli.path("audit-voided")
        #expect(try cli.run(["audit", "export", "--round", round, "--out", bundle]).status == 0)
        let audit = try ExternalTool.run("/usr/bin/python3", [CLI.repository + "/scripts/verify-audit", bundle])
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
        let heads = try String(contentsOfFile: bundle + "/tree-heads.jsonl", encoding: .utf8)
        #expect(heads.contains("\\\"kind\\\":\\\"void\\\"") && heads.contains("Mở nhầm đơn vị"))

        // Only now can the period be run again.
        let rerun = try cli.run(open + ["--unit", "U"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.lastLine == "2026-Q3-U-quarterly-7-2")

        // The reason is signed: changing it behind PhieuKin's back is caught.
        _ = try CLI.sql(
            cli.path("phieukin.sqlite"), "UPDATE round SET voidReason = 'khác' WHERE id = '2026-Q3-U-quarterly-7'")
        let tampered = try cli.run(["verify"])
        #expect(tampered.status == 3)
        #expect(tampered.stdout.contains("the signed void reason differs from the stored one"))
    }

    /// Done when: a voided round and an empty round leave last quarter's flags exactly as they
    /// were until a conclusive round.
    /// A kiosk round has no cap (`--ballots 0`, unnumbered): nothing planned, nothing to warn
    /// about. A numbered round with no ballots, or a small unnumbered one, still warns.
    @Test func aKioskRoundWithNoCapOpensWithoutAWarning() throws {
        let cli = try T.workspace("kiosk-no-cap")
        let kiosk = try cli.run([
            "round", "open", "--survey", "one-stop-desk", "--period", "2026-Q3", "--unit", "U", "--ballots", "0",
            "--serials", "none", "--channel", "citizens",
        ])
        #expect(kiosk.status == 0, "\(kiosk.stderr)")
        #expect(!kiosk.stderr.contains("warning"), "\(kiosk.stderr)")
        let small = try cli.run([
            "round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "U", "--ballots", "2",
            "--serials", "none",
        ])
        #expect(small.status == 0, "\(small.stderr)")
        #expect(small.stderr.contains("warning: 2 ballots planned, fewer than the 5 this survey needs"))
        let numbered = try cli.run([
            "round", "open", "--survey", "quarterly-7", "--period", "2026-Q4", "--unit", "U", "--ballots", "0",
        ])
        #expect(numbered.status == 0, "\(numbered.stderr)")
        #expect(numbered.stderr.contains("warning: 0 ballots planned"), "\(numbered.stderr)")
    }

    @Test func anEmptyRoundLeavesTheFlagsAsTheyWere() throws {
        let cli = try T.workspace("empty-round")
        let q2 = try T.closedRound(cli, period: "2026-Q2", unit: "U", total: 10, marks: ["a.thai-do": 5])
        try T.tally(cli, q2)
        // Q3: opened and closed with no ballot at all, then tallied.
        let opened = try cli.run(
            ["round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "U", "--ballots", "10"])
        let q3 = opened.lastLine
        #expect(try cli.run(["round", "close", "--round", q3]).status == 0)
        let tallied = try T.tally(cli, q3)
        #expect(tallied.stdout.contains("the round is inconclusive, it raises and clears no flag"))
        #expect(tallied.stdout.contains("0 action, 0 reminder, 0 resolved"))

        let (flags, undecided) = try Self.flags(cli, period: "2026-Q3")
        // Nothing "resolved": the Q2 reminder stands, shown as carried over the empty round.
        #expect(Self.statuses(flags) == ["a thai-do reminder"])
        #expect(flags.first?["carried_from_period"] as? String == "2026-Q2")
        #expect(flags.first?["carried_from_round"] as? String == q2)
        #expect(flags.first?["round_id"] as? String == q3)
        #expect(undecided.map { $0["reason"] as? String } == ["too-few-ballots"])
        #expect(undecided.first?["ballots_counted"] as? Int == 0)
        let text = try cli.run(["report", "flags", "--period", "2026-Q3", "--format", "text"]).stdout
        #expect(text.contains("Giữ nguyên từ Quý 2/2026"))
        #expect(text.contains("Không đủ số phiếu để kết luận (0 phiếu, cần ít nhất 5)"))

        // Q4 names the same shortcoming: compared with Q2, across the empty Q3 — action.
        let q4 = try T.closedRound(cli, period: "2026-Q4", unit: "U", total: 10, marks: ["a.thai-do": 4])
        try T.tally(cli, q4)
        let q4Flags = try Self.flags(cli, period: "2026-Q4").flags
        #expect(Self.statuses(q4Flags) == ["a thai-do action"])
        #expect(q4Flags.first?["previous_period"] as? String == "2026-Q2")
        #expect(q4Flags.first?["sequence_broken"] as? Bool == false)
        try Self.verifyOK(cli)
    }

    @Test func voidingATalliedRoundTakesItOutOfTheFlags() throws {
        let cli = try T.workspace("void-tallied")
        let q2 = try T.closedRound(cli, period: "2026-Q2", unit: "U", total: 10, marks: ["a.thai-do": 5])
        try T.tally(cli, q2)
        // A mistaken Q3 (nothing marked) would clear the Q2 reminder.
        let wrong = try T.closedRound(cli, period: "2026-Q3", unit: "U", total: 10, marks: [:])
        try T.tally(cli, wrong)
        #expect(Self.statuses(try Self.flags(cli, period: "2026-Q3").flags) == ["a thai-do resolved"])

        let voided = try cli.run(
            ["round", "void", "--round", wrong, "--reason", "Phiếu của kỳ khác bị nhập nhầm", "--json"])
        #expect(voided.status == 0, "\(voided.stderr)")
        let summary = try T.json(voided.stdout)
        #expect(summary["previous_state"] as? String == "tallied")
        #expect(summary["result_log_index"] as? Int == 2)
        let (flags, undecided) = try Self.flags(cli, period: "2026-Q3")
        #expect(flags.isEmpty)
        #expect(undecided.first?["status"] as? String == "voided")
        #expect(undecided.first?["reason"] as? String == "Phiếu của kỳ khác bị nhập nhầm")
        let report = try cli.run(["report", "--round", wrong])
        #expect(report.status == 1 && report.stderr.contains("was voided"))
        #expect(try cli.run(["tally", "--round", wrong, "--recount"]).status == 1)
        try Self.verifyOK(cli)

        // Run again: compared with Q2, as if the voided round had never been.
        let rerun = try T.closedRound(cli, period: "2026-Q3", unit: "U", total: 10, marks: ["a.thai-do": 5])
        #expect(rerun == "2026-Q3-U-quarterly-7-2")
        try T.tally(cli, rerun)
        let again = try Self.flags(cli, period: "2026-Q3")
        #expect(Self.statuses(again.flags) == ["a thai-do action"])
        #expect(again.undecided.map { $0["round_id"] as? String } == [wrong])
        try Self.verifyOK(cli)
        #expect(try cli.run(["tally", "--round", rerun, "--recount"]).status == 0)

        // Deleting the void from the results log is caught.
        _ = try CLI.sql(cli.path("phieukin.sqlite"), "DELETE FROM resultLeaf WHERE idx = 2")
        let tampered = try cli.run(["verify"])
        #expect(tampered.status == 3)
        #expect(tampered.stdout.contains("voided after its tally but the void is not in the results log"))
    }

    /// Done when: a 3-person office evaluated inside a larger round is flagged correctly, and
    /// evaluated alone shows nothing but "too few ballots".
    @Test func aSmallOfficeIsFlaggedInsideALargerRoundAndShowsNothingAlone() throws {
        let cli = try T.workspace("multi-unit")
        let q2 = try T.closedRound(cli, period: "2026-Q2", unit: "U+S", total: 7, marks: ["d.tac-phong": 3])
        #expect(q2 == "2026-Q2-U+S-quarterly-7")
        try T.tally(cli, q2)
        let q3 = try T.closedRound(cli, period: "2026-Q3", unit: "U+S", total: 7, marks: ["d.tac-phong": 4])
        try T.tally(cli, q3)
        let flags = try Self.flags(cli, period: "2026-Q3").flags
        #expect(Self.statuses(flags) == ["d tac-phong action"])
        #expect(flags.first?["unit_id"] as? String == "S" && flags.first?["unit_name"] as? String == "Tổ Một cửa")
        #expect(flags.first?["count"] as? Int == 4 && flags.first?["valid"] as? Int == 7)
        // Filtering by unit finds the flag of the combined round.
        #expect(Self.statuses(try T.flagsJSON(cli, ["--unit", "S"])["flags"] as! [[String: Any]]).count == 2)
        let list = try cli.run(["round", "list", "--unit", "S"]).stdout
        #expect(list.contains("2026-Q3-U+S-quarterly-7") && list.contains("U+S"))

        // The combined ballot: both units named, each official's unit under the name.
        let opened = try cli.run(
            ["round", "open", "--survey", "quarterly-7", "--period", "2026-Q4", "--all-units", "--ballots", "2"])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("for units S, U"))
        let pdf = cli.path("combined.pdf")
        #expect(try cli.run(["ballots", "print", "--round", opened.lastLine, "--out", pdf]).status == 0)
        let text = try ExternalTool.run("/usr/bin/pdftotext", ["-layout", pdf, "-"]).stdout
        #expect(text.contains("Tổ Một cửa – Phòng Tư pháp"))
        #expect(text.contains("Tổ trưởng · Tổ Một cửa") && text.contains("Trưởng phòng · Phòng Tư pháp"))
        #expect(try cli.run(["round", "void", "--round", opened.lastLine, "--reason", "thử"]).status == 0)

        // Alone, the same office shows nothing but "too few ballots" — no flag, no figure.
        let alone = try T.closedRound(cli, period: "2026-Q4", unit: "S", total: 3, marks: ["d.tac-phong": 3])
        let tallied = try T.tally(cli, alone)
        #expect(tallied.stdout.contains("Too few ballots to report anything"))
        let q4 = try Self.flags(cli, period: "2026-Q4")
        // The Q3 action stands, carried over the inconclusive round; no new figure appears.
        #expect(Self.statuses(q4.flags) == ["d tac-phong action"])
        #expect(q4.flags.first?["carried_from_period"] as? String == "2026-Q3")
        #expect(q4.flags.first?["count"] as? Int == 4)
        let report = try cli.run(["report", "--round", alone, "--format", "text"]).stdout
        #expect(report.contains("Quá ít phiếu để báo cáo"))
        #expect(!report.contains("Phạm Thị Dung") && !report.contains("%"))
        try Self.verifyOK(cli)
    }

    @Test func aConfidenceVoteNeedsItsElectorate() throws {
        let cli = try T.workspace("confidence")
        let open = [
            "round", "open", "--survey", "confidence-vote", "--period", "2026", "--unit", "U", "--ballots", "9",
        ]
        let without = try cli.run(open)
        #expect(without.status == 1)
        #expect(without.stderr.contains("is a confidence vote") && without.stderr.contains("--electorate N"))
        #expect(try cli.run(["round", "list"]).stdout.isEmpty)
        let with = try cli.run(open + ["--electorate", "9"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(!with.stderr.contains("warning"))
    }
}
