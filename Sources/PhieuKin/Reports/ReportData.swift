import Foundation
public import PhieuKinCore
import PhieuKinSheets

/// A report as one rectangular table of typed values, for spreadsheets and statistics packages
/// (docs/EXCEL.md): the CSV (numeric columns), the `.xlsx` (numbers and percentages) and the SPSS
/// syntax all come from it. One row per figure ("tidy" data): a grid round gives a row per
/// official and criterion, a choice round a row per official and answer, a satisfaction round a
/// row per question and answer, the flags report a row per flag.
///
/// Built only from a `ReportView` and `FlagView`s, like every other rendering: a group below the
/// round's minimum has no rows (a note says why), and a flag of a small group has no figures.
struct ReportData {
    enum Kind: Equatable {
        case text
        /// A whole number of ballots.
        case count
        /// A share: a fraction of one in the `.xlsx` (percent format), a percentage in CSV/SPSS.
        case share
    }

    struct Column {
        /// An SPSS variable name: ASCII letters, digits and `_`, at most 64 bytes.
        var name: String
        var label: String
        var kind: Kind
        /// Codes → meanings (SPSS VALUE LABELS).
        var valueLabels: [(code: String, label: String)] = []
    }

    enum Value {
        case none
        case text(String)
        case count(Int)
        case share(Double)
    }

    var title: String
    var meta: [(label: String, value: String)]
    var columns: [Column]
    var rows: [[Value]] = []
    var notes: [String] = []

    private typealias S = ReportStrings

