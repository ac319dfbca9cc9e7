import PhieuKinMessages

/// Why an XML part is not well-formed: the line and a fixed reason. Never quotes the part (a
/// worksheet holds ballots).
struct XMLScanError: Error, Equatable, CustomStringConvertible {
    let line: Int
    let reason: Message
    var description: String { "line \(line): \(reason)" }
}

/// An attribute of a start tag, its value with references replaced.
struct XMLAttribute: Equatable {
    let name: String
    let value: String
}

/// What the scanner reads: a start tag (an empty-element tag `<a/>` is a start and an end), an
/// end tag, or character data (text and CDATA, references replaced; one text may come in pieces).
enum XMLEvent: Equatable {
    case start(name: String, attributes: [XMLAttribute])
    case end(name: String)
    case text(String)
}

extension String {
    /// The name without its namespace prefix ("x:row" → "row"): prefixes are plain names here,
    /// and generators choose them freely.
    var xmlLocalName: Substring {
        guard let colon = utf8.lastIndex(of: UInt8(ascii: ":")) else { return Substring(self) }
        return self[utf8.index(after: colon)...]
    }
}

/// A strict, pull-style XML 1.0 tokenizer over bytes (UTF-8), for the parts of a workbook.
///
/// Replaces Foundation's XMLParser, which crashed (SIGILL, with a memory dump holding file content)
/// on some damaged worksheets. Every malformation throws `XMLScanError`; nothing here traps: no
/// force unwrap, no recursion (an explicit element stack, depth-limited), bounded arithmetic.
/// A DOCTYPE is refused (no workbook part has one, and entity definitions are an expansion bomb).
struct XMLScanner {
    /// Deeper nesting is a damaged or hostile part: a worksheet nests about six elements.
    static let maxDepth = 256

