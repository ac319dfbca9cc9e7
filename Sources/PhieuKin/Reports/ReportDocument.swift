import Foundation
import PhieuKinCore
import PhieuKinMessages

/// The language-specific content of a report, in reading order. Text, CSV and HTML render
/// the same document, so they cannot disagree on what is shown or in which order.
struct ReportDocument {
    var title: String
    var meta: [(label: String, value: String)]
    var sections: [Section]
    /// The heading of an official document (NĐ 30/2020); nil for a plain report.
    var heading: Heading? = nil
    /// A line under the title (what the document is about).
    var subtitle: String? = nil
    /// Signature block, left to right and row by row; `signersTitle` above it.
    var signers: [Signer] = []
    var signersTitle: String? = nil
    /// "Nơi nhận" lines, bottom left.
    var recipients: [String] = []

    /// Nghị định 30/2020/NĐ-CP: issuing body top left (superior above), national title and motto
    /// (or the Party's title) top right, number and symbol under the body, place and date under
    /// the motto.
    struct Heading {
        var superior: String?
        var agency: String
        var title: String
        /// Printed bold and underlined under `title`; nil for Party bodies' heading.
        var motto: String?
        var number: String
        var placeDate: String
    }

    struct Signer {
        var role: String
        var name: String
    }

    struct Section {
        /// Empty: the section continues the text without a heading.
        var heading: String
        var paragraphs: [String] = []
        var tables: [Table] = []
        var charts: [Chart] = []
        var items: [String] = []
        /// Codes printed in a fixed-width font, one per line (hashes, signatures).
        var codes: [String] = []
    }

    struct Table {
        var caption: String?
        var columns: [String]
        var rows: [[String]]
    }

    struct Chart {
        var title: String
        var bars: [Bar]
    }

    struct Bar {
        var label: String
        var value: Double
        var text: String
    }
}

extension ReportDocument {
    private typealias S = ReportStrings

    static func officialHeading(
        agency: String, profile: AgencyProfile, symbol: String, date: CivilDate, language l: Language
    ) -> Heading {
        Heading(
            superior: profile.superior.map { $0.uppercased() }, agency: agency.uppercased(),
            title: S.text(profile.kind == .party ? .partyTitle : .nationalTitle, l),
            motto: profile.kind == .party ? nil : S.text(.nationalMotto, l),
            number: S.text(.documentNumber, l, symbol), placeDate: S.placeDate(profile.place, date, l))
    }

    /// `trends`: the "Diễn biến" column, keyed "official|criterion" (the leaders' report).
    static func flagSection(
        _ flagged: [FlaggedOfficial], language l: Language, showPeriod: Bool = false, trends: [String: String]? = nil
    ) -> Section {
        var section = Section(heading: S.text(.sectionFlags, l))
        guard !flagged.isEmpty else {
            section.paragraphs = [S.text(.noFlags, l)]
            return section
        }
        var columns = [
            S.text(.official, l), S.text(.position, l), S.text(.unit, l), S.text(.criterion, l), S.text(.thisRound, l),
            S.text(.lastRound, l), S.text(.status, l), S.text(.note, l),
        ]
        if showPeriod { columns.insert(S.text(.period, l), at: 3) }
        if trends != nil { columns.insert(S.text(.trend, l), at: columns.count - 2) }
        let rows = flagged.map { entry -> [String] in
            let flag = entry.flag
            var notes: [String] = []
            if flag.figures == nil { notes.append(S.text(.flagFiguresHidden, l)) }
            if flag.sequenceBroken, let missing = flag.missingPeriod {
                notes.append(S.text(.sequenceBroken, l, missing.display(l)))
            }
            if let carried = flag.carriedFrom {
                notes.append(S.text(.carried, l, carried.period.display(l), flag.roundID.rawValue))
            }
            var now = flag.figures.map { S.percent(Share($0.count, of: $0.valid), l) } ?? "—"
            // A carried row's figure is the earlier round's: the "this round" cell says so.
            if let carried = flag.carriedFrom, flag.figures != nil {
                now = S.text(.carriedShare, l, now, carried.period.display(l))
            }
            var before = flag.previousShare.map { S.percent($0, l) } ?? "—"
            if flag.previousShare != nil, let period = flag.previousPeriod { before += " (\(period.display(l)))" }
            var row = [
                entry.officialName, entry.position, entry.unitName, entry.criterionLabel.text(l), now, before,
                S.status(flag.status, l), notes.joined(separator: " "),
            ]
            if showPeriod { row.insert(flag.period.display(l), at: 3) }
            if let trends { row.insert(trends["\(flag.officialID)|\(flag.criterionID)"] ?? "—", at: row.count - 2) }
            return row
        }
        var table = Table(caption: nil, columns: columns, rows: rows)
        if trends != nil {
            // The leaders' report groups rows under a heading per status: the status column says
            // it again, and an empty note column only takes room from the trend.
            let status = S.text(.status, l)
            let dropNotes = rows.allSatisfy { $0.last?.isEmpty ?? true }
            let keep = columns.indices.filter { columns[$0] != status && !(dropNotes && $0 == columns.count - 1) }
            table = Table(
                caption: nil, columns: keep.map { columns[$0] }, rows: rows.map { row in keep.map { row[$0] } })
        }
        section.tables = [table]
        return section
    }

