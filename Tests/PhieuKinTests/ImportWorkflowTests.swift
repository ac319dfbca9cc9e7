import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinTestSupport
import Testing

/// A workspace with a 3-official unit, an open quarterly-7 round and its printed serials, read
/// back from the real PDF with pdftotext.
struct ImportFixture {
    let workspace: Workspace
    let dir: String
    let round: RoundID
    let serials: [String]

    static let roster = """
        unit_id,unit_name,official_id,full_name,position
        TO,Tổ một cửa,A1,Nguyễn Văn An,Tổ trưởng
        TO,Tổ một cửa,A2,Trần Thị Bình,Chuyên viên
        TO,Tổ một cửa,A3,Lê Văn Cường,Chuyên viên

        """

    static func make(
        ballots: Int = 8, survey: SurveyID = "quarterly-7", numbered: Bool = true, committee: Committee = Committee(),
        printBallots: Bool = true
    ) throws -> ImportFixture {
        let dir = try TemporaryFiles.directory("import").path
        let (workspace, _) = try Workspace.create(at: dir, agency: "UBND Phường Thử")
        try roster.write(toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
        _ = try workspace.rounds.importRoster(path: dir + "/roster.csv")
        let period = survey == "quarterly-7" ? "2026-Q3" : "2026-07"
        let summary = try workspace.rounds.openRound(
            RoundRequest(
                surveyID: survey, period: period, unitID: "TO", ballots: ballots, numbered: numbered,
                committee: committee))
        let serials =
            numbered && ballots > 0 && printBallots
            ? try printedSerials(workspace, round: summary.id, dir: dir) : []
        return ImportFixture(workspace: workspace, dir: dir, round: summary.id, serials: serials)
    }

    /// The serials of a round's ballots, printed to a PDF and read back from it with pdftotext.
    static func printedSerials(_ workspace: Workspace, round: RoundID, dir: String) throws -> [String] {
        let pdf = dir + "/ballots-\(round).pdf"
        _ = try workspace.rounds.printBallots(roundID: round, to: pdf, language: .vi)
        let text = try ExternalTool.run("/usr/bin/pdftotext", ["-layout", pdf, "-"]).stdout
        let pattern = try NSRegularExpression(pattern: "[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}-[0-9A-Z*~$=U]{3}")
        var seen = Set<String>()
        var serials: [String] = []
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let serial = String(text[Range(match.range, in: text)!])
            if seen.insert(serial).inserted { serials.append(serial) }
        }
        try FileManager.default.removeItem(atPath: pdf)
        return serials
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func databaseBytes() throws -> Data {
        var all = try Data(contentsOf: URL(fileURLWithPath: dir + "/phieukin.sqlite"))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: dir + "/phieukin.sqlite-wal")) { all.append(wal) }
        return all
    }
}

