import Testing

@testable import PhieuKinSheets

@Suite("XML scanner: known answers and every malformation with its reason")
struct XMLScannerTests {
    private func events(_ text: String) throws -> [XMLEvent] {
        try XMLScanner.events(Array(text.utf8))
    }

    @Test func entitiesAndCharacterReferences() throws {
        #expect(
            try events("<a>&amp;&lt;&gt;&quot;&apos;&#65;&#x1EA0;&#x41;&#x1F600;</a>").coalesced == [
                .start(name: "a", attributes: []), .text("&<>\"'AẠA😀"), .end(name: "a"),
            ])
    }

    @Test func cdataCommentsInstructionsAndDeclaration() throws {
        let text =
            "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- before -->"
            + "<a><![CDATA[<b>&amp;]]><?pi data?><!----><b/></a>\n<!-- after -->\n"
        #expect(
            try events(text) == [
                .start(name: "a", attributes: []), .text("<b>&amp;"), .start(name: "b", attributes: []),
                .end(name: "b"), .end(name: "a"),
            ])
    }

    @Test func attributesPrefixesAndNormalisedWhiteSpace() throws {
        let result = try events("<x:row r=\"1\" t='a&lt;b&#10;c\td' xmlns:x=\"urn:x\"/>")
        #expect(
            result == [
                .start(
                    name: "x:row",
                    attributes: [
                        XMLAttribute(name: "r", value: "1"), XMLAttribute(name: "t", value: "a<b\nc d"),
                        XMLAttribute(name: "xmlns:x", value: "urn:x"),
                    ]),
                .end(name: "x:row"),
            ])
        #expect("x:row".xmlLocalName == "row")
        #expect("row".xmlLocalName == "row")
    }

    @Test func textKeepsWhiteSpaceAndUnicode() throws {
        #expect(
            try events("<t xml:space=\"preserve\"> Ý kiến, có dấu </t>") == [
                .start(name: "t", attributes: [XMLAttribute(name: "xml:space", value: "preserve")]),
                .text(" Ý kiến, có dấu "), .end(name: "t"),
            ])
    }

    @Test(arguments: [
        ("<a>", "the part ends inside an element: it was cut short"),
        ("<a></b>", "an end tag that does not match the open element"),
        ("</a>", "an end tag with no element to close"),
        ("<a></a  x>", "an end tag not closed with >"),
        ("<a>&foo;</a>", "an unknown entity (XML defines only &amp; &lt; &gt; &quot; &apos;)"),
        ("<a>fish & chips</a>", "an & that starts no reference (write &amp; for an ampersand)"),
        ("<a>&amp</a>", "an & that starts no reference (write &amp; for an ampersand)"),
        ("<a>&#xD800;</a>", "a character reference to a character XML does not allow"),
        ("<a>&#0;</a>", "a character reference to a character XML does not allow"),
        ("<a>&#99999999999;</a>", "a character reference to a character XML does not allow"),
        ("<a>&#x;</a>", "a character reference without digits"),
        ("<a>&#12a;</a>", "a character reference with a character that is not a digit"),
        ("<a b=1/>", "an attribute value not in quotes"),
        ("<a b/>", "an attribute without ="),
        ("<a b='1' b='2'/>", "an attribute given twice in one tag"),
        ("<a b='1'c='2'/>", "attributes not separated by a space"),
        ("<a b='<'/>", "a < inside an attribute value"),
        ("<a b='1/>", "an attribute value never closed"),
        ("<a / >", "a / in a tag that is not followed by >"),
        ("<a", "a tag that is never closed with >"),
        ("<1a/>", "a tag or attribute without a valid name"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", "a DOCTYPE, which a workbook part never has"),
        ("<a><!ELEMENT a ANY></a>", "a <! that starts no comment or CDATA section"),
        ("<a/><b/>", "a second root element"),
        ("<a/>text", "text after the root element"),
        ("text<a/>", "text before the root element"),
        ("", "the part has no root element"),
        ("<!-- only a comment -->", "the part has no root element"),
        ("<a>\u{1}</a>", "a control character, which XML does not allow"),
        ("<a><!-- x -- y --></a>", "-- inside a comment"),
        ("<a><!-- x </a>", "a comment never closed"),
        ("<a><![CDATA[x</a>", "a CDATA section never closed"),
        ("<![CDATA[x]]><a/>", "a CDATA section outside the root element"),
        ("<a><?pi x</a>", "a processing instruction never closed with ?>"),
        ("<a/><?xml version='1.0'?>", "an XML declaration that is not at the start of the part"),
        ("<a>]]></a>", "]]> in text outside a CDATA section"),
    ])
    func malformed(text: String, reason: String) {
        let error = #expect(throws: XMLScanError.self) { try events(text) }
        #expect(error?.reason.description == reason, "\(text)")
    }

    @Test(arguments: [
        [0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E], [0x3C, 0x61, 0xC3, 0x3E, 0x3C, 0x2F, 0x61, 0xC3, 0x3E],
    ])
    func bytesThatAreNotUTF8(bytes: [UInt8]) {
        #expect(throws: XMLScanError(line: 1, reason: "text that is not UTF-8")) { try XMLScanner.events(bytes) }
    }

    @Test func errorNamesItsLine() {
        #expect(throws: XMLScanError(line: 3, reason: "an end tag that does not match the open element")) {
            try events("<a>\n\n</b>")
        }
    }

    /// Nesting is bounded, not recursive: a deep part is refused with a reason, never a stack overflow.
    @Test func nestingIsLimited() throws {
        let deep = String(repeating: "<a>", count: 100_000)
        let error = #expect(throws: XMLScanError.self) { try events(deep) }
        #expect(error?.description == "line 1: elements nested deeper than 256")
        let allowed = String(repeating: "<a>", count: 256) + String(repeating: "</a>", count: 256)
        #expect(try events(allowed).count == 512)
    }
}

extension [XMLEvent] {
    /// Adjacent text pieces joined: where the scanner splits text is not part of its contract.
    var coalesced: [XMLEvent] {
        var out: [XMLEvent] = []
        for event in self {
            if case .text(let more) = event, case .text(let text)? = out.last {
                out[out.count - 1] = .text(text + more)
            } else {
                out.append(event)
            }
        }
        return out
    }
}