    init(_ report: RoundReport, language l: Language) {
        let view = report.view
        title = S.text(.roundReportTitle, l)
        meta = [
            (S.text(.survey, l), report.survey.title.text(l)),
            (S.text(.unit, l), report.info.unitName),
            (S.text(.period, l), report.info.period.display(l)),
            (S.text(.channel, l), S.channel(report.info.channel, l)),
            (S.text(.generated, l), S.date(report.generated)),
        ]
        var summary = Section(heading: S.text(.sectionSummary, l))
        var remarks = Section(heading: S.text(.sectionRemarks, l))
        switch view.content {
        case .tooFewBallots(let minimum):
            summary.paragraphs = [S.text(.tooFewBallots, l, "\(minimum)")]
            remarks.paragraphs = [S.text(.tooFewBallots, l, "\(minimum)")]
        case .shown(let shown):
            meta.append((S.text(.ballotsCounted, l), "\(shown.ballotsCounted)"))
            if shown.invalidBallots > 0 { meta.append((S.text(.invalidBallots, l), "\(shown.invalidBallots)")) }
            if let electorate = shown.electorate { meta.append((S.text(.electorate, l), "\(electorate)")) }
            if let issued = shown.issued { meta.append((S.text(.issued, l), "\(issued)")) }
            Self.fill(&summary, counts: shown.counts, report: report, language: l)
            let a = shown.anomalies
            if !a.isEmpty {
                summary.paragraphs.append(
                    S.text(
                        .anomalies, l, "\(a.foreignBallots)", "\(a.unknownQuestions)", "\(a.unknownCodes)",
                        "\(a.disallowedRemarks)"))
            }
            if report.remarksWithheld {
                remarks.paragraphs = [S.text(.remarksSealed, l)]
            } else if shown.remarks.isEmpty {
                remarks.paragraphs = [S.text(.noRemarks, l)]
            } else {
                remarks.items = shown.remarks
            }
        }
        var sections: [Section] = []
        if report.view.kind == .grid {
            // Officials still to act on under "Cán bộ cần lưu ý"; those who resolved a shortcoming
            // under their own heading, never among the flagged.
            let open = report.flagged.filter { $0.flag.status != .resolved }
            let resolved = report.flagged.filter { $0.flag.status == .resolved }
            if !open.isEmpty || resolved.isEmpty { sections.append(Self.flagSection(open, language: l)) }
            if !resolved.isEmpty {
                var section = Self.flagSection(resolved, language: l)
                section.heading = S.text(.sectionResolved, l)
                sections.append(section)
            }
        }
        sections.append(summary)
        if report.survey.remark.allowed { sections.append(remarks) }
        self.sections = sections
    }

