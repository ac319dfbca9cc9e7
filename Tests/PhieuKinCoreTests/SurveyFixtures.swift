import PhieuKinCore

/// Surveys built in Swift to match the shipped YAML (quarterly-7, confidence-vote,
/// satisfaction-5, monthly-rating), so tally tests do not depend on the loader.
extension Fixtures {
    static func t(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

    static let criteria: [Survey.Criterion] = [
        .init(id: "dao-duc", label: t("Đạo đức, lối sống", "Ethics and conduct")),
        .init(id: "trach-nhiem", label: t("Trách nhiệm", "Responsibility")),
        .init(id: "thai-do", label: t("Thái độ phục vụ", "Attitude to the public")),
        .init(id: "phat-ngon", label: t("Phát ngôn", "Public statements")),
        .init(id: "ky-luat", label: t("Kỷ luật, kỷ cương", "Discipline")),
        .init(id: "tac-phong", label: t("Tác phong", "Manner")),
        .init(id: "sach-nhieu", label: t("Sách nhiễu, gây phiền hà", "Harassment")),
    ]

    static let quarterly7 = Survey(
        id: "quarterly-7", version: 1, title: t("PHIẾU ĐÁNH GIÁ CÁN BỘ", "OFFICIAL EVALUATION"),
        instructions: t("Đánh dấu x", "Mark x"), shape: .grid, cadence: .quarterly, channels: [.staff],
        criteria: criteria,
        choices: [.init(code: "x", label: t("Có", "Yes")), .init(code: "1", label: t("Có", "Yes"))],
        questions: [], remark: .init(allowed: true, maxLength: 500),
        policy: CountingPolicy(minRespondents: 5, noted: .init(minShare: Fraction(1, 3), minCount: 2)))

    static let confidenceVote = Survey(
        id: "confidence-vote", version: 1, title: t("PHIẾU LẤY PHIẾU TÍN NHIỆM", "CONFIDENCE VOTE"),
        instructions: t("Chọn một mức", "Choose one level"), shape: .officialChoice, cadence: .adhoc,
        channels: [.staff], criteria: [],
        choices: [
            .init(code: "1", label: t("Tín nhiệm cao", "High confidence")),
            .init(code: "2", label: t("Tín nhiệm", "Confidence")),
            .init(code: "3", label: t("Tín nhiệm thấp", "Low confidence")),
        ], questions: [], remark: .init(allowed: false),
        policy: CountingPolicy(
            minRespondents: 5, quorum: Fraction(2, 3), lowConfidenceCode: "3",
            thresholds: [
                .init(
                    id: "over-half", share: Fraction(1, 2), inclusive: false,
                    label: t("Quá nửa tín nhiệm thấp", "More than half low confidence")),
                .init(
                    id: "two-thirds", share: Fraction(2, 3), inclusive: true,
                    label: t("Từ 2/3 tín nhiệm thấp", "Two thirds or more low confidence")),
            ]))

    static let satisfaction5 = Survey(
        id: "satisfaction-5", version: 1, title: t("PHIẾU KHẢO SÁT SỰ HÀI LÒNG", "SATISFACTION SURVEY"),
        instructions: t("Chọn một mức", "Choose one level"), shape: .questions, cadence: .quarterly,
        channels: [.citizens, .businesses], criteria: [],
        choices: [
            .init(code: "1", label: t("Rất hài lòng", "Very satisfied")),
            .init(code: "2", label: t("Hài lòng", "Satisfied")),
            .init(code: "3", label: t("Bình thường", "Neutral")),
            .init(code: "4", label: t("Không hài lòng", "Dissatisfied")),
            .init(code: "5", label: t("Rất không hài lòng", "Very dissatisfied")),
        ],
        questions: [
            .init(id: "tiep-can", label: t("Tiếp cận dịch vụ", "Access to the service")),
            .init(id: "thu-tuc", label: t("Thủ tục hành chính", "Procedures")),
            .init(id: "cong-chuc", label: t("Công chức giải quyết", "Officials handling the case")),
        ], remark: .init(allowed: true),
        policy: CountingPolicy(minRespondents: 5, satisfiedCodes: ["1", "2"]))

    static let monthlyRating = Survey(
        id: "monthly-rating", version: 1, title: t("PHIẾU XẾP LOẠI HẰNG THÁNG", "MONTHLY RATING"),
        instructions: t("Chọn một mức", "Choose one level"), shape: .officialChoice, cadence: .monthly,
        channels: [.staff], criteria: [],
        choices: [
            .init(code: "1", label: t("Hoàn thành xuất sắc", "Excellent")),
            .init(code: "2", label: t("Hoàn thành tốt", "Good")),
            .init(code: "3", label: t("Hoàn thành", "Satisfactory")),
            .init(code: "4", label: t("Không hoàn thành", "Unsatisfactory")),
        ], questions: [], remark: .init(allowed: false), policy: CountingPolicy(minRespondents: 5))

    static func officials(_ ids: [String], unit: String = "u1") -> [Official] {
        ids.enumerated().map { i, id in
            Official(id: id, unitID: unit, fullName: "Cán bộ \(id)", position: "Chuyên viên", order: i)
        }
    }

    static func round(
        _ id: String, survey: Survey, unit: String = "u1", period: String = "2026-Q1", channel: Survey.Channel = .staff,
        electorate: Int? = nil
    ) -> RoundInfo {
        RoundInfo(
            roundID: id, surveyID: survey.id, unitID: unit, unitName: "Phòng \(unit)", period: Period(period)!,
            channel: channel, electorate: electorate)
    }

    /// `total` grid ballots; `marks[i]` lists the cells marked on ballot i (the rest are blank).
    static func gridBallots(round: String, total: Int, marks: [[String]], code: String = "x") -> [Ballot] {
        (0..<total).map { i in
            let cells = i < marks.count ? marks[i] : []
            return Ballot(
                surveyID: "quarterly-7", roundID: round,
                answers: Dictionary(uniqueKeysWithValues: cells.map { ($0, code) }))
        }
    }

    /// Grid ballots where `cell` is marked on the first `count` of `total` ballots.
    static func gridBallots(round: String, total: Int, marked: [String: Int]) -> [Ballot] {
        (0..<total).map { i in
            var answers: [String: String] = [:]
            for (cell, count) in marked where i < count { answers[cell] = "x" }
            return Ballot(surveyID: "quarterly-7", roundID: round, answers: answers)
        }
    }
}

/// Deterministic generator for tests of the shuffle (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
