import Foundation
import Hummingbird
import HummingbirdTesting
import PhieuKin
import PhieuKinCore
import PhieuKinTestSupport
import Testing

@testable import PhieuKinServer

/// Issue 19: a sealed box counts once — replayed with other codes, into another round, from a
/// kiosk under a new rating id, or after the server restarted — while a voter whose answer was
/// lost gets their receipt again.
@Suite("Server: a box counts once")
struct ReplayTests {
    static func cast(
        _ client: some TestClientProtocol, code: String, round: RoundID, box: [UInt8], key: String? = nil
    ) async throws -> (status: Int, body: [String: Any]) {
        var body: [String: Any] = ["code": code, "round": round.rawValue, "sealed": Data(box).base64EncodedString()]
        if let key { body["key"] = key }
        return try await client.execute(uri: "/api/ballots", method: .post, headers: jsonHeaders, body: json(body)) {
            (Int($0.status.code), $0.object)
        }
    }

    static func definition(_ client: some TestClientProtocol, code: String) async throws -> [String: Any] {
        try await client.execute(uri: "/api/code", method: .post, headers: jsonHeaders, body: json(["code": code])) {
            $0.object
        }
    }

    @Test func oneBoxWithThreeCodesIsOneBallot() async throws {
        let f = try ServerFixture.make(codes: 4)
        try await makeApp(f.workspace).test(.router) { client in
            let definition = try await Self.definition(client, code: f.codes[0])
            let box = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: ["A1.dao-duc": "x"]),
                definition: definition)
            let first = try await Self.cast(client, code: f.codes[0], round: f.round, box: box)
            #expect(first.status == 201 && first.body["receipt"] as? String == receipt(of: box))
            for code in f.codes[1...2] {
                let replay = try await Self.cast(client, code: code, round: f.round, box: box)
                #expect(replay.status == 409)
                #expect(replay.body["error"] as? String == "already-cast")
                #expect(
                    replay.body["message"] as? String
                        == "Phiếu này đã được gửi và ghi nhận trước đó; không nhận lại lần nữa.")
                #expect(replay.body["receipt"] == nil)
            }
            // The voter's answer was lost: the same code with the same box gets the receipt again.
            let retry = try await Self.cast(client, code: f.codes[0], round: f.round, box: box)
            #expect(retry.status == 200)
            #expect(retry.body["receipt"] as? String == receipt(of: box) && retry.body["duplicate"] as? Bool == true)
            // The codes a replay tried are still unused: their voters vote.
            let own = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: [:]), definition: definition)
            #expect(try await Self.cast(client, code: f.codes[1], round: f.round, box: own).status == 201)
        }
        _ = try f.workspace.rounds.closeRound(roundID: f.round, passphrase: nil)
        let report = try f.workspace.audit.verify(roundID: f.round)
        #expect(report.ok && report.rounds.first?.leaves == 2 && report.rounds.first?.used == 2)
        #expect(try f.workspace.tally.count(roundID: f.round).ballotsCounted == 2)
    }

    @Test func aBoxOfOneRoundIsRefusedInAnother() async throws {
        let f = try ServerFixture.make(codes: 2)
        let (other, otherCodes) = try f.anotherRound(period: "2027-Q1")
        try #require(otherCodes.count == 2)
        try await makeApp(f.workspace).test(.router) { client in
            let definition = try await Self.definition(client, code: f.codes[0])
            let otherDefinition = try await Self.definition(client, code: otherCodes[0])
            let box = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: ["A2.thai-do": "x"]),
                definition: definition)
            #expect(try await Self.cast(client, code: f.codes[0], round: f.round, box: box).status == 201)
            // Replayed into the other round with one of its codes: the box is known.
            let replay = try await Self.cast(client, code: otherCodes[0], round: other, box: box)
            #expect(replay.status == 409 && replay.body["error"] as? String == "already-cast")
            // A fresh box sealed to the first round's key, sent to the other round, names that key.
            let stale = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: [:]), definition: definition)
            let firstKey = (definition["seal"] as? [String: Any])?["public_key"] as? String
            let wrong = try await Self.cast(client, code: otherCodes[0], round: other, box: stale, key: firstKey)
            #expect(wrong.status == 409 && wrong.body["error"] as? String == "wrong-key")
            let malformed = try await Self.cast(client, code: otherCodes[0], round: other, box: stale, key: "abc")
            #expect(malformed.status == 400 && malformed.body["error"] as? String == "bad-request")
            // The other round's own ballot, naming its key, is taken.
            let own = try PhieuKinServerTests.seal(
                try ballotBytes(round: other.rawValue, survey: "quarterly-7", answers: [:]), definition: otherDefinition
            )
            let otherKey = (otherDefinition["seal"] as? [String: Any])?["public_key"] as? String
            #expect(
                try await Self.cast(client, code: otherCodes[0], round: other, box: own, key: otherKey).status == 201)
        }
        let report = try f.workspace.audit.verify()
        #expect(report.ok, "\(report.rounds.flatMap(\.problems))")
        #expect(try f.workspace.store.inboxCounts() == [f.round: 1, other: 1])
    }

    @Test func aKioskRatingResentUnderANewIdCountsOnce() async throws {
        let f = try ServerFixture.unnumbered()
        let enrolment = try f.workspace.electronic.issueKioskEnrolment(roundID: f.round, desk: "Quầy 1")
        try await makeApp(f.workspace).test(.router) { client in
            let kiosk = try await client.execute(
                uri: "/api/kiosk/enrol", method: .post, headers: jsonHeaders, body: json(["token": enrolment])
            ) { $0.object["kiosk"] as? String ?? "" }
            let definition = try await client.execute(
                uri: "/api/kiosk/ballot", method: .post, headers: jsonHeaders, body: json(["kiosk": kiosk])
            ) { $0.object }
            let box = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "one-stop-desk", answers: [:]), definition: definition)
            var statuses: [Int] = []
            var duplicates: [Bool] = []
            for id in [String(repeating: "01", count: 16), String(repeating: "02", count: 16)] {
                let body = json(["kiosk": kiosk, "id": id, "sealed": Data(box).base64EncodedString()])
                try await client.execute(uri: "/api/kiosk/ballots", method: .post, headers: jsonHeaders, body: body) {
                    statuses.append(Int($0.status.code))
                    duplicates.append($0.object["duplicate"] as? Bool ?? false)
                    #expect($0.object["receipt"] as? String == receipt(of: box))
                }
            }
            #expect(statuses == [201, 200] && duplicates == [false, true])
        }
        #expect(try f.workspace.electronic.kioskCounts(roundID: f.round).map(\.total) == [1])
        #expect(try f.workspace.store.inboxCounts() == [f.round: 1])
    }

    /// After a restart (the workspace opened afresh, a new server): a replay is still refused and
    /// the voter's retry still gets the receipt.
    @Test func afterARestartTheBoxIsStillKnown() async throws {
        let f = try ServerFixture.make(codes: 3)
        let box = try await makeApp(f.workspace).test(.router) { client in
            let definition = try await Self.definition(client, code: f.codes[0])
            let box = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "quarterly-7", answers: ["A3.dao-duc": "x"]),
                definition: definition)
            #expect(try await Self.cast(client, code: f.codes[0], round: f.round, box: box).status == 201)
            return box
        }
        let reopened = try Workspace(root: f.dir)
        try await makeApp(reopened).test(.router) { client in
            let replay = try await Self.cast(client, code: f.codes[1], round: f.round, box: box)
            #expect(replay.status == 409 && replay.body["error"] as? String == "already-cast")
            let retry = try await Self.cast(client, code: f.codes[0], round: f.round, box: box)
            #expect(retry.status == 200 && retry.body["receipt"] as? String == receipt(of: box))
        }
        _ = try reopened.rounds.closeRound(roundID: f.round, passphrase: nil)
        let report = try reopened.audit.verify(roundID: f.round)
        #expect(report.ok && report.rounds.first?.leaves == 1 && report.rounds.first?.used == 1)
    }
}