    private let bytes: [UInt8]
    private var position = 0
    private var open: [String] = []
    private var pendingEnd: String?
    private var sawRoot = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The next event; nil at the end of a well-formed document.
    mutating func next() throws(XMLScanError) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                let text = try scanText()
                if !open.isEmpty { return .text(text) }
                guard text.utf8.allSatisfy(Self.isSpace) else {
                    throw failure(start, sawRoot ? "text after the root element" : "text before the root element")
                }
                continue
            }
            if let event = try scanMarkup() { return event }
        }
        if !open.isEmpty { throw failure(position, "the part ends inside an element: it was cut short") }
        if !sawRoot { throw failure(position, "the part has no root element") }
        return nil
    }

    /// Every event to the end (for small parts and tests).
    static func events(_ bytes: [UInt8]) throws(XMLScanError) -> [XMLEvent] {
        var scanner = XMLScanner(bytes)
        var events: [XMLEvent] = []
        while let event = try scanner.next() { events.append(event) }
        return events
    }

    // MARK: Markup

    /// At `<`: a tag, comment, CDATA section or processing instruction; nil for the ones that
    /// are no event (comments, processing instructions).
    private mutating func scanMarkup() throws(XMLScanError) -> XMLEvent? {
        let start = position
        switch byte(at: position + 1) {
        case UInt8(ascii: "/"):
            return try scanEndTag()
        case UInt8(ascii: "?"):
            try scanProcessingInstruction()
            return nil
        case UInt8(ascii: "!"):
            if matches("<!--", at: start) {
                try scanComment()
                return nil
            }
            if matches("<![CDATA[", at: start) {
                guard !open.isEmpty else { throw failure(start, "a CDATA section outside the root element") }
                return .text(try scanCDATA())
            }
            if matches("<!DOCTYPE", at: start) {
                throw failure(start, "a DOCTYPE, which a workbook part never has")
            }
            throw failure(start, "a <! that starts no comment or CDATA section")
        default:
            return try scanStartTag()
        }
    }

    private mutating func scanStartTag() throws(XMLScanError) -> XMLEvent {
        let start = position
        position += 1
        let name = try scanName()
        if open.isEmpty && sawRoot { throw failure(start, "a second root element") }
        guard open.count < Self.maxDepth else {
            throw failure(start, "elements nested deeper than \(Self.maxDepth)")
        }
        var attributes: [XMLAttribute] = []
        while true {
            let hadSpace = skipSpace()
            switch byte(at: position) {
            case UInt8(ascii: ">"):
                position += 1
                open.append(name)
            case UInt8(ascii: "/"):
                guard byte(at: position + 1) == UInt8(ascii: ">") else {
                    throw failure(position, "a / in a tag that is not followed by >")
                }
                position += 2
                pendingEnd = name
            case nil:
                throw failure(start, "a tag that is never closed with >")
            default:
                guard hadSpace else { throw failure(position, "attributes not separated by a space") }
                let attribute = try scanAttribute()
                if attributes.contains(where: { $0.name == attribute.name }) {
                    throw failure(position, "an attribute given twice in one tag")
                }
                attributes.append(attribute)
                continue
            }
            sawRoot = true
            return .start(name: name, attributes: attributes)
        }
    }

    private mutating func scanEndTag() throws(XMLScanError) -> XMLEvent {
        let start = position
        position += 2
        let name = try scanName()
        skipSpace()
        guard byte(at: position) == UInt8(ascii: ">") else { throw failure(start, "an end tag not closed with >") }
        position += 1
        guard let expected = open.last else { throw failure(start, "an end tag with no element to close") }
        guard expected == name else { throw failure(start, "an end tag that does not match the open element") }
        open.removeLast()
        return .end(name: name)
    }

    private mutating func scanAttribute() throws(XMLScanError) -> XMLAttribute {
        let name = try scanName()
        skipSpace()
        guard byte(at: position) == UInt8(ascii: "=") else { throw failure(position, "an attribute without =") }
        position += 1
        skipSpace()
        guard let quote = byte(at: position), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw failure(position, "an attribute value not in quotes")
        }
        position += 1
        var value: [UInt8] = []
        while true {
            guard let b = byte(at: position) else { throw failure(position, "an attribute value never closed") }
            switch b {
            case quote:
                position += 1
                return XMLAttribute(name: name, value: try string(value, at: position))
            case UInt8(ascii: "<"):
                throw failure(position, "a < inside an attribute value")
            case UInt8(ascii: "&"):
                try scanReference(into: &value)
            case 0x09, 0x0A, 0x0D:
                // Attribute-value normalisation (XML 1.0 §3.3.3): white space becomes a space.
                value.append(0x20)
                position += 1
            default:
                try checkCharacter(b)
                value.append(b)
                position += 1
            }
        }
    }

    /// `<?target …?>`: skipped; `<?xml …?>` only at the very start.
    private mutating func scanProcessingInstruction() throws(XMLScanError) {
        let start = position
        position += 2
        let target = try scanName()
        if target.lowercased() == "xml" && start != (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0) {
            throw failure(start, "an XML declaration that is not at the start of the part")
        }
        guard let end = find("?>", from: position) else {
            throw failure(start, "a processing instruction never closed with ?>")
        }
        position = end + 2
    }

    private mutating func scanComment() throws(XMLScanError) {
        let start = position
        guard let dashes = find("--", from: position + 4) else { throw failure(start, "a comment never closed") }
        guard byte(at: dashes + 2) == UInt8(ascii: ">") else { throw failure(dashes, "-- inside a comment") }
        position = dashes + 3
    }

    private mutating func scanCDATA() throws(XMLScanError) -> String {
        let start = position
        let from = position + 9
        guard let end = find("]]>", from: from) else { throw failure(start, "a CDATA section never closed") }
        for i in from..<end { try checkCharacter(bytes[i], at: i) }
        position = end + 3
        return try string(Array(bytes[from..<end]), at: start)
    }

    // MARK: Names, text and references

    /// An XML name (a prefix and a colon are part of it). Bytes from 0x80 are taken as letters
    /// once the whole name is checked as UTF-8.
    private mutating func scanName() throws(XMLScanError) -> String {
        let start = position
        guard let first = byte(at: position), Self.isNameStart(first) else {
            throw failure(position, "a tag or attribute without a valid name")
        }
        position += 1
        while let b = byte(at: position), Self.isNameStart(b) || Self.isNameRest(b) { position += 1 }
        return try string(Array(bytes[start..<position]), at: start)
    }

    /// Character data up to the next `<`, references replaced.
    private mutating func scanText() throws(XMLScanError) -> String {
        let start = position
        var text: [UInt8] = []
        while position < bytes.count {
            // A run of plain bytes, copied at once.
            var end = position
            while end < bytes.count, Self.isPlainText(bytes[end]) { end += 1 }
            text.append(contentsOf: bytes[position..<end])
            position = end
            guard let b = byte(at: position), b != UInt8(ascii: "<") else { break }
            if b == UInt8(ascii: "&") {
                try scanReference(into: &text)
                continue
            }
            if b == UInt8(ascii: ">") && position - 2 >= start && bytes[position - 1] == UInt8(ascii: "]")
                && bytes[position - 2] == UInt8(ascii: "]")
            {
                throw failure(position, "]]> in text outside a CDATA section")
            }
            try checkCharacter(b)
            text.append(b)
            position += 1
        }
        return try string(text, at: start)
    }

    /// The five entities XML defines.
    private static let entities: [(name: [UInt8], byte: UInt8)] = [
        (Array("amp".utf8), UInt8(ascii: "&")), (Array("lt".utf8), UInt8(ascii: "<")),
        (Array("gt".utf8), UInt8(ascii: ">")), (Array("quot".utf8), UInt8(ascii: "\"")),
        (Array("apos".utf8), UInt8(ascii: "'")),
    ]

    /// `&name;`, `&#N;` or `&#xN;` at `position`, appended as UTF-8.
    private mutating func scanReference(into out: inout [UInt8]) throws(XMLScanError) {
        let start = position
        // The longest well-formed reference is `&#x0010FFFF;`-like: stop looking well before the part ends.
        var end = position + 1
        while end < bytes.count && end - position <= 12 && bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
            throw failure(start, "an & that starts no reference (write &amp; for an ampersand)")
        }
        let body = bytes[(position + 1)..<end]
        position = end + 1
        if body.first == UInt8(ascii: "#") {
            let scalar = try characterReference(body.dropFirst(), at: start)
            UTF8.encode(scalar) { out.append($0) }
            return
        }
        guard let entity = Self.entities.first(where: { $0.name.elementsEqual(body) }) else {
            throw failure(start, "an unknown entity (XML defines only &amp; &lt; &gt; &quot; &apos;)")
        }
        out.append(entity.byte)
    }

    /// The digits of `&#N;` or `&#xN;`, checked to name a character XML allows.
    private func characterReference(_ digits: ArraySlice<UInt8>, at start: Int) throws(XMLScanError) -> Unicode.Scalar {
        var digits = digits
        var radix: UInt32 = 10
        if digits.first == UInt8(ascii: "x") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { throw failure(start, "a character reference without digits") }
        var value: UInt32 = 0
        for d in digits {
            let digit: UInt32
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(d - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(d - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(d - UInt8(ascii: "A")) + 10
            default: throw failure(start, "a character reference with a character that is not a digit")
            }
            // Below 0x110000 before each step, so the step cannot overflow.
            value = value * radix + digit
            guard value <= 0x10FFFF else {
                throw failure(start, "a character reference to a character XML does not allow")
            }
        }
        guard Self.isXMLCharacter(value), let scalar = Unicode.Scalar(value) else {
            throw failure(start, "a character reference to a character XML does not allow")
        }
        return scalar
    }

    // MARK: Helpers

    private func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func matches(_ literal: String, at index: Int) -> Bool {
        let utf8 = Array(literal.utf8)
        guard index <= bytes.count - utf8.count else { return false }
        return bytes[index..<(index + utf8.count)].elementsEqual(utf8)
    }

    private func find(_ literal: String, from index: Int) -> Int? {
        let utf8 = Array(literal.utf8)
        var i = index
        while i <= bytes.count - utf8.count {
            if bytes[i] == utf8[0] && bytes[i..<(i + utf8.count)].elementsEqual(utf8) { return i }
            i += 1
        }
        return nil
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = position
        while let b = byte(at: position), Self.isSpace(b) { position += 1 }
        return position > start
    }

    private func checkCharacter(_ b: UInt8, at index: Int? = nil) throws(XMLScanError) {
        if b < 0x20 && !Self.isSpace(b) {
            throw failure(index ?? position, "a control character, which XML does not allow")
        }
    }

    private func string(_ utf8: [UInt8], at index: Int) throws(XMLScanError) -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw failure(index, "text that is not UTF-8")
        }
        return text
    }

    /// The error at byte `index`, with its 1-based line (counted only when there is an error).
    private func failure(_ index: Int, _ reason: Message) -> XMLScanError {
        let end = min(max(index, 0), bytes.count)
        var line = 1
        for b in bytes[0..<end] where b == 0x0A { line += 1 }
        return XMLScanError(line: line, reason: reason)
    }

    /// A byte text takes as is: not markup, a reference, a `>` (of a `]]>`) or a control character.
    private static func isPlainText(_ b: UInt8) -> Bool {
        b >= 0x20 ? b != UInt8(ascii: "<") && b != UInt8(ascii: "&") && b != UInt8(ascii: ">") : isSpace(b)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func isNameStart(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"),
            UInt8(ascii: ":"), 0x80...0xFF:
            true
        default: false
        }
    }

    private static func isNameRest(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// XML 1.0's `Char`: tab, line feed, carriage return and every scalar from U+0020 except
    /// surrogates, U+FFFE and U+FFFF.
    private static func isXMLCharacter(_ v: UInt32) -> Bool {
        v == 0x09 || v == 0x0A || v == 0x0D || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || (0x10000...0x10FFFF).contains(v)
    }
}
