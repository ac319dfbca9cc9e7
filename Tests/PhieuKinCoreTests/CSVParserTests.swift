import Testing

@testable import PhieuKinCore

@Suite("CSV parser (RFC 4180, streaming)")
struct CSVParserTests {
    static let sample = Array(
        "\u{FEFF}a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\r\n\"multi\nline\",2,3\n\nlast,\"\",end".utf8)
    static let expected = [
        CSVRecord(line: 1, fields: ["a", "b", "c"]),
        CSVRecord(line: 2, fields: ["x, y", "he said \"hi\"", ""]),
        CSVRecord(line: 3, fields: ["multi\nline", "2", "3"]),
        CSVRecord(line: 6, fields: ["last", "", "end"]),
    ]

    @Test func parsesQuotesNewlinesBOMAndBlankLines() throws {
        #expect(try CSVParser.parse(bytes: Self.sample) == Self.expected)
    }

    /// Any chunking (including splitting the BOM, CRLF, `""` and multi-byte characters) gives
    /// the same records.
    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func chunkingDoesNotMatter(chunkSize: Int) throws {
        var parser = CSVParser()
        var records: [CSVRecord] = []
        var start = 0
        while start < Self.sample.count {
            let chunk = Array(Self.sample[start..<min(start + chunkSize, Self.sample.count)])
            try chunk.withUnsafeBytes { try parser.feed($0) { records.append($0) } }
            start += chunkSize
        }
        try parser.finish { records.append($0) }
        #expect(records == Self.expected)
    }

    @Test func crlfInsideQuotesIsKeptAndCounted() throws {
        let records = try CSVParser.parse("\"a\r\nb\",c\r\nd,e\r\n")
        #expect(records == [CSVRecord(line: 1, fields: ["a\r\nb", "c"]), CSVRecord(line: 3, fields: ["d", "e"])])
    }

    @Test func vietnameseTextSplitMidCharacter() throws {
        let bytes = Array("Nguyễn,Thị\n".utf8)
        var parser = CSVParser()
        var records: [CSVRecord] = []
        for byte in bytes {
            try [byte].withUnsafeBytes { try parser.feed($0) { records.append($0) } }
        }
        try parser.finish { records.append($0) }
        #expect(records == [CSVRecord(line: 1, fields: ["Nguyễn", "Thị"])])
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try CSVParser.parse("") == [])
        #expect(try CSVParser.parse(bytes: [0xEF, 0xBB, 0xBF]) == [])
        // A truncated BOM is just invalid UTF-8 text.
        #expect(throws: CSVError.self) { try CSVParser.parse(bytes: [0xEF, 0xBB]) }
    }

    static let errorCases: [(input: [UInt8], line: Int, reason: String)] = [
        (
            Array("a,b\nc,\"d\ne\n".utf8), 2,
            "a quoted field starting here is never closed; add the missing \" (write \"\" for a quote inside)"
        ),
        (
            Array("a,b\nc,d\"e\n".utf8), 2,
            "field 2 contains a \" but does not start with one; quote the whole field and double the inner \""
        ),
        (
            Array("a\n\"b\"x,c\n".utf8), 2,
            "field 1 has text after its closing \"; write \"\" for a quote inside a quoted field"
        ),
        (
            [0x61, 0x0A, 0x62, 0x0A, 0x63, 0x2C, 0xC3, 0x28, 0x0A], 3,
            "field 2 is not UTF-8 text: the file was saved in another encoding (Windows-1258 or Windows-1252, Excel's \"CSV (Comma delimited)\"). In Excel choose File > Save As and the file type \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file"
        ),
        (
            [0x61, 0x0A, 0x22, 0x0A, 0xFF, 0x22, 0x0A], 2,
            "field 1 is not UTF-8 text: the file was saved in another encoding (Windows-1258 or Windows-1252, Excel's \"CSV (Comma delimited)\"). In Excel choose File > Save As and the file type \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file"
        ),
        (
            [0x61, 0x2C, 0xE1, 0xBA], 1,
            "field 2 is not UTF-8 text: the file was saved in another encoding (Windows-1258 or Windows-1252, Excel's \"CSV (Comma delimited)\"). In Excel choose File > Save As and the file type \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file"
        ),
    ]

    @Test(arguments: errorCases)
    func errorsNameTheLine(input: [UInt8], line: Int, reason: String) {
        let error = #expect(throws: CSVError.self) { try CSVParser.parse(bytes: input) }
        #expect(error?.line == line)
        #expect(error?.reason == reason)
    }

    @Test func staysFailedAfterAnError() throws {
        var parser = CSVParser()
        #expect(throws: CSVError.self) { try Array("a\"b\n".utf8).withUnsafeBytes { try parser.feed($0) { _ in } } }
        #expect(throws: CSVError.self) { try Array("ok\n".utf8).withUnsafeBytes { try parser.feed($0) { _ in } } }
        #expect(throws: CSVError.self) { try parser.finish { _ in } }
    }

    @Test func fieldLengthIsBounded() {
        var parser = CSVParser(maxFieldBytes: 8)
        let error = #expect(throws: CSVError.self) {
            try Array("ok\n\"0123456789".utf8).withUnsafeBytes { try parser.feed($0) { _ in } }
        }
        #expect(error?.line == 2)
    }

    @Test func manyRowsStream() throws {
        var text = ""
        for i in 0..<5000 { text += "\(i),Phiếu \(i),\"x\"\"\(i)\"\n" }
        var count = 0
        var parser = CSVParser()
        try Array(text.utf8).withUnsafeBytes { buffer in
            try parser.feed(buffer) { record in
                #expect(record.line == count + 1)
                #expect(record.fields == ["\(count)", "Phiếu \(count)", "x\"\(count)"])
                count += 1
            }
        }
        try parser.finish { _ in count += 1 }
        #expect(count == 5000)
    }
}
