import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinStorage
import PhieuKinTestSupport
import Testing

/// Issue 9, item 5: every library error has a kind a caller can switch on, says what went wrong
/// without CLI syntax, and carries the next step as data. Each case makes a real call fail.
@Suite("Library errors: kinds, reasons, next steps")
struct ErrorKindTests {
    /// What a failing call must throw.
    enum Expected: Sendable {
        case phieuKin(PhieuKinError.Kind, [NextStep] = [])
        case store(StoreError.Kind, [NextStep] = [])
        case roster(RosterError.Kind)
        case survey(SurveyError.Kind)
        case serial(SerialError.Kind)
        case crypto(CryptoError.Kind)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let expected: Expected
        let call: @Sendable (Scratch) throws -> Void
        var testDescription: String { name }
    }

    /// A workspace with a roster of one unit and an open unnumbered round (no PDF to print).
    struct Scratch {
        let dir: String
        let workspace: Workspace
        let round: RoundID

        static func make(passphrase: [UInt8]? = nil) throws -> Scratch {
            let dir = try TemporaryFiles.directory("error-kinds").path
            let (workspace, _) = try Workspace.create(at: dir, agency: "UBND Phường Thử", passphrase: passphrase)
            try ImportFixture.roster.write(toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
            _ = try workspace.rounds.importRoster(path: dir + "/roster.csv")
            let round = try workspace.rounds.openRound(
                RoundRequest(
                    surveyID: "quarterly-7", period: "2026-Q3", unitID: "TO", ballots: 8, numbered: false,
                    committee: Committee(passphrase: passphrase), agencyPassphrase: passphrase)
            ).id
            return Scratch(dir: dir, workspace: workspace, round: round)
        }

        func write(_ name: String, _ text: String, mode: mode_t = 0o600) throws -> String {
            let path = dir + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, mode)
            return path
        }
    }

    static let passphrase = Array("mật khẩu đúng".utf8)

