import PhieuKinMessages

/// `<row r="…"><c r="B5" t="s"><v>3</v></c>…</row>` → rows of text, fed one `XMLEvent` at a time.
///
/// Checks what XML cannot: a row or cell reference that is not one, a shared string the workbook
/// does not hold, and `SheetLimits` (a non-empty cell beyond the last column or row, a cell too
/// long). Errors name the row and column letter, never the cell's text (it may be a ballot).
struct WorksheetReader {
    let strings: [String]
    let limits: SheetLimits
    private(set) var rows: [SheetRow] = []
    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var type = ""
    private var value = ""
    private var inline = ""
    private var inValue = false
    private var inInlineText = false
    private var inCell = false

    init(strings: [String], limits: SheetLimits) {
        self.strings = strings
        self.limits = limits
    }

    mutating func take(_ event: XMLEvent) throws(SheetError) {
        switch event {
        case .start(let name, let attributes): try start(name.xmlLocalName, attributes)
        case .text(let text):
            if inValue { value += text } else if inInlineText { inline += text }
        case .end(let name): try end(name.xmlLocalName)
        }
    }

    private mutating func start(_ name: Substring, _ attributes: [XMLAttribute]) throws(SheetError) {
        switch name {
        case "row":
            if let r = attributes.first(where: { $0.name == "r" })?.value {
                guard let number = Self.rowNumber(r) else {
                    throw SheetError(.damaged, "after row \(rowNumber): a row's number is not a row number")
                }
                rowNumber = number
            } else {
                // Bounded: a row without a number follows the previous one, and rows are capped.
                rowNumber = min(rowNumber, Int(Int32.max)) + 1
            }
            cells = []
            column = 0
        case "c":
            inCell = true
            if let reference = attributes.first(where: { $0.name == "r" })?.value {
                guard let parsed = ColumnLetters.parse(reference) else {
                    throw SheetError(
                        .damaged, "row \(rowNumber): a cell's reference is not a column and row such as B5")
                }
                column = parsed.column
            }
            type = attributes.first { $0.name == "t" }?.value ?? "n"
            value = ""
            inline = ""
        case "v": inValue = inCell
        case "t": inInlineText = inCell
        default: break
        }
    }

    private mutating func end(_ name: Substring) throws(SheetError) {
        switch name {
        case "v": inValue = false
        case "t": inInlineText = false
        case "c":
            inCell = false
            try place(try cellText())
            column = min(column, limits.columns) + 1
        case "row":
            // A stored row beyond the limit is dropped when empty (Excel keeps formatted rows).
            if rowNumber <= limits.rows { rows.append(SheetRow(number: rowNumber, cells: cells)) }
        default: break
        }
    }

    /// The text of the cell just closed, by its type.
    private func cellText() throws(SheetError) -> String {
        switch type {
        case "s":
            guard let index = Int(value.trimmingASCIISpaces()), strings.indices.contains(index) else {
                throw SheetError(.damaged, "row \(rowNumber): a cell names a shared string the workbook does not hold")
            }
            return strings[index]
        case "inlineStr": return inline
        case "str", "e": return value
        case "b": return value == "1" ? "TRUE" : "FALSE"
        default: return value.isEmpty ? "" : XLSXReader.numberText(value)
        }
    }

    /// Puts a non-empty cell in the current row, within the limits.
    private mutating func place(_ text: String) throws(SheetError) {
        guard !text.isEmpty else { return }
        let letters = ColumnLetters.name(column)
        guard rowNumber <= limits.rows else {
            throw SheetError(
                .damaged, "row \(rowNumber): the sheet has more than \(limits.rows) rows, the most an import reads")
        }
        guard column < limits.columns else {
            throw SheetError(
                .damaged,
                "row \(rowNumber), column \(letters): the sheet has more than \(limits.columns) columns, the most an "
                    + "import reads")
        }
        guard text.utf8.count <= limits.cellBytes else {
            throw SheetError(
                .damaged,
                "row \(rowNumber), column \(letters): a cell holds more than \(limits.cellBytes) bytes of text, the "
                    + "most a cell may hold")
        }
        if cells.count <= column {
            cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count))
        }
        cells[column] = text
    }

    /// A row's `r`: decimal digits from 1 up (bounded: more than 9 digits is no row of any sheet).
    static func rowNumber(_ text: String) -> Int? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count <= 9, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let number = utf8.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return number >= 1 ? number : nil
    }
}
