public import Foundation
public import PhieuKinCore
public import PhieuKinMessages

/// Every string a report shows, in Vietnamese and English: the one place to change wording.
///
/// Templates use `{0}`, `{1}`… for arguments. Numbers and dates are formatted here too, so that
/// "41,7%" (vi) / "41.7%" (en) and dd/MM/yyyy are decided once.
public enum ReportStrings {
    public enum Key: String, Sendable, CaseIterable {
        case roundReportTitle, flagsReportTitle
        case unit, period, survey, channel, generated, ballotsCounted, invalidBallots, electorate, issued
        case sectionFlags, sectionSummary, sectionRemarks
        case noFlags, noRemarks, tooFewBallots, flagFiguresHidden, sequenceBroken
        case official, position, criterion, question, thisRound, lastRound, status, note
        case blank, satisfactionIndex, overall, thresholds
        case quorumMet, quorumNotMet, electorateUnknown, anomalies
        case statusReminder, statusAction, statusResolved
        case channelStaff, channelCitizens, channelBusinesses
        case chartGrid, chartLevels, chartSatisfaction
        case remarksSealed, allPeriods, page
        case number, gridLegend, gridLegendPrevious
        case sectionUndecided, carried, carriedShare, roundVoided, inconclusiveTooFew, inconclusiveQuorum, round
        // Official documents (Nghị định 30/2020/NĐ-CP): heading, date, signatures.
        case nationalTitle, nationalMotto, partyTitle, documentNumber, placeDate, placeBlank
        case recipients, recipientArchive, recipientFiled, signHint, signerHead, signerPreparer
        // Tally minutes.
        case minutesTitle, minutesSubtitle, minutesOpening, minutesClosing, minutesSymbol
        case sectionCommittee, committeeBlank, committeeSigners, committeeMember
        case sectionBallots, ballotsReceived, ballotsValid, ballotsBlank, ballotsInvalid, keyingCorrections, count,
            item
        case quarantineCode, quarantineAccepted, quarantineDiscarded, quarantinePending, quarantineNone
        case sectionResults, sectionMinutesFlags, sectionRoots, ballotLogRoot, resultsLogRoot, logSignature
        case rootsMissing, rootsNote
        // The leaders' report.
        case flagsSymbol, sectionOverview, overviewLine, sectionAction, sectionReminder, sectionResolved
        case sectionLowConfidence, lowConfidenceShare, lowConfidenceNone, sectionTrend, chartTrend, trend
        case overviewAction, overviewReminder, overviewResolved, overviewLowConfidence, officials
        // Ballots.
        case ballotRowQuestion, ballotNoticeNumbered, ballotNoticeUnnumbered, ballotLegendTitle
        // Spreadsheet and SPSS exports (ReportData.swift): column labels and sheet names.
        case dataOfficialID, dataCriterionID, dataQuestionID, dataAnswerCode, dataAnswer, dataCount, dataTotal
        case dataShare, dataPreviousShare, dataPreviousPeriod, dataStatusCode, dataSheet, aboutSheet, dataUnitID
        case dataCarriedFrom
        case dataSPSSNote
    }

