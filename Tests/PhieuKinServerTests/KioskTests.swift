import Foundation
import Hummingbird
import HummingbirdTesting
import PhieuKin
import PhieuKinCore
import PhieuKinTestSupport
import Testing

@testable import PhieuKinServer

/// The kiosk's API: enrol once, fetch the ballot, cast ratings that a resend cannot double.
@Suite("Server: kiosk")
struct KioskTests {
    @Test func aKioskEnrolsOnceAndItsResendsCountOnce() async throws {
        let f = try ServerFixture.unnumbered()
        let enrolment = try f.workspace.electronic.issueKioskEnrolment(roundID: f.round, desk: "Quầy 2")
        try await makeApp(f.workspace).test(.router) { client in
            let enrolled = try await client.execute(
                uri: "/api/kiosk/enrol", method: .post, headers: jsonHeaders, body: json(["token": enrolment])
            ) { response in
                #expect(response.status == .ok)
                return response.object
            }
            #expect(enrolled["desk"] as? String == "Quầy 2")
            #expect(enrolled["round"] as? String == f.round.rawValue)
            #expect(enrolled["min_interval_seconds"] is Int)
            let kiosk = try #require(enrolled["kiosk"] as? String)
            try await client.execute(
                uri: "/api/kiosk/enrol", method: .post, headers: jsonHeaders, body: json(["token": enrolment])
            ) { response in
                #expect(response.status == .conflict)
                #expect(response.object["error"] as? String == "enrolment-used")
            }
            let definition = try await client.execute(
                uri: "/api/kiosk/ballot", method: .post, headers: jsonHeaders, body: json(["kiosk": kiosk])
            ) { response in
                #expect(response.status == .ok)
                return response.object
            }
            #expect(definition["desk"] as? String == "Quầy 2")
            #expect(definition["shape"] as? String == "questions")
            let question = try #require((definition["questions"] as? [[String: Any]])?.first?["id"] as? String)
            let choice = try #require((definition["choices"] as? [[String: Any]])?.first?["code"] as? String)
            let box = try PhieuKinServerTests.seal(
                try ballotBytes(round: f.round.rawValue, survey: "one-stop-desk", answers: [question: choice]),
                definition: definition)
            let id = String(repeating: "ab", count: 16)
            let body = json(["kiosk": kiosk, "id": id, "sealed": Data(box).base64EncodedString()])
            try await client.execute(uri: "/api/kiosk/ballots", method: .post, headers: jsonHeaders, body: body) {
                response in
                #expect(response.status == .created)
                #expect(response.object["receipt"] as? String == receipt(of: box))
            }
            try await client.execute(uri: "/api/kiosk/ballots", method: .post, headers: jsonHeaders, body: body) {
                response in
                #expect(response.status == .ok)
                #expect(response.object["duplicate"] as? Bool == true)
                #expect(response.object["receipt"] as? String == receipt(of: box))
            }
            try await client.execute(
                uri: "/api/kiosk/ballot", method: .post, headers: jsonHeaders, body: json(["kiosk": "not-a-kiosk"])
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.object["error"] as? String == "unknown-kiosk")
            }
        }
        let counts = try f.workspace.electronic.kioskCounts(roundID: f.round)
        #expect(counts.map(\.total) == [1])
    }

    /// Over the round's daily cap, a kiosk is refused with 429 and a sentence staff understand.
    @Test func aKioskOverItsDailyCapIsRefused() async throws {
        let f = try ServerFixture.unnumbered(kioskDailyCap: 1)
        let enrolment = try f.workspace.electronic.issueKioskEnrolment(roundID: f.round, desk: "Quầy 1")
        try await makeApp(f.workspace).test(.router) { client in
            let kiosk = try await client.execute(
                uri: "/api/kiosk/enrol", method: .post, headers: jsonHeaders, body: json(["token": enrolment])
            ) { $0.object["kiosk"] as? String ?? "" }
            let definition = try await client.execute(
                uri: "/api/kiosk/ballot", method: .post, headers: jsonHeaders, body: json(["kiosk": kiosk])
            ) { $0.object }
            var statuses: [Int] = []
            var last: [String: Any] = [:]
            for i in 0..<2 {
                let box = try PhieuKinServerTests.seal(
                    try ballotBytes(round: f.round.rawValue, survey: "one-stop-desk", answers: [:]),
                    definition: definition)
                let id = String(repeating: "0\(i)", count: 16)
                let body = json(["kiosk": kiosk, "id": id, "sealed": Data(box).base64EncodedString()])
                try await client.execute(uri: "/api/kiosk/ballots", method: .post, headers: jsonHeaders, body: body) {
                    statuses.append(Int($0.status.code))
                    last = $0.object
                }
            }
            #expect(statuses == [201, 429])
            #expect(last["error"] as? String == "kiosk-daily-cap")
            #expect(last["message"] as? String == "Máy này đã nhận đủ số lượt đánh giá cho hôm nay.")
        }
        #expect(try f.workspace.electronic.kioskCounts(roundID: f.round).map(\.total) == [1])
    }
}
