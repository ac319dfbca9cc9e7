import Foundation
import PhieuKinCore

extension ReportDocument {
    private typealias S = ReportStrings

    /// The tally minutes: heading, the committee, the ballot counts and quarantine decisions, the
    /// results (tables only, from the `ReportView`: a small group shows none), the flags, the
    /// signed roots in groups of four, and the committee's signatures.
    init(_ minutes: MinutesReport, language l: Language) {
        let report = minutes.round
        let date = minutes.talliedOn ?? CivilDate.today(now: report.generated)
        title = S.text(.minutesTitle, l)
        subtitle = S.text(
            .minutesSubtitle, l, report.survey.title.text(l), S.list(report.unitNames, l),
            report.info.period.display(l))
        heading = Self.officialHeading(
            agency: minutes.agency, profile: minutes.profile, symbol: S.text(.minutesSymbol, l), date: date,
            language: l)
        meta = []
        var sections: [Section] = []

        let dateWords = S.placeDate(nil, date, l).replacingOccurrences(of: S.text(.placeBlank, l) + ", ", with: "")
        sections.append(
            Section(
                heading: "",
                paragraphs: [
                    // The round in words (survey, period, units): its id is for the archive line.
                    S.text(
                        .minutesOpening, l, dateWords, report.survey.title.text(l), report.info.period.display(l),
                        S.list(report.unitNames, l), S.channel(report.info.channel, l), minutes.agency)
                ]))

        var committee = Section(heading: S.text(.sectionCommittee, l))
        if minutes.committee.isEmpty {
            committee.paragraphs = [S.text(.committeeBlank, l)]
            committee.items = ["1. ……………………………………", "2. ……………………………………", "3. ……………………………………"]
        } else {
            committee.items = minutes.committee.enumerated().map { index, member in
                "\(index + 1). \(member.name)" + (member.role.isEmpty ? "" : " — \(member.role)")
            }
        }
        sections.append(committee)

        sections.append(Self.ballotCounts(minutes, language: l))
        sections.append(Self.keyingChecks(minutes.quarantine, language: l))

        var results = Section(heading: S.text(.sectionResults, l))
        switch report.view.content {
        case .tooFewBallots(let minimum):
            results.paragraphs = [S.text(.tooFewBallots, l, "\(minimum)")]
        case .shown(let shown):
            Self.fill(&results, counts: shown.counts, report: report, language: l)
            // Minutes are signed on paper: the tables, not the charts.
            results.charts = []
        }
        sections.append(results)

        var flags = Self.flagSection(report.flagged, language: l)
        flags.heading = S.text(.sectionMinutesFlags, l)
        if report.view.isSuppressed { flags.paragraphs = [S.text(.tooFewBallots, l, "\(report.view.minimumShown)")] }
        sections.append(flags)

        // Each code right under the sentence that names it: one short section per code.
        var roots: [Section] = []
        func add(_ sentence: String, _ bytes: [UInt8]) {
            roots.append(Section(heading: "", paragraphs: [sentence], codes: SignedRoot.groups(bytes)))
        }
        if let log = minutes.ballotLog {
            add(S.text(.ballotLogRoot, l, Self.display(log.date), "\(log.size)"), log.root)
            add(S.text(.logSignature, l), log.signature)
        }
        if let log = minutes.resultsLog {
            add(
                S.text(.resultsLogRoot, l, Self.display(log.date), "\(minutes.resultsLogIndex)", "\(log.size)"),
                log.root)
            add(S.text(.logSignature, l), log.signature)
        }
        if minutes.ballotLog == nil || minutes.resultsLog == nil {
            roots.append(Section(heading: "", paragraphs: [S.text(.rootsMissing, l)]))
        }
        roots.append(Section(heading: "", paragraphs: [S.text(.rootsNote, l)]))
        roots[0].heading = S.text(.sectionRoots, l)
        sections.append(contentsOf: roots)
        sections.append(Section(heading: "", paragraphs: [S.text(.minutesClosing, l)]))
        self.sections = sections

        signersTitle = S.text(.committeeSigners, l)
        let members =
            minutes.committee.isEmpty
            ? Array(repeating: CommitteeMember(name: ""), count: 3) : minutes.committee
        signers = members.map {
            Signer(role: ($0.role.isEmpty ? S.text(.committeeMember, l) : $0.role).uppercased(), name: $0.name)
        }
        recipients = [S.text(.recipientArchive, l, report.info.roundID.rawValue)]
    }

    /// The paper ballots only: issued, received, valid (of which blank), invalid. Rows held at
    /// keying are not ballots and are counted apart (`keyingChecks`).
    static func ballotCounts(_ minutes: MinutesReport, language l: Language) -> Section {
        var counts: [[String]] = [
            [S.text(.issued, l), minutes.issued.map { "\($0)" } ?? "—"],
            [S.text(.ballotsReceived, l), "\(minutes.received)"],
        ]
        switch minutes.round.view.content {
        case .shown(let shown):
            counts.append([S.text(.ballotsValid, l), "\(shown.ballotsCounted)"])
            counts.append([S.text(.ballotsBlank, l), "\(shown.blankBallots)"])
            counts.append([S.text(.ballotsInvalid, l), "\(shown.invalidBallots)"])
            if let electorate = shown.electorate { counts.insert([S.text(.electorate, l), "\(electorate)"], at: 0) }
        case .tooFewBallots:
            // Nothing counted of a small group is broken down, not even valid against invalid.
            counts.append([S.text(.ballotsValid, l), "—"])
            counts.append([S.text(.ballotsBlank, l), "—"])
            counts.append([S.text(.ballotsInvalid, l), "—"])
        }
        var ballots = Section(heading: S.text(.sectionBallots, l))
        ballots.tables = [Table(caption: nil, columns: [S.text(.item, l), S.text(.count, l)], rows: counts)]
        return ballots
    }

    /// Keyed rows and scans held for checking against the paper, by reason: what was corrected
    /// while keying, said not to be ballots so no one adds them to the ballots received.
    static func keyingChecks(_ lines: [MinutesReport.QuarantineLine], language l: Language) -> Section {
        guard !lines.isEmpty else { return Section(heading: "", paragraphs: [S.text(.quarantineNone, l)]) }
        let held = lines.reduce(0) { $0 + $1.accepted + $1.discarded + $1.pending }
        return Section(
            heading: "", paragraphs: [S.text(.keyingCorrections, l, "\(held)")],
            tables: [
                Table(
                    caption: nil,
                    columns: [
                        S.text(.quarantineCode, l), S.text(.quarantineAccepted, l), S.text(.quarantineDiscarded, l),
                        S.text(.quarantinePending, l),
                    ],
                    rows: lines.map {
                        [S.rejectCode($0.code, l), "\($0.accepted)", "\($0.discarded)", "\($0.pending)"]
                    })
            ])
    }

    /// A head's yyyy-MM-dd as dd/MM/yyyy.
    static func display(_ iso: String) -> String { CivilDate(iso: iso)?.display ?? iso }
}

extension ReportView {
    /// The smallest group shown (what "too few ballots" names).
    var minimumShown: Int {
        if case .tooFewBallots(let minimum) = content { return minimum }
        return 0
    }
}
