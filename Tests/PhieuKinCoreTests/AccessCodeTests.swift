import PhieuKinCore
import Testing

@Suite("Access codes")
struct AccessCodeTests {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    @Test("printed as four groups of four symbols, digits and capitals only")
    func printedForm() {
        for _ in 0..<200 {
            let code = AccessCode.random()
            #expect(code.text.count == 19)
            let groups = code.text.split(separator: "-")
            #expect(groups.count == 4 && groups.allSatisfy { $0.count == 4 })
            #expect(code.canonical.allSatisfy { Self.alphabet.contains($0) })
            #expect(AccessCode(parsing: code.text) == code)
        }
    }

    @Test("known answer: the check symbols are V mod 1021 of the first fourteen, computed independently")
    func knownAnswer() throws {
        // 14 symbols "0123456789ABCD" are the base-32 integer V; Python: V % 1021 = 175 → "5F".
        var v = 0
        for c in "0123456789ABCD" { v = (v * 32 + Self.alphabet.firstIndex(of: c)!) % 1021 }
        #expect(v == 175)
        let code = try #require(AccessCode(parsing: "0123-4567-89AB-CD5F"))
        #expect(code.canonical == "0123456789ABCD5F")
        #expect(AccessCode(parsing: "0123-4567-89AB-CD5G") == nil)
    }

    @Test("read as typed: case, spaces, dashes, O for 0, I and L for 1")
    func tolerant() throws {
        let code = try #require(AccessCode(parsing: "0123-4567-89AB-CD5F"))
        for typed in [
            "0123456789abcd5f", "o123 4567 89ab cd5f", "O1234567-89ABCD5F", "0I23-4567-89AB-CD5F", "0l23456789ABCD5F",
        ] {
            #expect(AccessCode(parsing: typed) == code, "\(typed)")
        }
        for bad in ["", "0123-4567-89AB-CDB", "0123-4567-89AB-CD5F0", "0123-4567-89AB-CDBU", "0123-4567-89AB-CD*0"] {
            #expect(AccessCode(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("every single wrong symbol and every swap of adjacent symbols is caught")
    func checkCatchesTypos() {
        for _ in 0..<40 {
            let symbols = Array(AccessCode.random().canonical)
            for i in 0..<16 {
                for replacement in Self.alphabet where replacement != symbols[i] {
                    var typo = symbols
                    typo[i] = replacement
                    #expect(AccessCode(parsing: String(typo)) == nil)
                }
            }
            for i in 0..<13 where symbols[i] != symbols[i + 1] {
                var swapped = symbols
                swapped.swapAt(i, i + 1)
                #expect(AccessCode(parsing: String(swapped)) == nil)
            }
        }
    }

    @Test("the stored hash is salted with the round")
    func hashPerRound() throws {
        let code = try #require(AccessCode(parsing: "0123-4567-89AB-CD5F"))
        #expect(code.hash(roundID: "R1") != code.hash(roundID: "R2"))
        #expect(code.hash(roundID: "R1") == code.hash(roundID: "R1"))
        #expect(!code.description.contains("0123"))
    }
}
