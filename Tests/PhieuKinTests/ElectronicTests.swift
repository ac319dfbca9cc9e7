import Foundation
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinTestSupport
import Testing

@testable import PhieuKin

/// A workspace with a round, slips printed and their access codes read back from the PDF — as
/// staff hand them out — and a way to seal ballots as the booth's page does.
struct ElectronicFixture {
    let fixture: ImportFixture
    let codes: [String]
    let definition: BallotDefinition
    var workspace: Workspace { fixture.workspace }
    var round: RoundID { fixture.round }

    static func make(codes count: Int = 6, survey: SurveyID = "quarterly-7") throws -> ElectronicFixture {
        let fixture = try ImportFixture.make(ballots: count, survey: survey, numbered: true, printBallots: false)
        let pdf = fixture.dir + "/slips.pdf"
        _ = try fixture.workspace.rounds.printSlips(
            roundID: fixture.round, to: pdf, language: .vi, publicURL: "https://phieu.example.vn")
        let text = try ExternalTool.run("/usr/bin/pdftotext", ["-layout", pdf, "-"]).stdout
        let pattern = try NSRegularExpression(pattern: "\\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\\b")
        let codes = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range, in: text)!])
        }
        try FileManager.default.removeItem(atPath: pdf)
        let definition = try fixture.workspace.electronic.ballot(forCode: codes[0], language: .vi)
        return ElectronicFixture(fixture: fixture, codes: codes, definition: definition)
    }

    /// Seals `plaintext` as the booth does (docs/WEB.md): to the round's tally key, context
    /// `phieukin e-ballot v1|<round>`.
    static func seal(_ plaintext: [UInt8], for definition: BallotDefinition) throws -> [UInt8] {
        let key = try X25519PublicKey(rawRepresentation: try Hex.decode(definition.seal.publicKey))
        return try SealedBox.seal(plaintext, to: key, context: Array(definition.seal.context.utf8))
    }

    func seal(_ answers: [String: String], remark: String? = nil) throws -> [UInt8] {
        let ballot = Ballot(
            surveyID: SurveyID(definition.survey), roundID: round, answers: answers, remark: remark)
        return try Self.seal(BallotCodec.encode(ballot), for: definition)
    }
}

