import Foundation

extension String {
    /// This string in Unicode Normalization Form C.
    ///
    /// PhieuKin normalizes every piece of human text (names, labels, remarks, JSON strings) with
    /// this one property, so that "Nguyễn" typed on a Mac (often NFD) and on Windows (NFC) are the
    /// same bytes when hashed, signed, sorted or compared.
    public var nfc: String { precomposedStringWithCanonicalMapping }
}
