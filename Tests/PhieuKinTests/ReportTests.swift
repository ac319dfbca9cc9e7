import Foundation
import PhieuKinCore
import PhieuKinTestFixtures
import PhieuKinTestSupport
import Testing

@testable import PhieuKin

@Suite("Reports")
struct ReportTests {
    static let survey = TallyFixtures.quarterly7
    static let generated = Date(timeIntervalSince1970: 1_790_823_600)  // 01/10/2026 10:00 ICT

    static let unit = PhieuKinCore.Unit(id: "tu-phap", name: "Phòng Tư pháp")
    static let small = PhieuKinCore.Unit(id: "nho", name: "Tổ Một cửa")
    static let officials = [
        Official(id: "a", unitID: "tu-phap", fullName: "Nguyễn Văn An", position: "Trưởng phòng", order: 1),
        Official(id: "b", unitID: "tu-phap", fullName: "Trần Thị Bình", position: "Phó trưởng phòng", order: 2),
        Official(id: "c", unitID: "tu-phap", fullName: "Lê Văn Cường", position: "Chuyên viên", order: 3),
    ]
    static let smallOfficials = [
        Official(id: "d", unitID: "nho", fullName: "Phạm Thị Dung", position: "Tổ trưởng", order: 1),
        Official(id: "e", unitID: "nho", fullName: "Hoàng Văn Em", position: "Chuyên viên", order: 2),
        Official(id: "f", unitID: "nho", fullName: "Vũ Thị Phương", position: "Chuyên viên", order: 3),
    ]

    static func info(_ id: RoundID, _ unit: PhieuKinCore.Unit, _ period: String) -> RoundInfo {
        RoundInfo(
            roundID: id, surveyID: survey.id, unitID: unit.id, unitName: unit.name, period: Period(period)!,
            channel: .staff, issued: 12)
    }

    static func tally(
        _ id: RoundID, _ unit: PhieuKinCore.Unit, _ period: String, total: Int, marked: [String: Int],
        remarks: [String] = [], officials: [Official]
    ) -> (RoundInfo, RoundResult) {
        var ballots = TallyFixtures.gridBallots(round: id, total: total, marked: marked)
        for (i, remark) in remarks.enumerated() { ballots[i].remark = remark }
        let info = info(id, unit, period)
        var generator = SeededGenerator(state: 7)
        return (info, Tally.count(ballots, survey: survey, officials: officials, round: info, using: &generator))
    }

    /// Q2 and Q3 of a 3-official unit (12 ballots) and of a 3-person unit (3 ballots).
    struct Scenario {
        let q3Info: RoundInfo
        let q2: RoundResult
        let q3: RoundResult
        let q3Flags: [Flag]
        let smallInfo: RoundInfo
        let small2: RoundResult
        let smallFlags: [Flag]

        init() {
            let (_, q2) = ReportTests.tally(
                "tp-q2", ReportTests.unit, "2026-Q2", total: 12,
                marked: ["a.thai-do": 4, "b.ky-luat": 4, "c.dao-duc": 5],
                officials: ReportTests.officials)
            let (q3Info, q3) = ReportTests.tally(
                "tp-q3", ReportTests.unit, "2026-Q3", total: 12, marked: ["a.thai-do": 5, "c.phat-ngon": 4],
                remarks: ["<script>alert(1)</script>", "Cần cải thiện thái độ, tác phong"],
                officials: ReportTests.officials)
            let (_, small1) = ReportTests.tally(
                "nho-q2", ReportTests.small, "2026-Q2", total: 3, marked: ["d.tac-phong": 2],
                officials: ReportTests.smallOfficials)
            let (smallInfo, small2) = ReportTests.tally(
                "nho-q3", ReportTests.small, "2026-Q3", total: 3, marked: ["d.tac-phong": 3, "e.ky-luat": 1],
                remarks: ["ý kiến bí mật của tổ"], officials: ReportTests.smallOfficials)
            self.q3Info = q3Info
            self.q2 = q2
            self.q3 = q3
            q3Flags = FlagRules.evaluate(current: q3, previous: q2, survey: ReportTests.survey)
            self.smallInfo = smallInfo
            self.small2 = small2
            smallFlags = FlagRules.evaluate(current: small2, previous: small1, survey: ReportTests.survey)
        }

        var report: RoundReport {
            RoundReport(
                info: q3Info, result: q3, survey: ReportTests.survey, flags: q3Flags, officials: ReportTests.officials,
                previous: q2, generated: ReportTests.generated)
        }

