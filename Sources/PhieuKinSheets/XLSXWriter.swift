internal import CXLSXWriter

/// A libxlsxwriter workbook being written (`lxw_workbook`). Its worksheets and formats belong to
/// it; `close()` writes the file and frees everything, and a workbook never closed (an error
/// midway) is freed by `deinit` without writing.
final class XLSXWorkbook {
    private var pointer: UnsafeMutablePointer<lxw_workbook>?
    let bold: UnsafeMutablePointer<lxw_format>
    let percent: UnsafeMutablePointer<lxw_format>
    let boldPercent: UnsafeMutablePointer<lxw_format>
    let text: UnsafeMutablePointer<lxw_format>
    let wrap: UnsafeMutablePointer<lxw_format>

    init(path: String) throws {
        guard let workbook = path.withCString({ workbook_new($0) }) else {
            throw SheetError(.write, "libxlsxwriter could not start a workbook (out of memory?)")
        }
        pointer = workbook
        func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
            let format = workbook_add_format(workbook)!
            configure(format)
            return format
        }
        bold = format { format_set_bold($0) }
        percent = format { format_set_num_format($0, "0.0%") }
        boldPercent = format {
            format_set_bold($0)
            format_set_num_format($0, "0.0%")
        }
        text = format { format_set_num_format($0, "@") }
        wrap = format {
            format_set_bold($0)
            format_set_text_wrap($0)
        }
    }

    deinit {
        if let pointer { lxw_workbook_free(pointer) }
    }

    func addSheet(_ name: String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let pointer, let sheet = name.withCString({ workbook_add_worksheet(pointer, $0) }) else {
            throw SheetError(.write, "libxlsxwriter refused the sheet name \"\(name)\"")
        }
        return sheet
    }

    /// Writes the file. The workbook cannot be used afterwards.
    func close() throws {
        guard let pointer else { return }
        self.pointer = nil
        let status = workbook_close(pointer)
        guard status == LXW_NO_ERROR else {
            throw SheetError(.write, "the workbook could not be written: \(String(cString: lxw_strerror(status)))")
        }
    }
}

/// Writes workbooks: one worksheet per `SheetSpec`, numbers stored as numbers (a spreadsheet sums
/// them), shares as numbers with a percent format, text as shared strings.
package enum XLSXWriter {
    /// Excel's limits on one sheet.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    package static func write(_ sheets: [SheetSpec], to path: String) throws {
        let workbook = try XLSXWorkbook(path: path)
        var used: Set<String> = []
        for spec in sheets {
            var name = sheetName(spec.name)
            var n = 2
            while used.contains(name.lowercased()) {
                name = String(sheetName(spec.name).prefix(27)) + " (\(n))"
                n += 1
            }
            used.insert(name.lowercased())
            try write(spec, name: name, into: workbook)
        }
        try workbook.close()
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }).trimmingQuotes()
        let cut = String(cleaned.prefix(31))
        return cut.isEmpty ? "Sheet" : cut
    }

    private static func check(_ status: lxw_error, _ what: String) throws {
        guard status == LXW_NO_ERROR else {
            throw SheetError(.write, "\(what): \(String(cString: lxw_strerror(status)))")
        }
    }

    private static func write(_ spec: SheetSpec, name: String, into workbook: XLSXWorkbook) throws {
        guard spec.rows.count <= maxRows, spec.rows.allSatisfy({ $0.count <= maxColumns }) else {
            throw SheetError(
                .write, "sheet \(name) is larger than Excel allows (\(maxRows) rows, \(maxColumns) columns)")
        }
        let sheet = try workbook.addSheet(name)
        let width = spec.rows.map(\.count).max() ?? 0
        for column in 0..<max(width, spec.columnWidths.count) {
            let columnWidth = column < spec.columnWidths.count ? spec.columnWidths[column] : LXW_DEF_COL_WIDTH
            let format = column < spec.textColumns ? workbook.text : nil
            try check(
                worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), columnWidth, format), "column width")
        }
        for (r, row) in spec.rows.enumerated() {
            let bold = spec.boldRows.contains(r)
            for (c, cell) in row.enumerated() {
                let (row, column) = (lxw_row_t(r), lxw_col_t(c))
                switch cell {
                case .empty:
                    continue
                case .text(let value):
                    // A long text (a remark) is cut at Excel's cell limit rather than refused.
                    let limited = value.utf16.count > 32_767 ? String(value.prefix(32_000)) : value
                    let format = bold ? workbook.wrap : (c < spec.textColumns ? workbook.text : nil)
                    try check(
                        limited.withCString { worksheet_write_string(sheet, row, column, $0, format) }, "text cell")
                case .number(let value):
                    try check(worksheet_write_number(sheet, row, column, value, bold ? workbook.bold : nil), "number")
                case .percent(let value):
                    try check(
                        worksheet_write_number(
                            sheet, row, column, value, bold ? workbook.boldPercent : workbook.percent),
                        "percentage")
                }
            }
        }
        if spec.frozenRows > 0 { worksheet_freeze_panes(sheet, lxw_row_t(spec.frozenRows), 0) }
        for comment in spec.comments {
            try check(
                comment.text.withCString {
                    worksheet_write_comment(sheet, lxw_row_t(comment.row), lxw_col_t(comment.column), $0)
                }, "note")
        }
        for validation in spec.validations {
            try addValidation(validation, to: sheet)
        }
    }

    /// A "List" validation: Excel offers the values in a drop-down and refuses anything else.
    private static func addValidation(
        _ validation: SheetValidation, to sheet: UnsafeMutablePointer<lxw_worksheet>
    ) throws {
        // C strings kept alive for the call (libxlsxwriter copies them).
        let values = validation.values.map { strdup($0) } + [nil]
        let title = strdup(String(validation.title.prefix(32)))
        let message = strdup(String(validation.message.prefix(255)))
        defer {
            for value in values { free(value) }
            free(title)
            free(message)
        }
        var list = values
        try list.withUnsafeMutableBufferPointer { buffer in
            var rule = lxw_data_validation()
            rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            rule.value_list = buffer.baseAddress
            rule.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
            rule.show_input = UInt8(LXW_VALIDATION_ON.rawValue)
            rule.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
            rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
            rule.input_title = title
            rule.input_message = message
            rule.error_title = title
            rule.error_message = message
            try check(
                worksheet_data_validation_range(
                    sheet, lxw_row_t(validation.firstRow), lxw_col_t(validation.column),
                    lxw_row_t(validation.lastRow), lxw_col_t(validation.column), &rule), "answer list")
        }
    }
}

extension String {
    /// Without leading and trailing apostrophes (Excel refuses them around a sheet name).
    fileprivate func trimmingQuotes() -> String {
        var copy = Substring(self)
        while copy.first == "'" { copy.removeFirst() }
        while copy.last == "'" { copy.removeLast() }
        return String(copy)
    }
}
