import Foundation
import Hummingbird
import HummingbirdTesting
import PhieuKin
import PhieuKinCore
import PhieuKinTestSupport
import Testing

@testable import PhieuKinServer

/// The receipt the booth shows (the server's answer to a cast, which the page recomputes) is what
/// `phieukin receipt check --bundle DIR RECEIPT` accepts: found once the round is closed, not found
/// for a receipt nobody was given; a bundle whose leaves were changed is refused.
@Suite("Server: the booth's receipt checks against the audit bundle")
struct ReceiptTests {
    static func check(_ bundle: String, _ receipt: String) throws -> ExternalTool.Result {
        let elsewhere = try TemporaryFiles.directory("voter").path  // a voter's check needs no workspace
        return try ExternalTool.run(
            ServeCommandTests.binary.path, ["receipt", "check", "--bundle", bundle, receipt],
            environment: ["PHIEUKIN_WORKSPACE": elsewhere, "PHIEUKIN_LANG": "en"])
    }

    @Test func theBoothsReceiptIsFoundInTheClosedRoundsBundle() async throws {
        let f = try ServerFixture.make(codes: 2)
        let receipts: [String] = try await makeApp(f.workspace).test(.router) { client -> [String] in
            let definition = try await client.execute(
                uri: "/api/code", method: .post, headers: jsonHeaders, body: json(["code": f.codes[0]])
            ) { $0.object }
            var given: [String] = []
            for code in f.codes {
                let box = try PhieuKinServerTests.seal(
                    try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: ["A1.dao-duc": "x"]),
                    definition: definition)
                let body = json(["code": code, "round": f.round.rawValue, "sealed": Data(box).base64EncodedString()])
                let answered = try await client.execute(
                    uri: "/api/ballots", method: .post, headers: jsonHeaders, body: body
                ) { $0.object["receipt"] as? String }
                #expect(answered == receipt(of: box))
                given.append(answered ?? "")
            }
            return given
        }
        // Before close the e-ballots wait in the inbox: not found yet, and said so.
        let early = try TemporaryFiles.directory("bundle-open").path + "/b"
        _ = try f.workspace.audit.exportAudit(roundID: f.round, to: early)
        let notYet = try Self.check(early, receipts[0])
        #expect(notYet.status == 1, "\(notYet.stdout)\(notYet.stderr)")
        #expect(notYet.stderr.contains("the round is not closed yet"), "\(notYet.stderr)")

        _ = try f.workspace.rounds.closeRound(roundID: f.round, passphrase: nil)
        let bundle = try TemporaryFiles.directory("bundle").path + "/b"
        _ = try f.workspace.audit.exportAudit(roundID: f.round, to: bundle)
        for r in receipts {
            let found = try Self.check(bundle, r)
            #expect(found.status == 0, "\(found.stdout)\(found.stderr)")
            #expect(
                found.stdout.contains("Found: this receipt is a sealed ballot in the ballot log of round \(f.round)."))
            #expect(found.stdout.contains("signed by the agency key SHA256:"))
            #expect(!found.stderr.contains("not closed"))
        }
        // Copied from the screen as people copy: upper case, in groups.
        let grouped = stride(from: 0, to: 64, by: 8).map { i in
            String(Array(receipts[1].uppercased())[i..<i + 8])
        }.joined(separator: " ")
        #expect(try Self.check(bundle, grouped).status == 0)
        // A receipt nobody was given: one digit changed.
        var wrong = Array(receipts[0])
        wrong[10] = wrong[10] == "a" ? "b" : "a"
        let notFound = try Self.check(bundle, String(wrong))
        #expect(notFound.status == 1)
        #expect(
            notFound.stdout.contains(
                "Not found: no sealed ballot in the ballot log of round \(f.round) has this receipt."))
        // 63 digits: neither a receipt nor a serial nor a code.
        let short = try Self.check(bundle, String(receipts[0].dropLast()))
        #expect(short.status == 1 && short.stderr.contains("receipt (64 hex digits)"), "\(short.stderr)")
        let printed = try ExternalTool.run(
            ServeCommandTests.binary.path, ["receipt", "check", "--bundle", bundle, receipts[0], "--json"])
        #expect(printed.stdout.contains("\"found\"") && printed.stdout.contains("true"), "\(printed.stdout)")

        // A leaf changed in the bundle: refused, not answered.
        var leaves = try Data(contentsOf: URL(fileURLWithPath: bundle + "/leaves.bin"))
        leaves[leaves.count - 1] ^= 1
        try leaves.write(to: URL(fileURLWithPath: bundle + "/leaves.bin"))
        let forged = try Self.check(bundle, receipts[0])
        #expect(forged.status == 1)
        #expect(forged.stderr.contains("is not the ballot log the agency signed"), "\(forged.stderr)")
    }
}
