public import PhieuKinMessages

/// The period a round covers: a quarter (`2026-Q3`), a month (`2026-07`) or a year (`2026`).
///
/// Periods order rounds of the same survey and unit; `next` defines which round is
/// "the next ballot" for the repeated-criticism rule (Q4 → next year's Q1, December → January).
public enum Period: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    case quarter(year: Int, quarter: Int)
    case month(year: Int, month: Int)
    case year(Int)

    /// Parses `YYYY-Qn`, `YYYY-MM` or `YYYY`. Returns nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), year >= 1900, year <= 9999
        else { return nil }
        switch parts.count {
        case 1:
            self = .year(year)
        case 2:
            let rest = parts[1]
            if rest.count == 2, rest.first == "Q" || rest.first == "q", let q = Int(rest.dropFirst()),
                (1...4).contains(q)
            {
                self = .quarter(year: year, quarter: q)
            } else if rest.count == 2, rest.allSatisfy(\.isASCII), let m = Int(rest), (1...12).contains(m) {
                self = .month(year: year, month: m)
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    /// The canonical text form, as stored and as parsed by `init?(_:)`.
    public var description: String {
        switch self {
        case .quarter(let y, let q): "\(y)-Q\(q)"
        case .month(let y, let m): "\(y)-\(m < 10 ? "0" : "")\(m)"
        case .year(let y): "\(y)"
        }
    }

    /// The period that follows this one, of the same kind.
    public var next: Period {
        switch self {
        case .quarter(let y, let q): q == 4 ? .quarter(year: y + 1, quarter: 1) : .quarter(year: y, quarter: q + 1)
        case .month(let y, let m): m == 12 ? .month(year: y + 1, month: 1) : .month(year: y, month: m + 1)
        case .year(let y): .year(y + 1)
        }
    }

    /// The period before this one, of the same kind.
    public var previous: Period {
        switch self {
        case .quarter(let y, let q): q == 1 ? .quarter(year: y - 1, quarter: 4) : .quarter(year: y, quarter: q - 1)
        case .month(let y, let m): m == 1 ? .month(year: y - 1, month: 12) : .month(year: y, month: m - 1)
        case .year(let y): .year(y - 1)
        }
    }

    /// How a person reads it: "Quý 3/2026", "Tháng 07/2026", "Năm 2026" (or English).
    public func display(_ language: Language) -> String {
        switch (self, language) {
        case (.quarter(let y, let q), .vi): "Quý \(q)/\(y)"
        case (.quarter(let y, let q), .en): "Q\(q) \(y)"
        case (.month(let y, let m), .vi): "Tháng \(m < 10 ? "0" : "")\(m)/\(y)"
        case (.month(let y, let m), .en): "\(Self.englishMonths[m - 1]) \(y)"
        case (.year(let y), .vi): "Năm \(y)"
        case (.year(let y), .en): "Year \(y)"
        }
    }

    /// `display` as a message, for a sentence that names a period in the reader's language.
    public var message: Message {
        switch self {
        case .quarter(let y, let q): return "Q\(q) \(y)"
        case .month(let y, let m):
            let mm = m < 10 ? "0\(m)" : "\(m)"
            return "month \(mm)/\(y)"
        case .year(let y): return "year \(y)"
        }
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    private var sortKey: (Int, Int, Int) {
        switch self {
        case .year(let y): (y, 0, 0)
        case .quarter(let y, let q): (y, 1, q)
        case .month(let y, let m): (y, 2, m)
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.sortKey < rhs.sortKey }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let period = Period(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a period: \(text)"))
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
