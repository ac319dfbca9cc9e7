import Foundation
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinTestSupport
import Testing

@testable import PhieuKin

/// The one ballot-log type: tree-head bodies built, parsed, signed and verified in one place,
/// and heads signed from the stored Merkle frontier.
@Suite("Ballot log and tree heads")
struct BallotLogTests {
    static let root = SHA256.hash(Array("root".utf8))

    @Test func headBodiesAreCanonicalAndRoundTrip() throws {
        let head = TreeHead(
            log: .ballots, kind: "void", round: "2026-Q3-U-quarterly-7", seq: 4, size: 12, root: Self.root,
            time: "2026-11-29", extra: ["reason": .string("Mở nhầm")])
        let body = try head.body()
        #expect(
            String(decoding: body, as: UTF8.self)
                == "{\"kind\":\"void\",\"log\":\"ballots\",\"reason\":\"Mở nhầm\",\"root\":\"\(Hex.encode(Self.root))\","
                + "\"round\":\"2026-Q3-U-quarterly-7\",\"seq\":4,\"size\":12,\"time\":\"2026-11-29\",\"v\":1}")
        #expect(TreeHead.parse(body) == head)

        let results = TreeHead(
            log: .results, kind: nil, round: nil, seq: 1, size: 0, root: Merkle.emptyRoot, time: "2026-11-29")
        #expect(TreeHead.parse(try results.body()) == results)

        let key = Ed25519PrivateKey()
        let (signedBody, signature) = try head.signed(with: key)
        #expect(TreeHead.verified(body: signedBody, signature: signature, key: key.publicKey) == head)
        var changed = signedBody
        changed[changed.count - 2] ^= 0x01
        #expect(TreeHead.verified(body: changed, signature: signature, key: key.publicKey) == nil)
        #expect(TreeHead.verified(body: signedBody, signature: signature, key: Ed25519PrivateKey().publicKey) == nil)
    }

    @Test(arguments: [
        // not canonical (space, key order)
        #"{"kind":"import","log":"ballots","root":"ROOT","round":"r","seq":1,"size":1,"time":"2026-11-29", "v":1}"#,
        #"{"log":"ballots","kind":"import","root":"ROOT","round":"r","seq":1,"size":1,"time":"2026-11-29","v":1}"#,
        // another version, a missing field, a bad root, a fractional size
        #"{"kind":"import","log":"ballots","root":"ROOT","round":"r","seq":1,"size":1,"time":"2026-11-29","v":2}"#,
        #"{"kind":"import","log":"ballots","root":"ROOT","seq":1,"size":1,"time":"2026-11-29","v":1}"#,
        #"{"kind":"import","log":"ballots","root":"abcd","round":"r","seq":1,"size":1,"time":"2026-11-29","v":1}"#,
        #"{"kind":"import","log":"ballots","root":"ROOT","round":"r","seq":1,"size":1.5,"time":"2026-11-29","v":1}"#,
        // a results-log head naming a round, an unknown log
        #"{"log":"results","root":"ROOT","round":"r","seq":1,"size":1,"time":"2026-11-29","v":1}"#,
        #"{"log":"other","root":"ROOT","seq":1,"size":1,"time":"2026-11-29","v":1}"#,
    ])
    func malformedBodiesAreRefused(text: String) {
        let body = Array(text.replacingOccurrences(of: "ROOT", with: Hex.encode(Self.root)).utf8)
        #expect(TreeHead.parse(body) == nil)
    }

    @Test func leafPrefixNamesItsBatch() throws {
        let leaf = BallotLog.u32be(70_000) + [UInt8](repeating: 9, count: BallotLog.minimumLeafLength - 4)
        #expect(BallotLog.batchSeq(ofLeaf: leaf) == 70_000)
        #expect(BallotLog.batchSeq(ofLeaf: [0, 1]) == nil)
        #expect(BallotLog.sealedMessage(ofLeaf: Array(leaf.dropLast())) == nil)
    }

    /// Heads are signed from the stored frontier; a missing or damaged frontier is rebuilt from
    /// the leaves, so the agency never signs a root the stored leaves do not give.
    @Test(arguments: ["keep", "delete", "damage"])
    func headsFollowTheLeavesWhateverHappensToTheFrontier(frontier: String) throws {
        let f = try ImportFixture.make(ballots: 0, numbered: false)
        let header = "A1.dao-duc,A2.thai-do,A3.ky-luat\n"
        let first = try f.write("a.csv", header + "x,,\n,x,\n,,x\n")
        #expect(try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [first])).accepted == 3)
        let stored = try SQLiteScript.run(
            f.dir + "/phieukin.sqlite", "SELECT hex(frontier) FROM ballotFrontier WHERE roundID = '\(f.round)'"
        ).output.trimmingCharacters(in: .whitespacesAndNewlines)
        // size 3: two subtree roots (2 + 1 leaves) after the 8-byte size.
        #expect(stored.count == 2 * (8 + 2 * 32))
        #expect(stored.hasPrefix("0000000000000003"))
        switch frontier {
        case "delete": _ = try SQLiteScript.run(f.dir + "/phieukin.sqlite", "DELETE FROM ballotFrontier")
        case "damage":
            _ = try SQLiteScript.run(
                f.dir + "/phieukin.sqlite",
                "UPDATE ballotFrontier SET frontier = X'0000000000000003' || zeroblob(64)")
        default: break
        }
        // The second ballot is a blank one, keyed in the blank column (an empty row is no ballot).
        let second = try f.write("b.csv", "A1.dao-duc,A2.thai-do,A3.ky-luat,blank\nx,x,,\n,,,x\n")
        let report = try f.workspace.intake.importBallots(ImportRequest(roundID: f.round, files: [second]))
        #expect(report.accepted == 2 && report.treeSize == 5)
        let verify = try f.workspace.audit.verify(roundID: f.round)
        #expect(verify.problems.isEmpty, "\(verify.problems)")
        #expect(verify.rounds.first?.treeHeads == 2)
    }
}
