import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 13 through the real binary: the signed round manifest, the signed commitments to issued
/// and used serials, receipts voters check from the bundle alone, and `--expect-root` — each
/// checked by `phieukin verify` and by the independent `scripts/verify-audit`, genuine and tampered.
@Suite("Audit bundles an outsider can check completely")
struct AuditBundleTests {
    static let script = CLI.repository + "/scripts/verify-audit"

    static func verifyAudit(_ bundle: String, _ extra: [String] = []) throws -> CLI.Result {
        try ExternalTool.run("/usr/bin/python3", [script, bundle] + extra)
    }

    func sql(_ cli: CLI, _ statement: String) throws -> String {
        try CLI.sql(cli.path("phieukin.sqlite"), statement).output
    }

    /// A numbered round of 5 printed ballots: two accepted, one quarantined and discarded, closed,
    /// its bundle exported. Returns the round, the serials (s[0], s[1] used) and the bundle.
    static func closedRoundWithBundle(_ cli: CLI) throws -> (round: String, serials: [String], bundle: String) {
        let (round, s) = try ImportCLITests.numberedRound(cli, ballots: 5)
        try "serial,VP01.dao-duc,VP02.thai-do\n\(s[0]),x,\n\(s[1]),,x\n\(s[2]),q,\n".write(
            toFile: cli.path("k.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--round", round, cli.path("k.csv")]).status == 2)
        #expect(try cli.run(["rejects", "discard", "--all", "--round", round, "--reason", "Sai mã"]).status == 0)
        let closed = try cli.run(["round", "close", "--round", round])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stdout.contains("Copy this root onto the signed round report"))
        let bundle = cli.workspace + "-audit"
        let exported = try cli.run(["audit", "export", "--round", round, "--out", bundle])
        #expect(exported.status == 0, "\(exported.stderr)")
        return (round, s, bundle)
    }

    /// A copy of `bundle` changed by `change`, which verify-audit must reject naming `fragment`.
    static func expectTamperCaught(
        _ bundle: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ change: (String) throws -> Void
    ) throws {
        let copy = try TemporaryFiles.directory("tampered").path + "/bundle"
        try FileManager.default.copyItem(atPath: bundle, toPath: copy)
        try change(copy)
        let result = try verifyAudit(copy)
        #expect(result.status == 1, "\(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stdout.contains(fragment), "\(result.stdout)", sourceLocation: sourceLocation)
    }

    static func replace(_ file: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(old), "\(file) has no \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    @Test func theManifestAndTheCountsAreSignedAndCheckedOnBothSides() throws {
        let cli = try CLI.temporaryWorkspace("manifest")
        let (round, _, bundle) = try Self.closedRoundWithBundle(cli)
        #expect(try cli.run(["verify", "--round", round]).status == 0)

        // The bundle: the manifest, sorted hashes of 5 issued and 2 used serials, the quarantine.
        let files = try FileManager.default.contentsOfDirectory(atPath: bundle).sorted()
        #expect(
            files == [
                "README.txt", "agency.pub.pem", "batches.json", "issued.bin", "leaves.bin", "manifest.json",
                "quarantine.json", "round.json", "survey.yaml", "tree-heads.jsonl", "used.bin",
            ])
        #expect(try Data(contentsOf: URL(fileURLWithPath: bundle + "/issued.bin")).count == 5 * 32)
        #expect(try Data(contentsOf: URL(fileURLWithPath: bundle + "/used.bin")).count == 2 * 32)
        let manifestText = try String(contentsOfFile: bundle + "/manifest.json", encoding: .utf8)
        #expect(manifestText.hasSuffix("}\n") && !manifestText.contains(" : "))
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(manifestText.utf8)) as? [String: Any])
        #expect(manifest["format"] as? String == "phieukin-round-manifest-v1")
        #expect(manifest["round"] as? String == round && manifest["units"] as? [String] == ["VP"])
        #expect(manifest["numbered"] as? Bool == true && manifest["ballots_planned"] as? Int == 5)
        #expect(manifest["electorate"] is NSNull)
        let officials = try #require(manifest["officials"] as? [[String: String]])
        #expect(officials.count > 1 && officials.allSatisfy { $0["unit"] == "VP" })
        #expect(
            try String(contentsOfFile: bundle + "/quarantine.json", encoding: .utf8)
                == "[{\"code\":\"invalid-code\",\"decision\":\"discard\",\"reason\":\"Sai mã\",\"reject\":1}]\n")
        let heads = try String(contentsOfFile: bundle + "/tree-heads.jsonl", encoding: .utf8)
            .split(separator: "\n")
        #expect(heads.count == 3 && heads.allSatisfy { $0.contains("\\\"manifest\\\":\\\"") })
        #expect(
            heads[2].contains("\\\"issued\\\":{\\\"count\\\":5,") && heads[2].contains("\\\"used\\\":{\\\"count\\\":2,")
                && heads[2].contains("\\\"batches\\\":{\\\"count\\\":1,")
        )
        #expect(!heads[0].contains("\\\"issued\\\"") && !heads[1].contains("\\\"batches\\\""))

        let ok = try Self.verifyAudit(bundle)
        #expect(ok.status == 0, "\(ok.stdout)")
        #expect(ok.stdout.contains("OK: 2 leaves, 3 signed tree heads"))

        // Any single signed or counted fact changed in the bundle is caught by verify-audit.
        try Self.expectTamperCaught(bundle, "tree head 1 does not name the SHA-256 of manifest.json") {
            try Self.replace($0 + "/manifest.json", "\"numbered\":true", "\"numbered\":false")
        }
        try Self.expectTamperCaught(bundle, "survey.yaml is not the survey definition the manifest signs") {
            try Self.replace($0 + "/survey.yaml", "id: quarterly-7", "id: quarterly-7 ")
        }
        try Self.expectTamperCaught(bundle, "round.json tally_public_key differs from the signed manifest") {
            let key = try #require(manifest["tally_public_key"] as? String)
            try Self.replace($0 + "/round.json", key, String(key.reversed()))
        }
        try Self.expectTamperCaught(bundle, "tree head 2: signature does not verify") {
            try Self.replace($0 + "/tree-heads.jsonl", "\\\"manifest\\\":\\\"", "\\\"manifest\\\":\\\"0")
        }
        try Self.expectTamperCaught(bundle, "the tree heads name a round manifest but the bundle has no manifest.json")
        {
            try FileManager.default.removeItem(atPath: $0 + "/manifest.json")
        }
        try Self.expectTamperCaught(
            bundle, "tree head 3 signs used hashes (count 2) that differ from used.bin (1 hashes)"
        ) {
            let used = try Data(contentsOf: URL(fileURLWithPath: $0 + "/used.bin"))
            try used.prefix(32).write(to: URL(fileURLWithPath: $0 + "/used.bin"))
        }
        try Self.expectTamperCaught(bundle, "tree head 3 signs issued hashes (count 5) that differ from issued.bin") {
            var issued = try Data(contentsOf: URL(fileURLWithPath: $0 + "/issued.bin"))
            issued[40] ^= 1
            try issued.write(to: URL(fileURLWithPath: $0 + "/issued.bin"))
        }
        try Self.expectTamperCaught(bundle, "round.json says 6 issued, issued.bin has 5") {
            try Self.replace($0 + "/round.json", "\"issued\" : 5", "\"issued\" : 6")
        }
        try Self.expectTamperCaught(bundle, "reject 1: quarantine.json differs from the signed decision") {
            try Self.replace($0 + "/quarantine.json", "Sai mã", "Khác")
        }
        try Self.expectTamperCaught(bundle, "round.json says quarantined_pending 0, quarantine.json lists 1") {
            try Self.replace(
                $0 + "/quarantine.json", "]\n",
                ",{\"code\":\"x\",\"decision\":\"pending\",\"reason\":\"\",\"reject\":2}]\n")
        }

        try Self.expectTamperCaught(bundle, "tree head 2 (size 2): root does not match leaves.bin") {
            var leaves = try Data(contentsOf: URL(fileURLWithPath: $0 + "/leaves.bin"))
            leaves[leaves.count - 1] ^= 1
            try leaves.write(to: URL(fileURLWithPath: $0 + "/leaves.bin"))
        }
        try Self.expectTamperCaught(bundle, "leaf 0 refers to batch 1, which is not in batches.json") {
            try Self.replace($0 + "/batches.json", "\"seq\":1}", "\"seq\":2}")
        }
        try Self.expectTamperCaught(bundle, "tree head 3 signs batches that differ from batches.json") {
            try Self.replace($0 + "/batches.json", "\"sealed_key\":\"", "\"sealed_key\":\"00")
        }
        try Self.expectTamperCaught(bundle, "round is open but its log was closed") {
            try Self.replace($0 + "/round.json", "\"state\" : \"closed\"", "\"state\" : \"open\"")
        }
        try Self.expectTamperCaught(bundle, "agency.pub.pem is not the agency key the manifest names") {
            let other = try ExternalTool.run(
                "/usr/bin/openssl",
                [
                    "pkey", "-in", CLI.repository + "/keys/demo/agency-DEMO-ONLY.pem", "-pubout", "-out",
                    $0 + "/agency.pub.pem",
                ])
            #expect(other.status == 0, "\(other.stderr)")
        }

        // The same facts changed in the database are caught by verify.
        func expectProblem(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try cli.run(["verify", "--round", round])
            #expect(r.status == 3, sourceLocation: sourceLocation)
            #expect(r.stdout.contains(fragment), "\(r.stdout)", sourceLocation: sourceLocation)
        }
        let key = try sql(cli, "SELECT hex(tallyPublicKey) FROM round")
        _ = try sql(cli, "UPDATE round SET tallyPublicKey = zeroblob(32)")
        try expectProblem("the round manifest does not match the round's stored facts (tally_public_key)")
        _ = try sql(cli, "UPDATE round SET tallyPublicKey = X'\(key)'")
        _ = try sql(cli, "UPDATE round SET surveyYAML = surveyYAML || ' '")
        try expectProblem("the round manifest does not match the round's stored facts (survey_sha256)")
        _ = try sql(cli, "UPDATE round SET surveyYAML = substr(surveyYAML, 1, length(surveyYAML) - 1)")
        _ = try sql(cli, "UPDATE roundOfficial SET fullName = fullName || 'x' WHERE position = 1")
        try expectProblem("the round manifest does not match the round's stored facts (officials)")
        _ = try sql(
            cli, "UPDATE roundOfficial SET fullName = substr(fullName, 1, length(fullName) - 1) WHERE position = 1")
        #expect(try cli.run(["verify", "--round", round]).status == 0)
        // A manifest rewritten to match changed facts no longer matches the signed heads.
        let manifestHex = try sql(cli, "SELECT hex(manifest) FROM round")
        _ = try sql(
            cli,
            "UPDATE round SET numbered = 0, manifest = CAST(replace(CAST(manifest AS TEXT), '\"numbered\":true', '\"numbered\":false') AS BLOB)"
        )
        try expectProblem("tree head 1: it does not name the round's manifest (its hash differs or is missing)")
        _ = try sql(cli, "UPDATE round SET numbered = 1, manifest = NULL")
        try expectProblem("tree head 3: it names a round manifest, but the round has none (it was removed)")
        _ = try sql(cli, "UPDATE round SET manifest = X'\(manifestHex)'")
        #expect(try cli.run(["verify", "--round", round]).status == 0)
        // A batch's sealed key changed (it is in no leaf) no longer matches the close head.
        let sealedKey = try sql(cli, "SELECT hex(sealedKey) FROM batch WHERE seq = 1")
        _ = try sql(cli, "UPDATE batch SET sealedKey = zeroblob(93) WHERE seq = 1")
        try expectProblem("tree head 3: the signed batches differ from the 1 stored ones")
        _ = try sql(cli, "UPDATE batch SET sealedKey = X'\(sealedKey)' WHERE seq = 1")
        #expect(try cli.run(["verify", "--round", round]).status == 0)
        // A used serial dropped, or one issued after close, no longer matches the close head.
        _ = try sql(cli, "DELETE FROM usedSerial WHERE hash = (SELECT MIN(hash) FROM usedSerial)")
        try expectProblem("tree head 3: it signs 2 used serial hashes, but the 1 stored ones differ from them")
        #expect(try cli.run(["audit", "export", "--round", round, "--out", cli.path("again")]).status == 1)
    }

    @Test func votersCheckTheirSerialAndTheCloseRootFromTheBundleAlone() throws {
        let cli = try CLI.temporaryWorkspace("receipt")
        let (round, s, bundle) = try Self.closedRoundWithBundle(cli)
        let elsewhere = try TemporaryFiles.directory("voter").path  // no workspace there

        func check(_ serial: String) throws -> CLI.Result {
            try ExternalTool.run(
                CLI.binary, ["receipt", "check", "--bundle", bundle, serial],
                environment: ["PHIEUKIN_WORKSPACE": elsewhere, "PHIEUKIN_LANG": "en"])
        }
        let used = try check(s[0])
        #expect(used.status == 0, "\(used.stderr)")
        #expect(used.stdout.contains("Used: a ballot with this serial or code was accepted in round \(round)."))
        #expect(used.stdout.contains("signed by the agency key SHA256:"))
        #expect(!used.stdout.contains(s[0]) && !used.stdout.contains("dao-duc"))
        // Typed as people type: lower case, spaces for dashes, O for 0.
        let typed = s[1].lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "0", with: "o")
        #expect(try check(typed).status == 0)
        // Printed but not used (s[3]); its check symbol wrong; quarantined and discarded (s[2]).
        let unused = try check(s[3])
        #expect(unused.status == 1)
        #expect(unused.stdout.contains("Not used: no accepted ballot of round \(round) carries this serial or code."))
        #expect(try check(s[2]).status == 1)
        var chars = Array(s[3])
        chars[0] = chars[0] == "1" ? "2" : "1"
        let mistyped = try check(String(chars))
        #expect(mistyped.status == 1 && mistyped.stderr.contains("re-read it from the paper"), "\(mistyped.stderr)")

        let script = try Self.verifyAudit(bundle, ["--serial", s[0]])
        #expect(script.status == 0 && script.stdout.contains("SERIAL USED"), "\(script.stdout)")
        let scriptUnused = try Self.verifyAudit(bundle, ["--serial", s[3]])
        #expect(scriptUnused.status == 1 && scriptUnused.stdout.contains("was not used in round"))

        // A used.bin that is not the signed list is refused, not answered.
        let copy = try TemporaryFiles.directory("tampered-used").path + "/b"
        try FileManager.default.copyItem(atPath: bundle, toPath: copy)
        var forgedUsed = try Data(contentsOf: URL(fileURLWithPath: copy + "/used.bin"))
        forgedUsed[forgedUsed.count - 1] ^= 1
        try forgedUsed.write(to: URL(fileURLWithPath: copy + "/used.bin"))
        let forged = try ExternalTool.run(
            CLI.binary, ["receipt", "check", "--bundle", copy, s[3]],
            environment: ["PHIEUKIN_WORKSPACE": elsewhere, "PHIEUKIN_LANG": "en"])
        #expect(forged.status == 1 && forged.stderr.contains("is not the list of used serials the agency signed"))

        // The close root, as copied onto paper in groups, checks the workspace and the bundle.
        let report = try cli.run(["verify", "--round", round, "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let root = try #require((json["rounds"] as? [[String: Any]])?.first?["close_root"] as? String)
        var groups: [String] = []
        var rest = Substring(root.uppercased())
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        let paper = groups.joined(separator: " - ")
        let matches = try cli.run(["verify", "--round", round, "--expect-root", paper])
        #expect(matches.status == 0 && matches.stdout.contains("The close root matches the one read from paper"))
        let other = String(root.dropLast()) + (root.last == "0" ? "1" : "0")
        let differs = try cli.run(["verify", "--round", round, "--expect-root", other])
        #expect(differs.status == 3 && differs.stdout.contains("is not the root read from paper"), "\(differs.stdout)")
        #expect(try cli.run(["verify", "--expect-root", root]).status != 0)
        #expect(try cli.run(["verify", "--round", round, "--expect-root", "3f9a"]).status != 0)
        #expect(try Self.verifyAudit(bundle, ["--expect-root", paper]).stdout.contains("ROOT MATCHES"))
        let scriptDiffers = try Self.verifyAudit(bundle, ["--expect-root", other])
        #expect(scriptDiffers.status == 1 && scriptDiffers.stdout.contains("is not the root read from paper"))
    }

    /// A tallied round's bundle carries its results-log leaf, the signed results head and the
    /// inclusion proof; an unnumbered committee round verifies too.
    @Test func aTalliedRoundsBundleProvesItsResultIsInTheSignedResultsLog() throws {
        typealias T = TallyCLITests
        let cli = try T.workspace("tallied")
        let first = try T.closedRound(cli, period: "2026-Q2", unit: "U", total: 6, marks: ["a.thai-do": 3])
        let second = try T.closedRound(
            cli, period: "2026-Q3", unit: "U", total: 6, marks: ["a.thai-do": 2], committee: (3, 2))
        try T.tally(cli, first)
        #expect(
            try cli.run([
                "tally", "--round", second, "--share", T.sharesDirectory(cli) + "/\(second).share-1-of-3.pem",
                "--share", T.sharesDirectory(cli) + "/\(second).share-3-of-3.pem",
            ]).status == 0)
        for round in [first, second] {
            let bundle = cli.workspace + "-audit-\(round)"
            #expect(try cli.run(["audit", "export", "--round", round, "--out", bundle]).status == 0)
            for file in ["result-leaf.json", "results-head.json", "result-proof.json", "manifest.json"] {
                #expect(FileManager.default.fileExists(atPath: bundle + "/" + file), "\(file)")
            }
            let ok = try Self.verifyAudit(bundle)
            #expect(ok.status == 0, "\(round): \(ok.stdout)")
        }
        let bundle = cli.workspace + "-audit-\(first)"
        let leaf = try String(contentsOfFile: bundle + "/result-leaf.json", encoding: .utf8)
        #expect(leaf.contains("\"round\":\"\(first)\""))
        // The result is in the documented encoding (issue 13, item 2): snake_case, kind as key.
        #expect(leaf.contains("\"format\":\"phieukin-result-v2\""))
        #expect(leaf.contains("\"round_id\":\"\(first)\"") && leaf.contains("\"counts\":{\"grid\":{\"criterion_ids\""))
        #expect(!leaf.contains("\"_0\""))
        // The independent verifier reads it by FORMAT.md: a result the agency signed but that counts
        // more ballots than the log holds, or a flag for someone not on the ballot, is reported.
        let program = """
            import json, runpy, sys
            v = runpy.run_path(sys.argv[1], run_name="checks")
            bundle = sys.argv[2]
            doc = json.load(open(bundle + "/result-leaf.json"))
            info = json.load(open(bundle + "/round.json"))
            manifest = json.load(open(bundle + "/manifest.json"))
            clean = []
            v["check_result_v2"](doc["result"], doc["flags"], info, manifest, 6, clean)
            assert clean == [], clean
            doc["result"]["ballots_counted"] = 7
            doc["flags"][0]["official_id"] = "nobody"
            found = []
            v["check_result_v2"](doc["result"], doc["flags"], info, manifest, 6, found)
            print("\\n".join(found))
            """
        let checks = try ExternalTool.run(
            "/usr/bin/python3", ["-c", program, CLI.repository + "/scripts/verify-audit", bundle])
        #expect(checks.status == 0, "\(checks.stderr)")
        #expect(
            checks.stdout.contains("the result counts 7 ballots (+0 invalid, +0 of another round) but the log holds 6"))
        #expect(checks.stdout.contains("a flag names an official not on the ballot"), "\(checks.stdout)")
        // The result names the close head it was counted from; verify checks it against the log.
        let verified = try cli.run(["verify", "--round", first, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(verified.stdout.utf8)) as? [String: Any])
        let check = try #require((report["rounds"] as? [[String: Any]])?.first)
        let closeRoot = try #require(check["close_root"] as? String)
        #expect(
            leaf.hasPrefix(
                "{\"ballots\":{\"root\":\"\(closeRoot)\",\"seq\":\(check["close_seq"] as? Int ?? 0),\"size\":6},"),
            "\(leaf.prefix(200))")
        try Self.expectTamperCaught(bundle, "result-leaf.json is not in the results log under results-head.json") {
            try Self.replace($0 + "/result-leaf.json", "\"remarks_sealed_sha256\":\"", "\"remarks_sealed_sha256\":\"0")
        }
        try Self.expectTamperCaught(bundle, "results-head.json: signature does not verify") {
            try Self.replace($0 + "/results-head.json", "\\\"size\\\":1", "\\\"size\\\":2")
        }
        try Self.expectTamperCaught(bundle, "inclusion proof fails") {
            try Self.replace($0 + "/result-proof.json", "\"index\":0", "\"index\":1")
        }
        try Self.expectTamperCaught(bundle, "the round is tallied but the bundle has no result-leaf.json") {
            try FileManager.default.removeItem(atPath: $0 + "/result-leaf.json")
        }
        // The results log's root, copied onto paper after the tally, checks the bundle too.
        let head = try String(contentsOfFile: bundle + "/results-head.json", encoding: .utf8)
        let root = try #require(head.range(of: "[0-9a-f]{64}", options: .regularExpression).map { String(head[$0]) })
        // The minutes print the same root (the head signed at this round's tally), in groups.
        let minutes = cli.path("minutes.txt")
        #expect(try cli.run(["report", "minutes", "--round", first, "--format", "text", "--out", minutes]).status == 0)
        let minutesText = try String(contentsOfFile: minutes, encoding: .utf8)
        #expect(
            minutesText.contains(String(root.prefix(4)) + " " + String(root.dropFirst(4).prefix(4))), "\(minutesText)")
        let paper = try Self.verifyAudit(bundle, ["--expect-root", root.uppercased()])
        #expect(paper.status == 0 && paper.stdout.contains("ROOT MATCHES: the results log's root"), "\(paper.stdout)")
        #expect(try cli.run(["verify", "--round", first, "--expect-root", root]).status == 0)

        // Voided after its tally: the void head signs the counts again; the bundle still verifies.
        #expect(try cli.run(["round", "void", "--round", second, "--reason", "Sai danh sách"]).status == 0)
        #expect(try cli.run(["verify"]).status == 0)
        let voided = cli.workspace + "-audit-voided"
        #expect(try cli.run(["audit", "export", "--round", second, "--out", voided]).status == 0)
        let voidedOK = try Self.verifyAudit(voided)
        #expect(voidedOK.status == 0, "\(voidedOK.stdout)")
        for file in ["result-leaf.json", "void-leaf.json", "void-head.json", "void-proof.json"] {
            #expect(FileManager.default.fileExists(atPath: voided + "/" + file), "\(file)")
        }
        try Self.expectTamperCaught(voided, "void-leaf.json is not the void, with its signed reason, of this round") {
            try Self.replace($0 + "/void-leaf.json", "Sai danh sách", "Khác")
        }
        try Self.expectTamperCaught(voided, "the round was voided after its tally but the bundle has no void-leaf.json")
        {
            try FileManager.default.removeItem(atPath: $0 + "/void-leaf.json")
        }
        let voidHead = try #require(
            try String(contentsOfFile: voided + "/tree-heads.jsonl", encoding: .utf8).split(separator: "\n").last)
        #expect(voidHead.contains("\\\"kind\\\":\\\"void\\\"") && voidHead.contains("\\\"batches\\\":{"))
    }

    /// A round opened before manifests (none stored, heads without one) still verifies, and its
    /// bundle has no manifest.json.
    @Test func aRoundWithoutManifestStaysValid() throws {
        let cli = try CLI.temporaryWorkspace("legacy")
        let (round, s) = try ImportCLITests.numberedRound(cli, ballots: 2)
        _ = try sql(cli, "UPDATE round SET manifest = NULL")
        try "serial,VP01.dao-duc\n\(s[0]),x\n".write(toFile: cli.path("k.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", "--round", round, cli.path("k.csv")]).status == 0)
        #expect(try cli.run(["round", "close", "--round", round]).status == 0)
        #expect(try cli.run(["verify", "--round", round]).status == 0)
        let bundle = cli.workspace + "-audit"
        #expect(try cli.run(["audit", "export", "--round", round, "--out", bundle]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: bundle + "/manifest.json"))
        let ok = try Self.verifyAudit(bundle)
        #expect(ok.status == 0, "\(ok.stdout)")
    }
}