    private static let table: [Key: (vi: String, en: String)] = [
        .roundReportTitle: ("BÁO CÁO KẾT QUẢ PHIẾU KÍN", "SECRET BALLOT REPORT"),
        .flagsReportTitle: ("DANH SÁCH CÁN BỘ CẦN LƯU Ý", "FLAGGED OFFICIALS"),
        .unit: ("Đơn vị", "Unit"),
        .period: ("Kỳ", "Period"),
        .survey: ("Phiếu", "Survey"),
        .channel: ("Đối tượng trả lời", "Respondents"),
        .generated: ("Ngày lập", "Date"),
        .ballotsCounted: ("Số phiếu kiểm", "Ballots counted"),
        .invalidBallots: ("Số phiếu không hợp lệ (không tính)", "Invalid ballots (not counted)"),
        .electorate: ("Số người được triệu tập", "People summoned"),
        .issued: ("Số phiếu phát ra", "Ballots issued"),
        .sectionFlags: ("Cán bộ cần lưu ý", "Flagged officials"),
        .sectionSummary: ("Tổng hợp của đơn vị", "Unit summary"),
        .sectionRemarks: ("Ý kiến khác", "Remarks"),
        .noFlags: ("Không có cán bộ nào cần lưu ý.", "No official is flagged."),
        .noRemarks: ("Không có ý kiến.", "No remarks."),
        .remarksSealed: (
            "Ý kiến khác được niêm phong bằng khóa kiểm phiếu của vòng: cần các mảnh khóa của tổ kiểm phiếu để hiển thị.",
            "Remarks are sealed with the round's tally key: the counting committee's shares are needed to show them."
        ),
        .allPeriods: ("Tất cả các kỳ", "All periods"),
        .page: ("Trang", "Page"),
        .tooFewBallots: (
            "Quá ít phiếu để báo cáo (dưới {0} phiếu): không hiển thị số liệu và ý kiến.",
            "Too few ballots to report (fewer than {0}): no figures or remarks are shown."
        ),
        .flagFiguresHidden: ("Nhóm quá ít phiếu: không hiển thị tỷ lệ.", "Group too small: shares not shown."),
        .sectionUndecided: ("Vòng lấy phiếu không có kết luận", "Rounds that decide nothing"),
        .carried: (
            "Giữ nguyên từ {0}: vòng {1} không đủ điều kiện kết luận.",
            "Carried from {0}: round {1} was inconclusive."
        ),
        .carriedShare: ("{0} — số liệu {1}, giữ nguyên", "{0} — {1} figure, carried"),
        .roundVoided: (
            "Đã hủy ngày {0}, lý do: {1}. Không tính vào kết quả và đánh giá.",
            "Voided on {0}, reason: {1}. Not counted in results or flags."
        ),
        .inconclusiveTooFew: (
            "Không đủ số phiếu để kết luận ({0} phiếu, cần ít nhất {1}): không hiển thị số liệu, không nêu và không xóa đánh giá; kết luận kỳ trước được giữ nguyên.",
            "Too few ballots to conclude ({0}, at least {1} needed): no figures, no flag raised or cleared; earlier status carries."
        ),
        .inconclusiveQuorum: (
            "Không đủ số người tham gia theo quy định ({0} phiếu trên {1} người được triệu tập, cần ít nhất {2}): kết quả không có giá trị.",
            "Quorum not met ({0} ballots of {1} people summoned, at least {2} needed): the result is not valid."
        ),
        .round: ("Vòng", "Round"),
        .sequenceBroken: (
            "Không có kết quả {0}: chuỗi kỳ liên tiếp bị gián đoạn.",
            "No result for {0}: the sequence of consecutive rounds is broken."
        ),
        .official: ("Họ và tên", "Name"),
        .position: ("Chức vụ", "Position"),
        .criterion: ("Tiêu chí", "Criterion"),
        .question: ("Câu hỏi", "Question"),
        .thisRound: ("Kỳ này", "This round"),
        .lastRound: ("Kỳ trước", "Last round"),
        .status: ("Kết luận", "Status"),
        .note: ("Ghi chú", "Note"),
        .blank: ("Để trống", "Blank"),
        .satisfactionIndex: ("Chỉ số hài lòng", "Satisfaction index"),
        .overall: ("Chung", "Overall"),
        .thresholds: ("Ngưỡng", "Thresholds"),
        .quorumMet: (
            "Đủ số phiếu theo quy định (ít nhất {0} số người được triệu tập).",
            "Quorum met (at least {0} of those summoned)."
        ),
        .quorumNotMet: (
            "Không đủ số phiếu theo quy định (cần ít nhất {0} số người được triệu tập): kết quả không có giá trị.",
            "Quorum not met (at least {0} of those summoned must vote): the result is not valid."
        ),
        .electorateUnknown: (
            "Chưa nhập số người được triệu tập: không xác định được giá trị của kết quả.",
            "The number of people summoned was not entered: the result cannot be validated."
        ),
        .anomalies: (
            "Cảnh báo: {0} phiếu không thuộc vòng này, {1} câu trả lời không rõ câu hỏi, {2} mã không hợp lệ, {3} ý kiến không được phép.",
            "Warning: {0} ballots of another round, {1} answers to unknown questions, {2} unknown codes, {3} remarks not allowed."
        ),
        .statusReminder: ("Nhắc nhở", "Reminder"),
        .statusAction: ("Đề nghị xử lý", "Action"),
        .statusResolved: ("Đã khắc phục", "Resolved"),
        .channelStaff: ("Cán bộ, công chức", "Staff"),
        .channelCitizens: ("Người dân", "Citizens"),
        .channelBusinesses: ("Doanh nghiệp", "Businesses"),
        .chartGrid: ("Tỷ lệ phiếu đánh dấu theo tiêu chí", "Share of ballots marking each criterion"),
        .chartLevels: ("Tỷ lệ theo mức", "Share by level"),
        .chartSatisfaction: ("Chỉ số hài lòng theo câu hỏi", "Satisfaction index by question"),
        .number: ("STT", "No."),
        .gridLegend: (
            "Mỗi ô: số phiếu đánh dấu hạn chế (tỷ lệ trên {0} phiếu hợp lệ).",
            "Each cell: ballots marking the shortcoming (share of {0} valid ballots)."
        ),
        .gridLegendPrevious: (
            "Trong ngoặc vuông: tỷ lệ kỳ trước ({0}).", "In square brackets: the share last round ({0})."
        ),
        .nationalTitle: ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
        .nationalMotto: ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
        .partyTitle: ("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM"),
        .documentNumber: ("Số: …/{0}", "No.: …/{0}"),
        .placeDate: ("{0}, ngày {1} tháng {2} năm {3}", "{0}, {1}/{2}/{3}"),
        .placeBlank: ("……………", "……………"),
        .recipients: ("Nơi nhận:", "Recipients:"),
        .recipientArchive: ("- Lưu: VT, hồ sơ vòng {0}.", "- Filed: records of round {0}."),
        .recipientFiled: ("- Lưu: VT.", "- Filed."),
        .signHint: ("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
        .signerHead: ("THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE AGENCY"),
        .signerPreparer: ("NGƯỜI LẬP", "PREPARED BY"),
        .minutesTitle: ("BIÊN BẢN KIỂM PHIẾU", "TALLY MINUTES"),
        .minutesSubtitle: ("{0} — {1}, {2}", "{0} — {1}, {2}"),
        .minutesSymbol: ("BB-…", "BB-…"),
        .minutesOpening: (
            "Hôm nay, {0}, tại {5}, Tổ kiểm phiếu đã kiểm phiếu kín “{1}” {2} đối với {3}; đối tượng trả lời: {4}.",
            "On {0}, at {5}, the counting committee tallied the secret ballot “{1}” of {2} on {3}; respondents: {4}."
        ),
        .minutesClosing: (
            "Biên bản được lập xong cùng ngày, đã đọc lại cho Tổ kiểm phiếu cùng nghe và nhất trí ký tên dưới đây.",
            "These minutes were completed the same day, read out to the counting committee, and signed below."
        ),
        .sectionCommittee: ("I. Thành phần Tổ kiểm phiếu", "I. The counting committee"),
        .committeeBlank: (
            "Chưa ghi tên thành viên khi kiểm phiếu: ghi tay họ tên và chức danh vào đây.",
            "No members were named at the tally: write their names and roles here by hand."
        ),
        .committeeSigners: ("TỔ KIỂM PHIẾU", "COUNTING COMMITTEE"),
        .committeeMember: ("Thành viên", "Member"),
        .sectionBallots: ("II. Số phiếu", "II. Ballots"),
        .ballotsReceived: ("Số phiếu thu vào (ghi vào sổ phiếu)", "Ballots received (entered in the ballot log)"),
        .ballotsValid: ("Số phiếu hợp lệ (được kiểm)", "Valid ballots (counted)"),
        .ballotsInvalid: ("Số phiếu không hợp lệ", "Invalid ballots"),
        .ballotsBlank: ("Trong đó phiếu trắng", "Of which blank ballots"),
        .keyingCorrections: (
            "Đối chiếu khi nhập phiếu vào máy: {0} dòng nhập liệu hoặc bản quét được giữ lại để đối chiếu với phiếu giấy. Đây không phải là số phiếu: dòng được chấp nhận đã tính trong số phiếu thu vào, dòng bị loại bỏ là lỗi nhập liệu đã được sửa.",
            "Keying checks: {0} keyed rows or scans were held to be checked against the paper ballots. They are not ballots: an accepted row is already among the ballots received, a discarded one was a keying mistake, corrected."
        ),
        .count: ("Số lượng", "Count"),
        .item: ("Nội dung", "Item"),
        .quarantineCode: ("Lý do giữ lại dòng nhập liệu (mã)", "Why the row was held (code)"),
        .quarantineAccepted: ("Chấp nhận", "Accepted"),
        .quarantineDiscarded: ("Loại bỏ", "Discarded"),
        .quarantinePending: ("Chưa xử lý", "Pending"),
        .quarantineNone: (
            "Đối chiếu khi nhập phiếu vào máy: không có dòng nhập liệu hay bản quét nào phải giữ lại để đối chiếu.",
            "Keying checks: no keyed row or scan had to be held and checked against the paper ballots."
        ),
        .sectionResults: ("III. Kết quả kiểm phiếu", "III. Results"),
        .sectionMinutesFlags: ("IV. Cán bộ cần lưu ý", "IV. Flagged officials"),
        .sectionRoots: ("V. Xác nhận sổ phiếu và sổ kết quả", "V. The ballot log and the results log"),
        .ballotLogRoot: (
            "Sổ phiếu của vòng khi khóa sổ (ngày {0}): {1} phiếu. Mã gốc (SHA-256):",
            "The round's ballot log at close ({0}): {1} ballots. Root (SHA-256):"
        ),
        .resultsLogRoot: (
            "Sổ kết quả của cơ quan sau khi ghi kết quả vòng này (ngày {0}, mục số {1}, {2} mục). Mã gốc (SHA-256):",
            "The agency's results log after this round's result ({0}, entry {1}, {2} entries). Root (SHA-256):"
        ),
        .logSignature: (
            "Chữ ký số của cơ quan trên mã gốc (Ed25519):", "The agency's signature on the root (Ed25519):"
        ),
        .rootsMissing: ("Không tìm thấy mã gốc đã ký.", "No signed root was found."),
        .rootsNote: (
            "Các mã trên viết theo nhóm 4 ký tự; ai giữ bản xuất kiểm toán của vòng đều đối chiếu được từng nhóm.",
            "The codes are written in groups of four characters; anyone holding the round's audit export can compare each group."
        ),
        .flagsSymbol: ("BC-…", "BC-…"),
        .sectionOverview: ("Tóm tắt", "Summary"),
        .overviewLine: ("Kỳ {0}: {1}.", "Period {0}: {1}."),
        .officials: ("Số cán bộ", "Officials"),
        .overviewAction: ("Đề nghị xử lý", "For action"),
        .overviewReminder: ("Nhắc nhở", "Reminders"),
        .overviewResolved: ("Đã khắc phục", "Resolved"),
        .overviewLowConfidence: ("Tín nhiệm thấp", "Low confidence"),
        .sectionAction: ("Cán bộ đề nghị xử lý", "Officials proposed for action"),
        .sectionReminder: ("Cán bộ cần nhắc nhở", "Officials to be reminded"),
        .sectionResolved: ("Đã khắc phục", "Resolved"),
        .sectionLowConfidence: (
            "Kết quả lấy phiếu tín nhiệm: tín nhiệm thấp (Quy định 96-QĐ/TW)",
            "Confidence votes: low confidence (Regulation 96-QĐ/TW)"
        ),
        .lowConfidenceShare: ("Tỷ lệ tín nhiệm thấp", "Low confidence share"),
        .lowConfidenceNone: (
            "Không có cán bộ nào có trên một nửa số phiếu tín nhiệm thấp.",
            "No official has more than half low-confidence votes."
        ),
        .sectionTrend: ("Diễn biến qua các kỳ", "Trend over the last rounds"),
        .chartTrend: ("{0} — {1}", "{0} — {1}"),
        .trend: ("Diễn biến", "Trend"),
        .ballotRowQuestion: ("Nội dung", "Question"),
        .ballotNoticeNumbered: (
            "Số phiếu và hai mã QR chỉ để máy đọc phiếu và để mỗi phiếu chỉ được tính một lần. Số phiếu do máy tạo ngẫu nhiên, không ghi lại cùng tên của ai: không ai biết số nào đã phát cho ai. Không ghi tên lên phiếu.",
            "The ballot number and the two QR codes only let the machine read this sheet and count each ballot once. The number was drawn at random and is kept with no one's name: no one knows which number was given to whom. Do not write your name."
        ),
        .ballotNoticeUnnumbered: (
            "Phiếu không đánh số. Hai mã QR chỉ để máy đọc phiếu (đợt lấy phiếu, trang) và giống nhau trên mọi phiếu: không ai biết phiếu nào của ai. Không ghi tên lên phiếu.",
            "This ballot is not numbered. The two QR codes only let the machine read it (round, page) and are the same on every ballot: no one can tell whose ballot this is. Do not write your name."
        ),
        .ballotLegendTitle: ("Các tiêu chí trên phiếu:", "The criteria on this ballot:"),
        // Spreadsheet and SPSS exports.
        .dataOfficialID: ("Mã cán bộ", "Official id"),
        .dataCriterionID: ("Mã tiêu chí", "Criterion id"),
        .dataQuestionID: ("Mã câu hỏi", "Question id"),
        .dataAnswerCode: ("Mã trả lời", "Answer code"),
        .dataAnswer: ("Trả lời", "Answer"),
        .dataCount: ("Số phiếu", "Ballots"),
        .dataTotal: ("Tổng số phiếu hợp lệ", "Valid ballots"),
        .dataShare: ("Tỷ lệ (%)", "Share (%)"),
        .dataPreviousShare: ("Tỷ lệ kỳ trước (%)", "Share last round (%)"),
        .dataPreviousPeriod: ("Kỳ trước", "Last round's period"),
        .dataStatusCode: ("Mã kết luận", "Status code"),
        .dataUnitID: ("Mã đơn vị", "Unit id"),
        .dataCarriedFrom: ("Số liệu giữ nguyên từ kỳ", "Figures carried from period"),
        .dataSheet: ("Số liệu", "Data"),
        .aboutSheet: ("Thông tin", "About"),
        .dataSPSSNote: (
            "Đặt tệp này cạnh tệp CSV (hoặc sửa đường dẫn ở /FILE) rồi chạy trong SPSS.",
            "Keep this file beside the CSV (or edit the path in /FILE), then run it in SPSS."
        ),
    ]

    /// The text for `key`, with `{0}`, `{1}`… replaced by `arguments`.
    public static func text(_ key: Key, _ language: Language, _ arguments: String...) -> String {
        let entry = table[key] ?? (key.rawValue, key.rawValue)
        return Message.fill(language == .vi ? entry.vi : entry.en, arguments)
    }

    public static func status(_ status: Flag.Status, _ language: Language) -> String {
        switch status {
        case .reminder: text(.statusReminder, language)
        case .action: text(.statusAction, language)
        case .resolved: text(.statusResolved, language)
        }
    }

    public static func channel(_ channel: Survey.Channel, _ language: Language) -> String {
        switch channel {
        case .staff: text(.channelStaff, language)
        case .citizens: text(.channelCitizens, language)
        case .businesses: text(.channelBusinesses, language)
        }
    }

    /// A share as a percentage with one decimal: "41,7%" (vi), "41.7%" (en). Rounds half up.
    public static func percent(_ value: Double, _ language: Language) -> String {
        let tenths = Int((value * 1000).rounded(.toNearestOrAwayFromZero))
        let separator = language == .vi ? "," : "."
        return "\(tenths / 10)\(separator)\(abs(tenths % 10))%"
    }

    /// Names as a sentence lists them: "A", "A và B", "A, B và C" ("and" in English).
    public static func list(_ names: [String], _ language: Language) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + (language == .vi ? " và " : " and ") + names.last!
    }