    static let cases: [Case] = [
        Case(
            name: "a folder without a workspace",
            expected: .phieuKin(.workspaceMissing, [.createWorkspace, .chooseWorkspace])
        ) {
            _ in _ = try Workspace(root: try TemporaryFiles.directory("no-workspace").path)
        },
        Case(name: "an unknown round", expected: .store(.notFound, [.listRounds])) { s in
            _ = try s.workspace.tally.count(roundID: "2026-Q3-XX-nope")
        },
        Case(name: "tallying an open round", expected: .phieuKin(.roundState, [.closeRound(roundID: "R")])) { s in
            _ = try s.workspace.tally.count(roundID: s.round)
        },
        Case(name: "recounting an untallied round", expected: .phieuKin(.roundState, [.tallyRound(roundID: "R")])) {
            s in
            _ = try s.workspace.rounds.closeRound(roundID: s.round, passphrase: nil)
            _ = try s.workspace.tally.count(roundID: s.round, recount: true)
        },
        Case(name: "tallying twice", expected: .phieuKin(.roundState, [.recountRound(roundID: "R"), .verify])) { s in
            _ = try s.workspace.rounds.closeRound(roundID: s.round, passphrase: nil)
            _ = try s.workspace.tally.count(roundID: s.round)
            _ = try s.workspace.tally.count(roundID: s.round)
        },
        Case(name: "a report of an open round", expected: .phieuKin(.roundState, [.closeRound(roundID: "R")])) { s in
            _ = try s.workspace.reports.roundReport(roundID: s.round)
        },
        Case(
            name: "a second round for the same period", expected: .phieuKin(.conflict, [.voidRound(roundID: "R")])
        ) { s in
            _ = try s.workspace.rounds.openRound(
                RoundRequest(surveyID: "quarterly-7", period: "2026-Q3", unitID: "TO", ballots: 8, numbered: false))
        },
        Case(name: "a unit not on the roster", expected: .phieuKin(.notFound, [.listUnits, .importRoster])) { s in
            _ = try s.workspace.rounds.roster(unitID: "XX")
        },
        Case(name: "a confidence vote without its electorate", expected: .phieuKin(.invalidInput, [.giveElectorate])) {
            s in
            _ = try s.workspace.rounds.openRound(
                RoundRequest(surveyID: "confidence-vote", period: "2026", unitID: "TO", ballots: 8))
        },
        Case(
            name: "a committee without share destinations",
            expected: .phieuKin(.invalidInput, [.giveShareDestinations(count: 3)])
        ) { s in
            _ = try s.workspace.rounds.openRound(
                RoundRequest(
                    surveyID: "quarterly-7", period: "2026-Q4", unitID: "TO", ballots: 8,
                    committee: Committee(size: 3, threshold: 2)))
        },
        Case(
            name: "closing with quarantined ballots pending",
            expected: .phieuKin(.rejectsPending, [.decideRejects(roundID: "R")])
        ) {
            s in
            let file = try s.write("u.csv", "A1.dao-duc,A2.dao-duc\nx,\ny,\n")
            _ = try s.workspace.intake.importBallots(ImportRequest(roundID: s.round, files: [file]))
            _ = try s.workspace.rounds.closeRound(roundID: s.round, passphrase: nil)
        },
        Case(name: "an empty quarantine decision reason", expected: .phieuKin(.invalidInput, [.giveReason])) { s in
            _ = try s.workspace.intake.discardRejects(roundID: s.round, ids: nil, reason: "  ")
        },
        Case(name: "a ballot file that is not there", expected: .phieuKin(.fileAccess)) { s in
            _ = try s.workspace.intake.importBallots(ImportRequest(roundID: s.round, files: [s.dir + "/missing.csv"]))
        },
        Case(name: "a ballot file with a broken quote", expected: .phieuKin(.invalidFile)) { s in
            let file = try s.write("broken.csv", "A1.dao-duc,A2.dao-duc\n\"x,\n")
            _ = try s.workspace.intake.importBallots(ImportRequest(roundID: s.round, files: [file]))
        },
        Case(name: "the same unnumbered file twice", expected: .phieuKin(.duplicateImport)) { s in
            let file = try s.write("u.csv", "A1.dao-duc,A2.dao-duc\nx,\n")
            _ = try s.workspace.intake.importBallots(ImportRequest(roundID: s.round, files: [file, file]))
        },
        Case(name: "a PDF report without a file", expected: .phieuKin(.invalidInput, [.giveOutputFile])) { s in
            let report = try s.workspace.reports.flagsReport(period: nil, surveyID: nil, unitID: nil)
            _ = try s.workspace.reports.reportBytes(report, format: .pdf, language: .vi)
        },
        Case(name: "an audit bundle into a full folder", expected: .phieuKin(.alreadyExists)) { s in
            let full = try TemporaryFiles.directory("full").path
            _ = FileManager.default.createFile(atPath: full + "/old.json", contents: Data())
            _ = try s.workspace.audit.exportAudit(roundID: s.round, to: full)
        },
        Case(
            name: "a passphrase file others can read",
            expected: .phieuKin(.filePermissions, [.restrictPermissions(path: "PASS")])
        ) { s in
            _ = try KeyFiles.readPassphrase(try s.write("pass.txt", "secret\n", mode: 0o644))
        },
        Case(
            name: "an encrypted agency key without its passphrase",
            expected: .phieuKin(.passphraseNeeded, [.giveAgencyPassphrase])
        ) {
            _ in
            let s = try Scratch.make(passphrase: passphrase)
            _ = try s.workspace.rounds.closeRound(roundID: s.round, passphrase: nil)
        },
        Case(name: "the wrong agency passphrase", expected: .phieuKin(.wrongPassphrase)) { _ in
            let s = try Scratch.make(passphrase: passphrase)
            _ = try s.workspace.rounds.closeRound(roundID: s.round, passphrase: Array("sai".utf8))
        },
        Case(name: "a roster with a dotted id", expected: .roster(.invalidID)) { _ in
            _ = try RosterParser.parse(
                bytes: Array("unit_id,unit_name,official_id,full_name,position\nU,Tổ,A.b,An,CV\n".utf8),
                fileName: "roster.csv")
        },
        Case(name: "an unknown survey", expected: .survey(.unknownSurvey)) { s in
            _ = try s.workspace.rounds.survey(id: "no-such-survey")
        },
        Case(name: "a mistyped serial", expected: .serial(.checkMismatch)) { _ in
            _ = try Serial(parsing: "0004-1061-050R-3GG2-8A1C-60T3-GF7")
        },
        Case(name: "a key with the wrong passphrase", expected: .crypto(.wrongPassphrase)) { _ in
            let pem = try Ed25519PrivateKey().pemRepresentation(passphrase: passphrase)
            _ = try Ed25519PrivateKey(pemRepresentation: pem, passphrase: Array("sai".utf8))
        },
    ]

