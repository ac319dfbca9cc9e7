import Foundation
public import PhieuKinCore
public import PhieuKinMessages
import PhieuKinSheets

/// What `writeKeyingTemplate` wrote.
public struct KeyingTemplateResult: Sendable, Codable, Equatable {
    public var path: String
    /// `xlsx` or `csv`.
    public var format: String
    /// The header row as written: the column names an import expects.
    public var columns: [String]
}

/// The keying template's wording (docs/EXCEL.md), Vietnamese and English.
private enum TemplateText {
    static func serial(_ l: Language) -> String { l == .vi ? "Số sê-ri in trên phiếu" : "Serial printed on the ballot" }
    static func serialCodes(_ l: Language) -> String {
        l == .vi ? "chép đúng như in, kể cả dấu gạch" : "copy it as printed, dashes included"
    }
    static func remark(_ l: Language) -> String { l == .vi ? "Ý kiến khác (ghi nguyên văn)" : "Remark (as written)" }
    static func remarkCodes(_ l: Language) -> String { l == .vi ? "chữ tự do" : "free text" }
    static func blank(_ l: Language) -> String {
        l == .vi ? "Phiếu trắng (không đánh dấu ô nào)" : "Blank ballot (no box marked)"
    }
    static func blankCodes(_ l: Language) -> String {
        l == .vi ? "x = phiếu trắng; dòng trống không phải là phiếu" : "x = blank ballot; an empty row is not a ballot"
    }
    static func gridCodes(_ codes: [String], _ l: Language) -> String {
        let list = codes.joined(separator: l == .vi ? " hoặc " : " or ")
        return l == .vi ? "\(list) = có đánh dấu; để trống = không" : "\(list) = marked; blank = not marked"
    }
    static func notePrefix(_ l: Language) -> String {
        l == .vi ? "# (dòng ghi chú, bỏ qua khi nhập) " : "# (note row, skipped on import) "
    }
    static func sheet(_ l: Language) -> String { l == .vi ? "Nhập phiếu" : "Keying" }
    static func legendSheet(_ l: Language) -> String { l == .vi ? "Mã trả lời" : "Answer codes" }
    static func legendHeader(_ l: Language) -> [String] {
        l == .vi ? ["Cột", "Nội dung", "Mã được phép"] : ["Column", "Meaning", "Allowed codes"]
    }
    static func legendIntro(_ l: Language) -> String {
        l == .vi
            ? "Nhập mỗi phiếu vào một dòng của trang \"Nhập phiếu\", từ dòng 4. Dòng 1 là mã cột (không sửa); dòng 2 và 3 bắt đầu bằng # là ghi chú, bỏ qua khi nhập. Lưu dạng .xlsx hoặc CSV UTF-8."
            : "Key each ballot on one row of the \"Keying\" sheet, from row 4. Row 1 holds the column ids (do not change them); rows 2 and 3 start with # and are notes, skipped on import. Save as .xlsx or CSV UTF-8."
    }
    static func validationTitle(_ l: Language) -> String { l == .vi ? "Mã trả lời" : "Answer code" }
    static func validationMessage(_ codes: [String], _ l: Language) -> String {
        let list = codes.joined(separator: ", ")
        return l == .vi
            ? "Chỉ nhập một trong các mã: \(list); để trống nếu không đánh dấu."
            : "Only one of: \(list); blank when not marked."
    }
}