    /// The leaders' report as an agency document: heading, a summary, then those proposed for
    /// action, those to be reminded, and those resolved, each under its own heading; the QĐ 96
    /// outcomes of confidence votes; each flagged criterion's trend; the rounds that decide
    /// nothing; the signatures.
    init(_ report: FlagsReport, language l: Language) {
        title = S.text(.flagsReportTitle, l)
        let periodText = report.period?.display(l) ?? S.text(.allPeriods, l)
        meta = [
            (S.text(.period, l), periodText),
            (S.text(.generated, l), S.date(report.generated)),
        ]
        heading = Self.officialHeading(
            agency: report.agency, profile: report.profile, symbol: S.text(.flagsSymbol, l),
            date: CivilDate.today(now: report.generated), language: l)
        let showPeriod = report.period == nil
        var trendText: [String: String] = [:]
        for trend in report.trends {
            trendText["\(trend.officialID)|\(trend.criterionID)"] = trend.points.map {
                $0.share.map { S.percent($0.value, l) } ?? "—"
            }.joined(separator: " → ")
        }
        func officials(_ status: Flag.Status) -> Int {
            Set(report.flagged.filter { $0.flag.status == status }.map(\.flag.officialID)).count
        }
        var overview = Section(heading: S.text(.sectionOverview, l))
        overview.tables = [
            Table(
                caption: nil, columns: [S.text(.item, l), S.text(.officials, l)],
                rows: [
                    [S.text(.overviewAction, l), "\(officials(.action))"],
                    [S.text(.overviewReminder, l), "\(officials(.reminder))"],
                    [S.text(.overviewResolved, l), "\(officials(.resolved))"],
                    [S.text(.overviewLowConfidence, l), "\(Set(report.lowConfidence.map(\.officialID)).count)"],
                ])
        ]
        var sections = [overview]
        if report.flagged.isEmpty {
            sections.append(Self.flagSection([], language: l))
        }
        for (status, key) in [
            (Flag.Status.action, S.Key.sectionAction), (.reminder, .sectionReminder), (.resolved, .sectionResolved),
        ] {
            let entries = report.flagged.filter { $0.flag.status == status }
            guard !entries.isEmpty else { continue }
            var section = Self.flagSection(entries, language: l, showPeriod: showPeriod, trends: trendText)
            section.heading = S.text(key, l)
            sections.append(section)
        }
        if report.confidenceVotes > 0 || !report.lowConfidence.isEmpty {
            var low = Section(heading: S.text(.sectionLowConfidence, l))
            if report.lowConfidence.isEmpty {
                low.paragraphs = [S.text(.lowConfidenceNone, l)]
            } else {
                low.tables = [
                    Table(
                        caption: nil,
                        columns: [
                            S.text(.official, l), S.text(.position, l), S.text(.unit, l), S.text(.period, l),
                            S.text(.lowConfidenceShare, l), S.text(.status, l),
                        ],
                        rows: report.lowConfidence.map {
                            [
                                $0.officialName, $0.position, $0.unitName, $0.period.display(l), S.percent($0.low, l),
                                $0.outcome.text(l),
                            ]
                        })
                ]
            }
            sections.append(low)
        }
        let charted = report.trends.filter { trend in trend.points.contains { $0.share != nil } }
        if !charted.isEmpty {
            var trends = Section(heading: S.text(.sectionTrend, l))
            trends.charts = charted.map { trend in
                Chart(
                    title: S.text(.chartTrend, l, trend.officialName, trend.criterionLabel.text(l)),
                    bars: trend.points.map { point in
                        Bar(
                            label: point.period.display(l), value: point.share?.value ?? 0,
                            text: point.share.map { S.percent($0, l) } ?? "—")
                    })
            }
            sections.append(trends)
        }
        if !report.notes.isEmpty {
            var undecided = Section(heading: S.text(.sectionUndecided, l))
            undecided.tables = [
                Table(
                    caption: nil,
                    columns: [S.text(.round, l), S.text(.unit, l), S.text(.period, l), S.text(.note, l)],
                    rows: report.notes.map { note in
                        [
                            note.roundID.rawValue, note.unitNames.joined(separator: "; "), note.period.display(l),
                            Self.explain(note.reason, l),
                        ]
                    })
            ]
            sections.append(undecided)
        }
        self.sections = sections
        signers = [Signer(role: S.text(.signerPreparer, l), name: ""), Signer(role: S.text(.signerHead, l), name: "")]
        recipients = [S.text(.recipientFiled, l)]
    }

