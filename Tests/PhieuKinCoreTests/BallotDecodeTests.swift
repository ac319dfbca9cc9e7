import Testing

@testable import PhieuKinCore

/// The strict single-pass decoder must accept exactly what the general path accepts.
@Suite("BallotCodec strict decoder")
struct BallotDecodeTests {
    static let ballots: [Ballot] = [
        Ballot(surveyID: "quarterly-7", roundID: "2026-Q3-VP-quarterly-7", answers: [:]),
        Ballot(
            surveyID: "quarterly-7", roundID: "2026-Q3-VP-quarterly-7",
            answers: ["VP05.trach-nhiem": "x", "VP01.dao-duc": "x", "VP10.sach-nhieu": "x"],
            remark: "Đề nghị \"đúng giờ\"\n\tvà \\ công khai\u{1}."),
        Ballot(surveyID: "confidence-vote", roundID: "2026-TP-confidence-vote", answers: ["TP01": "3", "TP02": "1"]),
        Ballot(surveyID: "s", roundID: "r", answers: ["é": "1", "e": "2", "z": "3"], remark: "Nguyễn Thị Hồng Nhung"),
    ]

    @Test(arguments: ballots)
    func roundTripsLikeTheGeneralPath(ballot: Ballot) throws {
        let bytes = BallotCodec.encode(ballot)
        let fast = try BallotCodec.decode(bytes)
        let general = try BallotCodec.decodeViaJSONValue(bytes)
        #expect(fast == general)
        #expect(BallotCodec.encode(fast) == bytes)
    }

    /// Each is valid JSON for the same ballot (or almost), but not the canonical bytes.
    @Test(arguments: [
        #"{"answers":{"b":"x","a":"x"},"round":"r","survey":"s","v":1}"#,  // keys out of order
        #"{"answers":{"a":"x","a":"x"},"round":"r","survey":"s","v":1}"#,  // repeated key
        #"{"answers":{},"round":"r","survey":"s","v":1} "#,  // trailing space
        #"{ "answers":{},"round":"r","survey":"s","v":1}"#,  // whitespace
        #"{"answers":{},"round":"r","survey":"s","v":2}"#,  // other version
        #"{"answers":{},"round":"r","survey":"s","v":1.0}"#,  // number form
        #"{"answers":{},"remark":"","round":"r","survey":"s","v":1}"#,  // empty remark written
        #"{"answers":{},"remark":"\u0041","round":"r","survey":"s","v":1}"#,  // needless \u
        #"{"answers":{},"remark":"\u000a","round":"r","survey":"s","v":1}"#,  // \u where \n is canonical
        #"{"answers":{},"remark":"\u001F","round":"r","survey":"s","v":1}"#,  // uppercase hex
        #"{"answers":{},"remark":"a\/b","round":"r","survey":"s","v":1}"#,  // escaped slash
        "{\"answers\":{},\"remark\":\"Nguye\u{0302}\u{0303}n\",\"round\":\"r\",\"survey\":\"s\",\"v\":1}",  // NFD
        #"{"answers":{},"survey":"s","round":"r","v":1}"#,  // member order
        #"{"answers":{},"round":"r","survey":"s","v":1,"x":1}"#,  // extra member
        #"{"answers":{"a":1},"round":"r","survey":"s","v":1}"#,  // non-string answer
        #"{"answers":{},"round":"r","survey":"s""#,  // truncated
    ])
    func rejectsNonCanonicalBytes(text: String) {
        let bytes = Array(text.utf8)
        #expect(throws: JSONError.self) { try BallotCodec.decode(bytes) }
        #expect(throws: (any Error).self) { try BallotCodec.decodeViaJSONValue(bytes) }
    }

    @Test func rejectsInvalidUTF8() {
        var bytes = Array(#"{"answers":{},"remark":"ab","round":"r","survey":"s","v":1}"#.utf8)
        bytes[25] = 0xFF
        #expect(throws: JSONError.self) { try BallotCodec.decode(bytes) }
    }
}