    /// A share with its exact count, e.g. "41,7% (5/12)".
    public static func percent(_ share: Share, _ language: Language) -> String {
        "\(percent(share.value, language)) (\(share.count)/\(share.total))"
    }

    /// A fraction as people write it: "2/3".
    public static func fraction(_ fraction: Fraction) -> String { fraction.description }

    /// dd/MM/yyyy in Vietnam time (UTC+7, no daylight saving), whatever the machine's zone.
    public static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(parts.day!))/\(two(parts.month!))/\(parts.year!)"
    }

    /// What a quarantine reason code means, for the minutes: "Mã trả lời không hợp lệ
    /// (invalid-code)". The code stays beside the words so the minutes match the audit export.
    public static func rejectCode(_ code: String, _ language: Language) -> String {
        guard let words = rejectCodes[code] else { return code }
        return "\(language == .vi ? words.vi : words.en) (\(code))"
    }

    private static let rejectCodes: [String: (vi: String, en: String)] = [
        "not-utf8": ("Tệp không phải UTF-8", "File not in UTF-8"),
        "malformed-row": ("Dòng sai định dạng", "Malformed row"),
        "wrong-round": ("Phiếu của vòng khác", "Ballot of another round"),
        "missing-serial": ("Thiếu số phiếu", "Serial missing"),
        "unexpected-serial": ("Có số phiếu ở vòng không đánh số", "Serial on an unnumbered round"),
        "mistyped-serial": ("Số phiếu gõ sai", "Serial mistyped"),
        "unknown-serial": ("Số phiếu không được phát", "Serial never issued"),
        "serial-used": ("Số phiếu đã dùng", "Serial already used"),
        "other-round-serial": ("Số phiếu của vòng khác", "Serial of another round"),
        "blank-not-marked": ("Dòng không có trả lời, không ghi là phiếu trắng", "No answer, not marked blank"),
        "unknown-official": ("Cán bộ không có trên phiếu", "Official not on the ballot"),
        "unknown-criterion": ("Tiêu chí không có trên phiếu", "Criterion not on the ballot"),
        "unknown-question": ("Câu hỏi không có trên phiếu", "Question not on the ballot"),
        "invalid-code": ("Mã trả lời không hợp lệ", "Answer code not allowed"),
        "several-answers": ("Chọn nhiều hơn một ý", "More than one answer"),
        "remark-not-allowed": ("Phiếu không cho ghi ý kiến", "Remarks not allowed"),
        "remark-too-long": ("Ý kiến quá dài", "Remark too long"),
        "keying-mismatch": ("Hai lần nhập không khớp", "The two keyings differ"),
        "keying-missing": ("Thiếu lần nhập thứ hai", "Second keying missing"),
        "over-planned": ("Vượt số phiếu dự kiến", "Beyond the planned ballots"),
        "scan-unsure": ("Ô đánh dấu không rõ khi quét", "Box unclear on the scan"),
        "scan-remark": ("Có ý kiến viết tay trên bản quét", "Handwritten remark on the scan"),
        "scan-page-missing": ("Thiếu trang khi quét", "Scanned page missing"),
        "scan-unreadable": ("Bản quét không đọc được", "Scan unreadable"),
    ]

    /// "Ba Đình, ngày 29 tháng 11 năm 2026" (NĐ 30/2020: a day below 10 and the months 1 and 2
    /// take a leading zero); "Ba Đình, 29/11/2026" in English. A missing place is left dotted.
    public static func placeDate(_ place: String?, _ date: CivilDate, _ language: Language) -> String {
        let place = place ?? text(.placeBlank, language)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return text(
            .placeDate, language, place, two(date.day),
            language == .vi && date.month > 2 ? "\(date.month)" : two(date.month),
            "\(date.year)")
    }

    /// yyyy-MM-dd in Vietnam time, for JSON.
    static func isoDate(_ date: Date) -> String {
        let parts = Self.date(date).split(separator: "/")
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }
}
