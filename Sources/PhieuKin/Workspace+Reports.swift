public import Foundation
public import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages
import PhieuKinSheets
import PhieuKinStorage

/// The formats `phieukin report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, csv, html, pdf
    /// An Excel workbook: the figures as numbers and percentages (docs/EXCEL.md).
    case xlsx
}

extension WorkspaceService {

    func writeOutput(to path: String, force: Bool, _ body: (OutputFile) throws -> Void) throws {
        let output = try OutputFile.begin(path, force: force, workspace: self, what: "the report")
        do {
            try body(output)
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    // MARK: Stored results

    func decodeResult(_ body: [UInt8], roundID: RoundID) throws -> RoundResult {
        do {
            return try ResultEncoding.decode(RoundResult.self, from: body)
        } catch {
            throw PhieuKinError.tampered("the stored result of round \(roundID) cannot be read.", underlying: error)
        }
    }

    func storedFlags(roundIDs: [RoundID]) throws -> [Flag] {
        try store.flags(roundIDs: roundIDs).map { record in
            do {
                return try ResultEncoding.decode(Flag.self, from: record.body)
            } catch {
                throw PhieuKinError.tampered(
                    "a stored flag of round \(record.roundID) cannot be read.", underlying: error)
            }
        }
    }

    /// The key that opens a round's remarks, or nil when it would need shares or a passphrase
    /// that were not given.
    fileprivate func remarksKey(round: Round, given: TallyKeySource?) throws -> X25519PrivateKey? {
        if let given, !given.shareFiles.isEmpty || given.passphrase != nil {
            return try rebuildTallyKey(round: round, source: given)
        }
        guard round.committeeSize == 1, let pem = try? KeyFiles.readPrivate(tallyKeyPath(roundID: round.id)),
            !pem.contains("ENCRYPTED")
        else { return nil }
        return try rebuildTallyKey(round: round, source: TallyKeySource())
    }
}

extension ReportService {
    /// The report of a tallied round, from its committed result and flags.
    ///
    /// Remarks are sealed to the round's tally key: they are opened with `key` when given, else
    /// with the workspace's 1-of-1 key file when it needs no passphrase; otherwise the report
    /// says they are sealed.
    public func roundReport(
        roundID: RoundID, key: TallyKeySource? = nil, generated: Date = Date()
    ) throws
        -> RoundReport
    {
        try roundReport(roundID: roundID, key: key, openRemarks: true, generated: generated)
    }

    /// `openRemarks`: false leaves the sealed remarks sealed (the minutes show none).
    func roundReport(
        roundID: RoundID, key: TallyKeySource? = nil, openRemarks: Bool, generated: Date
    ) throws -> RoundReport {
        let round = try store.round(id: roundID)
        if round.state == .voided {
            throw PhieuKinError.roundState(
                "round \(roundID) was voided on \(round.voidedOn ?? "?"): \(round.voidReason ?? ""). A voided round has no report; "
                    + "the flags report lists it.")
        }
        guard round.state == .tallied, let record = try store.result(roundID: roundID) else {
            throw PhieuKinError.roundState(
                "round \(roundID) is \(round.state), not tallied: a report shows a tallied round's result.",
                next: [round.state == .open ? .closeRound(roundID: roundID) : .tallyRound(roundID: roundID)])
        }
        var result = try decodeResult(record.body, roundID: roundID)
        let survey = try survey(ofRound: round)
        let flags = try storedFlags(roundIDs: [roundID])
        // The "last round" column: the latest conclusive round of this survey before this one that
        // had any of these officials on its ballot (what the flags were compared with).
        let previous = try flagHistory(before: record.logIndex)
            .filter { earlier in
                earlier.surveyID == result.surveyID && earlier.period < result.period && earlier.inconclusive == nil
                    && result.officialIDs.contains { earlier.hasOfficial($0) }
            }
            .max { $0.period < $1.period }
        var withheld = false
        if openRemarks, let sealed = try store.sealedRemarks(roundID: roundID) {
            if let tallyKey = try remarksKey(round: round, given: key) {
                result.remarks = try Self.openRemarks(sealed, key: tallyKey, roundID: roundID)
            } else {
                withheld = true
            }
        }
        let units = try store.roundUnits(roundID: roundID).map { (id: $0, name: try unitName($0)) }
        var report = RoundReport(
            info: try roundInfo(round), result: result, survey: survey, flags: flags,
            officials: try roundOfficialList(round), previous: previous, units: units.isEmpty ? nil : units,
            generated: generated)
        report.remarksWithheld = withheld && !report.view.isSuppressed
        return report
    }

    /// Flags of one period (or every period when nil), optionally of one survey and unit.
    ///
    /// Voided rounds are left out and listed with their reason. An inconclusive round raises and
    /// clears nothing: it is listed with why, and the standing flags (action, reminder) of its
    /// officials' last conclusive round are shown again, marked as carried over it.
    public func flagsReport(
        period: Period?, surveyID: SurveyID? = nil, unitID: UnitID? = nil, generated: Date = Date()
    ) throws -> FlagsReport {
        let rounds = try store.rounds(unitID: unitID, surveyID: surveyID)
            .filter { period == nil || Period($0.period) == period }
        let tallied = rounds.filter { $0.state == .tallied }
        var flags = try storedFlags(roundIDs: tallied.map(\.id))
        var carried: [FlagView] = []
        var notes: [FlagsReport.RoundNote] = []
        var surveys: [SurveyID: Survey] = [:]
        let units = try store.units()
        let unitNames = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let history = try flagHistory()
        for round in rounds where round.state == .tallied || round.state == .voided {
            if surveys[round.surveyID] == nil { surveys[round.surveyID] = try survey(ofRound: round) }
            let names = try store.roundUnits(roundID: round.id).map { unitNames[$0] ?? $0.rawValue }
            guard let roundPeriod = Period(round.period) else { continue }
            if round.state == .voided {
                notes.append(
                    .init(
                        roundID: round.id, surveyID: round.surveyID, unitNames: names, period: roundPeriod,
                        reason: .voided(round.voidReason ?? "", on: round.voidedOn ?? "")))
                continue
            }
            guard let result = history.first(where: { $0.roundID == round.id }), let why = result.inconclusive
            else { continue }
            notes.append(
                .init(
                    roundID: round.id, surveyID: round.surveyID, unitNames: names, period: roundPeriod,
                    reason: .inconclusive(why)))
            // Standing flags carry over the inconclusive round, from each official's last conclusive round.
            var lastRounds: [OfficialID: RoundResult] = [:]
            for official in result.officialIDs {
                if case .compared(let prior) = PriorRound.find(officialID: official, for: result, among: history) {
                    lastRounds[official] = prior
                }
            }
            let standing = try storedFlags(roundIDs: Array(Set(lastRounds.values.map(\.roundID))))
            for flag in standing
            where flag.status != .resolved && lastRounds[flag.officialID]?.roundID == flag.roundID {
                carried.append(FlagView(carrying: flag, over: result))
            }
        }
        if let unitID { flags = flags.filter { $0.unitID == unitID } }
        let officials = try store.officials(includeInactive: true)
        var report = FlagsReport(
            period: period, flags: flags, carried: carried.filter { unitID == nil || $0.unitID == unitID },
            notes: notes, surveys: Array(surveys.values), officials: officials, units: units, generated: generated)
        report.agency = agencyName
        report.profile = agencyProfile
        let byID = Dictionary(officials.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        // QĐ 96 outcomes of the confidence votes in scope; only valid votes of groups large
        // enough to report (`ReportView`), like every other figure.
        for round in tallied {
            guard let result = history.first(where: { $0.roundID == round.id }), result.kind == .confidenceVote,
                let survey = surveys[round.surveyID]
            else { continue }
            report.confidenceVotes += 1
            guard case .shown(let shown) = ReportView(result).content, case .confidenceVote(let vote) = shown.counts,
                vote.valid
            else { continue }
            // Each official under their own unit, as on the ballot (a round may hold several units).
            let unitOf = Dictionary(
                try roundOfficialList(round).map { ($0.id, $0.unitID) }, uniquingKeysWith: { a, _ in a })
            for row in vote.rows where !row.thresholdsMet.isEmpty {
                let unitName = FlaggedOfficial.unitName(unitOf[row.officialID] ?? result.unitID, names: unitNames)
                guard let low = row.low,
                    let outcome = survey.policy.thresholds.last(where: { row.thresholdsMet.contains($0.id) })
                else { continue }
                report.lowConfidence.append(
                    .init(
                        officialID: row.officialID,
                        officialName: byID[row.officialID]?.fullName ?? row.officialID.rawValue,
                        position: byID[row.officialID]?.position ?? "", unitName: unitName, period: result.period,
                        roundID: result.roundID, low: low, outcome: outcome.label))
            }
        }
        report.lowConfidence.sort { ($0.period, $0.unitName, $0.roundID) < ($1.period, $1.unitName, $1.roundID) }

        // The trend of each flagged criterion over the official's last four rounds of the survey.
        var seen = Set<String>()
        for entry in report.flagged {
            let flag = entry.flag
            guard seen.insert("\(flag.officialID)|\(flag.criterionID)|\(flag.surveyID)").inserted else { continue }
            let rounds = history.filter {
                $0.surveyID == flag.surveyID && $0.period <= flag.period && $0.hasOfficial(flag.officialID)
            }
            .sorted { $0.period < $1.period }
            .suffix(4)
            let points = rounds.map { result -> FlagsReport.Trend.Point in
                guard case .shown(let shown) = ReportView(result).content, case .grid(let grid) = shown.counts,
                    let cell = grid.cell(official: flag.officialID, criterion: flag.criterionID)
                else { return .init(period: result.period, share: nil) }
                return .init(period: result.period, share: cell.share)
            }
            report.trends.append(
                .init(
                    officialID: flag.officialID, criterionID: flag.criterionID, officialName: entry.officialName,
                    criterionLabel: entry.criterionLabel, points: points))
        }
        return report
    }

    /// Renders a report in `format` to `path` (written whole or not at all). An existing `path`
    /// is refused unless `force`, and then only a regular file is replaced (README, "Files
    /// PhieuKin writes"). With `spss` (CSV only), SPSS syntax reading the CSV is written beside it:
    /// the same name ending in `.sps` (docs/EXCEL.md).
    public func writeReport(
        _ report: RoundReport, format: ReportFormat, language: Language, to path: String, force: Bool = false,
        spss: Bool = false
    ) throws {
        try writeReport(
            format: format, to: path, force: force, spss: spss ? ReportData(report, language: language) : nil,
            language: language,
            file: { path in
                if format == .pdf {
                    _ = try ReportRenderer.pdf(report, language: language, to: path)
                } else {
                    try XLSXWriter.write(ReportData(report, language: language).sheets(language: language), to: path)
                }
            },
            bytes: { try reportBytes(report, format: format, language: language) })
    }

    public func writeReport(
        _ report: FlagsReport, format: ReportFormat, language: Language, to path: String, force: Bool = false,
        spss: Bool = false
    ) throws {
        try writeReport(
            format: format, to: path, force: force, spss: spss ? ReportData(report, language: language) : nil,
            language: language,
            file: { path in
                if format == .pdf {
                    _ = try ReportRenderer.pdf(report, language: language, to: path)
                } else {
                    try XLSXWriter.write(ReportData(report, language: language).sheets(language: language), to: path)
                }
            },
            bytes: { try reportBytes(report, format: format, language: language) })
    }

    /// Either report, through one temporary file: cairo writes a PDF to it, libxlsxwriter a
    /// workbook; other formats are bytes. The SPSS syntax, when asked for, goes through a second
    /// one, and neither file is moved into place before both are written.
    private func writeReport(
        format: ReportFormat, to path: String, force: Bool, spss data: ReportData?, language: Language,
        file: (String) throws -> Void, bytes: () throws -> [UInt8]
    ) throws {
        guard data == nil || format == .csv else {
            throw PhieuKinError.invalidInput(
                "SPSS syntax is written beside a CSV report (it reads the CSV): choose the CSV format; nothing was written."
            )
        }
        var syntax: OutputFile?
        if let data {
            let csvName = (path as NSString).lastPathComponent
            let base = csvName.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
            let output = try OutputFile.begin(base + ".sps", force: force, workspace: self, what: "the SPSS syntax")
            do {
                try output.write(Array(data.spss(csvName: csvName, language: language).utf8))
            } catch {
                output.discard()
                throw error
            }
            syntax = output
        }
        do {
            try writeOutput(to: path, force: force) { temporary in
                if format == .pdf || format == .xlsx {
                    do {
                        try file(temporary.temporaryPath)
                    } catch let error as SheetError {
                        throw PhieuKinError(.fileAccess, "cannot write \(path): \(error); nothing was written.")
                    }
                } else {
                    try temporary.write(try bytes())
                }
            }
        } catch {
            syntax?.discard()
            throw error
        }
        try syntax?.commit()
    }

    /// A report as bytes, for every format but PDF (which is written to a file by cairo).
    public func reportBytes(_ report: RoundReport, format: ReportFormat, language: Language) throws -> [UInt8] {
        switch format {
        case .pdf: throw PhieuKinError.invalidInput("a PDF report needs an output file.", next: [.giveOutputFile])
        case .xlsx:
            throw PhieuKinError.invalidInput("an Excel (.xlsx) report needs an output file.", next: [.giveOutputFile])
        case .json: ReportRenderer.json(report)
        case .text: Array(ReportRenderer.text(report, language: language).utf8)
        case .csv: ReportData(report, language: language).csv
        case .html: Array(ReportRenderer.html(report, language: language).utf8)
        }
    }

    public func reportBytes(_ report: FlagsReport, format: ReportFormat, language: Language) throws -> [UInt8] {
        switch format {
        case .pdf: throw PhieuKinError.invalidInput("a PDF report needs an output file.", next: [.giveOutputFile])
        case .xlsx:
            throw PhieuKinError.invalidInput("an Excel (.xlsx) report needs an output file.", next: [.giveOutputFile])
        case .json: ReportRenderer.json(report)
        case .text: Array(ReportRenderer.text(report, language: language).utf8)
        case .csv: ReportData(report, language: language).csv
        case .html: Array(ReportRenderer.html(report, language: language).utf8)
        }
    }
}