@Suite("Importing ballots (workflow)")
struct ImportWorkflowTests {
    @Test func fullImportWithMistakesQuarantineCloseVerifyAndAudit() throws {
        let f = try ImportFixture.make()
        #expect(f.serials.count == 8)
        let s = f.serials
        let unissued = try Serial(bytes: SecureRandom.bytes(16)).text
        var mistyped = Array(s[3])
        mistyped[2] = mistyped[2] == "0" ? "1" : "0"
        let remarks = ["Anh An cần nhiệt tình hơn", "Chị Bình làm tốt"]
        var csv: [UInt8] = Array("serial,A1.dao-duc,A2.thai-do,A3.ky-luat,Z9.dao-duc,remark\n".utf8)
        csv += Array("\(s[0]),x,,,,\(remarks[0])\n".utf8)  // line 2 ok
        csv += Array("\(s[1]),,1,x,,\"\(remarks[1])\"\n".utf8)  // line 3 ok
        csv += Array("\(String(mistyped)),x,,,,\n".utf8)  // line 4 mistyped
        csv += Array("\(unissued),,x,,,\n".utf8)  // line 5 unknown serial (marks valid)
        csv += Array("\(s[0]),x,,,,\n".utf8)  // line 6 duplicate of line 2
        csv += Array("\(s[4]),y,,,,\n".utf8)  // line 7 bad code
        // line 8 remark too long (the Z9 column is not on the ballot: harmless while blank)
        csv += Array("\(s[5]),x,,,,\(String(repeating: "ý", count: 1001))\n".utf8)
        csv += Array("\(s[6]),x;1,,,,\n".utf8)  // line 9 several answers
        csv += Array(",x,,,,\n".utf8)  // line 10 missing serial
        csv += Array("\(s[2]),x\n".utf8)  // line 11 malformed
        let path = try f.write("keyed.csv", csv)

        let report = try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [path]))
        #expect(report.accepted == 2)
        #expect(report.duplicates == 1)
        #expect(report.rejected == 7)
        #expect(report.exitStatus == 2)
        let lines = Dictionary(uniqueKeysWithValues: report.rejects.map { ($0.line, $0.code) })
        #expect(
            lines == [
                4: "mistyped-serial", 5: "unknown-serial", 6: "serial-used", 7: "invalid-code", 8: "remark-too-long",
                9: "several-answers", 10: "missing-serial", 11: "malformed-row",
            ])
        #expect(report.rejects.allSatisfy { $0.file == path })
        #expect(
            report.rejects.first { $0.line == 6 }?.reason.description
                == "duplicate: this serial was already used at \(path):2 in this import")
        #expect(report.treeSize == 2 && report.treeHead == 1)

        // Secrecy in storage: no serial text, serial bytes or remark anywhere in the database files.
        let bytes = try f.databaseBytes()
        for serial in s.prefix(2) {
            #expect(bytes.range(of: Data(serial.utf8)) == nil)
            #expect(bytes.range(of: Data(try Serial(parsing: serial).bytes)) == nil)
        }
        for remark in remarks { #expect(bytes.range(of: Data(remark.utf8)) == nil) }
        #expect(bytes.range(of: Data("A1.dao-duc\":\"x".utf8)) == nil)

        // The same file again: nothing new, duplicates reported, nothing stored.
        let again = try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [path]))
        #expect(again.accepted == 0 && again.duplicates == 3 && again.alreadyImportedBatch == 1)
        #expect(again.rejects.allSatisfy { $0.rejectID == nil })
        #expect(try f.workspace.intake.listRejects(roundID: f.round).count == 8)

        // Quarantine: the unknown serial's marks were valid, but a numbered round never takes a
        // ballot without a serial of its own: only with the serial read from the paper (issue 19).
        let rejects = try f.workspace.intake.listRejects(roundID: f.round)
        let unknown = try #require(rejects.first { $0.code == "unknown-serial" })
        #expect(!unknown.acceptable && unknown.needsSerial && unknown.source == "\(path):5")
        let asIs = #expect(throws: PhieuKinError.self) {
            try f.workspace.intake.acceptRejects(roundID: f.round, ids: [unknown.id], reason: "x", passphrase: nil)
        }
        #expect(
            asIs?.nextSteps == [
                .acceptRejectWithSerial(roundID: f.round, rejectID: Int(unknown.id)),
                .discardReject(roundID: f.round, rejectID: Int(unknown.id)),
            ])
        for (serial, words) in [(s[0], "already used"), (unissued, "was not issued"), ("12", "not a serial")] {
            let refused = #expect(throws: PhieuKinError.self) {
                try f.workspace.intake.acceptRejects(
                    roundID: f.round, ids: [unknown.id], reason: "x", serial: serial, passphrase: nil)
            }
            #expect(refused?.reason.contains(words) == true, "\(String(describing: refused))")
            #expect(refused?.reason.contains(serial) == false, "a serial is never repeated")
        }
        #expect(try f.workspace.audit.verify(roundID: f.round).rounds.first?.leaves == 2, "refusals added nothing")
        #expect(rejects.first { $0.code == "invalid-code" }?.acceptable == false)
        let badCode = try #require(rejects.first { $0.code == "invalid-code" })
        let invalidMarks = #expect(throws: PhieuKinError.self) {
            try f.workspace.intake.acceptRejects(roundID: f.round, ids: [badCode.id], reason: "x", passphrase: nil)
        }
        #expect(invalidMarks?.kind == .invalidInput)
        #expect(invalidMarks?.nextSteps == [.discardReject(roundID: f.round, rejectID: Int(badCode.id))])
        let accepted = try f.workspace.intake.acceptRejects(
            roundID: f.round, ids: [unknown.id], reason: "Phiếu thật, đã đối chiếu bản giấy", serial: s[7],
            passphrase: nil)
        #expect(accepted.treeSize == 3 && accepted.treeHead == 2)
        let pending = #expect(throws: PhieuKinError.self) {
            try f.workspace.rounds.closeRound(roundID: f.round, passphrase: nil)
        }
        #expect(pending?.kind == .rejectsPending)
        let discarded = try f.workspace.intake.discardRejects(roundID: f.round, ids: nil, reason: "Nhập lại ở lần sau")
        #expect(discarded.discarded.count == 7 && discarded.treeSize == 3 && discarded.treeHead == 3)
        let after = try f.workspace.intake.listRejects(roundID: f.round)
        #expect(after.allSatisfy { $0.status != "pending" && $0.source == nil && $0.decisionReason != nil })

        let closed = try f.workspace.rounds.closeRound(roundID: f.round, passphrase: nil)
        #expect(closed.treeSize == 3 && closed.treeHead == 4)
        let closedError = #expect(throws: PhieuKinError.self) {
            try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [path]))
        }
        #expect(closedError?.kind == .roundState)

        let verified = try f.workspace.audit.verify(roundID: f.round)
        #expect(verified.ok, "\(verified.problems)")
        let check = try #require(verified.rounds.first)
        #expect(check.leaves == 3 && check.used == 3 && check.issued == 8 && check.rejectsAccepted == 1)
        #expect(check.rejectsDiscarded == 7 && check.treeHeads == 4 && check.batches == 1)

        // Audit bundle, checked by the independent Python verifier; a tampered copy fails.
        let out = f.dir + "/audit"
        let export = try f.workspace.audit.exportAudit(roundID: f.round, to: out)
        #expect(export.leaves == 3 && export.treeHeads == 4)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/verify-audit").path
        let ok = try ExternalTool.run("/usr/bin/python3", [script, out])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("OK: 3 leaves, 4 signed tree heads"))
        var leaves = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/leaves.bin")))
        leaves[30] ^= 0x01
        try Data(leaves).write(to: URL(fileURLWithPath: out + "/leaves.bin"))
        let bad = try ExternalTool.run("/usr/bin/python3", [script, out])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("root does not match leaves.bin"))
    }

    @Test func jsonLinesAndDoubleEntry() throws {
        let f = try ImportFixture.make(ballots: 4)
        let s = f.serials
        let first = try f.write(
            "first.csv",
            """
            serial,A1.dao-duc,A2.thai-do,remark
            \(s[0]),x,,
            \(s[1]),,x,Góp ý
            \(s[2]),x,x,

            """)
        let second = try f.write(
            "second.jsonl",
            """
            {"serial": "\(s[0].lowercased())", "answers": {"A1.dao-duc": "1"}}
            {"serial": "\(s[1])", "answers": {"A2.thai-do": "x"}, "remark": "Góp ý"}
            {"serial": "\(s[2])", "answers": {"A1.dao-duc": "x"}}
            {"serial": "\(s[3])", "answers": {}}

            """)
        let report = try f.workspace.intake.importBallots(
            ImportRequest(roundID: f.round, files: [first], secondEntry: second))
        #expect(report.accepted == 2)
        #expect(report.rejectedByReason == ["keying-mismatch": 1, "keying-missing": 1])
        #expect(report.rejects.first { $0.code == "keying-mismatch" }?.line == 4)
        #expect(report.rejects.first { $0.code == "keying-missing" }.map { "\($0.file):\($0.line)" } == "\(second):4")

        // JSON Lines alone, including a ballot for another round.
        let jsonl = try f.write(
            "more.jsonl",
            """
            {"serial": "\(s[3])", "round": "\(f.round)", "answers": {"A3.ky-luat": "x"}}
            {"serial": "\(s[2])", "round": "2026-Q2-TO-quarterly-7", "answers": {}}
            not json

            """)
        let more = try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [jsonl]))
        #expect(more.accepted == 1)
        #expect(more.rejects.map(\.code) == ["wrong-round", "malformed-row"])
        #expect(more.rejects.map(\.line) == [2, 3])
        let verified = try f.workspace.audit.verify(roundID: f.round)
        #expect(verified.ok, "\(verified.problems)")
        #expect(verified.rounds.first?.leaves == 3)
    }

    @Test func unnumberedRoundRefusesTheSameFileTwice() throws {
        let f = try ImportFixture.make(numbered: false)
        let path = try f.write("u.csv", "A1.dao-duc,A2.dao-duc,blank\nx,,\n,x,\n,,x\n")
        let report = try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [path]))
        #expect(report.accepted == 3 && report.exitStatus == 0)
        let twice = #expect(throws: PhieuKinError.self) {
            try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [path]))
        }
        #expect(twice?.kind == .duplicateImport)
        let verified = try f.workspace.audit.verify(roundID: f.round)
        #expect(verified.ok && verified.rounds.first?.leaves == 3, "\(verified.problems)")
    }

    /// Issue 19 (docs/EXCEL.md): an empty row is never a ballot, wherever it is and however much
    /// room the round has — Excel's leftovers counted as blank ballots lowered every share until a
    /// flag disappeared. A blank ballot is keyed in the `blank` column; a row with no answer and
    /// no blank mark waits in the quarantine, one marked blank with answers is malformed.
    @Test func emptyRowsAreNeverBallotsAndBlankBallotsAreKeyed() throws {
        let f = try ImportFixture.make(ballots: 10, numbered: false)
        let round = f.round.rawValue
        let rows = [
            "A1.dao-duc,A2.dao-duc,blank,round", "x,,,", ",,,", ",x,,", ",,x,", " , , , ", ",,,\(round)", "x,,x,",
            ",,,", ",,,", ",,,",
        ]
        let path = try f.write("u.csv", rows.joined(separator: "\r\n") + "\r\n")
        let report = try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [path]))
        #expect(report.accepted == 3, "two with answers and one keyed blank")
        #expect(report.ignoredEmptyRows == 5)
        #expect(report.rejects.map(\.code) == ["blank-not-marked", "malformed-row"])
        #expect(report.rejects.map(\.line) == [7, 8])
        #expect(report.rejects[0].reason.text(.en).contains("key it with x in the blank column"))
        let listed = try f.workspace.intake.listRejects(roundID: f.round)
        #expect(listed.allSatisfy { !$0.acceptable && !$0.needsSerial }, "only discarded, then keyed again")

        // JSON Lines: `"blank": true` keys a blank ballot; an answerless line without it waits.
        let g = try ImportFixture.make(ballots: 10, numbered: false)
        let jsonl = try g.write(
            "b.jsonl", "{\"answers\": {}, \"blank\": true}\n{\"answers\": {}}\n{\"answers\": {\"A1.dao-duc\": \"x\"}}\n"
        )
        let more = try g.workspace.intake.importBallots(ImportRequest(roundID: g.round, files: [jsonl]))
        #expect(more.accepted == 2 && more.rejects.map(\.code) == ["blank-not-marked"])

        // A numbered round: the serial stands for the sheet, so a serial with no answer is a
        // blank ballot, and every empty row is ignored.
        let n = try ImportFixture.make(ballots: 2)
        let numbered = try n.write("n.csv", "serial,A1.dao-duc\n,\n\(n.serials[0]),x\n,\n\(n.serials[1]),\n,,\n")
        let both = try n.workspace.intake.importBallots(ImportRequest(roundID: n.round, files: [numbered]))
        #expect(both.accepted == 2 && both.rejects.isEmpty && both.ignoredEmptyRows == 3)
    }

    @Test func committeeSharesRecombineThreeOfFive() throws {
        let passphrase = Array("mật khẩu tổ kiểm phiếu".utf8)
        let directory = try TemporaryFiles.directory("usb").path
        let f = try ImportFixture.make(
            ballots: 0,
            committee: Committee(size: 5, threshold: 3, sharesDirectory: directory, passphrase: passphrase))
        let summary = try f.workspace.rounds.roundSummary(id: f.round)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted().map { directory + "/" + $0 }
        #expect(files.count == 5 && summary.committeeThreshold == 3)
        let shares = try files.map { path in
            let file = try TallyShareFile(text: String(contentsOfFile: path, encoding: .utf8), fileName: path)
            let key = try X25519PrivateKey(pemRepresentation: file.pem, passphrase: passphrase)
            return (file, Shamir.Share(index: UInt8(file.index), value: key.rawRepresentation))
        }
        let roundKey = shares[0].0.tallyPublicKey
        for combination in [[0, 1, 2], [0, 2, 4], [1, 3, 4], [2, 3, 4]] {
            let secret = try Shamir.combine(combination.map { shares[$0].1 })
            #expect(try X25519PrivateKey(rawRepresentation: secret).publicKey.rawRepresentation == roundKey)
        }
        let tooFew = try Shamir.combine([shares[0].1, shares[3].1])
        #expect(try X25519PrivateKey(rawRepresentation: tooFew).publicKey.rawRepresentation != roundKey)
    }
}
