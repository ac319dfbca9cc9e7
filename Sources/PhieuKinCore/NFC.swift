import Foundation

extension String {
    /// This string in Unicode Normalization Form C.
    ///
    /// PhieuKin normalizes every piece of human text (names, labels, remarks, JSON strings) with
    /// this one property, so that "Nguyễn" typed on a Mac (often NFD) and on Windows (NFC) are the
    /// same bytes when hashed, signed, sorted or compared.
    ///
    /// Text that is already NFC (ASCII, or precomposed Vietnamese as typed on Windows) is
    /// returned as is, found by the standard library's own NFC without a Foundation round trip:
    /// an import normalizes every remark of a million ballots.
    public var nfc: String {
        var ascii = true
        for byte in utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii || utf8.elementsEqual(_nfcCodeUnits) { return self }
        return precomposedStringWithCanonicalMapping
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, cheap when neither end is a space.
    public func trimmingWhitespaceAndNewlines() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        let set = CharacterSet.whitespacesAndNewlines
        if !set.contains(first) && !set.contains(last) { return self }
        return trimmingCharacters(in: set)
    }

    /// NFC, trimmed, every run of white space (U+00A0 no-break, U+2007 figure and U+202F narrow
    /// no-break spaces, tabs and line breaks included) one plain space: the text of a name as a
    /// ballot prints it. A name copied from a Word document or web page carries no-break spaces
    /// and double spaces a person cannot see but a ballot shows and a comparison trips on.
    public var collapsingWhitespace: String {
        let text = nfc
        guard
            text.unicodeScalars.contains(where: { $0.properties.isWhitespace && $0 != " " })
                || text.contains("  ") || text.first == " " || text.last == " "
        else { return text }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }
}
