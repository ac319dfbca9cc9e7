public import Foundation
public import PhieuKinCore
import PhieuKinCrypto
import PhieuKinStorage

/// The formats `phieukin report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, csv, html, pdf
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
            return try JSONDecoder().decode(RoundResult.self, from: Data(body))
        } catch {
            throw PhieuKinError.tampered("the stored result of round \(roundID) cannot be read.", underlying: error)
        }
    }

    func storedFlags(roundIDs: [RoundID]) throws -> [Flag] {
        try store.flags(roundIDs: roundIDs).map { record in
            do {
                return try JSONDecoder().decode(Flag.self, from: Data(record.body))
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
                "round \(roundID) is \(round.state.rawValue), not tallied: a report shows a tallied round's result.",
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
        var report = RoundReport(
            info: try roundInfo(round), result: result, survey: survey, flags: flags,
            officials: try roundOfficialList(round), previous: previous, generated: generated)
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
        return FlagsReport(
            period: period, flags: flags, carried: carried.filter { unitID == nil || $0.unitID == unitID },
            notes: notes, surveys: Array(surveys.values), officials: try store.officials(includeInactive: true),
            units: units, generated: generated)
    }

    /// Renders a report in `format` to `path` (written whole or not at all). An existing `path`
    /// is refused unless `force`, and then only a regular file is replaced (README, "Files
    /// PhieuKin writes").
    public func writeReport(
        _ report: RoundReport, format: ReportFormat, language: Language, to path: String, force: Bool = false
    ) throws {
        try writeReport(
            format: format, to: path, force: force,
            pdf: { _ = try ReportRenderer.pdf(report, language: language, to: $0) },
            bytes: { try reportBytes(report, format: format, language: language) })
    }

    public func writeReport(
        _ report: FlagsReport, format: ReportFormat, language: Language, to path: String, force: Bool = false
    ) throws {
        try writeReport(
            format: format, to: path, force: force,
            pdf: { _ = try ReportRenderer.pdf(report, language: language, to: $0) },
            bytes: { try reportBytes(report, format: format, language: language) })
    }

    /// Either report, through one temporary file: cairo writes a PDF to it, other formats are bytes.
    private func writeReport(
        format: ReportFormat, to path: String, force: Bool, pdf: (String) throws -> Void,
        bytes: () throws -> [UInt8]
    ) throws {
        try writeOutput(to: path, force: force) { temporary in
            if format == .pdf {
                try pdf(temporary.temporaryPath)
            } else {
                try temporary.write(try bytes())
            }
        }
    }

    /// A report as bytes, for every format but PDF (which is written to a file by cairo).
    public func reportBytes(_ report: RoundReport, format: ReportFormat, language: Language) throws -> [UInt8] {
        switch format {
        case .pdf: throw PhieuKinError.invalidInput("a PDF report needs an output file.", next: [.giveOutputFile])
        case .json: ReportRenderer.json(report)
        case .text: Array(ReportRenderer.text(report, language: language).utf8)
        case .csv: ReportRenderer.utf8BOM + Array(ReportRenderer.csv(report, language: language).utf8)
        case .html: Array(ReportRenderer.html(report, language: language).utf8)
        }
    }

    public func reportBytes(_ report: FlagsReport, format: ReportFormat, language: Language) throws -> [UInt8] {
        switch format {
        case .pdf: throw PhieuKinError.invalidInput("a PDF report needs an output file.", next: [.giveOutputFile])
        case .json: ReportRenderer.json(report)
        case .text: Array(ReportRenderer.text(report, language: language).utf8)
        case .csv: ReportRenderer.utf8BOM + Array(ReportRenderer.csv(report, language: language).utf8)
        case .html: Array(ReportRenderer.html(report, language: language).utf8)
        }
    }
}