    @Test(arguments: cases)
    func kindReasonAndNextSteps(_ c: Case) throws {
        let scratch = try Scratch.make()
        var thrown: (any Error)?
        do { try c.call(scratch) } catch { thrown = error }
        let error = try #require(thrown, "\(c.name) did not fail")

        // Steps name the fixture's round and files; the cases above write "R" and "PASS".
        func normalized(_ steps: [NextStep]) -> [NextStep] {
            steps.map { step in
                switch step {
                case .closeRound: .closeRound(roundID: "R")
                case .tallyRound: .tallyRound(roundID: "R")
                case .recountRound: .recountRound(roundID: "R")
                case .voidRound(let id): .voidRound(roundID: id == scratch.round ? "R" : id)
                case .decideRejects: .decideRejects(roundID: "R")
                case .restrictPermissions: .restrictPermissions(path: "PASS")
                default: step
                }
            }
        }
        let reason: String
        switch c.expected {
        case .phieuKin(let kind, let next):
            let e = try #require(error as? PhieuKinError, "\(c.name): \(type(of: error)) \(error)")
            #expect(e.kind == kind, "\(c.name): \(e.kind) — \(e.reason)")
            #expect(normalized(e.nextSteps) == next, "\(c.name): \(e.nextSteps)")
            reason = e.reason
        case .store(let kind, let next):
            let e = try #require(error as? StoreError, "\(c.name): \(type(of: error)) \(error)")
            #expect(e.kind == kind && e.nextSteps == next, "\(c.name): \(e.kind) \(e.nextSteps)")
            reason = e.reason
        case .roster(let kind):
            let e = try #require(error as? RosterError, "\(c.name): \(error)")
            #expect(e.kind == kind)
            reason = e.description
        case .survey(let kind):
            let e = try #require(error as? SurveyError, "\(c.name): \(error)")
            #expect(e.kind == kind)
            reason = e.description
        case .serial(let kind):
            let e = try #require(error as? SerialError, "\(c.name): \(error)")
            #expect(e.kind == kind)
            reason = e.description
        case .crypto(let kind):
            let e = try #require(error as? CryptoError, "\(c.name): \(error)")
            #expect(e.kind == kind)
            reason = e.reason
        }
        // The library says what went wrong; what to type is the front end's business.
        #expect(!reason.isEmpty)
        #expect(!reason.contains("phieukin "), "\(c.name): \(reason)")
        #expect(!reason.contains(" --"), "\(c.name): \(reason)")
        #expect(!"\(error)".contains("phieukin "), "\(c.name): \(error)")
    }

    /// A guard for messages written later: no string literal in a library module spells a
    /// `phieukin` command or a `--option` (comments may; the CLI owns the syntax).
    @Test func noLibraryStringSpellsCommandLineSyntax() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let commands = "init|keys|survey|roster|round|ballots|import|rejects|verify|audit|tally|flags|report"
        let command = try NSRegularExpression(pattern: "\"[^\"]*\\bphieukin (\(commands))\\b")
        let option = try NSRegularExpression(pattern: "\"[^\"]*(^|[ (:])--[a-z][a-z-]*")
        var offenders: [String] = []
        for module in ["PhieuKin", "PhieuKinStore", "PhieuKinCore", "PhieuKinPrint", "PhieuKinCrypto"] {
            let folder = sources.appendingPathComponent(module)
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            #expect(!files.isEmpty, "\(folder.path)")
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = String(line)
                    if code.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                    let range = NSRange(code.startIndex..., in: code)
                    if command.firstMatch(in: code, range: range) != nil
                        || option.firstMatch(in: code, range: range) != nil
                    {
                        offenders.append("\(module)/\(file):\(number + 1): \(code)")
                    }
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    /// An underlying error is kept where one caused the failure, so a caller can look deeper.
    @Test func underlyingErrorsAreKept() throws {
        let s = try Scratch.make()
        let missing = #expect(throws: PhieuKinError.self) {
            try s.workspace.intake.importBallots(ImportRequest(roundID: s.round, files: [s.dir + "/missing.csv"]))
        }
        #expect((missing?.underlying as? POSIXError)?.code == .ENOENT)

        let broken = try s.write("broken.csv", "A1.dao-duc,A2.dao-duc\n\"x,\n")
        let parse = #expect(throws: PhieuKinError.self) {
            try s.workspace.intake.importBallots(ImportRequest(roundID: s.round, files: [broken]))
        }
        #expect((parse?.underlying as? CSVError)?.kind == .unterminatedQuote)

        let locked = try Scratch.make(passphrase: Self.passphrase)
        let wrong = #expect(throws: PhieuKinError.self) {
            try locked.workspace.rounds.closeRound(roundID: locked.round, passphrase: Array("sai".utf8))
        }
        #expect((wrong?.underlying as? CryptoError)?.kind == .wrongPassphrase)
        #expect(wrong?.reason.contains("sai") == false)

        let noWorkspace = #expect(throws: PhieuKinError.self) {
            try Workspace(root: try TemporaryFiles.directory("no-workspace").path)
        }
        #expect((noWorkspace?.underlying as? StoreError)?.kind == .missing)

        let roster = #expect(throws: RosterError.self) {
            try RosterParser.parse(bytes: Array("unit_id,unit_name\n\"U,x\n".utf8), fileName: "r.csv")
        }
        #expect(roster?.kind == .encoding && (roster?.underlying as? CSVError)?.kind == .unterminatedQuote)
    }
}