        var smallReport: RoundReport {
            RoundReport(
                info: smallInfo, result: small2, survey: ReportTests.survey, flags: smallFlags,
                officials: ReportTests.smallOfficials, generated: ReportTests.generated)
        }

        var flagsReport: FlagsReport {
            FlagsReport(
                period: Period("2026-Q3")!, flags: q3Flags + smallFlags,
                notes: [
                    .init(
                        roundID: small2.roundID, surveyID: small2.surveyID, unitNames: [smallInfo.unitName],
                        period: small2.period, reason: .inconclusive(small2.inconclusive!))
                ], surveys: [ReportTests.survey],
                officials: ReportTests.officials + ReportTests.smallOfficials,
                units: [ReportTests.unit, ReportTests.small], generated: ReportTests.generated)
        }
    }

    @Test func vietnameseTextHasFlagsThenSummaryThenRemarks() throws {
        let text = ReportRenderer.text(Scenario().report)
        for expected in [
            "BÁO CÁO KẾT QUẢ PHIẾU KÍN", "Phòng Tư pháp", "Quý 3/2026", "01/10/2026", "Nguyễn Văn An", "Trưởng phòng",
            "Thái độ công tác, phục vụ nhân dân", "41,7% (5/12)", "33,3% (Quý 2/2026)", "Đề nghị xử lý", "Nhắc nhở",
            "Đã khắc phục",
            "Cần cải thiện thái độ, tác phong", "Số phiếu kiểm: 12",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        let flags = try #require(text.range(of: "Cán bộ cần lưu ý"))
        let summary = try #require(text.range(of: "Tổng hợp của đơn vị"))
        let remarks = try #require(text.range(of: "Ý kiến khác"))
        #expect(flags.lowerBound < summary.lowerBound)
        #expect(summary.lowerBound < remarks.lowerBound)
        // Action comes before reminder, reminder before resolved.
        let action = try #require(text.range(of: "Đề nghị xử lý"))
        let reminder = try #require(text.range(of: "Nhắc nhở"))
        let resolved = try #require(text.range(of: "Đã khắc phục"))
        #expect(action.lowerBound < reminder.lowerBound && reminder.lowerBound < resolved.lowerBound)
    }

    /// The unit summary is one row per official and one column per criterion (short labels),
    /// each cell "marked (share) [last round's share]"; charts only for officials marked at all.
    @Test func unitSummaryIsAnOfficialByCriterionMatrix() throws {
        let text = ReportRenderer.text(Scenario().report)
        let start = try #require(text.range(of: "Tổng hợp của đơn vị")).lowerBound
        let summary = String(text[start...])
        #expect(summary.contains("Mỗi ô: số phiếu đánh dấu hạn chế (tỷ lệ trên 12 phiếu hợp lệ)."))
        #expect(summary.contains("Trong ngoặc vuông: tỷ lệ kỳ trước (Quý 2/2026)."))
        func cells(_ prefix: String) throws -> [String] {
            let line = try #require(summary.split(separator: "\n").first { $0.hasPrefix(prefix) })
            return line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: CharacterSet.whitespaces) }
                .filter { !$0.isEmpty }
        }
        #expect(
            try cells("STT") == [
                "STT", "Họ và tên", "Chức vụ", "Đạo đức", "Trách nhiệm", "Thái độ", "Phát ngôn", "Kỷ luật",
                "Tác phong", "Sách nhiễu",
            ])
        #expect(
            try cells("1 ") == [
                "1", "Nguyễn Văn An", "Trưởng phòng", "0", "0", "5 (41,7%) [33,3%]", "0", "0", "0", "0",
            ])
        #expect(
            try cells("2 ") == ["2", "Trần Thị Bình", "Phó trưởng phòng", "0", "0", "0", "0", "0 [33,3%]", "0", "0"])
        #expect(
            try cells("3 ") == [
                "3", "Lê Văn Cường", "Chuyên viên", "0 [41,7%]", "0", "0", "4 (33,3%) [0,0%]", "0", "0", "0",
            ])
        let html = ReportRenderer.html(Scenario().report)
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("Nguyễn Văn An — Tỷ lệ phiếu đánh dấu theo tiêu chí"))
        #expect(!html.contains("Trần Thị Bình — Tỷ lệ phiếu đánh dấu theo tiêu chí"))
    }

    @Test func englishText() {
        let text = ReportRenderer.text(Scenario().report, language: .en)
        for expected in [
            "SECRET BALLOT REPORT", "Q3 2026", "41.7% (5/12)", "Action", "Reminder", "Resolved", "Attitude",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(!text.contains("41,7%"))
    }

    @Test func htmlIsSelfContainedWithChartsAndEscapes() {
        let html = ReportRenderer.html(Scenario().report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<rect"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        #expect(html.contains("Đề nghị xử lý"))
        #expect(html.contains("41,7%"))
    }

    @Test func csvHasQuotedVietnamesePercentages() {
        let csv = ReportRenderer.csv(Scenario().report)
        #expect(csv.contains("\"41,7% (5/12)\""))
        #expect(csv.contains("Đề nghị xử lý"))
        #expect(csv.contains("\r\n"))
        let english = ReportRenderer.csv(Scenario().report, language: .en)
        #expect(english.contains("41.7% (5/12)"))
    }

    @Test func csvDefusesFormulas() throws {
        let (info, result) = Self.tally(
            "f", Self.unit, "2026-Q3", total: 5, marked: [:], remarks: ["=HYPERLINK(\"x\")"], officials: Self.officials)
        let report = RoundReport(
            info: info, result: result, survey: Self.survey, flags: [], officials: Self.officials,
            generated: Self.generated)
        let csv = ReportRenderer.csv(report)
        #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
    }

    @Test func jsonParsesWithDocumentedKeys() throws {
        let bytes = ReportRenderer.json(Scenario().report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["schema"] as? String == "phieukin.round-report")
        #expect(object["schema_version"] as? Int == 1)
        #expect(object["period"] as? String == "2026-Q3")
        #expect(object["generated"] as? String == "2026-10-01")
        #expect(object["suppressed"] as? Bool == false)
        #expect(object["ballots_counted"] as? Int == 12)
        let flags = try #require(object["flags"] as? [[String: Any]])
        #expect(flags.count == 4)
        let first = flags[0]
        for key in [
            "official_id", "criterion_id", "period", "status", "share", "count", "valid", "previous_share",
            "previous_period", "sequence_broken", "missing_period",
        ] {
            #expect(first.keys.contains(key), "missing \(key)")
        }
        #expect(first["official_id"] as? String == "a")
        #expect(first["criterion_id"] as? String == "thai-do")
        #expect(first["status"] as? String == "action")
        #expect(first["count"] as? Int == 5)
        #expect(first["valid"] as? Int == 12)
        #expect(first["share"] as? Double == 0.416667)
        #expect(first["previous_share"] as? Double == 0.333333)
        #expect(first["previous_period"] as? String == "2026-Q2")
        #expect(first["missing_period"] is NSNull)
        let summary = try #require(object["summary"] as? [String: Any])
        let rows = try #require(summary["officials"] as? [[String: Any]])
        #expect(rows.map { $0["official_id"] as? String } == ["a", "b", "c"])
        let remarks = try #require(object["remarks"] as? [String])
        #expect(Set(remarks) == ["<script>alert(1)</script>", "Cần cải thiện thái độ, tác phong"])
        // Stable: same input, same bytes; keys sorted.
        #expect(ReportRenderer.json(Scenario().report) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let anomalies = try #require(text.range(of: "\"anomalies\""))
        let ballots = try #require(text.range(of: "\"ballots_counted\""))
        #expect(anomalies.lowerBound < ballots.lowerBound)
    }

    /// A 3-person unit alone: no counts, shares, remarks — and no flag — in any output. A flag
    /// would tell the flagged official that (at least) two of the other two voters marked them.
    @Test func smallGroupShowsNothingButTooFewBallots() throws {
        let scenario = Scenario()
        #expect(scenario.small2.suppressed)
        #expect(scenario.small2.inconclusive == .tooFewBallots(counted: 3, minimum: 5))
        #expect(scenario.smallFlags.isEmpty)
        let report = scenario.smallReport
        let text = ReportRenderer.text(report)
        let csv = ReportRenderer.csv(report)
        let html = ReportRenderer.html(report)
        let json = String(decoding: ReportRenderer.json(report), as: UTF8.self)
        #expect(text.contains("Quá ít phiếu để báo cáo (dưới 5 phiếu)"))
        #expect(html.contains("Quá ít phiếu để báo cáo"))
        for output in [text, csv, html, json] {
            #expect(!output.contains("ý kiến bí mật"))
            #expect(!output.contains("Hoàng Văn Em"))
            #expect(!output.contains("Vũ Thị Phương"))
            #expect(!output.contains("Phạm Thị Dung"))
            #expect(!output.contains("Đề nghị xử lý"))
            #expect(!output.contains("100,0%"))
            #expect(!output.contains("66,7%"))
            #expect(!output.contains("33,3%"))
            #expect(!output.contains("3/3"))
        }
        #expect(!text.contains("%"))
        #expect(!csv.contains("%"))
        #expect(!html.contains("<svg"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(ReportRenderer.json(report))) as? [String: Any])
        #expect(object["suppressed"] as? Bool == true)
        #expect(object["summary"] is NSNull)
        #expect(object["ballots_counted"] is NSNull)
        #expect((object["remarks"] as? [Any])?.isEmpty == true)
        #expect((object["flags"] as? [Any])?.isEmpty == true)
    }

    @Test func flagsReportAcrossUnits() throws {
        let report = Scenario().flagsReport
        #expect(
            report.flagged.map { "\($0.flag.officialID).\($0.flag.criterionID):\($0.flag.status)" } == [
                "a.thai-do:action", "c.phat-ngon:reminder", "b.ky-luat:resolved", "c.dao-duc:resolved",
            ])
        let text = ReportRenderer.text(report)
        #expect(text.contains("DANH SÁCH CÁN BỘ CẦN LƯU Ý"))
        #expect(text.contains("41,7% (5/12)"))
        #expect(!text.contains("100,0%"))
        #expect(!text.contains("Phạm Thị Dung"))
        // The small unit's round is listed as deciding nothing, with why.
        #expect(text.contains("Vòng lấy phiếu không có kết luận"))
        #expect(text.contains("Không đủ số phiếu để kết luận (3 phiếu, cần ít nhất 5)"))
        #expect(text.contains("Tổ Một cửa"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(ReportRenderer.json(report))) as? [String: Any])
        #expect(object["schema"] as? String == "phieukin.flags")
        #expect((object["flags"] as? [Any])?.count == 4)
        let notes = try #require(object["rounds_without_decision"] as? [[String: Any]])
        #expect(notes.count == 1)
        #expect(notes.first?["status"] as? String == "inconclusive")
        #expect(notes.first?["reason"] as? String == "too-few-ballots")
        #expect(ReportRenderer.html(report).contains("Tổ Một cửa"))
        // The leaders' report groups by status, action first, under headings of its own.
        let csv = ReportRenderer.csv(report, language: .en)
        let action = try #require(csv.range(of: "Officials proposed for action"))
        let resolved = try #require(csv.range(of: "\r\nResolved\r\n"))
        #expect(action.lowerBound < resolved.lowerBound)
        #expect(
            ReportRenderer.text(report, language: .en).contains("Too few ballots to conclude (3, at least 5 needed)"))
    }

    @Test func brokenSequenceIsExplained() throws {
        let (_, q1) = Self.tally(
            "q1", Self.unit, "2026-Q1", total: 6, marked: ["a.dao-duc": 3], officials: Self.officials)
        let (info, q3) = Self.tally(
            "q3", Self.unit, "2026-Q3", total: 6, marked: ["a.dao-duc": 3], officials: Self.officials)
        let flags = FlagRules.evaluate(current: q3, history: [q1], survey: Self.survey)
        let report = RoundReport(
            info: info, result: q3, survey: Self.survey, flags: flags, officials: Self.officials,
            generated: Self.generated)
        #expect(ReportRenderer.text(report).contains("Không có kết quả Quý 2/2026"))
        #expect(ReportRenderer.text(report, language: .en).contains("No result for Q2 2026"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(ReportRenderer.json(report))) as? [String: Any])
        let flag = try #require((object["flags"] as? [[String: Any]])?.first)
        #expect(flag["sequence_broken"] as? Bool == true)
        #expect(flag["missing_period"] as? String == "2026-Q2")
        #expect(flag["status"] as? String == "reminder")
    }

    @Test func confidenceVoteQuorumAndThresholds() {
        let survey = TallyFixtures.confidenceVote
        let officials = Array(Self.officials.prefix(1))
        func report(returned: Int, electorate: Int) -> RoundReport {
            let ballots = (0..<returned).map { _ in Ballot(surveyID: survey.id, roundID: "cv", answers: ["a": "3"]) }
            let info = RoundInfo(
                roundID: "cv", surveyID: survey.id, unitID: Self.unit.id, unitName: Self.unit.name,
                period: Period("2026")!, channel: .staff, electorate: electorate)
            let result = Tally.count(ballots, survey: survey, officials: officials, round: info)
            return RoundReport(
                info: info, result: result, survey: survey, flags: [], officials: officials, generated: Self.generated)
        }
        let invalid = ReportRenderer.text(report(returned: 7, electorate: 12))
        #expect(invalid.contains("Không đủ số phiếu theo quy định (cần ít nhất 2/3"))
        #expect(!invalid.contains("Từ 2/3 trở lên tín nhiệm thấp"))
        let valid = ReportRenderer.text(report(returned: 8, electorate: 12))
        #expect(valid.contains("Đủ số phiếu theo quy định"))
        #expect(valid.contains("66,7% (8/12)"))
        #expect(valid.contains("Trên 50% tín nhiệm thấp; Từ 2/3 trở lên tín nhiệm thấp"))
    }

    @Test func satisfactionIndexIsShown() throws {
        let survey = TallyFixtures.satisfaction5
        let answers = ["1", "2", "2", "3", "5"]
        let ballots = answers.map { Ballot(surveyID: survey.id, roundID: "s", answers: ["tiep-can": $0]) }
        let info = RoundInfo(
            roundID: "s", surveyID: survey.id, unitID: Self.unit.id, unitName: Self.unit.name,
            period: Period("2026-Q3")!, channel: .citizens)
        let result = Tally.count(ballots, survey: survey, officials: [], round: info)
        let report = RoundReport(
            info: info, result: result, survey: survey, flags: [], officials: [], generated: Self.generated)
        let text = ReportRenderer.text(report)
        #expect(text.contains("Chỉ số hài lòng (Người dân): 60,0% (3/5)"))
        #expect(!text.contains("Cán bộ cần lưu ý"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(ReportRenderer.json(report))) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["channel"] as? String == "citizens")
        #expect((summary["overall_index"] as? [String: Any])?["count"] as? Int == 3)
    }

    @Test(arguments: [
        (5.0 / 12, "41,7%", "41.7%"), (1.0 / 3, "33,3%", "33.3%"), (2.0 / 3, "66,7%", "66.7%"),
        (1.0, "100,0%", "100.0%"), (0.0, "0,0%", "0.0%"), (0.125, "12,5%", "12.5%"), (0.0625, "6,3%", "6.3%"),
    ])
    func percentages(value: Double, vi: String, en: String) {
        #expect(ReportStrings.percent(value, .vi) == vi)
        #expect(ReportStrings.percent(value, .en) == en)
    }

    @Test(arguments: [(1_790_823_600.0, "01/10/2026"), (1_798_747_200.0, "01/01/2027")])
    func datesAreDayMonthYearInVietnamTime(seconds: Double, expected: String) {
        #expect(ReportStrings.date(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func everyStringHasBothLanguages() {
        for key in ReportStrings.Key.allCases {
            #expect(ReportStrings.text(key, .vi) != key.rawValue, "no Vietnamese text for \(key)")
            #expect(ReportStrings.text(key, .en) != key.rawValue, "no English text for \(key)")
        }
    }

    /// The minutes name every quarantine reason in words, in both languages, code beside them.
    @Test(arguments: ImportRejectCode.allCases)
    func everyRejectCodeHasWords(_ code: ImportRejectCode) {
        for language in [Language.vi, .en] {
            let text = ReportStrings.rejectCode(code.rawValue, language)
            #expect(text.hasSuffix(" (\(code.rawValue))") && text.count > code.rawValue.count + 4, "\(text)")
        }
    }

    /// NĐ 30/2020's date line: a leading zero on days below 10 and on January and February.
    @Test func placeAndDate() {
        #expect(
            ReportStrings.placeDate("Ba Đình", CivilDate(year: 2026, month: 11, day: 29), .vi)
                == "Ba Đình, ngày 29 tháng 11 năm 2026")
        #expect(
            ReportStrings.placeDate("Hoàn Kiếm", CivilDate(year: 2027, month: 2, day: 5), .vi)
                == "Hoàn Kiếm, ngày 05 tháng 02 năm 2027")
        #expect(
            ReportStrings.placeDate(nil, CivilDate(year: 2027, month: 3, day: 1), .vi)
                == "……………, ngày 01 tháng 3 năm 2027")
        #expect(
            ReportStrings.placeDate("Ba Đình", CivilDate(year: 2026, month: 11, day: 29), .en) == "Ba Đình, 29/11/2026")
    }
}
