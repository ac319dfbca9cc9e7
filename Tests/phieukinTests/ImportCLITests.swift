import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 4 through the real binary: exit codes, the --json shape, tampering, a killed import.
@Suite("phieukin import, rejects, round close, verify")
struct ImportCLITests {
    /// A numbered round with printed serials (read back from the PDF).
    static func numberedRound(_ cli: CLI, ballots: Int = 5) throws -> (round: String, serials: [String]) {
        let round = try RoundAndPrintTests.openRound(cli, ballots: ballots)
        let pdf = cli.path("ballots.pdf")
        #expect(try cli.run(["ballots", "print", "--round", round, "--out", pdf]).status == 0)
        let serials = Array(Set(RoundAndPrintTests.serials(in: try RoundAndPrintTests.pdfText(pdf)))).sorted()
        #expect(serials.count == ballots)
        return (round, serials)
    }

    func sql(_ cli: CLI, _ statement: String) throws -> String {
        try CLI.sql(cli.path("phieukin.sqlite"), statement).output
    }

    @Test func exitCodesJSONShapeQuarantineCloseAndTampering() throws {
        let cli = try CLI.temporaryWorkspace("import")
        let (round, s) = try Self.numberedRound(cli)
        let file = cli.path("keyed.csv")
        try """
        serial,VP01.dao-duc,VP02.thai-do,remark
        \(s[0]),x,,Bí mật
        \(s[1]),,x,
        \(s[2]),q,,
        \(s[0]),x,,

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try cli.run(["import", "--round", round, file, "--json"])
        #expect(result.status == 2, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["accepted"] as? Int == 2)
        #expect(json["duplicates"] as? Int == 1)
        #expect(json["rejected"] as? Int == 1)
        #expect(json["batch"] as? Int == 1 && json["tree_size"] as? Int == 2 && json["tree_head"] as? Int == 1)
        #expect((json["rejected_by_reason"] as? [String: Int]) == ["invalid-code": 1, "serial-used": 1])
        let rejects = try #require(json["rejects"] as? [[String: Any]])
        #expect(rejects.count == 2)
        #expect(Set(rejects[0].keys) == ["file", "line", "code", "reason", "reject_id"])
        #expect(rejects.map { $0["line"] as? Int } == [4, 5])
        #expect(!result.stdout.contains("Bí mật") && !result.stdout.contains(s[0]))

        // Text output names file:line and reason; re-importing reports duplicates, stores nothing.
        let again = try cli.run(["import", "--round", round, file])
        #expect(again.status == 2)
        #expect(again.stdout.contains("0 accepted, 3 duplicates, 1 rejected"))
        #expect(again.stdout.contains("\(file):4: [invalid-code]"))
        #expect(again.stdout.contains("already imported (batch 1)"))

        // All accepted → 0; a missing file → 1 and nothing imported.
        try "serial,VP03.dao-duc\n\(s[3]),x\n".write(toFile: cli.path("ok.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--round", round, cli.path("ok.csv")]).status == 0)
        let missing = try cli.run(["import", "--round", round, cli.path("nope.csv")])
        #expect(missing.status == 1 && missing.stderr.contains("nothing was imported"))

        let list = try cli.run(["rejects", "list", "--round", round, "--json"])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(listed.count == 2)
        let duplicate = try #require(listed.first { $0["code"] as? String == "serial-used" })
        let accept = try cli.run([
            "rejects", "accept", "--round", round, "\(duplicate["id"] as! Int)", "--serial", s[4], "--reason",
            "Số phiếu gõ nhầm, đã đọc lại từ bản giấy",
        ])
        #expect(accept.status == 0, "\(accept.stderr)")
        let refused = try cli.run(["round", "close", "--round", round])
        #expect(refused.status == 1 && refused.stderr.contains("pending"))
        #expect(try cli.run(["rejects", "discard", "--round", round, "--all", "--reason", "Mã sai"]).status == 0)
        #expect(try cli.run(["round", "close", "--round", round]).status == 0)
        let late = try cli.run(["import", "--round", round, cli.path("ok.csv")])
        #expect(late.status == 1 && late.stderr.contains("is closed"))
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("OK: every check passed."))

        // Each kind of tampering, done with the sqlite3 tool between runs, fails verify (exit 3).
        func expectProblem(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try cli.run(["verify", "--round", round])
            #expect(r.status == 3, sourceLocation: sourceLocation)
            #expect(r.stdout.contains(fragment), "\(r.stdout)", sourceLocation: sourceLocation)
        }
        func flip(_ column: String) -> String {
            "\(column) = CAST(substr(\(column), 1, 20) || (CASE WHEN substr(\(column), 21, 1) = X'00' THEN X'01' ELSE X'00' END) || substr(\(column), 22) AS BLOB)"
        }
        let leaf = try sql(cli, "SELECT hex(data) FROM leaf WHERE idx = 1")
        _ = try sql(cli, "UPDATE leaf SET \(flip("data")) WHERE idx = 1")
        try expectProblem("its root does not match the stored leaves (a leaf was changed)")
        _ = try sql(cli, "UPDATE leaf SET data = X'\(leaf)' WHERE idx = 1")
        let body = try sql(cli, "SELECT hex(body) FROM treeHead WHERE seq = 2")
        _ = try sql(cli, "UPDATE treeHead SET \(flip("body")) WHERE seq = 2")
        try expectProblem("tree head 2: the agency signature does not verify")
        _ = try sql(cli, "UPDATE treeHead SET body = X'\(body)' WHERE seq = 2")
        let signature = try sql(cli, "SELECT hex(signature) FROM treeHead WHERE seq = 1")
        _ = try sql(cli, "UPDATE treeHead SET \(flip("signature")) WHERE seq = 1")
        try expectProblem("tree head 1: the agency signature does not verify")
        _ = try sql(cli, "UPDATE treeHead SET signature = X'\(signature)' WHERE seq = 1")
        let last = try sql(cli, "SELECT batchSeq || '|' || hex(data) FROM leaf WHERE idx = 3").split(separator: "|")
        _ = try sql(cli, "DELETE FROM leaf WHERE idx = 3")
        try expectProblem("size 4 but only 3 leaves are stored")
        _ = try sql(
            cli, "INSERT INTO leaf (roundID, idx, batchSeq, data) VALUES ('\(round)', 3, \(last[0]), X'\(last[1])')")
        _ = try sql(
            cli,
            "INSERT INTO usedSerial SELECT roundID, hash FROM issuedSerial WHERE hash NOT IN (SELECT hash FROM usedSerial) LIMIT 1"
        )
        try expectProblem("4 ballots in the log but 5 used serials")
        let restored = try cli.run(["verify"])
        #expect(restored.status == 3)  // the extra used serial is still there
    }

    /// SIGKILL in the middle of a large import's transaction leaves none of it.
    @Test func killedImportLeavesNothingThenImportsWhole() throws {
        let cli = try CLI.temporaryWorkspace("kill")
        let round = try RoundAndPrintTests.openRound(cli, ballots: 0, extra: ["--serials", "none"])
        let rows = 20_000
        var csv = "VP01.dao-duc,VP02.trach-nhiem,VP03.thai-do,remark,blank\n"
        for i in 0..<rows { csv += i % 7 == 0 ? "x,,x,Ghi chú \(i),\n" : (i % 3 == 0 ? ",x,,,\n" : ",,,,x\n") }
        let file = cli.path("big.csv")
        try csv.write(toFile: file, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["import", "--round", round, file]
        var env = ProcessInfo.processInfo.environment
        env["PHIEUKIN_WORKSPACE"] = cli.workspace
        env["PHIEUKIN_TEST_PAUSE_AFTER_ROWS"] = "12000"
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("PHIEUKIN_TEST_PAUSED") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        #expect(String(decoding: seen, as: UTF8.self).contains("PHIEUKIN_TEST_PAUSED"))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let after = try cli.run(["verify", "--round", round, "--json"])
        #expect(after.status == 0, "\(after.stdout)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        let check = try #require((report["rounds"] as? [[String: Any]])?.first)
        #expect(check["leaves"] as? Int == 0 && check["batches"] as? Int == 0 && check["tree_heads"] as? Int == 0)

        let whole = try cli.run(["import", "--round", round, file, "--json"])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout.contains("\"accepted\" : \(rows)"))
        let twice = try cli.run(["import", "--round", round, file])
        #expect(twice.status == 1 && twice.stderr.contains("holds the same ballots, in the same order"))
        let verified = try cli.run(["verify"])
        #expect(verified.status == 0)
        #expect(
            verified.stdout.contains("(open): \(rows) ballots, 1 batch, 1 tree head, issued 0, used 0"),
            "\(verified.stdout)")
    }

    @Test func auditExportVerifiesIndependently() throws {
        let cli = try CLI.temporaryWorkspace("audit")
        let round = try RoundAndPrintTests.openRound(cli, ballots: 0, extra: ["--serials", "none"])
        try "VP01.dao-duc,VP02.dao-duc,blank\nx,,\n\n,,x\n,x,\n".write(
            toFile: cli.path("a.csv"), atomically: true, encoding: .utf8)
        try "VP02.dao-duc\nx\n".write(toFile: cli.path("b.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--round", round, cli.path("a.csv")]).status == 0)
        #expect(try cli.run(["import", "--round", round, cli.path("b.csv")]).status == 0)
        #expect(try cli.run(["round", "close", "--round", round]).status == 0)
        let out = cli.path("audit")
        #expect(try cli.run(["audit", "export", "--round", round, "--out", out]).status == 0)
        let script = CLI.repository + "/scripts/verify-audit"
        let ok = try ExternalTool.run("/usr/bin/python3", [script, out])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("OK: 4 leaves, 3 signed tree heads"))

        var heads = try String(contentsOfFile: out + "/tree-heads.jsonl", encoding: .utf8)
        heads = heads.replacingOccurrences(of: "\\\"size\\\":4", with: "\\\"size\\\":3")
        try heads.write(toFile: out + "/tree-heads.jsonl", atomically: true, encoding: .utf8)
        let bad = try ExternalTool.run("/usr/bin/python3", [script, out])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("signature does not verify"))
    }
}
