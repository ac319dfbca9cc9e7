public import Foundation

/// A calendar day, the only time granularity PhieuKin keeps (rounds, tree heads), and how
/// people read it: dd/MM/yyyy in both languages.
public struct CivilDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today in Vietnam (UTC+7), where the ballots are held.
    public static func today(now: Date = Date()) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// Parses ISO `yyyy-MM-dd`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m),
            (1...31).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// ISO `yyyy-MM-dd`, as stored.
    public var description: String { "\(year)-\(Self.pad(month))-\(Self.pad(day))" }

    /// dd/MM/yyyy, as printed on ballots and reports.
    public var display: String { "\(Self.pad(day))/\(Self.pad(month))/\(year)" }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
