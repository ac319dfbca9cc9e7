internal import CLeptonica
import Foundation

/// A scanner's PDF read without rasterising it (issue 19, item 10): each page of such a PDF is one
/// JPEG image drawn over the whole page, so the JPEG bytes are taken from the file and decoded in
/// memory — nothing is written to disk, and no renderer runs. A small, strict reader of the PDF
/// object syntax (ISO 32000-1 §7.3): indirect objects found through the cross-reference table
/// (or, when that is damaged, by scanning for `N G obj`), the page tree with inherited resources,
/// and each page's content stream, which must do nothing but place that one image.
///
/// Anything else — vector pages (a printed ballot saved as PDF), several images on a page, a
/// rotated page, an image that is not a JPEG, object streams — answers nil for that page, and the
/// caller rasterises the file as before.
enum PDFImages {
    /// The JPEG of every page, in page order; nil when any page is not a single JPEG image.
    static func jpegPages(_ bytes: [UInt8]) -> [[UInt8]]? {
        var file = PDFFile(bytes)
        guard let root = file.trailerRoot(), let pages = file.pages(root) else { return nil }
        var jpegs: [[UInt8]] = []
        for page in pages {
            guard let jpeg = file.singleJPEG(page) else { return nil }
            jpegs.append(jpeg)
        }
        return jpegs.isEmpty ? nil : jpegs
    }
}

/// One PDF value (§7.3).
indirect enum PDFValue: Equatable {
    case number(Double)
    case name(String)
    case string
    case bool(Bool)
    case null
    case array([PDFValue])
    case dictionary([String: PDFValue])
    case reference(Int)
    /// A stream: its dictionary and where its data starts in the file.
    case stream([String: PDFValue], Int)
    /// An operator in a content stream (`q`, `cm`, `Do`…).
    case keyword(String)

    var dictionary: [String: PDFValue]? {
        switch self {
        case .dictionary(let d), .stream(let d, _): d
        default: nil
        }
    }
}

