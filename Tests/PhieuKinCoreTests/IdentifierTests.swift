import Foundation
import Testing

@testable import PhieuKinCore

@Suite("Identifiers")
struct IdentifierTests {
    struct Holder: Codable, Equatable {
        var round: RoundID
        var unit: UnitID?
        var officials: [OfficialID]
        var shares: [CriterionID: Int]
    }

    @Test func encodesAsTheBareString() throws {
        #expect(
            String(decoding: try JSONEncoder().encode(RoundID("2026-Q3-VP-quarterly-7")), as: UTF8.self)
                == #""2026-Q3-VP-quarterly-7""#)
        #expect(try JSONDecoder().decode(SurveyID.self, from: Data(#""quarterly-7""#.utf8)) == "quarterly-7")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(UnitID.self, from: Data("7".utf8)) }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(UnitID.self, from: Data(#"{"rawValue":"VP"}"#.utf8))
        }
    }

    @Test func fieldsArraysAndDictionaryKeysAreStrings() throws {
        let holder = Holder(round: "r", unit: nil, officials: ["VP01", "VP02"], shares: ["thai-do": 2])
        let text = String(decoding: try CanonicalJSON.encode(holder), as: UTF8.self)
        // A dictionary keyed by ids is a JSON object (not an array of pairs); a nil id is left out.
        #expect(text == #"{"officials":["VP01","VP02"],"round":"r","shares":{"thai-do":2}}"#)
        #expect(try JSONDecoder().decode(Holder.self, from: Data(text.utf8)) == holder)
    }

    @Test func literalAndInitializersAgree() {
        let literal: OfficialID = "VP01"
        #expect(literal == OfficialID("VP01"))
        #expect(literal == OfficialID(rawValue: "VP01"))
        #expect(literal.rawValue == "VP01")
        #expect(literal != "VP02")
    }

    @Test func ordersAsItsTextDoes() {
        let texts = ["b", "a-2", "B", "a", "a10", "a9", "Đ", "D"]
        #expect(texts.map { RoundID($0) }.sorted().map(\.rawValue) == texts.sorted())
        #expect(UnitID("a") < UnitID("b"))
        #expect(!(UnitID("b") < UnitID("b")))
    }

    @Test func describesAsItsText() {
        let id: CriterionID = "thai-do"
        #expect(id.description == "thai-do")
        #expect("\(id)" == "thai-do")
        #expect("round \(RoundID("R1")) of \(SurveyID("quarterly-7"))" == "round R1 of quarterly-7")
    }

    @Test func hashesAsItsText() {
        let set: Set<UnitID> = ["VP", "TC", "VP"]
        #expect(set.count == 2)
        #expect(set.contains("TC"))
    }
}