extension IntakeService {
    /// Writes the keying template of a round (docs/EXCEL.md): `.xlsx` (with the allowed codes as
    /// drop-down lists and a legend sheet) or `.csv` (UTF-8 with a BOM, as Excel opens it), by the
    /// extension of `path`. Row 1 is the header an import expects (the serial for a numbered
    /// round, the question ids in ballot order, the remark when the survey has one); rows 2 and 3
    /// start with `#`: the labels and the allowed codes, which an import skips.
    /// Refuses an existing file unless `force` (never a folder or a workspace file).
    public func writeKeyingTemplate(
        roundID: RoundID, to path: String, language l: Language = .vi, force: Bool = false
    ) throws -> KeyingTemplateResult {
        let file = try TemplateFile(path, what: "the keying template")
        let round = try store.round(id: roundID)
        let survey = try survey(ofRound: round)
        let officials = try store.roundOfficials(roundID: round.id)
        let session = BallotImportSession(
            survey: survey, roundID: round.id, numbered: round.numbered, officialIDs: officials.map(\.officialID),
            issued: Set<SerialHash>(), used: Set<SerialHash>())
        let questions = session.expectedColumns(officials: officials.map(\.officialID))
        let names = QuestionLabels(survey: survey, officials: officials)
        let codes = survey.choices.map(\.code)
        let choiceCodes = survey.choices.map { "\($0.code) = \($0.label.text(l))" }.joined(separator: "; ")
        func label(_ column: String) -> String { names.label(column, l) }
        let allowed = survey.shape == .grid ? TemplateText.gridCodes(codes, l) : choiceCodes
        var header: [String] = []
        var labels: [String] = []
        var allowedRow: [String] = []
        if round.numbered {
            header.append("serial")
            labels.append(TemplateText.serial(l))
            allowedRow.append(TemplateText.serialCodes(l))
        }
        for column in questions {
            header.append(column)
            labels.append(label(column))
            allowedRow.append(allowed)
        }
        // Unnumbered rounds: no serial stands for a sheet, so a blank ballot is keyed explicitly.
        if !round.numbered {
            header.append("blank")
            labels.append(TemplateText.blank(l))
            allowedRow.append(TemplateText.blankCodes(l))
        }
        if survey.remark.allowed {
            header.append("remark")
            labels.append(TemplateText.remark(l))
            allowedRow.append(TemplateText.remarkCodes(l))
        }
        try Self.refuseUnimportableWidth(header.count)
        // Rows 2 and 3 are notes: their first cell starts with `#`, so an import skips them.
        var labelRow = labels
        labelRow[0] = TemplateText.notePrefix(l) + labels[0]
        var codesRow = allowedRow
        codesRow[0] = "# " + allowedRow[0]

        try file.write(
            force: force, workspace: self,
            sheets: {
                var sheet = SheetSpec(
                    name: TemplateText.sheet(l), rows: [header, labelRow, codesRow].map { $0.map(SheetCell.text) })
                sheet.boldRows = [0, 1, 2]
                sheet.frozenRows = 3
                sheet.textColumns = header.count
                sheet.columnWidths = header.map { $0 == "remark" ? 40 : 16 }
                let lastRow = 3 + max(round.ballotsPlanned, round.electorate ?? 0, 2000)
                for (i, column) in header.enumerated() where column != "serial" && column != "remark" {
                    sheet.validations.append(
                        SheetValidation(
                            column: i, firstRow: 3, lastRow: lastRow, values: column == "blank" ? ["x"] : codes,
                            title: TemplateText.validationTitle(l), message: TemplateText.validationMessage(codes, l)))
                }
                sheet.comments = labels.enumerated().map { SheetComment(row: 0, column: $0, text: $1) }
                var legend = SheetSpec(
                    name: TemplateText.legendSheet(l),
                    rows: [[.text(TemplateText.legendIntro(l))], [], TemplateText.legendHeader(l).map(SheetCell.text)])
                legend.boldRows = [2]
                legend.columnWidths = [18, 48, 48]
                for choice in survey.choices {
                    legend.rows.append([.text(choice.code), .text(choice.label.text(l)), .empty])
                }
                legend.rows.append([])
                for (i, column) in header.enumerated() {
                    legend.rows.append([.text(column), .text(labels[i]), .text(allowedRow[i])])
                }
                return [sheet, legend]
            }, csvRows: { [header, labelRow, codesRow] })
        return KeyingTemplateResult(path: path, format: file.format, columns: header)
    }

    /// A template the import would refuse (more columns than `CSVParser.defaultMaxFields`,
    /// docs/EXCEL.md) is not written: the teller would key every ballot in vain.
    static func refuseUnimportableWidth(_ columns: Int) throws {
        guard columns > CSVParser.defaultMaxFields else { return }
        throw PhieuKinError.invalidInput(
            "this round's ballot needs \(columns) columns, more than the \(CSVParser.defaultMaxFields) a keyed file "
                + "may have; key its ballots as JSON Lines instead (docs/EXCEL.md); nothing was written.")
    }

    /// A CSV field quoted per RFC 4180 when it needs it.
    static func csvField(_ value: String) -> String {
        value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}

/// The one writer of the templates people fill in (the keying template, the roster template):
/// `.xlsx` or `.csv` by the extension of the path, through an `OutputFile` (nothing is left
/// behind when writing fails).
struct TemplateFile {
    let path: String
    let isXLSX: Bool
    /// What the file is, for messages ("the keying template").
    let what: Message

    /// Refuses a path that ends in neither `.xlsx` nor `.csv`.
    init(_ path: String, what: Message) throws {
        let lower = path.lowercased()
        guard lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv") else {
            throw PhieuKinError.invalidInput(
                "\(what) is written as .xlsx or .csv: give a file name ending in .xlsx or .csv; nothing was written.")
        }
        self.path = path
        self.isXLSX = lower.hasSuffix(".xlsx")
        self.what = what
    }

    var format: String { isXLSX ? "xlsx" : "csv" }

    /// Writes the workbook `sheets` builds, or `csvRows` as UTF-8 CSV with a BOM (as Excel opens
    /// it), CRLF line ends.
    func write(
        force: Bool, workspace: any WorkspaceService, sheets: () -> [SheetSpec], csvRows: () -> [[String]]
    ) throws {
        let output = try OutputFile.begin(path, force: force, workspace: workspace, what: what)
        do {
            if isXLSX {
                try XLSXWriter.write(sheets(), to: output.temporaryPath)
            } else {
                let lines = csvRows().map { $0.map(IntakeService.csvField).joined(separator: ",") }
                try output.write([0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8))
            }
            try output.commit()
        } catch let error as SheetError {
            output.discard()
            throw PhieuKinError(.fileAccess, "cannot write \(path): \(error); nothing was written.")
        } catch {
            output.discard()
            throw error
        }
    }
}
