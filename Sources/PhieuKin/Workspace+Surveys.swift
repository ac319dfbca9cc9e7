import Foundation
import PhieuKinCore

extension Workspace {
    /// Shipped definitions (embedded in the binary) plus the agency's own `ballots/*.yaml`.
    public func surveyCatalog() throws -> SurveyCatalog {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: ballotsDirectory)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        var files: [(name: String, yaml: String)] = []
        for name in names {
            let path = ballotsDirectory + "/" + name
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw PhieuKinError.input("\(path): not readable UTF-8 text.")
            }
            files.append((name: path, yaml: text))
        }
        return try SurveyCatalog(extraFiles: files)
    }

    public func survey(id: String) throws -> Survey {
        try surveyCatalog().survey(id: id)
    }
}

extension Workspace {
    /// One line per survey for `survey list`.
    public func describeSurveys(language: Language) throws -> [String] {
        try surveyCatalog().surveys.map { survey in
            "\(survey.id)  v\(survey.version)  \(survey.shape.rawValue), \(survey.cadence.rawValue), "
                + "\(survey.channels.map(\.rawValue).joined(separator: "/"))  — \(survey.title.text(language))"
        }
    }

    /// A full explanation for `survey show`: what the ballot asks, the codes tellers key in,
    /// and how it is counted.
    public func describeSurvey(id: String, language: Language) throws -> String {
        let survey = try survey(id: id)
        let en = language == .en
        var lines: [String] = []
        lines.append("\(survey.title.text(language))  [\(survey.id) v\(survey.version)]")
        lines.append(survey.instructions.text(language))
        lines.append("")
        lines.append((en ? "Shape: " : "Dạng phiếu: ") + survey.shape.rawValue)
        lines.append((en ? "Cadence: " : "Định kỳ: ") + survey.cadence.rawValue)
        lines.append(
            (en ? "Channels: " : "Đối tượng trả lời: ") + survey.channels.map(\.rawValue).joined(separator: ", "))
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
}
