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
}