@Suite("Electronic ballots (workflow)")
struct ElectronicTests {
    @Test("a code opens the same ballot as on paper, in either language")
    func definitionFromCode() throws {
        let e = try ElectronicFixture.make(codes: 3)
        #expect(e.codes.count == 3)
        #expect(e.definition.round == e.round.rawValue)
        #expect(e.definition.shape == "grid")
        #expect(e.definition.officials.map(\.id) == ["A1", "A2", "A3"])
        #expect(e.definition.criteria.count == 7)
        #expect(e.definition.markCode == "x")
        #expect(e.definition.seal.context == "phieukin e-ballot v1|\(e.round)")
        #expect(e.definition.period == "Quý 3/2026")
        let english = try e.workspace.electronic.ballot(forCode: e.codes[1].lowercased(), language: .en)
        #expect(english.period == "Q3 2026")
        #expect(english.title != e.definition.title)
        // Typed sloppily: spaces instead of dashes, O for 0 and l for 1 still open it.
        let sloppy = e.codes[2].replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "0", with: "O")
            .replacingOccurrences(of: "1", with: "l")
        #expect(try e.workspace.electronic.ballot(forCode: sloppy, language: .vi).round == e.round.rawValue)
        for wrong in ["", "ABCD-EFGH", "0000-0000-0000-0000"] {
            let error = try #require(throws: CastError.self) {
                try e.workspace.electronic.ballot(forCode: wrong, language: .vi)
            }
            #expect(error.code == .unknownCode)
        }
    }

    @Test(
        "cast, reuse refused, close appends the inbox, tally counts marks and invalid ballots, receipts in the bundle")
    func castCloseTally() async throws {
        let e = try ElectronicFixture.make(codes: 8)
        let service = e.workspace.electronic
        let marked = ["A1.dao-duc": "x", "A2.thai-do": "x"]
        var receipts: [String] = []
        for code in e.codes.prefix(5) {
            let box = try e.seal(marked)
            let receipt = try await service.cast(code: code, roundID: e.round, sealed: box)
            #expect(receipt.receipt == Hex.encode(Merkle.leafHash([0xFF, 0xFF, 0xFF, 0xFF] + box)))
            #expect(!receipt.duplicate)
            receipts.append(receipt.receipt)
        }
        // Out of the survey's definition: an unknown official, and a box that is no ballot at all.
        _ = try await service.cast(code: e.codes[5], roundID: e.round, sealed: try e.seal(["Z9.dao-duc": "x"]))
        _ = try await service.cast(
            code: e.codes[6], roundID: e.round,
            sealed: try ElectronicFixture.seal(
                Array("not a ballot at all, but long enough to pass the size check".utf8), for: e.definition))
        let reuse = try await #require(throws: CastError.self) {
            try await service.cast(code: e.codes[0], roundID: e.round, sealed: try e.seal(marked))
        }
        #expect(reuse.code == .codeUsed)
        let lookUp = try #require(throws: CastError.self) { try service.ballot(forCode: e.codes[0], language: .vi) }
        #expect(lookUp.code == .codeUsed)
        let malformed = try await #require(throws: CastError.self) {
            try await service.cast(
                code: e.codes[7], roundID: e.round, sealed: [0x01] + [UInt8](repeating: 7, count: 20))
        }
        #expect(malformed.code == .malformedSealed)

        // While open: nothing is in the log yet (7 < the batch size), and verify accounts for it.
        let open = try e.workspace.audit.verify()
        #expect(open.ok, "\(open.rounds.flatMap(\.problems))")
        #expect(open.rounds.first?.leaves == 0)

        let closed = try e.workspace.rounds.closeRound(roundID: e.round, passphrase: nil)
        #expect(closed.treeSize == 7)
        let verified = try e.workspace.audit.verify()
        #expect(verified.ok, "\(verified.rounds.flatMap(\.problems))")
        let late = try await #require(throws: CastError.self) {
            try await service.cast(code: e.codes[7], roundID: e.round, sealed: try e.seal(marked))
        }
        #expect(late.code == .roundClosed)

        let summary = try e.workspace.tally.count(roundID: e.round)
        #expect(summary.ballotsCounted == 5)
        #expect(summary.invalidBallots == 2)
        let stored = try #require(try e.workspace.store.result(roundID: e.round))
        let result = try ResultEncoding.decode(RoundResult.self, from: stored.body)
        #expect(result.invalidBallots == 2)
        guard case .grid(let grid) = result.counts else {
            Issue.record("a grid result was expected")
            return
        }
        #expect(grid.cell(official: "A1", criterion: "dao-duc")?.marked == 5)
        #expect(grid.cell(official: "A2", criterion: "thai-do")?.marked == 5)
        #expect(grid.cell(official: "A3", criterion: "dao-duc")?.marked == 0)
        // The round report says how many were invalid (JSON and the text people read).
        let report = try e.workspace.reports.roundReport(roundID: e.round)
        let json = String(
            decoding: try e.workspace.reports.reportBytes(report, format: .json, language: .vi), as: UTF8.self)
        #expect(
            json.contains("\"invalid_ballots\":2") || json.contains("\"invalid_ballots\": 2"), "\(json.prefix(400))")
        let text = String(
            decoding: try e.workspace.reports.reportBytes(report, format: .text, language: .vi), as: UTF8.self)
        #expect(text.contains("Số phiếu không hợp lệ (không tính): 2"), "\(text.prefix(600))")

        // Every receipt is a leaf of the published bundle, checked by the independent verifier.
        let bundle = e.fixture.dir + "/bundle"
        _ = try e.workspace.audit.exportAudit(roundID: e.round, to: bundle)
        let script =
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path + "/scripts/verify-audit"
        for receipt in receipts {
            let check = try ExternalTool.run("/usr/bin/python3", [script, bundle, "--receipt", receipt])
            #expect(check.status == 0, "\(check.stdout)")
            #expect(check.stdout.contains("RECEIPT FOUND"))
        }
        let missing = try ExternalTool.run(
            "/usr/bin/python3", [script, bundle, "--receipt", String(repeating: "ab", count: 32)])
        #expect(missing.status == 1)
        // A voter holding their access code checks it was used, from the bundle alone (issue 13):
        // the code's hash is in the signed used.bin; one refused at casting is not.
        let used = try AuditBundle.checkSerial(bundle: bundle, typed: e.codes[0].lowercased())
        #expect(used.used && used.signed && used.round == e.round)
        #expect(try !AuditBundle.checkSerial(bundle: bundle, typed: e.codes[7]).used)
        let byScript = try ExternalTool.run("/usr/bin/python3", [script, bundle, "--serial", e.codes[1]])
        #expect(byScript.status == 0 && byScript.stdout.contains("SERIAL USED"), "\(byScript.stdout)")
        let unusedByScript = try ExternalTool.run("/usr/bin/python3", [script, bundle, "--serial", e.codes[7]])
        #expect(unusedByScript.status == 1 && unusedByScript.stdout.contains("was not used"))
    }

    @Test("100 parallel submissions of one code: exactly one is accepted")
    func oneCodeOneBallot() async throws {
        let e = try ElectronicFixture.make(codes: 2)
        let service = e.workspace.electronic
        let boxes = try (0..<100).map { _ in try e.seal(["A1.ky-luat": "x"]) }
        let outcomes = await withTaskGroup(of: CastError.Code?.self) { group in
            for box in boxes {
                group.addTask {
                    do {
                        _ = try await service.cast(code: e.codes[0], roundID: e.round, sealed: box)
                        return nil
                    } catch let error as CastError {
                        return error.code
                    } catch {
                        return .badRequest
                    }
                }
            }
            var all: [CastError.Code?] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.count { $0 == nil } == 1)
        #expect(outcomes.count { $0 == .codeUsed } == 99)
        _ = try e.workspace.rounds.closeRound(roundID: e.round, passphrase: nil)
        let report = try e.workspace.audit.verify()
        #expect(report.ok)
        #expect(report.rounds.first?.leaves == 1)
        #expect(report.rounds.first?.used == 1)
    }

    @Test("the inbox enters the log only at close, all of it as one batch under one electronic head")
    func oneBatchAtClose() async throws {
        let e = try ElectronicFixture.make(codes: 40)
        let service = e.workspace.electronic
        for code in e.codes {
            _ = try await service.cast(code: code, roundID: e.round, sealed: try e.seal(["A3.phat-ngon": "x"]))
        }
        // More than any batch size of earlier versions: still all waiting, nothing in the log.
        var snapshot = try e.workspace.store.ballotLogSnapshot(roundID: e.round)
        #expect(snapshot.leaves.isEmpty && snapshot.batches.isEmpty && snapshot.treeHeads.isEmpty)
        #expect(snapshot.inboxCount == 40)
        #expect(try e.workspace.audit.verify().ok)

        _ = try e.workspace.rounds.closeRound(roundID: e.round, passphrase: nil)
        snapshot = try e.workspace.store.ballotLogSnapshot(roundID: e.round)
        #expect(snapshot.leaves.count == 40 && snapshot.inboxCount == 0)
        #expect(snapshot.batches.count == 1 && snapshot.batches[0].sealedKey.isEmpty)
        #expect(snapshot.leaves.allSatisfy { Array($0.data.prefix(4)) == [0xFF, 0xFF, 0xFF, 0xFF] })
        let kinds = snapshot.treeHeads.map { head in
            ["electronic", "close"].first { String(decoding: head.body, as: UTF8.self).contains("\"kind\":\"\($0)\"") }
        }
        #expect(kinds == ["electronic", "close"])
        #expect(try e.workspace.audit.verify().ok)
        let bundle = e.fixture.dir + "/bundle"
        _ = try e.workspace.audit.exportAudit(roundID: e.round, to: bundle)
        let check = try ExternalTool.run("/usr/bin/python3", [Self.verifyAudit, bundle])
        #expect(check.status == 0, "\(check.stdout)")
    }

    static let verifyAudit =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/scripts/verify-audit"

    @Test("verify and verify-audit report electronic ballots appended while the round was open (an arrival window)")
    func verifyAuditReportsArrivalWindows() async throws {
        let e = try ElectronicFixture.make(codes: 3)
        let service = e.workspace.electronic
        for code in e.codes.prefix(2) {
            _ = try await service.cast(code: code, roundID: e.round, sealed: try e.seal(["A1.dao-duc": "x"]))
        }
        // What earlier versions did on their timer: a batch of what had arrived so far.
        let key = try service.agencySigningKey(passphrase: nil)
        try e.workspace.store.withBallotLog(roundID: e.round) { log in
            _ = try service.appendElectronicBatch(log, boxes: try log.inboxBoxes(), key: key)
        }
        _ = try await service.cast(code: e.codes[2], roundID: e.round, sealed: try e.seal([:]))
        _ = try e.workspace.rounds.closeRound(roundID: e.round, passphrase: nil)
        let verified = try e.workspace.audit.verify()
        #expect(!verified.ok)
        #expect(verified.problems.contains { "\($0)".contains("2 electronic batches") }, "\(verified.problems)")
        #expect(throws: PhieuKinError.self) {
            try e.workspace.audit.exportAudit(roundID: e.round, to: e.fixture.dir + "/no")
        }
        // The bundle an older version would have written: the independent verifier says so too.
        let bundle = e.fixture.dir + "/bundle"
        _ = try e.workspace.audit.exportAudit(roundID: e.round, to: bundle, refusingUnverified: false)
        let check = try ExternalTool.run("/usr/bin/python3", [Self.verifyAudit, bundle])
        #expect(check.status == 1, "\(check.stdout)")
        #expect(check.stdout.contains("2 electronic batches"), "\(check.stdout)")
        #expect(check.stdout.contains("tree head 1: an electronic batch not appended by the close"), "\(check.stdout)")
    }

    @Test("a box counts once: not with another code, not twice in the inbox, not after a restart")
    func aBoxCountsOnce() async throws {
        let e = try ElectronicFixture.make(codes: 4)
        let service = e.workspace.electronic
        let box = try e.seal(["A1.dao-duc": "x"])
        let first = try await service.cast(code: e.codes[0], roundID: e.round, sealed: box)
        #expect(!first.duplicate)
        // The same box with other, unused codes: refused, and those codes stay unused.
        var tampered = box
        tampered[tampered.count - 1] ^= 1
        for (code, sealed) in [(e.codes[1], box), (e.codes[2], box), (e.codes[1], tampered)] {
            let refused = try await #require(throws: CastError.self) {
                try await service.cast(code: code, roundID: e.round, sealed: sealed)
            }
            #expect(refused.code == .alreadyCast)
        }
        // The voter whose answer was lost sends the same code and box again: the receipt again.
        let retry = try await service.cast(code: e.codes[0], roundID: e.round, sealed: box)
        #expect(retry.receipt == first.receipt && retry.duplicate)
        let other = try await #require(throws: CastError.self) {
            try await service.cast(code: e.codes[0], roundID: e.round, sealed: try e.seal([:]))
        }
        #expect(other.code == .codeUsed)

        // A restart: the workspace opened afresh still knows the box.
        let reopened = try Workspace(root: e.fixture.dir)
        let again = try await #require(throws: CastError.self) {
            try await reopened.electronic.cast(code: e.codes[3], roundID: e.round, sealed: box)
        }
        #expect(again.code == .alreadyCast)
        #expect(try await reopened.electronic.cast(code: e.codes[0], roundID: e.round, sealed: box).duplicate)
        _ = try await reopened.electronic.cast(code: e.codes[1], roundID: e.round, sealed: try e.seal([:]))
        _ = try reopened.rounds.closeRound(roundID: e.round, passphrase: nil)
        let report = try reopened.audit.verify()
        #expect(report.ok, "\(report.rounds.flatMap(\.problems))")
        #expect(report.rounds.first?.leaves == 2 && report.rounds.first?.used == 2)
        #expect(try reopened.tally.count(roundID: e.round).ballotsCounted == 2)
    }

    @Test("the append refuses a box twice: the close fails whole and nothing is appended")
    func theAppendRefusesABoxTwice() async throws {
        let e = try ElectronicFixture.make(codes: 2)
        let box = try e.seal(["A2.thai-do": "x"])
        _ = try await e.workspace.electronic.cast(code: e.codes[0], roundID: e.round, sealed: box)
        // Past the cast's check (as a damaged or hand-edited store could be): the box twice.
        try e.workspace.store.withElectronicIntake { tx in
            try tx.insertInbox(roundID: e.round, key: SecureRandom.bytes(16), box: box)
        }
        let error = try #require(throws: PhieuKinError.self) {
            try e.workspace.rounds.closeRound(roundID: e.round, passphrase: nil)
        }
        #expect(error.kind == .tampered)
        let snapshot = try e.workspace.store.ballotLogSnapshot(roundID: e.round)
        #expect(snapshot.leaves.isEmpty && snapshot.treeHeads.isEmpty && snapshot.inboxCount == 2)
        #expect(try e.workspace.store.round(id: e.round).state == .open)
    }

    @Test("kiosk: one-time enrolment, resends counted once, daily cap and rate")
    func kiosk() async throws {
        let fixture = try ImportFixture.make(ballots: 100, survey: "one-stop-desk", numbered: false)
        let workspace = fixture.workspace
        let service = workspace.electronic
        // Kiosks serve unnumbered rounds only.
        let numbered = try ImportFixture.make(ballots: 3, survey: "quarterly-7", numbered: true)
        #expect(throws: PhieuKinError.self) {
            try numbered.workspace.electronic.issueKioskEnrolment(roundID: numbered.round, desk: "Quầy 1")
        }
        let token = try service.issueKioskEnrolment(roundID: fixture.round, desk: "Quầy 2 – Bộ phận một cửa")
        let enrolment = try service.enrolKiosk(token: token)
        #expect(enrolment.desk == "Quầy 2 – Bộ phận một cửa")
        #expect(enrolment.roundID == fixture.round)
        let again = try #require(throws: CastError.self) { try service.enrolKiosk(token: token) }
        #expect(again.code == .enrolmentUsed)
        let bogus = try #require(throws: CastError.self) { try service.enrolKiosk(token: "NOPE") }
        #expect(bogus.code == .unknownKiosk)

        let definition = try service.kioskBallot(kioskToken: enrolment.kioskToken, language: .vi)
        #expect(definition.desk == "Quầy 2 – Bộ phận một cửa")
        #expect(definition.choices.map(\.label).contains("Không hài lòng vì chờ đợi lâu"))
        #expect(definition.questions.map(\.id) == ["danh-gia"])
        func rating(_ code: String) throws -> [UInt8] {
            let ballot = Ballot(surveyID: "one-stop-desk", roundID: fixture.round, answers: ["danh-gia": code])
            return try ElectronicFixture.seal(BallotCodec.encode(ballot), for: definition)
        }
        let start = Date()
        let id = Hex.encode(SecureRandom.bytes(16))
        let box = try rating("1")
        let first = try await service.castFromKiosk(
            kioskToken: enrolment.kioskToken, submissionID: id, sealed: box, now: start)
        #expect(!first.duplicate)
        // The same rating re-sent (its answer was lost): counted once, same receipt.
        let resent = try await service.castFromKiosk(
            kioskToken: enrolment.kioskToken, submissionID: id, sealed: box, now: start)
        #expect(resent.duplicate)
        #expect(resent.receipt == first.receipt)
        #expect(try service.kioskCounts(roundID: fixture.round, now: start).map(\.today) == [1])

        // Round settings: interval 20 s, cap 500 — a burst allowance of 50 then one per 20 s.
        var accepted = 1
        var refusal: CastError.Code?
        for _ in 0..<80 {
            do {
                _ = try await service.castFromKiosk(
                    kioskToken: enrolment.kioskToken, submissionID: Hex.encode(SecureRandom.bytes(16)),
                    sealed: try rating("5"), now: start.addingTimeInterval(1))
                accepted += 1
            } catch let error as CastError {
                refusal = error.code
                break
            }
        }
        #expect(refusal == .kioskTooFast)
        #expect(accepted == 50)
        // Later in the day the rate allows more.
        _ = try await service.castFromKiosk(
            kioskToken: enrolment.kioskToken, submissionID: Hex.encode(SecureRandom.bytes(16)),
            sealed: try rating("2"), now: start.addingTimeInterval(60))
        #expect(try service.kioskCounts(roundID: fixture.round, now: start).first?.today == 51)
        let unknown = try await #require(throws: CastError.self) {
            try await service.castFromKiosk(
                kioskToken: "WRONG", submissionID: Hex.encode(SecureRandom.bytes(16)), sealed: box, now: start)
        }
        #expect(unknown.code == .unknownKiosk)

        _ = try workspace.rounds.closeRound(roundID: fixture.round, passphrase: nil)
        let summary = try workspace.tally.count(roundID: fixture.round)
        #expect(summary.ballotsCounted == 51)
        #expect(summary.invalidBallots == 0)
        #expect(try workspace.audit.verify().ok)
    }

    /// A workspace made before issue 19 (its kiosk days keep `firstAt`, the exact time of each
    /// desk's first rating) is migrated when opened: the time is gone, the counts stay.
    @Test("v4-electronic-boxes drops the time of a desk's first rating and keeps its counts")
    func kioskDaysLoseTheirTime() async throws {
        let fixture = try ImportFixture.make(ballots: 20, survey: "one-stop-desk", numbered: false)
        let service = fixture.workspace.electronic
        let kiosk = try service.enrolKiosk(
            token: try service.issueKioskEnrolment(roundID: fixture.round, desk: "Quầy 1"))
        let definition = try service.kioskBallot(kioskToken: kiosk.kioskToken, language: .vi)
        let ballot = Ballot(surveyID: "one-stop-desk", roundID: fixture.round, answers: ["danh-gia": "1"])
        _ = try await service.castFromKiosk(
            kioskToken: kiosk.kioskToken, submissionID: Hex.encode(SecureRandom.bytes(16)),
            sealed: try ElectronicFixture.seal(BallotCodec.encode(ballot), for: definition))
        let database = fixture.dir + "/phieukin.sqlite"
        let columns = """
            print(c.execute("SELECT group_concat(name) FROM pragma_table_info(?)", ("kioskDay",)).fetchone()[0])
            """
        // Back to the v3 schema, as an older PhieuKin left it.
        let downgrade = try ExternalTool.run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sqlite3, sys
                c = sqlite3.connect(sys.argv[1])
                c.executescript(\"\"\"
                  DROP INDEX inbox_by_ephemeral; DROP INDEX leaf_by_ephemeral;
                  ALTER TABLE kioskDay ADD COLUMN firstAt DOUBLE NOT NULL DEFAULT 0;
                  UPDATE kioskDay SET firstAt = 1795000123.25;
                  DELETE FROM grdb_migrations WHERE identifier = 'v4-electronic-boxes';
                \"\"\")
                c.commit()
                \(columns)
                """,
                database,
            ])
        #expect(downgrade.stdout == "kioskID,day,count,firstAt\n", "\(downgrade.stderr)")
        let reopened = try Workspace(root: fixture.dir)
        #expect(try reopened.electronic.kioskCounts(roundID: fixture.round).map(\.total) == [1])
        let after = try ExternalTool.run(
            "/usr/bin/python3", ["-c", "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n" + columns, database])
        #expect(after.stdout == "kioskID,day,count\n", "\(after.stderr)")
    }

    @Test("the daily cap is the round's")
    func dailyCap() async throws {
        let dir = try TemporaryFiles.directory("cap").path
        let (workspace, _) = try Workspace.create(at: dir, agency: "UBND Phường Thử")
        try ImportFixture.roster.write(toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
        _ = try workspace.rounds.importRoster(path: dir + "/roster.csv")
        var request = RoundRequest(
            surveyID: "one-stop-desk", period: "2026-11", unitID: "TO", ballots: 100, numbered: false)
        request.kioskDailyCap = 2
        let round = try workspace.rounds.openRound(request).id
        let service = workspace.electronic
        let kiosk = try service.enrolKiosk(token: try service.issueKioskEnrolment(roundID: round, desk: "Quầy 1"))
        let definition = try service.kioskBallot(kioskToken: kiosk.kioskToken, language: .en)
        let ballot = Ballot(surveyID: "one-stop-desk", roundID: round, answers: ["danh-gia": "2"])
        let now = Date()
        for n in 0..<3 {
            let cast = {
                try await service.castFromKiosk(
                    kioskToken: kiosk.kioskToken, submissionID: Hex.encode(SecureRandom.bytes(16)),
                    sealed: try ElectronicFixture.seal(BallotCodec.encode(ballot), for: definition), now: now)
            }
            if n < 2 {
                _ = try await cast()
            } else {
                let error = try await #require(throws: CastError.self) { try await cast() }
                #expect(error.code == .kioskDailyCap)
            }
        }
        // The next day starts a new count.
        _ = try await service.castFromKiosk(
            kioskToken: kiosk.kioskToken, submissionID: Hex.encode(SecureRandom.bytes(16)),
            sealed: try ElectronicFixture.seal(BallotCodec.encode(ballot), for: definition),
            now: now.addingTimeInterval(86_400))
        let counts = try service.kioskCounts(roundID: round, now: now.addingTimeInterval(86_400))
        #expect(counts.first?.today == 1)
        #expect(counts.first?.total == 3)
    }
}
