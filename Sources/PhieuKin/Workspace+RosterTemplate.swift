import Foundation
public import PhieuKinCore
public import PhieuKinMessages
import PhieuKinSheets

/// What `writeRosterTemplate` wrote.
public struct RosterTemplateResult: Sendable, Codable, Equatable {
    public var path: String
    /// `xlsx` or `csv`.
    public var format: String
    /// The header row as written (Vietnamese names, or the ids for `--lang en`).
    public var columns: [String]
    /// The header's row; the title row above it is skipped on import.
    public var headerLine: Int
}

/// The roster template's wording (docs/ROSTER.md), Vietnamese and English.
private enum RosterTemplateText {
    static func title(_ l: Language) -> String {
        l == .vi
            ? "DANH SÁCH CÁN BỘ (dòng tiêu đề, bỏ qua khi nhập; dòng 2 là tên cột, không sửa; mỗi cán bộ một dòng, từ dòng 3)"
            : "ROSTER OF OFFICIALS (title row, skipped on import; row 2 names the columns, do not change it; one official per row, from row 3)"
    }
    static func sheet(_ l: Language) -> String { l == .vi ? "Danh sách cán bộ" : "Roster" }
    static func legendSheet(_ l: Language) -> String { l == .vi ? "Hướng dẫn" : "Instructions" }
    static func legendIntro(_ l: Language) -> String {
        l == .vi
            ? "Nhập mỗi cán bộ vào một dòng của trang \"Danh sách cán bộ\", từ dòng 3; cán bộ cùng đơn vị ghi cùng mã và tên đơn vị. Có thể thêm dòng tiêu đề phía trên dòng tên cột. Lưu dạng .xlsx hoặc CSV UTF-8, rồi nhập vào PhieuKin."
            : "Enter each official on one row of the \"Roster\" sheet, from row 3; officials of one unit share its id and name. Title rows may be added above the header row. Save as .xlsx or CSV UTF-8, then import it into PhieuKin."
    }
    static func legendHeader(_ l: Language) -> [String] {
        l == .vi
            ? ["Cột", "Mã cột (tiếng Anh)", "Nội dung", "Ví dụ"] : ["Column", "Vietnamese name", "Meaning", "Example"]
    }
    static func meaning(_ column: String, _ l: Language) -> String {
        switch (column, l) {
        case ("unit_id", .vi):
            "Mã đơn vị: chữ cái không dấu, chữ số, _ hoặc -, không có dấu cách; giống nhau cho mọi cán bộ của đơn vị"
        case ("unit_id", _): "Unit id: letters A-Z, digits, _ or -, no spaces; the same for every official of the unit"
        case ("unit_name", .vi): "Tên đơn vị như in trên phiếu; mỗi mã đơn vị một tên"
        case ("unit_name", _): "The unit's name as the ballot prints it; one name per unit id"
        case ("official_id", .vi):
            "Mã cán bộ: không trùng nhau, giữ nguyên qua các kỳ (kết quả các kỳ được so theo mã này); chữ cái không dấu, chữ số, _ hoặc -"
        case ("official_id", _):
            "Official id: unique, kept from round to round (results are compared by it); letters A-Z, digits, _ or -"
        case ("full_name", .vi): "Họ và tên như in trên phiếu"
        case ("full_name", _): "Full name as the ballot prints it"
        case ("position", .vi): "Chức vụ như in trên phiếu"
        case ("position", _): "Position as the ballot prints it"
        case (_, .vi): "Thứ tự in trên phiếu trong đơn vị (số nguyên từ 1); để trống thì theo thứ tự các dòng"
        default: "Order on the unit's ballot (a whole number from 1); empty: the order of the rows"
        }
    }
    static func example(_ column: String) -> String {
        [
            "unit_id": "P-TUPHAP", "unit_name": "Phòng Tư pháp", "official_id": "TP01", "full_name": "Nguyễn Văn An",
            "position": "Trưởng phòng", "order": "1",
        ][column] ?? ""
    }
}

extension RoundService {
    /// Writes the roster template (docs/ROSTER.md): `.xlsx` (the id columns formatted as text, a
    /// note on each header cell and an instructions sheet) or `.csv` (UTF-8 with a BOM, as Excel
    /// opens it), by the extension of `path`. Row 1 is a title, which an import skips; row 2 the
    /// header, in Vietnamese (or the English ids for `language` `.en`); officials go from row 3.
    /// Refuses an existing file unless `force` (never a folder or a workspace file).
    public func writeRosterTemplate(
        to path: String, language l: Language = .vi, force: Bool = false
    ) throws -> RosterTemplateResult {
        let file = try TemplateFile(path, what: "the roster template")
        let ids = RosterParser.requiredColumns + RosterParser.optionalColumns
        let vietnamese = ids.map { RosterParser.vietnameseNames[$0]![0] }
        let header = l == .vi ? vietnamese : ids
        let title = RosterTemplateText.title(l)
        try file.write(
            force: force, workspace: self,
            sheets: {
                var sheet = SheetSpec(
                    name: RosterTemplateText.sheet(l), rows: [[.text(title)], header.map(SheetCell.text)])
                // The title is not bold: a bold row wraps its text, and the title is wider than column A.
                sheet.boldRows = [1]
                sheet.frozenRows = 2
                // Ids typed in Excel stay text: "007" is not turned into 7.
                sheet.textColumns = ids.count - 1
                sheet.columnWidths = [14, 34, 14, 28, 28, 9]
                sheet.comments = ids.enumerated().map {
                    SheetComment(row: 1, column: $0, text: RosterTemplateText.meaning($1, l))
                }
                var legend = SheetSpec(
                    name: RosterTemplateText.legendSheet(l),
                    rows: [
                        [.text(RosterTemplateText.legendIntro(l))], [],
                        RosterTemplateText.legendHeader(l).map(SheetCell.text),
                    ])
                legend.boldRows = [2]
                legend.columnWidths = [16, 18, 70, 18]
                for (i, id) in ids.enumerated() {
                    legend.rows.append(
                        [
                            header[i], l == .vi ? id : vietnamese[i], RosterTemplateText.meaning(id, l),
                            RosterTemplateText.example(id),
                        ].map(SheetCell.text))
                }
                return [sheet, legend]
            }, csvRows: { [[title], header] })
        return RosterTemplateResult(path: path, format: file.format, columns: header, headerLine: 2)
    }
}
