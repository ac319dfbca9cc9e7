import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 8, item 5: quarantine decisions are signed into the round's log (tree heads of kind
/// `decision`), verify and the independent verifier check them, and no tree head carries a time
/// finer than the day.
@Suite("Signed quarantine decisions and day-only tree heads")
struct QuarantineDecisionTests {
    func sql(_ cli: CLI, _ statement: String) throws -> String {
        try CLI.sql(cli.path("phieukin.sqlite"), statement).output
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func decisionsAreSignedAndVerified() throws {
        let cli = try CLI.temporaryWorkspace("decisions")
        let (round, s) = try ImportCLITests.numberedRound(cli, ballots: 4)
        let file = cli.path("keyed.csv")
        // Row 3: a duplicate whose marks are valid (acceptable); row 4: an invalid code.
        try "serial,VP01.dao-duc,VP02.thai-do\n\(s[0]),x,\n\(s[0]),,x\n\(s[1]),q,\n\(s[2]),,\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", "--round", round, file, "--json"])
        #expect(imported.status == 2, "\(imported.stderr)")
        let ids = try #require(
            (try Self.json(imported.stdout)["rejects"] as? [[String: Any]])?.compactMap { $0["reject_id"] as? Int })
        #expect(ids.count == 2)

        // A used serial is never accepted as it is (issue 19): only with the serial the paper
        // really shows (here the sheet with s[3] was keyed as s[0]), which becomes used.
        let asIs = try cli.run(["rejects", "accept", "\(ids[0])", "--round", round, "--reason", "Hai phiếu trùng số"])
        #expect(asIs.status != 0 && asIs.stderr.contains("--serial SERIAL"), "\(asIs.stderr)")
        let accepted = try cli.run([
            "rejects", "accept", "\(ids[0])", "--round", round, "--serial", s[3], "--reason",
            "Số phiếu gõ nhầm, đã đọc lại từ bản giấy", "--json",
        ])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try Self.json(accepted.stdout)["tree_head"] as? Int == 2)
        let discarded = try cli.run([
            "rejects", "discard", "\(ids[1])", "--round", round, "--reason", "Nhập lại ở lần sau", "--json",
        ])
        #expect(discarded.status == 0, "\(discarded.stderr)")
        let discardJSON = try Self.json(discarded.stdout)
        #expect(discardJSON["tree_head"] as? Int == 3 && discardJSON["tree_size"] as? Int == 3)

        // The signed bodies, as stored.
        let accept = try Self.json(try sql(cli, "SELECT CAST(body AS TEXT) FROM treeHead WHERE seq = 2"))
        #expect(accept["kind"] as? String == "decision" && accept["size"] as? Int == 3)
        let acceptDecisions = try #require(accept["decisions"] as? [[String: Any]])
        #expect(acceptDecisions.count == 1)
        #expect(acceptDecisions[0]["reject"] as? Int == ids[0] && acceptDecisions[0]["decision"] as? String == "accept")
        #expect(acceptDecisions[0]["code"] as? String == "serial-used")
        #expect(acceptDecisions[0]["reason"] as? String == "Số phiếu gõ nhầm, đã đọc lại từ bản giấy")
        let discard = try Self.json(try sql(cli, "SELECT CAST(body AS TEXT) FROM treeHead WHERE seq = 3"))
        #expect(discard["kind"] as? String == "decision" && discard["size"] as? Int == 3)
        #expect(discard["root"] as? String == accept["root"] as? String)
        let discardDecisions = try #require(discard["decisions"] as? [[String: Any]])
        #expect(Set(discardDecisions[0].keys) == ["code", "decision", "reason", "reject"])
        #expect(
            discardDecisions[0]["reject"] as? Int == ids[1] && discardDecisions[0]["decision"] as? String == "discard")
        #expect(discardDecisions[0]["code"] as? String == "invalid-code")

        #expect(try cli.run(["round", "close", "--round", round]).status == 0)
        let verified = try cli.run(["verify", "--round", round])
        #expect(verified.status == 0, "\(verified.stdout)")

        // Every head, of both logs, carries a day and no time of day.
        #expect(try cli.run(["tally", "--round", round]).status == 0)
        let times =
            try sql(
                cli,
                "SELECT json_extract(CAST(body AS TEXT), '$.time') FROM treeHead UNION ALL SELECT json_extract(CAST(body AS TEXT), '$.time') FROM resultTreeHead"
            )
            .split(separator: "\n")
        #expect(times.count == 5)
        let day = try NSRegularExpression(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        for time in times {
            #expect(day.firstMatch(in: String(time), range: NSRange(time.startIndex..., in: time)) != nil, "\(time)")
        }

        // The audit bundle carries the decisions; the independent verifier ties them to the counts.
        let bundle = cli.workspace + "-audit"
        #expect(try cli.run(["audit", "export", "--round", round, "--out", bundle]).status == 0)
        let script = CLI.repository + "/scripts/verify-audit"
        let ok = try ExternalTool.run("/usr/bin/python3", [script, bundle])
        #expect(ok.status == 0, "\(ok.stdout)")
        let roundJSON = bundle + "/round.json"
        let original = try String(contentsOfFile: roundJSON, encoding: .utf8)
        try original.replacingOccurrences(of: "\"quarantined_discarded\" : 1", with: "\"quarantined_discarded\" : 0")
            .write(toFile: roundJSON, atomically: true, encoding: .utf8)
        let miscounted = try ExternalTool.run("/usr/bin/python3", [script, bundle])
        #expect(miscounted.status == 1)
        #expect(
            miscounted.stdout.contains(
                "round.json counts 1 accepted and 0 discarded rejects, the signed decisions 1 and 1"))

        // Decisions changed behind PhieuKin's back no longer match what was signed.
        func expectProblem(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try cli.run(["verify", "--round", round])
            #expect(r.status == 3, sourceLocation: sourceLocation)
            #expect(r.stdout.contains(fragment), "\(r.stdout)", sourceLocation: sourceLocation)
        }
        _ = try sql(cli, "UPDATE reject SET decisionReason = 'khác' WHERE id = \(ids[1])")
        try expectProblem(
            "reject \(ids[1]): the stored decision (discarded, [invalid-code]) differs from the one signed in tree head 3"
        )
        _ = try sql(
            cli, "UPDATE reject SET decisionReason = 'Nhập lại ở lần sau', status = 'accepted' WHERE id = \(ids[1])")
        try expectProblem("reject \(ids[1]): the stored decision (accepted, [invalid-code]) differs")
        _ = try sql(cli, "UPDATE reject SET status = 'discarded' WHERE id = \(ids[1])")
        #expect(try cli.run(["verify", "--round", round]).status == 0)
        // A decision recorded with the database alone (no signed head) is found.
        _ = try sql(
            cli,
            "INSERT INTO reject (roundID, batchSeq, sealed, reason, source, status, decisionReason, code) VALUES ('\(round)', 1, NULL, 'x', NULL, 'discarded', 'xoá', 'invalid-code')"
        )
        let forged = try sql(cli, "SELECT MAX(id) FROM reject")
        try expectProblem("reject \(forged) is discarded but no signed tree head records that decision")
    }

    /// In a passphrase workspace, discarding needs the agency passphrase (the decision is signed).
    @Test func discardNeedsTheSigningKey() throws {
        let cli = try CLI.temporaryWorkspace("discard-key")
        let pass = cli.workspace + "-pass.txt"
        try "mật khẩu\n".write(toFile: pass, atomically: true, encoding: .utf8)
        chmod(pass, 0o600)
        #expect(try cli.run(["init", "--passphrase-file", pass]).status == 0)
        #expect(try cli.run(["roster", "import", RoundAndPrintTests.roster]).status == 0)
        let opened = try cli.run([
            "round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "VP", "--ballots", "2",
            "--serials", "none", "--agency-passphrase-file", pass,
        ])
        #expect(opened.status == 0, "\(opened.stderr)")
        let round = opened.lastLine
        try "VP01.dao-duc\nq\n".write(toFile: cli.path("k.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--round", round, cli.path("k.csv"), "--passphrase-file", pass]).status == 2)
        let unsigned = try cli.run(["rejects", "discard", "--all", "--round", round, "--reason", "sai mã"])
        #expect(unsigned.status == 1 && unsigned.stderr.contains("is encrypted"), "\(unsigned.stderr)")
        #expect(try CLI.sql(cli.path("phieukin.sqlite"), "SELECT status FROM reject").output == "pending")
        let signed = try cli.run([
            "rejects", "discard", "--all", "--round", round, "--reason", "sai mã", "--passphrase-file", pass,
        ])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stdout.contains("the decision is signed into the round's log"))
    }
}
