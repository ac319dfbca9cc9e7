import Foundation
public import PhieuKinCore
public import PhieuKinMessages

extension WorkspaceService {
    /// Shipped definitions (embedded in the binary) plus the agency's own `ballots/*.yaml`.
    ///
    /// A bad agency file affects only itself (it is listed in `problems`): one that is larger
    /// than 256 KiB (refused before parsing), not UTF-8, not owned by the user running PhieuKin,
    /// or writable by group or others — then anyone else could change how ballots are counted —
    /// and every file when the `ballots/` folder itself is writable by group or others.
    func surveyCatalog() throws -> SurveyCatalog {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: ballotsDirectory)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        var files: [(name: String, yaml: String)] = []
        var problems: [SurveyError] = []
        var folder = stat()
        let folderUnsafe =
            stat(ballotsDirectory, &folder) == 0 && (folder.st_mode & 0o022 != 0 || folder.st_uid != geteuid())
        for name in names {
            let path = ballotsDirectory + "/" + name
            if folderUnsafe {
                problems.append(
                    .file(
                        path,
                        "refused: the folder \(ballotsDirectory) can be changed by other users (mode \(String(folder.st_mode & 0o777, radix: 8))); "
                            + "fix it with: chmod go-w \(ballotsDirectory)"))
                continue
            }
            do {
                files.append((name: path, yaml: try Self.readSurveyFile(path)))
            } catch let error as SurveyError {
                problems.append(error)
            }
        }
        return try SurveyCatalog(extraFiles: files, problems: problems)
    }

    /// One agency definition's text, refused (naming the file) when it is not safe to trust.
    static func readSurveyFile(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw SurveyError.file(path, "not a readable regular file")
        }
        if info.st_mode & 0o022 != 0 || info.st_uid != geteuid() {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw SurveyError.file(
                path,
                info.st_uid != geteuid()
                    ? "refused: the file belongs to another user; a survey definition decides how ballots are counted, so only files you own are trusted"
                    : "refused: other users can change the file (mode \(mode)), and a survey definition decides how ballots are counted; fix it with: chmod go-w \(path)"
            )
        }
        if info.st_size > SurveyCatalog.maximumFileBytes {
            throw SurveyError.file(
                path,
                "the file is \(info.st_size / 1024) KiB; a survey definition is at most \(SurveyCatalog.maximumFileBytes / 1024) KiB (refused unread)"
            )
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SurveyError.file(path, "cannot read the file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: SurveyCatalog.maximumFileBytes + 1)) ?? Data()
        if data.count > SurveyCatalog.maximumFileBytes {
            throw SurveyError.file(
                path, "the file is larger than \(SurveyCatalog.maximumFileBytes / 1024) KiB (refused unread)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SurveyError.file(path, "not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    func surveyDefinition(id: SurveyID) throws -> Survey {
        try surveyCatalog().survey(id: id)
    }
}

extension WorkspaceService {

}

extension RoundService {
    /// One line per survey for `survey list`.
    /// One line per usable survey, and one `file:line: reason` per refused agency file.
    public func describeSurveys(language: Language) throws -> (surveys: [String], problems: [String]) {
        let catalog = try surveyCatalog()
        let lines = catalog.surveys.map { survey in
            "\(survey.id)  v\(survey.version)  \(SurveyWords.shape(survey.shape, language)), "
                + "\(SurveyWords.cadence(survey.cadence, language)), "
                + "\(survey.channels.map { SurveyWords.channel($0, language) }.joined(separator: "/"))  — "
                + survey.title.text(language)
        }
        return (lines, catalog.problems.map(\.description))
    }

    /// A full explanation for `survey show`: what the ballot asks, the codes tellers key in,
    /// and how it is counted.
    public func describeSurvey(id: SurveyID, language: Language) throws -> String {
        let survey = try surveyDefinition(id: id)
        let en = language == .en
        var lines: [String] = []
        lines.append("\(survey.title.text(language))  [\(survey.id) v\(survey.version)]")
        lines.append(survey.instructions.text(language))
        lines.append("")
        lines.append((en ? "Shape: " : "Dạng phiếu: ") + SurveyWords.shape(survey.shape, language))
        lines.append((en ? "Cadence: " : "Định kỳ: ") + SurveyWords.cadence(survey.cadence, language))
        lines.append(
            (en ? "Channels: " : "Đối tượng trả lời: ")
                + survey.channels.map { SurveyWords.channel($0, language) }.joined(separator: ", "))
        switch survey.shape {
        case .grid:
            lines.append(
                en
                    ? "Criteria (question id <official_id>.<criterion_id>):"
                    : "Tiêu chí (mã câu hỏi <mã cán bộ>.<mã tiêu chí>):")
            for c in survey.criteria { lines.append("  \(c.id)  \(c.label.text(language))") }
            lines.append(
                (en ? "Mark codes (blank = no criticism): " : "Mã đánh dấu (để trống = không góp ý): ")
                    + survey.choices.map(\.code).joined(separator: ", "))
        case .officialChoice, .questions:
            if survey.shape == .questions {
                lines.append(en ? "Questions:" : "Câu hỏi:")
                for q in survey.questions { lines.append("  \(q.id)  \(q.label.text(language))") }
            } else {
                lines.append(
                    en
                        ? "One answer per official (question id <official_id>)."
                        : "Mỗi cán bộ một lựa chọn (mã câu hỏi <mã cán bộ>).")
            }
            lines.append(en ? "Answer codes:" : "Mã trả lời:")
            for c in survey.choices { lines.append("  \(c.code)  \(c.label.text(language))") }
        }
        let policy = survey.policy
        lines.append("")
        lines.append(
            (en ? "Smallest group reported: " : "Nhóm nhỏ nhất được báo cáo: ") + "\(policy.minRespondents)"
                + (en ? " ballots" : " phiếu"))
        if survey.shape == .grid {
            lines.append(
                (en ? "Noted when share ≥ " : "Ghi nhận khi tỷ lệ ≥ ") + "\(policy.noted.minShare)"
                    + (en ? " and count ≥ " : " và số phiếu ≥ ") + "\(policy.noted.minCount)")
        }
        if let quorum = policy.quorum {
            lines.append((en ? "Valid when returned ≥ " : "Hợp lệ khi số phiếu thu về ≥ ") + "\(quorum)")
        }
        for t in policy.thresholds {
            lines.append("  \(t.id): \(t.label.text(language))")
        }
        if !policy.satisfiedCodes.isEmpty {
            lines.append((en ? "Satisfied codes: " : "Mã hài lòng: ") + policy.satisfiedCodes.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// A survey definition by id: shipped, or the agency's own in `ballots/`.
    public func survey(id: SurveyID) throws -> Survey {
        try surveyDefinition(id: id)
    }
}

/// A survey's shape, cadence and channels in words (the ids stay in the definition files).
enum SurveyWords {
    static func shape(_ shape: Survey.Shape, _ l: Language) -> String {
        switch shape {
        case .grid: l == .en ? "grid (officials × criteria)" : "bảng (cán bộ × tiêu chí)"
        case .officialChoice: l == .en ? "one choice per official" : "mỗi cán bộ một lựa chọn"
        case .questions: l == .en ? "questions" : "câu hỏi"
        }
    }

    static func cadence(_ cadence: Survey.Cadence, _ l: Language) -> String {
        switch cadence {
        case .quarterly: l == .en ? "quarterly" : "hằng quý"
        case .monthly: l == .en ? "monthly" : "hằng tháng"
        case .adhoc: l == .en ? "when needed" : "khi cần"
        }
    }

    static func channel(_ channel: Survey.Channel, _ l: Language) -> String {
        switch channel {
        case .staff: l == .en ? "staff" : "cán bộ, công chức"
        case .citizens: l == .en ? "citizens" : "người dân"
        case .businesses: l == .en ? "businesses" : "doanh nghiệp"
        }
    }
}
