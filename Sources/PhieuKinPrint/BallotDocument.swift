public import PhieuKinCore
public import PhieuKinMessages

/// Everything printed on a ballot, already resolved to display text.
///
/// Deliberately decoupled from storage and from `Survey`: the workflow layer picks the
/// language, orders the roster and computes `layoutID`; the printer only lays out what it is
/// given. Nothing here identifies a voter, and nothing may: the same document is printed for
/// every voter of a unit, differing only in the sheet serial.
public struct BallotDocument: Sendable, Hashable {
    /// Issuing agency, e.g. "UBND TỈNH BẮC NINH". Printed top left, one line.
    public var agencyName: String
    /// The unit being evaluated, e.g. "Phòng Tổ chức cán bộ". Printed under the agency, bold.
    public var unitName: String
    /// ASCII survey id (no `|`); goes into the QR payload.
    public var surveyID: String
    /// ASCII round id (no `|`); goes into the QR payload.
    public var roundID: String
    /// Localized title, e.g. "PHIẾU ĐÁNH GIÁ CÁN BỘ". Shrunk (never wrapped) to fit one line.
    public var title: String
    /// Localized subtitle without parentheses, e.g. "phiếu kín"; printed as "(phiếu kín)".
    public var subtitle: String
    /// The period in words, e.g. "Quý 3/2026".
    public var periodText: String
    /// The ballot date, `dd/MM/yyyy`.
    public var dateText: String
    /// Short instructions; up to three printed lines, the rest is ellipsized.
    public var instructions: String
    /// One printed row per entry, in the given (roster) order.
    public var rows: [Row]
    /// One mark column per entry, left to right.
    public var columns: [Column]
    /// How many marks a row takes, and therefore how mark boxes are drawn.
    public var mode: MarkMode
    /// Header of the row-label column; nil prints the default ("Họ và tên, chức vụ" /
    /// "Full name, position"). Standalone-question ballots pass e.g. "Câu hỏi".
    public var rowHeader: String?
    /// Label of the free-text remark box printed on the last page; nil prints no box.
    public var remarkLabel: String?
    /// Language of the fixed texts the printer adds ("Số phiếu", "Trang 1/2", …).
    public var language: Language
    /// ASCII id of the geometry (no `|`), printed into the QR payload so a scanner knows
    /// where the boxes are. The caller computes it as the first 16 lowercase hex digits of
    /// SHA-256 over `BallotPrinter.layoutDescriptor(_:)`; the printer does not hash.
    public var layoutID: String
    /// One line at the foot of every page, beside the bottom-left QR code: what the serial and
    /// the QR codes are for, and that no one knows which number went to whom. Nil prints none.
    public var notice: String?
    /// The full wording of what the column heads abbreviate, printed in the free space under
    /// the grid (never over a box); nil prints none.
    public var legend: Legend?

    public init(
        agencyName: String, unitName: String, surveyID: String, roundID: String, title: String,
        subtitle: String, periodText: String, dateText: String, instructions: String, rows: [Row],
        columns: [Column], mode: MarkMode, rowHeader: String? = nil, remarkLabel: String? = nil,
        language: Language = .vi, layoutID: String, notice: String? = nil, legend: Legend? = nil
    ) {
        self.agencyName = agencyName
        self.unitName = unitName
        self.surveyID = surveyID
        self.roundID = roundID
        self.title = title
        self.subtitle = subtitle
        self.periodText = periodText
        self.dateText = dateText
        self.instructions = instructions
        self.rows = rows
        self.columns = columns
        self.mode = mode
        self.rowHeader = rowHeader
        self.remarkLabel = remarkLabel
        self.language = language
        self.layoutID = layoutID
        self.notice = notice
        self.legend = legend
    }

    /// "Tiêu chí:" and one line per column, e.g. "Đạo đức: Đạo đức, lối sống".
    public struct Legend: Sendable, Hashable {
        public var title: String
        public var lines: [String]
        public init(title: String, lines: [String]) {
            self.title = title
            self.lines = lines
        }
    }

    /// A printed row: an official (full name + position) or a standalone question.
    public struct Row: Sendable, Hashable {
        /// Main text, e.g. the official's full name (NFC; normalizing is the caller's job).
        /// One line when `sublabel` is set, otherwise up to two; ellipsized beyond that.
        public var label: String
        /// Secondary text under the label, e.g. the position; one line, ellipsized.
        public var sublabel: String?
        /// The row's id in the keyed file (an official's id: the column `<id>.<criterion>`),
        /// printed in small type under the row number so a teller can match the columns.
        public var id: String?
        public init(label: String, sublabel: String? = nil, id: String? = nil) {
            self.label = label
            self.sublabel = sublabel
            self.id = id
        }
    }

    /// A mark column: a criterion's short label (grid) or a choice label (single choice).
    public struct Column: Sendable, Hashable {
        /// Wrapped into the column width, up to four lines.
        public var header: String
        public init(header: String) {
            self.header = header
        }
    }

    /// How marks are drawn and how many a row takes.
    public enum MarkMode: String, Sendable, Hashable, CaseIterable {
        /// Square boxes; any number of marks per row (criticism grid).
        case checkboxes
        /// Circles; one mark per row (confidence vote, rating, standalone questions).
        case singleChoice = "single-choice"
    }
}

/// What differs between the sheets of one print run: only the serial.
public struct BallotSheetSpec: Sendable, Hashable {
    /// Printed as "Số phiếu: …" and carried in the QR payload; nil prints an unnumbered
    /// sheet (payload field `-`, no serial text). ASCII, no `|`, not `-`.
    public var serial: String?
    public init(serial: String?) {
        self.serial = serial
    }
}

/// What a render produced, for progress messages and the benchmark.
public struct PrintSummary: Sendable, Hashable {
    /// Pages in the PDF.
    public var pages: Int
    /// Size of the PDF file in bytes.
    public var bytes: Int
    public init(pages: Int, bytes: Int) {
        self.pages = pages
        self.bytes = bytes
    }
}
