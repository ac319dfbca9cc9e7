import Testing

@testable import PhieuKinCore

@Suite("Serials (Crockford base32 + mod-37 check)")
struct SerialTests {
    /// Computed independently with Python big integers (docs/SERIALS.md).
    @Test(arguments: [
        ("000102030405060708090a0b0c0d0e0f", "0004-1061-050R-3GG2-8A1C-60T3-GF6"),
        ("ffffffffffffffffffffffffffffffff", "7ZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZ*"),
        ("00000000000000000000000000000000", "0000-0000-0000-0000-0000-0000-000"),
        ("0123456789abcdeffedcba9876543210", "014D-2PF2-DBSQ-QZXQ-5TK1-V58C-GGA"),
    ])
    func fixedVectors(hex: String, text: String) throws {
        let serial = try Serial(bytes: hexBytes(hex))
        #expect(serial.text == text)
        #expect(try Serial(parsing: text) == serial)
    }

    @Test func roundTripsRandomBytes() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let serial = try Serial(bytes: bytes)
            #expect(serial.text.count == 33)
            #expect(try Serial(parsing: serial.text).bytes == bytes)
        }
    }

    @Test func parsingIsForgiving() throws {
        let serial = try Serial(bytes: hexBytes("0123456789abcdeffedcba9876543210"))
        #expect(try Serial(parsing: "o14d 2pf2 dbsq qzxq 5tk1 v58c gga") == serial)
        #expect(try Serial(parsing: "014D2PF2DBSQQZXQ5TKlV58CGGA") == serial)
        #expect(try Serial(parsing: "014D-2PF2-DBSQ-QZXQ-5TKI-V58C-GGA") == serial)
        #expect(try Serial(parsing: "7zzz-zzzz-zzzz-zzzz-zzzz-zzzz-zz*").bytes == [UInt8](repeating: 0xFF, count: 16))
    }

    @Test func rejectsWrongSizes() {
        #expect(throws: SerialError.self) { try Serial(bytes: [UInt8](repeating: 0, count: 15)) }
        #expect(throws: SerialError.wrongLength) { try Serial(parsing: "0004-1061-050R-3GG2-8A1C-60T3-GF") }
        #expect(throws: SerialError.wrongLength) { try Serial(parsing: "0004-1061-050R-3GG2-8A1C-60T3-GF66") }
        #expect(throws: SerialError.invalidSymbol) { try Serial(parsing: "0004-1061-050R-3GG2-8A1C-60T3-GU6") }
    }

    static let symbols = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let checkSymbols = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U")

    static func randomSerials() -> [Serial] {
        var rng = SystemRandomNumberGenerator()
        return (0..<6).map { _ in try! Serial(bytes: (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }) }
    }

    @Test func everySingleSymbolTypoIsDetected() throws {
        for serial in Self.randomSerials() + [try Serial(bytes: [UInt8](repeating: 0, count: 16))] {
            let original = Array(serial.text.filter { $0 != "-" })
            for position in original.indices {
                let alphabet = position == 26 ? Self.checkSymbols : Self.symbols
                for symbol in alphabet where symbol != original[position] {
                    var typo = original
                    typo[position] = symbol
                    #expect(throws: SerialError.self) { try Serial(parsing: String(typo)) }
                }
            }
        }
    }

    @Test func adjacentTranspositionIsDetected() throws {
        for serial in Self.randomSerials() {
            let original = Array(serial.text.filter { $0 != "-" })
            for position in 0..<(original.count - 1) where original[position] != original[position + 1] {
                var swapped = original
                swapped.swapAt(position, position + 1)
                #expect(throws: SerialError.self) { try Serial(parsing: String(swapped)) }
            }
        }
    }

    @Test func errorSaysWhatToDo() {
        let error = #expect(throws: SerialError.self) { try Serial(parsing: "0004-1061-050R-3GG2-8A1C-60T3-GF7") }
        #expect(error?.description == "serial check symbol does not match: re-read it from the paper")
    }
}
