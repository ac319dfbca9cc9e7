import Testing

@testable import PhieuKinCore

@Suite("Period")
struct PeriodTests {
    @Test(arguments: [
        ("2026-Q3", "2026-Q4", "Quý 3/2026"),
        ("2026-Q4", "2027-Q1", "Quý 4/2026"),
        ("2026-12", "2027-01", "Tháng 12/2026"),
        ("2026-07", "2026-08", "Tháng 07/2026"),
        ("2026", "2027", "Năm 2026"),
    ])
    func parsesAndFollows(text: String, next: String, display: String) throws {
        let period = try #require(Period(text))
        #expect(period.description == text)
        #expect(period.next.description == next)
        #expect(period.next.previous == period)
        #expect(period.display(.vi) == display)
    }

    @Test(arguments: ["2026-Q5", "2026-Q0", "2026-13", "26-Q1", "2026-7", "2026-Q3-1", "", "abcd"])
    func rejectsMalformed(text: String) {
        #expect(Period(text) == nil)
    }

    @Test func fractionIsExact() {
        #expect(Fraction(1, 3).isReached(count: 1, of: 3))
        #expect(!Fraction(1, 3).isReached(count: 3, of: 10))
        #expect(!Fraction(1, 2).isExceeded(count: 5, of: 10))
        #expect(Fraction(1, 2).isExceeded(count: 6, of: 10))
    }
}
