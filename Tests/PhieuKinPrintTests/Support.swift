import Foundation
import PhieuKinPrint
import PhieuKinTestSupport

/// Shared fixtures and helpers: real PDFs inspected with poppler-utils and zbar.
enum Fixture {
    static let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
    static let middles = ["Thị", "Văn", "Đức", "Ngọc", "Minh", "Thanh", "Quốc", "Thu", "Hữu", "Thùy"]
    static let givens = ["Hồng Nhung", "Thắng", "Đạo", "Hương", "Dũng", "Phượng", "Tuấn", "Yến", "Khải", "Ánh"]
    static let positions = [
        "Trưởng phòng", "Phó Trưởng phòng phụ trách Tổ chức cán bộ", "Chuyên viên chính", "Chuyên viên",
        "Kế toán trưởng", "Văn thư, lưu trữ",
    ]

    /// The three names the brief asks to find verbatim (NFC) in the extracted text.
    static let namedOfficials = ["Nguyễn Thị Hồng Nhung", "Trần Đức Thắng", "Lê Văn Đạo"]

    /// `count` distinct Vietnamese officials; the first three are `namedOfficials`.
    static func officials(_ count: Int) -> [BallotDocument.Row] {
        (0..<count).map { i in
            let name: String
            if i < namedOfficials.count {
                name = namedOfficials[i]
            } else {
                name = "\(surnames[i % 10]) \(middles[(i / 10 + i) % 10]) \(givens[(i * 3 + 1) % 10]) \(i)"
            }
            return BallotDocument.Row(label: name, sublabel: positions[i % positions.count])
        }
    }

    static let criteria = [
        "Tư tưởng chính trị", "Đạo đức, lối sống", "Tác phong, lề lối làm việc", "Ý thức tổ chức kỷ luật",
        "Kết quả thực hiện nhiệm vụ", "Tinh thần đoàn kết", "Quan hệ với nhân dân",
    ].map { BallotDocument.Column(header: $0) }

    static func document(rows: Int, remark: Bool = true) -> BallotDocument {
        BallotDocument(
            agencyName: "UBND TỈNH BẮC NINH", unitName: "Sở Tài chính – Phòng Tổ chức cán bộ",
            surveyID: "quarterly-7", roundID: "2026-Q3.u-tccb", title: "PHIẾU ĐÁNH GIÁ CÁN BỘ", subtitle: "phiếu kín",
            periodText: "Quý 3/2026", dateText: "15/07/2026",
            instructions: "Đánh dấu X vào ô tương ứng nếu cán bộ còn hạn chế, khuyết điểm ở tiêu chí đó. "
                + "Để trống nếu không có ý kiến. Không ghi tên, không ký vào phiếu.",
            rows: officials(rows), columns: criteria, mode: .checkboxes, remarkLabel: "Ý kiến khác (nếu có):",
            language: .vi, layoutID: "3f9a0c1d2e4b5a67"
        )
        .with(remark: remark)
    }

    static func serials(_ count: Int, prefix: String = "7K2Q") -> [String] {
        (0..<count).map { "\(prefix)-\(String(format: "%04d", $0 * 37 % 10000))-X\($0)" }
    }

    static func temporaryPath(_ name: String) -> String {
        TemporaryFiles.root.appendingPathComponent(name).path
    }
}

extension BallotDocument {
    func with(remark: Bool) -> BallotDocument {
        var copy = self
        if !remark { copy.remarkLabel = nil }
        return copy
    }
}

/// Runs a real command-line tool (found on PATH) and returns its standard output.
@discardableResult
func run(_ tool: String, _ arguments: [String]) throws -> String {
    let result = try ExternalTool.run("/usr/bin/env", [tool] + arguments)
    guard result.status == 0 else { throw ToolFailure(tool: tool, status: result.status) }
    return result.stdout
}

struct ToolFailure: Error {
    let tool: String
    let status: Int32
}

enum PDF {
    static func text(_ path: String) throws -> String { try run("pdftotext", ["-layout", path, "-"]) }

    /// Text of each page, split on form feeds.
    static func pageTexts(_ path: String) throws -> [String] {
        var pages = try text(path).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    static func pageCount(_ path: String) throws -> Int {
        let info = try run("pdfinfo", [path])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? -1
    }

    /// Rasterizes pages `first...last` at 150 dpi and returns, per page, the QR payloads zbar
    /// finds, sorted.
    static func qrPayloads(_ path: String, first: Int, last: Int) throws -> [[String]] {
        let prefix = path + "-png"
        try run("pdftoppm", ["-r", "150", "-png", "-f", "\(first)", "-l", "\(last)", path, prefix])
        let dir = (prefix as NSString).deletingLastPathComponent
        let base = (prefix as NSString).lastPathComponent
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasPrefix(base + "-") && $0.hasSuffix(".png") }
            .sorted { pageNumber($0) < pageNumber($1) }
        defer { for file in files { try? FileManager.default.removeItem(atPath: dir + "/" + file) } }
        return try files.map { file in
            let out = try run("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", dir + "/" + file])
            return out.split(separator: "\n").map(String.init).sorted()
        }
    }

    private static func pageNumber(_ file: String) -> Int {
        Int(file.dropLast(4).split(separator: "-").last ?? "") ?? 0
    }
}

extension PDF {
    /// Page `page` rasterized in 8-bit gray at `dpi`; `level(xMM, yMM)` reads one pixel.
    struct GrayPage {
        let width: Int
        let height: Int
        let pixels: [UInt8]
        let dpi: Double

        func level(_ xMM: Double, _ yMM: Double) -> UInt8 {
            let x = Int(xMM / 25.4 * dpi)
            let y = Int(yMM / 25.4 * dpi)
            return pixels[y * width + x]
        }

        /// The darkest pixel on the horizontal segment `x0...x1` at `yMM` (thin lines land
        /// between pixel centres).
        func darkest(_ x0: Double, _ x1: Double, _ yMM: Double) -> UInt8 {
            stride(from: x0, through: x1, by: 25.4 / dpi / 2).map { level($0, yMM) }.min() ?? 255
        }
    }

    static func grayPage(_ path: String, page: Int, dpi: Int = 100) throws -> GrayPage {
        let prefix = path + "-gray"
        try run("pdftoppm", ["-gray", "-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile", path, prefix])
        let file = prefix + ".pgm"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        // Binary PGM: "P5" width height maxval, whitespace separated, then one byte per pixel.
        var fields: [Int] = []
        var index = 2
        while fields.count < 3 {
            while data[index] == 0x20 || data[index] == 0x0A || data[index] == 0x0D || data[index] == 0x09 {
                index += 1
            }
            var value = 0
            while data[index] >= 0x30 && data[index] <= 0x39 {
                value = value * 10 + Int(data[index] - 0x30)
                index += 1
            }
            fields.append(value)
        }
        index += 1
        return GrayPage(width: fields[0], height: fields[1], pixels: Array(data[index...]), dpi: Double(dpi))
    }
}

/// Byte-wise containment: Swift's `String.contains` matches canonically equivalent (NFD) text,
/// which would hide a normalization bug.
func containsUTF8(_ haystack: String, _ needle: String) -> Bool {
    let h = Array(haystack.utf8)
    let n = Array(needle.utf8)
    guard !n.isEmpty, h.count >= n.count else { return n.isEmpty }
    for start in 0...(h.count - n.count) where h[start] == n[0] && Array(h[start..<(start + n.count)]) == n {
        return true
    }
    return false
}
