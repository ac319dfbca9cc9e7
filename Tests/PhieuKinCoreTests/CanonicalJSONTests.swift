import Foundation
import Testing

@testable import PhieuKinCore

/// Vectors shared with docs/FORMAT.md ("Canonical JSON"); expected outputs computed by
/// scripts/jcs-vectors.mjs with the ECMAScript engine, independently of this code.
struct CanonicalJSONVectors: Decodable {
    struct Document: Decodable, CustomTestStringConvertible {
        var name: String
        var input: String
        var canonical: String
        var canonical_hex: String
        var rfc8785_hex: String?
        var testDescription: String { name }
    }
    struct Number: Decodable, CustomTestStringConvertible {
        var bits: String
        var expected: String
        var testDescription: String { "\(bits) → \(expected)" }
    }
    struct Invalid: Decodable, CustomTestStringConvertible {
        var name: String
        var input_hex: String
        var testDescription: String { name }
    }
    var documents: [Document]
    var numbers: [Number]
    var invalid: [Invalid]

    static let shared: CanonicalJSONVectors = {
        try! Fixtures.decode(CanonicalJSONVectors.self, from: "canonical-json.json")
    }()
}

@Suite("Canonical JSON (RFC 8785 + NFC)")
struct CanonicalJSONTests {
    @Test(arguments: CanonicalJSONVectors.shared.documents)
    func documentVector(_ vector: CanonicalJSONVectors.Document) throws {
        let value = try JSONValue.parse(Array(vector.input.utf8))
        let canonical = try value.canonicalBytes
        #expect(hexString(canonical) == vector.canonical_hex)
        #expect(canonical == Array(vector.canonical.utf8))
        #expect(hexString(try value.rfc8785Bytes) == (vector.rfc8785_hex ?? vector.canonical_hex))
        // Canonical output is a fixed point.
        #expect(try JSONValue.parse(canonical).canonicalBytes == canonical)
    }

    @Test(arguments: CanonicalJSONVectors.shared.numbers)
    func numberVector(_ vector: CanonicalJSONVectors.Number) throws {
        let value = Double(bitPattern: UInt64(vector.bits, radix: 16)!)
        #expect(try JSONValue.number(value).canonicalBytes == Array(vector.expected.utf8))
    }

    @Test(arguments: CanonicalJSONVectors.shared.invalid)
    func rejectsInvalid(_ vector: CanonicalJSONVectors.Invalid) {
        #expect(throws: JSONError.self) { try JSONValue.parse(hexBytes(vector.input_hex)) }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersCannotBeCanonicalized(_ value: Double) {
        #expect(throws: JSONError.self) { try JSONValue.array([.number(value)]).canonicalBytes }
    }

    @Test func nfdInputGivesNFCBytes() throws {
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} Ho\u{0300}a"
        let value = JSONValue.object(["ho_ten": .string(nfd)])
        let expected = Array("{\"ho_ten\":\"Nguyễn Thị Hòa\"}".precomposedStringWithCanonicalMapping.utf8)
        #expect(try value.canonicalBytes == expected)
        #expect(nfd.nfc.unicodeScalars.count == 14)
        #expect(Array(nfd.nfc.utf8) == Array("Nguy\u{1EC5}n Th\u{1ECB} H\u{00F2}a".utf8))
    }

    @Test func duplicateKeyErrorGivesOffsetButNotContents() throws {
        let error = try #require(throws: JSONError.self) {
            try JSONValue.parse(Array(#"{"secret":1,"secret":2}"#.utf8))
        }
        #expect(error.offset == 12)
        #expect(!error.description.contains("secret"))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: JSONError.self) { try JSONValue.parse(deep) }
    }

    struct Sample: Encodable {
        var name: String
        var score: Double
        var tags: [String]
        var nested: [String: Int]
    }

    @Test func encodesEncodableCanonically() throws {
        let sample = Sample(
            name: "Tra\u{0302}\u{0300}n/Văn", score: 1e21, tags: ["b", "a"], nested: ["z": 1, "a": 2])
        let bytes = try CanonicalJSON.encode(sample)
        let expected = #"{"name":"Trần/Văn","nested":{"a":2,"z":1},"score":1e+21,"tags":["b","a"]}"#
        #expect(bytes == Array(expected.nfc.utf8))
    }
}