/// The objects of one file, parsed on demand.
struct PDFFile {
    let bytes: [UInt8]
    /// Object number → offset of its `N G obj`.
    var offsets: [Int: Int] = [:]
    var cache: [Int: PDFValue] = [:]
    /// Guards against reference cycles and absurd trees.
    var budget = 100_000

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offsets = Self.scanObjects(bytes)
    }

    /// Every `N G obj` at the start of a line, by object number (the last one wins, as an
    /// incremental update's would): independent of the cross-reference table, which scanners
    /// and repair tools sometimes get wrong.
    static func scanObjects(_ b: [UInt8]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        var i = 0
        let n = b.count
        while i < n {
            guard i == 0 || b[i - 1] == 0x0A || b[i - 1] == 0x0D, PDFLexer.isDigit(b[i]) else {
                i += 1
                continue
            }
            var lexer = PDFLexer(b, at: i)
            if case .number(let number)? = lexer.token(), case .number? = lexer.token(),
                case .keyword("obj")? = lexer.token(), number >= 0, number == number.rounded()
            {
                found[Int(number)] = i
            }
            i += 1
        }
        return found
    }

    mutating func object(_ number: Int) -> PDFValue? {
        if let cached = cache[number] { return cached }
        budget -= 1
        guard budget > 0, let offset = offsets[number] else { return nil }
        var lexer = PDFLexer(bytes, at: offset)
        _ = lexer.token()
        _ = lexer.token()
        _ = lexer.token()  // N G obj
        guard let value = lexer.value() else { return nil }
        cache[number] = value
        return value
    }

    mutating func resolve(_ value: PDFValue?) -> PDFValue? {
        guard case .reference(let number)? = value else { return value }
        return object(number)
    }

    /// The catalog, from the last `trailer` dictionary (or a cross-reference stream's `/Root`).
    mutating func trailerRoot() -> [String: PDFValue]? {
        guard let at = Self.lastIndex(of: Array("trailer".utf8), in: bytes) else { return nil }
        var lexer = PDFLexer(bytes, at: at + 7)
        guard case .dictionary(let trailer)? = lexer.value() else { return nil }
        return resolve(trailer["Root"])?.dictionary
    }

    /// The leaves of the page tree in order, each with the resources and rotation it inherits.
    mutating func pages(_ catalog: [String: PDFValue]) -> [[String: PDFValue]]? {
        var out: [[String: PDFValue]] = []
        func walk(_ node: [String: PDFValue], inherited: [String: PDFValue], depth: Int) -> Bool {
            guard depth < 32, budget > 0 else { return false }
            var inherits = inherited
            for key in ["Resources", "Rotate"] where node[key] != nil { inherits[key] = node[key] }
            if case .name("Page")? = node["Type"] {
                out.append(node.merging(inherits) { own, _ in own })
                return true
            }
            guard case .array(let kids)? = resolve(node["Kids"]) else { return false }
            for kid in kids {
                guard let child = resolve(kid)?.dictionary, walk(child, inherited: inherits, depth: depth + 1) else {
                    return false
                }
            }
            return true
        }
        guard let root = resolve(catalog["Pages"])?.dictionary, walk(root, inherited: [:], depth: 0) else { return nil }
        return out
    }

    /// The page's one image, when it is a JPEG and the page's content does nothing but draw it.
    mutating func singleJPEG(_ page: [String: PDFValue]) -> [UInt8]? {
        if case .number(let rotate)? = resolve(page["Rotate"]), Int(rotate) % 360 != 0 { return nil }
        guard let resources = resolve(page["Resources"])?.dictionary,
            let xobjects = resolve(resources["XObject"])?.dictionary, xobjects.count == 1,
            let (name, reference) = xobjects.first,
            case .stream(let image, let start)? = resolve(reference), case .name("Image")? = image["Subtype"],
            isJPEG(image), Self.withinPixelLimit(image), let data = streamData(image, start: start)
        else { return nil }
        guard let content = contentBytes(page), PDFContent.onlyDraws(name, content) else { return nil }
        return data
    }

    /// At most 48 million pixels (an A4 page at 600 dpi is 35 million): a larger image is left
    /// to the rasteriser, whose page limits refuse it with a reason.
    static func withinPixelLimit(_ image: [String: PDFValue]) -> Bool {
        guard case .number(let w)? = image["Width"], case .number(let h)? = image["Height"], w >= 1, h >= 1 else {
            return false
        }
        return w * h <= 48_000_000
    }

    private mutating func isJPEG(_ image: [String: PDFValue]) -> Bool {
        switch resolve(image["Filter"]) {
        case .name("DCTDecode")?: break
        case .array(let filters)? where filters == [.name("DCTDecode")]: break
        default: return false
        }
        switch resolve(image["ColorSpace"]) {
        case .name("DeviceGray")?, .name("DeviceRGB")?: return image["Decode"] == nil
        default: return false
        }
    }

    /// A stream's raw bytes, by its `/Length` (direct or indirect), which must end at `endstream`.
    mutating func streamData(_ dictionary: [String: PDFValue], start: Int) -> [UInt8]? {
        guard case .number(let length)? = resolve(dictionary["Length"]), length >= 0,
            start + Int(length) <= bytes.count
        else { return nil }
        let end = start + Int(length)
        var lexer = PDFLexer(bytes, at: end)
        guard case .keyword("endstream")? = lexer.token() else { return nil }
        return Array(bytes[start..<end])
    }

    /// The page's content, its streams concatenated; Flate-compressed ones inflated by zlib
    /// (through leptonica, the one library this module links that has it).
    mutating func contentBytes(_ page: [String: PDFValue]) -> [UInt8]? {
        let parts: [PDFValue]
        switch page["Contents"] {
        case .array(let items)?: parts = items
        case let single?: parts = [single]
        case nil: return []
        }
        var out: [UInt8] = []
        for part in parts {
            guard case .stream(let d, let start)? = resolve(part), let raw = streamData(d, start: start) else {
                return nil
            }
            switch resolve(d["Filter"]) {
            case nil: out += raw
            case .name("FlateDecode")?:
                guard let inflated = Self.inflate(raw) else { return nil }
                out += inflated
            default: return nil
            }
            out.append(0x0A)
        }
        return out
    }

    static func inflate(_ data: [UInt8]) -> [UInt8]? {
        guard !data.isEmpty, data.count < 1 << 20 else { return nil }
        var size = 0
        guard let out = data.withUnsafeBufferPointer({ zlibUncompress($0.baseAddress, $0.count, &size) }) else {
            return nil
        }
        defer { lept_free(out) }
        guard size < 1 << 20 else { return nil }
        return Array(UnsafeBufferPointer(start: out, count: size))
    }

    static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}

/// What a scanner's page content says: `q`, `w 0 0 h x y cm`, `/Im0 Do`, `Q` — and nothing else.
enum PDFContent {
    static func onlyDraws(_ name: String, _ content: [UInt8]) -> Bool {
        var lexer = PDFLexer(content, at: 0)
        var draws = 0
        var steps = 0
        while let token = lexer.token() {
            steps += 1
            guard steps < 10_000 else { return false }
            switch token {
            case .number: continue
            case .name(let n) where n == name: continue
            case .keyword("q"), .keyword("Q"), .keyword("cm"): continue
            case .keyword("Do"): draws += 1
            default: return false
            }
        }
        return draws == 1 && lexer.atEnd
    }
}

