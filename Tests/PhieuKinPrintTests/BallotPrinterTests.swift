import Foundation
import PhieuKinPrint
import Testing

@Suite("Ballot printer")
struct BallotPrinterTests {
    @Test("smoke")
    func smoke() throws {
        let path = Fixture.temporaryPath("smoke.pdf")
        let summary = try BallotPrinter.renderBallots(Fixture.document(rows: 30), serials: ["7K2Q-ABCD-EFGH"], to: path)
        print(path, summary)
        let start = Date()
        let many = try BallotPrinter.renderBallots(Fixture.document(rows: 30), serials: Fixture.serials(200), to: path + "200.pdf")
        print(many, Date().timeIntervalSince(start))
    }
}
