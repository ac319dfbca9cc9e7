package import PhieuKinMessages

/// Spreadsheets in and out: `.xlsx` workbooks read (minizip + the pure-Swift `XMLScanner`) and written
/// (libxlsxwriter). The only module that touches either C library (`internal import`). It knows
/// rows and cells, nothing of surveys, rounds or reports.

/// A cell to write.
package enum SheetCell: Sendable, Hashable {
    case empty
    case text(String)
    /// A number shown as such (a count): stored as a number, so a spreadsheet sums it.
    case number(Double)
    /// A fraction of one (0.667) stored as a number and shown with a percent format ("66.7%").
    case percent(Double)
}

/// A list of allowed values on a block of cells (Excel's data validation "List").
package struct SheetValidation: Sendable, Hashable {
    package var column: Int
    /// 0-based rows, inclusive.
    package var firstRow: Int
    package var lastRow: Int
    package var values: [String]
    /// Shown when a cell is selected and when a value outside the list is typed.
    package var title: String
    package var message: String

    package init(column: Int, firstRow: Int, lastRow: Int, values: [String], title: String, message: String) {
        self.column = column
        self.firstRow = firstRow
        self.lastRow = lastRow
        self.values = values
        self.title = title
        self.message = message
    }
}

/// A note attached to a cell (shown when the mouse is over it).
package struct SheetComment: Sendable, Hashable {
    package var row: Int
    package var column: Int
    package var text: String

    package init(row: Int, column: Int, text: String) {
        self.row = row
        self.column = column
        self.text = text
    }
}

/// One worksheet to write: rows of cells from A1, with presentation hints.
package struct SheetSpec: Sendable, Hashable {
    /// At most 31 characters, none of `[]:*?/\` (Excel's rule): longer names are cut.
    package var name: String
    package var rows: [[SheetCell]]
    /// 0-based rows shown in bold (headings, header rows).
    package var boldRows: Set<Int> = []
    /// Rows (from the top) kept in view while scrolling.
    package var frozenRows = 0
    /// Width of each column in characters; missing columns keep Excel's default.
    package var columnWidths: [Double] = []
    package var validations: [SheetValidation] = []
    package var comments: [SheetComment] = []
    /// Every cell of these 0-based columns is text ("@"): a keyed serial or code is never turned
    /// into a number or a date by the spreadsheet.
    package var textColumns: Int = 0

    package init(name: String, rows: [[SheetCell]]) {
        self.name = name
        self.rows = rows
    }
}

/// One row read from a sheet: its number as Excel shows it (1-based) and its cells from column A,
/// as text; a cell missing from the file (a gap) is "".
package struct SheetRow: Sendable, Hashable {
    package var number: Int
    package var cells: [String]

    package init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}

/// Why a workbook could not be read or written. Never quotes cell contents (they may be ballots).
package struct SheetError: Error, Equatable, CustomStringConvertible, MessageConvertible {
    package struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        package var description: String { name }

        /// Not a zip archive holding a workbook (e.g. an old `.xls`, or a CSV named `.xlsx`).
        package static let notWorkbook = Kind("notWorkbook")
        /// A part of the workbook is damaged, too large or not well-formed XML.
        package static let damaged = Kind("damaged")
        /// The workbook has no sheet by the name asked for.
        package static let noSuchSheet = Kind("noSuchSheet")
        /// libxlsxwriter could not write the workbook.
        package static let write = Kind("write")
    }

    package let kind: Kind
    /// What is wrong (English key, Vietnamese in the catalogue).
    package let why: Message
    /// The reason in English.
    package var reason: String { why.description }
    package var message: Message { why }

    package init(_ kind: Kind, _ why: Message) {
        self.kind = kind
        self.why = why
    }

    package var description: String { reason }
}

/// Spreadsheet column letters: 0 → "A", 25 → "Z", 26 → "AA".
package enum ColumnLetters {
    package static func name(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The 0-based column and 1-based row of a reference such as "AB12"; nil when it is not one.
    package static func parse(_ reference: String) -> (column: Int, row: Int?)? {
        var column = 0
        var digits = 0
        var row = 0
        var letters = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - 64)
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - 96)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(byte - 48)
                digits += 1
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0 else { return nil }
        return (column - 1, digits > 0 ? row : nil)
    }
}