/// The PDF tokenizer (§7.2–7.3): whitespace, comments, numbers, names, strings (skipped), arrays,
/// dictionaries, `N G R` references and streams.
struct PDFLexer {
    let b: [UInt8]
    var i: Int
    /// Nesting depth of arrays and dictionaries, bounded.
    var depth = 0

    init(_ bytes: [UInt8], at offset: Int) {
        b = bytes
        i = offset
    }

    var atEnd: Bool { i >= b.count }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0 }
    static func isDelimiter(_ c: UInt8) -> Bool { "()<>[]{}/%".utf8.contains(c) }

    mutating func skipSpace() {
        while i < b.count {
            if Self.isSpace(b[i]) {
                i += 1
            } else if b[i] == UInt8(ascii: "%") {
                while i < b.count && b[i] != 0x0A && b[i] != 0x0D { i += 1 }
            } else {
                return
            }
        }
    }

    /// One token, with strings skipped and `[`/`]`/`<<`/`>>` as keywords.
    mutating func token() -> PDFValue? {
        skipSpace()
        guard i < b.count else { return nil }
        let c = b[i]
        if c == UInt8(ascii: "/") {
            i += 1
            let start = i
            while i < b.count && !Self.isSpace(b[i]) && !Self.isDelimiter(b[i]) { i += 1 }
            return .name(String(decoding: b[start..<i], as: UTF8.self))
        }
        if c == UInt8(ascii: "(") { return skipString() ? .string : nil }
        if c == UInt8(ascii: "<") {
            if i + 1 < b.count && b[i + 1] == UInt8(ascii: "<") {
                i += 2
                return .keyword("<<")
            }
            while i < b.count && b[i] != UInt8(ascii: ">") { i += 1 }
            i += 1
            return .string
        }
        if c == UInt8(ascii: ">") && i + 1 < b.count && b[i + 1] == UInt8(ascii: ">") {
            i += 2
            return .keyword(">>")
        }
        if c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}") {
            i += 1
            return .keyword(String(UnicodeScalar(c)))
        }
        let start = i
        while i < b.count && !Self.isSpace(b[i]) && !Self.isDelimiter(b[i]) { i += 1 }
        guard i > start else {
            i += 1
            return .keyword(String(UnicodeScalar(c)))
        }
        let word = String(decoding: b[start..<i], as: UTF8.self)
        if let number = Double(word) { return .number(number) }
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: return .keyword(word)
        }
    }

    private mutating func skipString() -> Bool {
        var level = 0
        while i < b.count {
            let c = b[i]
            i += 1
            if c == UInt8(ascii: "\\") {
                i += 1
            } else if c == UInt8(ascii: "(") {
                level += 1
            } else if c == UInt8(ascii: ")") {
                level -= 1
                if level == 0 { return true }
            }
        }
        return false
    }

    /// One value: a dictionary (and the stream that may follow it), an array, a reference or a
    /// simple value.
    mutating func value() -> PDFValue? {
        guard depth < 64, let first = token() else { return nil }
        switch first {
        case .keyword("<<"):
            depth += 1
            defer { depth -= 1 }
            var d: [String: PDFValue] = [:]
            while true {
                let save = i
                if case .keyword(">>")? = token() { break }
                i = save
                guard case .name(let key)? = token(), let v = value() else { return nil }
                d[key] = v
            }
            return streamAfter(d) ?? .dictionary(d)
        case .keyword("["):
            depth += 1
            defer { depth -= 1 }
            var items: [PDFValue] = []
            while true {
                let save = i
                if case .keyword("]")? = token() { break }
                i = save
                guard let v = value() else { return nil }
                items.append(v)
            }
            return .array(items)
        case .number(let n):
            let save = i
            if case .number(let g)? = token(), g >= 0, case .keyword("R")? = token(), n >= 0, n == n.rounded() {
                return .reference(Int(n))
            }
            i = save
            return .number(n)
        default:
            return first
        }
    }

    /// `stream` EOL data…: the stream's dictionary and where its data starts.
    private mutating func streamAfter(_ d: [String: PDFValue]) -> PDFValue? {
        let save = i
        guard case .keyword("stream")? = token() else {
            i = save
            return nil
        }
        if i < b.count && b[i] == 0x0D { i += 1 }
        if i < b.count && b[i] == 0x0A { i += 1 }
        return .stream(d, i)
    }
}

extension LeptonicaDecoder {
    /// An encoded image (a JPEG taken from a PDF) decoded in memory, as 8-bit grey.
    static func image(encoded bytes: [UInt8]) -> ScanImage? {
        _ = leptonicaQuiet
        let pix = bytes.withUnsafeBufferPointer { pixReadMem($0.baseAddress, $0.count) }
        return LeptPix(pix)?.greyBytes()
    }
}