    /// Why a round decides nothing, in words.
    static func explain(_ reason: FlagsReport.RoundNote.Reason, _ l: Language) -> String {
        switch reason {
        case .voided(let text, let date):
            let shown = CivilDate(iso: date)?.display ?? date
            return S.text(.roundVoided, l, shown, text)
        case .inconclusive(let why): return explain(why, l)
        }
    }

    static func explain(_ reason: InconclusiveReason, _ l: Language) -> String {
        switch reason {
        case .tooFewBallots(let counted, let minimum):
            return S.text(.inconclusiveTooFew, l, "\(counted)", "\(minimum)")
        case .quorumNotMet(let returned, let electorate, let quorum):
            return S.text(
                .inconclusiveQuorum, l, "\(returned)", electorate.map { "\($0)" } ?? "?",
                quorum.map(S.fraction) ?? "?")
        }
    }

    static func fill(
        _ section: inout Section, counts: RoundResult.Counts, report: RoundReport, language l: Language
    ) {
        let survey = report.survey
        let officials = Dictionary(report.roster.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: OfficialID) -> String { officials[id]?.fullName ?? id.rawValue }
        // A combined round names each official's unit after the position, as its ballot does.
        let combined = report.unitNames.count > 1
        func position(_ id: OfficialID) -> String {
            let position = officials[id]?.position ?? ""
            return combined ? position + " · " + report.unitName(of: id) : position
        }
        func choice(_ code: String) -> String { survey.choices.first { $0.code == code }?.label.text(l) ?? code }

        switch counts {
        case .grid(let grid):
            // One row per official, one column per criterion: a 30-person unit fits a page or
            // two, where a row per official and criterion ran to 210 rows. The JSON report keeps
            // every figure (docs/REPORT-JSON.md).
            let labels = Dictionary(survey.criteria.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let criteria = grid.rows.first?.cells.map(\.criterionID) ?? survey.criteria.map(\.id)
            var rows: [[String]] = []
            for (index, row) in grid.rows.enumerated() {
                var line = ["\(index + 1)", name(row.officialID), position(row.officialID)]
                for cell in row.cells {
                    var text = "\(cell.marked)"
                    if cell.marked > 0 { text += " (\(S.percent(cell.share.value, l)))" }
                    if let before = report.previousShares[row.officialID]?[cell.criterionID],
                        before > 0 || cell.marked > 0
                    {
                        text += " [\(S.percent(before, l))]"
                    }
                    line.append(text)
                }
                rows.append(line)
                // A chart of seven empty bars says nothing: charts only for officials marked at all.
                guard row.cells.contains(where: { $0.marked > 0 }) else { continue }
                section.charts.append(
                    Chart(
                        title: "\(name(row.officialID)) — \(S.text(.chartGrid, l))",
                        bars: row.cells.map { cell in
                            Bar(
                                label: labels[cell.criterionID]?.label.text(l) ?? cell.criterionID.rawValue,
                                value: cell.share.value, text: S.percent(cell.share.value, l))
                        }))
            }
            var legend = S.text(.gridLegend, l, "\(grid.rows.first?.cells.first?.valid ?? 0)")
            if let previous = report.previousPeriod {
                legend += " " + S.text(.gridLegendPrevious, l, previous.display(l))
            }
            section.tables.append(
                Table(
                    caption: legend,
                    columns: [S.text(.number, l), S.text(.official, l), S.text(.position, l)]
                        + criteria.map { labels[$0]?.shortLabel.text(l) ?? $0.rawValue },
                    rows: rows))

        case .confidenceVote(let vote):
            if vote.electorate == nil {
                section.paragraphs.append(S.text(.electorateUnknown, l))
            } else if let quorum = vote.quorum {
                section.paragraphs.append(S.text(vote.valid ? .quorumMet : .quorumNotMet, l, S.fraction(quorum)))
            }
            let thresholdLabels = Dictionary(
                survey.policy.thresholds.map { ($0.id, $0.label.text(l)) }, uniquingKeysWith: { a, _ in a })
            var rows: [[String]] = []
            for row in vote.rows {
                rows.append(
                    [name(row.officialID), position(row.officialID)]
                        + row.levels.map { S.percent($0.share, l) }
                        + ["\(row.blank)", row.thresholdsMet.map { thresholdLabels[$0] ?? $0 }.joined(separator: "; ")])
                section.charts.append(
                    Chart(
                        title: "\(name(row.officialID)) — \(S.text(.chartLevels, l))",
                        bars: row.levels.map {
                            Bar(label: choice($0.code), value: $0.share.value, text: S.percent($0.share.value, l))
                        }))
            }
            section.tables.append(
                Table(
                    caption: nil,
                    columns: [S.text(.official, l), S.text(.position, l)] + survey.choices.map { $0.label.text(l) }
                        + [S.text(.blank, l), S.text(.thresholds, l)], rows: rows))

        case .satisfaction(let satisfaction):
            let labels = Dictionary(survey.questions.map { ($0.id, $0.label.text(l)) }, uniquingKeysWith: { a, _ in a })
            var rows: [[String]] = []
            var bars: [Bar] = []
            for question in satisfaction.questions {
                let label = labels[question.questionID] ?? question.questionID
                rows.append(
                    [label] + question.levels.map { S.percent($0.share, l) }
                        + ["\(question.blank)", S.percent(question.index, l)])
                bars.append(Bar(label: label, value: question.index.value, text: S.percent(question.index.value, l)))
            }
            rows.append(
                [S.text(.overall, l)] + survey.choices.map { _ in "" } + ["", S.percent(satisfaction.overall, l)])
            bars.append(
                Bar(
                    label: S.text(.overall, l), value: satisfaction.overall.value,
                    text: S.percent(satisfaction.overall.value, l)))
            section.paragraphs.append(
                "\(S.text(.satisfactionIndex, l)) (\(S.channel(satisfaction.channel, l))): "
                    + S.percent(satisfaction.overall, l))
            section.tables.append(
                Table(
                    caption: nil,
                    columns: [S.text(.question, l)] + survey.choices.map { $0.label.text(l) }
                        + [S.text(.blank, l), S.text(.satisfactionIndex, l)], rows: rows))
            section.charts.append(Chart(title: S.text(.chartSatisfaction, l), bars: bars))

        case .rating(let rating):
            var rows: [[String]] = []
            for row in rating.rows {
                rows.append(
                    [name(row.officialID), position(row.officialID)] + row.levels.map { S.percent($0.share, l) }
                        + ["\(row.blank)"])
                section.charts.append(
                    Chart(
                        title: "\(name(row.officialID)) — \(S.text(.chartLevels, l))",
                        bars: row.levels.map {
                            Bar(label: choice($0.code), value: $0.share.value, text: S.percent($0.share.value, l))
                        }))
            }
            section.tables.append(
                Table(
                    caption: nil,
                    columns: [S.text(.official, l), S.text(.position, l)] + survey.choices.map { $0.label.text(l) }
                        + [S.text(.blank, l)], rows: rows))
        }
    }
}