    init(_ report: RoundReport, language l: Language) {
        let document = ReportDocument(report, language: l)
        title = document.title
        meta = document.meta
        let survey = report.survey
        let officials = Dictionary(report.roster.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let choiceLabels = survey.choices.map { ($0.code, $0.label.text(l)) }
        func official(_ id: OfficialID) -> [Value] {
            [.text(id.rawValue), .text(officials[id]?.fullName ?? id.rawValue), .text(officials[id]?.position ?? "")]
        }
        let officialColumns = [
            Column(name: "official_id", label: S.text(.dataOfficialID, l), kind: .text),
            Column(name: "official", label: S.text(.official, l), kind: .text),
            Column(name: "position", label: S.text(.position, l), kind: .text),
        ]
        let levelColumns = [
            Column(name: "answer_code", label: S.text(.dataAnswerCode, l), kind: .text, valueLabels: choiceLabels),
            Column(name: "answer", label: S.text(.dataAnswer, l), kind: .text),
            Column(name: "ballots", label: S.text(.dataCount, l), kind: .count),
            Column(name: "valid", label: S.text(.dataTotal, l), kind: .count),
            Column(name: "share", label: S.text(.dataShare, l), kind: .share),
        ]
        func levels(_ levels: [RoundResult.LevelCount]) -> [[Value]] {
            levels.map { level in
                [
                    .text(level.code),
                    .text(survey.choices.first { $0.code == level.code }?.label.text(l) ?? level.code),
                    .count(level.share.count), .count(level.share.total), .share(level.share.value),
                ]
            }
        }
        let blank = Column(name: "blank", label: S.text(.blank, l), kind: .count)
        switch report.view.kind {
        case .grid:
            let statusLabels = Flag.Status.allCases.map { ($0.rawValue, S.status($0, l)) }
            columns =
                officialColumns + [
                    Column(name: "criterion_id", label: S.text(.dataCriterionID, l), kind: .text),
                    Column(name: "criterion", label: S.text(.criterion, l), kind: .text),
                    Column(name: "ballots", label: S.text(.dataCount, l), kind: .count),
                    Column(name: "valid", label: S.text(.dataTotal, l), kind: .count),
                    Column(name: "share", label: S.text(.dataShare, l), kind: .share),
                    Column(name: "previous_share", label: S.text(.dataPreviousShare, l), kind: .share),
                    Column(name: "status", label: S.text(.dataStatusCode, l), kind: .text, valueLabels: statusLabels),
                    Column(name: "status_text", label: S.text(.status, l), kind: .text),
                ]
        case .confidenceVote, .rating:
            columns = officialColumns + levelColumns + [blank]
        case .satisfaction:
            columns =
                [
                    Column(name: "question_id", label: S.text(.dataQuestionID, l), kind: .text),
                    Column(name: "question", label: S.text(.question, l), kind: .text),
                ] + levelColumns + [
                    blank, Column(name: "satisfaction_index", label: S.text(.satisfactionIndex, l), kind: .share),
                ]
        }
        guard case .shown(let shown) = report.view.content else {
            if case .tooFewBallots(let minimum) = report.view.content {
                notes = [S.text(.tooFewBallots, l, "\(minimum)")]
            }
            return
        }
        switch shown.counts {
        case .grid(let grid):
            let labels = Dictionary(
                survey.criteria.map { ($0.id, $0.label.text(l)) }, uniquingKeysWith: { a, _ in a })
            var status: [OfficialID: [CriterionID: Flag.Status]] = [:]
            for entry in report.flagged {
                status[entry.flag.officialID, default: [:]][entry.flag.criterionID] = entry.flag.status
            }
            for row in grid.rows {
                for cell in row.cells {
                    let before = report.previousShares[row.officialID]?[cell.criterionID]
                    rows.append(
                        official(row.officialID) + [
                            .text(cell.criterionID.rawValue),
                            .text(labels[cell.criterionID] ?? cell.criterionID.rawValue),
                            .count(cell.marked), .count(cell.valid), .share(cell.share.value),
                            before.map(Value.share) ?? .none,
                            status[row.officialID]?[cell.criterionID].map { .text($0.rawValue) } ?? .none,
                            status[row.officialID]?[cell.criterionID].map { .text(S.status($0, l)) } ?? .none,
                        ])
                }
            }
        case .confidenceVote(let vote):
            for row in vote.rows {
                for level in levels(row.levels) { rows.append(official(row.officialID) + level + [.count(row.blank)]) }
            }
        case .rating(let rating):
            for row in rating.rows {
                for level in levels(row.levels) { rows.append(official(row.officialID) + level + [.count(row.blank)]) }
            }
        case .satisfaction(let satisfaction):
            let labels = Dictionary(survey.questions.map { ($0.id, $0.label.text(l)) }, uniquingKeysWith: { a, _ in a })
            for question in satisfaction.questions {
                let id: [Value] = [
                    .text(question.questionID), .text(labels[question.questionID] ?? question.questionID),
                ]
                for level in levels(question.levels) {
                    rows.append(id + level + [.count(question.blank), .share(question.index.value)])
                }
            }
            notes.append(
                "\(S.text(.satisfactionIndex, l)) (\(S.text(.overall, l))): \(S.percent(satisfaction.overall, l))")
        }
    }

    init(_ report: FlagsReport, language l: Language) {
        let document = ReportDocument(report, language: l)
        title = document.title
        meta = document.meta
        columns = [
            Column(name: "period", label: S.text(.period, l), kind: .text),
            Column(name: "unit_id", label: S.text(.dataUnitID, l), kind: .text),
            Column(name: "unit", label: S.text(.unit, l), kind: .text),
            Column(name: "official_id", label: S.text(.dataOfficialID, l), kind: .text),
            Column(name: "official", label: S.text(.official, l), kind: .text),
            Column(name: "position", label: S.text(.position, l), kind: .text),
            Column(name: "criterion_id", label: S.text(.dataCriterionID, l), kind: .text),
            Column(name: "criterion", label: S.text(.criterion, l), kind: .text),
            Column(
                name: "status", label: S.text(.dataStatusCode, l), kind: .text,
                valueLabels: Flag.Status.allCases.map { ($0.rawValue, S.status($0, l)) }),
            Column(name: "status_text", label: S.text(.status, l), kind: .text),
            Column(name: "ballots", label: S.text(.dataCount, l), kind: .count),
            Column(name: "valid", label: S.text(.dataTotal, l), kind: .count),
            Column(name: "share", label: S.text(.dataShare, l), kind: .share),
            Column(name: "previous_share", label: S.text(.dataPreviousShare, l), kind: .share),
            Column(name: "previous_period", label: S.text(.dataPreviousPeriod, l), kind: .text),
            Column(name: "round", label: S.text(.round, l), kind: .text),
            Column(name: "carried_from_period", label: S.text(.dataCarriedFrom, l), kind: .text),
        ]
        for entry in report.flagged {
            let flag = entry.flag
            rows.append([
                .text(flag.period.description), .text(flag.unitID.rawValue), .text(entry.unitName),
                .text(flag.officialID.rawValue), .text(entry.officialName), .text(entry.position),
                .text(flag.criterionID.rawValue), .text(entry.criterionLabel.text(l)), .text(flag.status.rawValue),
                .text(S.status(flag.status, l)),
                flag.figures.map { .count($0.count) } ?? .none, flag.figures.map { .count($0.valid) } ?? .none,
                flag.figures.map { .share($0.share) } ?? .none, flag.previousShare.map(Value.share) ?? .none,
                flag.previousPeriod.map { .text($0.description) } ?? .none, .text(flag.roundID.rawValue),
                flag.carriedFrom.map { .text($0.period.description) } ?? .none,
            ])
        }
        if report.flagged.isEmpty { notes = [S.text(.noFlags, l)] }
    }

    // MARK: CSV

    /// UTF-8 with a BOM, comma-separated, CRLF: a header row of column labels, then one row per
    /// figure. Counts are integers; shares are percentages with two decimals and a `.` (66.67),
    /// so statistics packages read them as numbers. An absent figure is an empty field.
    var csv: [UInt8] {
        var lines = [columns.map { Self.csvField($0.label) }.joined(separator: ",")]
        for row in rows {
            lines.append(
                row.map { value -> String in
                    switch value {
                    case .none: ""
                    case .text(let text): Self.csvField(text)
                    case .count(let n): "\(n)"
                    case .share(let share): Self.percentText(share)
                    }
                }.joined(separator: ","))
        }
        return ReportRenderer.utf8BOM + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// A share as a percentage with two decimals: 0.66666 → "66.67".
    static func percentText(_ share: Double) -> String {
        let hundredths = Int((share * 10_000).rounded(.toNearestOrAwayFromZero))
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Quotes per RFC 4180 and defuses spreadsheet formulas (a name may start with `=`).
    static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    // MARK: XLSX

    /// Two sheets: the data (header row, numbers as numbers, shares as percentages) and what the
    /// report is about (title, survey, unit, period…, notes).
    func sheets(language l: Language) -> [SheetSpec] {
        var data = SheetSpec(
            name: S.text(.dataSheet, l),
            rows: [columns.map { .text($0.label) }]
                + rows.map { row in
                    row.map { value -> SheetCell in
                        switch value {
                        case .none: .empty
                        case .text(let text): .text(text)
                        case .count(let n): .number(Double(n))
                        case .share(let share): .percent(share)
                        }
                    }
                })
        data.boldRows = [0]
        data.frozenRows = 1
        data.columnWidths = columns.map { column in
            switch column.kind {
            case .text: column.name == "official" || column.name == "criterion" || column.name == "question" ? 32 : 16
            case .count, .share: 12
            }
        }
        var about = SheetSpec(name: S.text(.aboutSheet, l), rows: [[.text(title)], []])
        about.boldRows = [0]
        about.columnWidths = [28, 60]
        for (label, value) in meta { about.rows.append([.text(label), .text(value)]) }
        if !notes.isEmpty { about.rows.append([]) }
        for note in notes { about.rows.append([.text(note)]) }
        return [data, about]
    }

    // MARK: SPSS

    /// SPSS syntax reading the CSV written beside it (`csvName`): GET DATA with each variable's
    /// type and width, VARIABLE LABELS, VALUE LABELS for coded columns. UTF-8.
    func spss(csvName: String, language l: Language) -> String {
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        var out = "* Encoding: UTF-8.\n"
        out += "* \(title.replacingOccurrences(of: "\n", with: " ")).\n"
        for (label, value) in meta { out += "* \(label): \(value).\n" }
        out += "* \(S.text(.dataSPSSNote, l))\n"
        out += "SET UNICODE=ON.\n"
        out += "GET DATA\n  /TYPE=TXT\n  /FILE=\(quoted(csvName))\n  /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED\n"
        out += "  /DELCASE=LINE\n  /FIRSTCASE=2\n  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n  /VARIABLES=\n"
        for (i, column) in columns.enumerated() {
            let format: String
            switch column.kind {
            case .text:
                let widest =
                    rows.map { row -> Int in
                        if case .text(let text) = row[i] { return text.utf8.count + 1 }
                        return 1
                    }.max() ?? 1
                format = "A\(min(max(widest, 8), 32_767))"
            case .count: format = "F8.0"
            case .share: format = "F6.2"
            }
            out += "    \(column.name) \(format)\n"
        }
        out += ".\nVARIABLE LABELS\n"
        out += columns.map { "  \($0.name) \(quoted($0.label))" }.joined(separator: "\n") + ".\n"
        let coded = columns.filter { !$0.valueLabels.isEmpty }
        if !coded.isEmpty {
            out += "VALUE LABELS\n"
            out +=
                "  "
                + coded.map { column in
                    "\(column.name) "
                        + column.valueLabels.map { "\(quoted($0.code)) \(quoted($0.label))" }.joined(separator: " ")
                }.joined(separator: "\n  /") + ".\n"
        }
        let shares = columns.filter { $0.kind == .share }.map(\.name)
        if !shares.isEmpty { out += "FORMATS \(shares.joined(separator: " ")) (F6.2).\n" }
        out += "EXECUTE.\n"
        return out
    }
}
