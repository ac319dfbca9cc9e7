import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinTestSupport
import Testing

/// The public intake entry for front ends that hand ballots in already parsed (a voting booth,
/// a scanner): the same validation, batch, quarantine, log and exit status as a keyed file.
@Suite("Intake of parsed ballots")
struct IntakeTests {
    @Test func parsedBallotsGoThroughTheSameIntakeAsAFile() throws {
        let f = try ImportFixture.make(ballots: 4)
        let s = f.serials
        let ballots = [
            KeyedBallot(serial: s[0], answers: ["A1.dao-duc": ["x"]], remark: "Cần nhiệt tình hơn"),
            KeyedBallot(serial: s[1], answers: ["A2.thai-do": ["x"], "Z9.dao-duc": ["x"]]),  // unknown official
            KeyedBallot(serial: s[0].lowercased(), answers: [:]),  // the same serial again
            KeyedBallot(serial: s[2], answers: ["A3.ky-luat": ["1"]]),
        ]
        let report = try f.workspace.intake.importBallots(
            ImportRequest(roundID: f.round, sources: [.ballots(name: "booth", ballots)]))
        #expect(report.accepted == 2)
        #expect(report.duplicates == 1 && report.rejected == 1)
        #expect(report.files == ["booth"])
        #expect(
            report.rejects.map { "\($0.file):\($0.line) \($0.code)" } == [
                "booth:2 unknown-official", "booth:3 serial-used",
            ])
        #expect(report.exitStatus == 2)
        #expect(report.treeSize == 2)
        for reject in report.rejects {
            for serial in s { #expect(!reject.reason.description.contains(serial)) }
        }
        // A file keyed from the same paper afterwards finds those serials used.
        let csv = try f.write("later.csv", "serial,A1.dao-duc\n\(s[2]),x\n\(s[3]),x\n")
        let later = try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [csv]))
        #expect(later.accepted == 1 && later.duplicates == 1)
        #expect(try f.workspace.audit.verify(roundID: f.round).ok)
    }

    /// Two citizens may give the same rating: a front end's batches are not files keyed twice,
    /// so identical parsed ballots are all counted (a file keyed twice is still refused).
    @Test func identicalParsedBallotsAreAllCountedInAnUnnumberedRound() throws {
        let f = try ImportFixture.make(ballots: 10, numbered: false)
        let ballots = [KeyedBallot(answers: ["A1.dao-duc": ["x"]]), KeyedBallot(answers: [:])]
        for _ in 0..<2 {
            let report = try f.workspace.intake.importBallots(
                ImportRequest(roundID: f.round, sources: [.ballots(name: "kiosk", ballots)]))
            #expect(report.accepted == 2)
        }
        #expect(try f.workspace.audit.verify(roundID: f.round).rounds.first?.leaves == 4)
        let csv = try f.write("k.csv", "A1.dao-duc,A2.thai-do\nx,\n")
        #expect(try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [csv])).accepted == 1)
        #expect(throws: PhieuKinError.self) {
            try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [csv]))
        }
    }
}

/// The workspace's services share one custody of the agency's signing key: opened once per
/// process, when first needed, and dropped on request.
@Suite("Signing key custody")
struct SigningKeyCustodyTests {
    @Test func theKeyIsOpenedOnceAndReleasedOnRequest() throws {
        let f = try ImportFixture.make(ballots: 0, numbered: false)
        let header = "A1.dao-duc,A2.thai-do\n"
        let first = try f.write("a.csv", header + "x,\n")
        #expect(try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [first])).accepted == 1)
        // The key file goes away: this process still holds the key it opened.
        let keyPath = f.dir + "/keys/agency.pem"
        let moved = f.dir + "/agency.pem.away"
        try FileManager.default.moveItem(atPath: keyPath, toPath: moved)
        let second = try f.write("b.csv", header + ",x\n")
        #expect(try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [second])).accepted == 1)
        // Released, it must be read again — and it is not there.
        f.workspace.releaseSigningKey()
        let third = try f.write("c.csv", header + "x,x\n")
        let error = #expect(throws: PhieuKinError.self) {
            try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [third]))
        }
        #expect(error?.kind == .keyFile)
        try FileManager.default.moveItem(atPath: moved, toPath: keyPath)
        #expect(try f.workspace.audit.verify(roundID: f.round).ok)
    }
}
