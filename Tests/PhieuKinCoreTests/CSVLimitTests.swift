import Testing

@testable import PhieuKinCore

@Suite("CSV parser: column, row and cell limits, refused fast with a clear reason")
struct CSVLimitTests {
    /// A hostile header (issue 19: a million columns ran over 240 s) is refused as the field after
    /// the limit ends, before the record is built: named columns and the blank-field fast path.
    @Test(arguments: ["c,", ","])
    func millionColumnHeaderIsRefusedAtOnce(field: String) throws {
        let header = Array((String(repeating: field, count: 1_000_000) + "x\r\nAB,1\r\n").utf8)
        let clock = ContinuousClock()
        var error: CSVError?
        let elapsed = clock.measure {
            error = #expect(throws: CSVError.self) { try CSVParser.parse(bytes: header) }
        }
        #expect(error?.kind == .tooManyFields)
        #expect(error?.line == 1)
        #expect(
            error?.description == "line 1: more than 1000 fields (columns) on one line, the most a file may have")
        #expect(elapsed < .seconds(1), "refused in \(elapsed)")
    }

    @Test(arguments: [(1_000, true), (1_001, false)])
    func theLimitIsInclusive(fields: Int, accepted: Bool) throws {
        let line = Array(((1...fields).map { "c\($0)" }.joined(separator: ",") + "\n").utf8)
        if accepted {
            #expect(try CSVParser.parse(bytes: line).first?.fields.count == fields)
        } else {
            #expect(throws: CSVError.self) { try CSVParser.parse(bytes: line) }
        }
    }

    @Test func tooManyRecordsNamesTheLineAndTheLimit() throws {
        var parser = CSVParser(maxRecords: 3)
        var count = 0
        let bytes = Array("a\nb\n\nc\nd\ne\n".utf8)
        let error = #expect(throws: CSVError.self) {
            try bytes.withUnsafeBytes { try parser.feed($0) { _ in count += 1 } }
        }
        #expect(count == 3, "blank lines do not count")
        #expect(error?.kind == .tooManyRecords)
        #expect(
            error?.description
                == "line 5: more than 3 records (rows), the most one file may have; split it into several files")
    }

    @Test func aCellOverTheDefaultLimitIsRefused() throws {
        let long = String(repeating: "ý", count: 70_000)  // 140,000 bytes: over 128 KiB
        let error = #expect(throws: CSVError.self) { try CSVParser.parse("serial,remark\nAB,\"\(long)\"\n") }
        #expect(error?.description == "line 2: field 2 is longer than 131072 bytes")
        let fits = String(repeating: "ý", count: 32_767)  // Excel's longest cell
        #expect(try CSVParser.parse("remark\n\(fits)\n").last?.fields == [fits])
    }

    @Test func theLimitsAreTheDocumentedOnes() {
        #expect(CSVParser.defaultMaxFields == 1_000)
        #expect(CSVParser.defaultMaxRecords == 1_048_576)
        #expect(CSVParser.defaultMaxFieldBytes == 131_072)
    }
}
