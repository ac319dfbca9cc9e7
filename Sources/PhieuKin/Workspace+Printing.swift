import Foundation
public import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages
import PhieuKinPrint
import PhieuKinStorage

/// What printing reports back to staff.
public struct PrintResult: Sendable, Codable, Equatable {
    public var path: String
    public var sheets: Int
    public var pages: Int
    public var bytes: Int
    public var serialsIssued: Int
}

extension WorkspaceService {
    static var publicURLKey: String { "public_url" }

    /// The server's public address (`https://host[:port][/path]`, no trailing slash): the one
    /// given, checked, or the one remembered in the workspace.
    func boothBaseURL(_ given: String?) throws -> String {
        guard let text = try given ?? store.meta(Self.publicURLKey) else {
            throw PhieuKinError(
                .invalidInput,
                "the slips' QR codes open the voting page, so the server's public address is needed (e.g. https://phieu.example.gov.vn).",
                next: [.givePublicURL])
        }
        var url = text.trimmingWhitespaceAndNewlines()
        while url.hasSuffix("/") { url.removeLast() }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), url.count > 8, url.count <= 100,
            url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "|") && $0 != UInt8(ascii: "#") })
        else {
            throw PhieuKinError(
                .invalidInput,
                "the public address must be an http(s) address of at most 100 plain characters, without # or |.",
                next: [.givePublicURL])
        }
        return url
    }

    /// The printable description of a round's ballot (no serial).
    func ballotDocument(round: Round, language: Language) throws -> BallotDocument {
        let survey = try survey(ofRound: round)
        let officials = try store.roundOfficials(roundID: round.id)
        let period = Period(round.period)?.display(language) ?? round.period
        // A round over several units lists its officials unit by unit (the order they were frozen
        // in) and names each one's unit under the name, so the groups read at a glance.
        let units = try store.roundUnits(roundID: round.id)
        var unitNames: [UnitID: String] = [:]
        for unit in units { unitNames[unit] = try unitName(unit) }
        let officialRows: [BallotDocument.Row] = officials.map { official in
            guard units.count > 1, let unit = official.unitID.flatMap({ unitNames[$0] }) else {
                return .init(label: official.fullName, sublabel: official.title, id: official.officialID.rawValue)
            }
            return .init(
                label: official.fullName, sublabel: official.title + " · " + unit, id: official.officialID.rawValue)
        }
        let rows: [BallotDocument.Row]
        let columns: [BallotDocument.Column]
        switch survey.shape {
        case .grid:
            rows = officialRows
            columns = survey.criteria.map { .init(header: $0.shortLabel.text(language)) }
        case .officialChoice:
            rows = officialRows
            columns = survey.choices.map { .init(header: $0.label.text(language)) }
        case .questions:
            rows = survey.questions.map { .init(label: $0.label.text(language), sublabel: "") }
            columns = survey.choices.map { .init(header: $0.label.text(language)) }
        }
        // Who answers (citizens, businesses, staff), after the period: one survey is often run on
        // several channels, and the paper must say which one it belongs to.
        let channel = Survey.Channel(rawValue: round.channel).map { " – " + ReportStrings.channel($0, language) } ?? ""
        var document = BallotDocument(
            agencyName: agencyName, unitName: units.map { unitNames[$0] ?? $0.rawValue }.joined(separator: " – "),
            surveyID: survey.id.rawValue, roundID: round.id.rawValue,
            title: survey.title.text(language), subtitle: language == .vi ? "phiếu kín" : "secret ballot",
            periodText: period + channel, dateText: CivilDate.today().display,
            instructions: survey.instructions.text(language), rows: rows, columns: columns,
            mode: survey.shape == .grid ? .checkboxes : .singleChoice,
            rowHeader: survey.shape == .questions ? ReportStrings.text(.ballotRowQuestion, language) : nil,
            remarkLabel: survey.remark.allowed
                ? (language == .vi ? "Ý kiến khác (nếu có):" : "Other remarks (optional):") : nil,
            language: language, layoutID: "",
            notice: ReportStrings.text(round.numbered ? .ballotNoticeNumbered : .ballotNoticeUnnumbered, language),
            legend: survey.shape == .grid ? Self.criteriaLegend(survey, language: language) : nil)
        document.layoutID = Self.layoutID(BallotPrinter.layoutDescriptor(document))
        return document
    }

    /// The column heads of a grid in full: "Đạo đức: Đạo đức, lối sống" (the head alone when it
    /// is the full label already).
    static func criteriaLegend(_ survey: Survey, language: Language) -> BallotDocument.Legend {
        BallotDocument.Legend(
            title: ReportStrings.text(.ballotLegendTitle, language),
            lines: survey.criteria.map { criterion in
                let short = criterion.shortLabel.text(language)
                let full = criterion.label.text(language)
                return short == full ? full : "\(short): \(full)"
            })
    }

    /// First 16 hex digits of SHA-256 over the printer's canonical layout description.
    static func layoutID(_ descriptor: String) -> String {
        String(Hex.encode(SHA256.hash(Array(descriptor.utf8))).prefix(16))
    }

    func unitName(_ unitID: UnitID) throws -> String {
        try store.unit(id: unitID)?.name ?? unitID.rawValue
    }

    fileprivate func serialCountToIssue(round: Round, extra: Int?) throws -> Int {
        guard round.state == .open else {
            throw PhieuKinError.roundState(
                "round \(round.id) is \(round.state); ballots are printed only for open rounds.")
        }
        if let extra {
            guard extra > 0 else { throw PhieuKinError.invalidInput("the number of extra ballots must be at least 1.") }
            return extra
        }
        if round.numbered, try store.issuedSerialCount(roundID: round.id) > 0 {
            throw PhieuKinError.roundState(
                "serials for round \(round.id) were issued already and are not stored anywhere, so they cannot be printed again; "
                    + "spoiled or missing sheets are replaced by issuing new ones.",
                next: [.issueExtraBallots(roundID: round.id)])
        }
        return round.ballotsPlanned
    }

    /// Renders to a temporary file of its own beside `path`, stores the serial hashes, then moves
    /// the file into place; on any failure nothing is issued and no partial file remains. An
    /// existing `path` is refused unless `force` (and then only a regular file is replaced);
    /// nothing this command did not create is ever deleted (README, "Files PhieuKin writes").
    fileprivate func renderThenIssue(
        round: Round, hashes: [[UInt8]], layoutID: String?, to path: String, force: Bool,
        render: (String) throws -> PrintSummary
    ) throws -> PrintSummary {
        let output = try OutputFile.begin(path, force: force, workspace: self, what: "the ballots")
        let summary: PrintSummary
        do {
            summary = try render(output.temporaryPath)
            try store.insertIssuedSerialHashes(roundID: round.id, hashes: hashes, layoutID: layoutID)
        } catch {
            output.discard()
            throw error
        }
        // The serials are issued now: never delete the only copy of them.
        do {
            try output.commit(keepOnFailure: true)
        } catch let error as PhieuKinError {
            throw PhieuKinError(
                error.kind,
                "the ballots were printed but not moved into place: \(error.reason) Its serials are issued; use that file.",
                underlying: error)
        }
        return summary
    }
}

extension RoundService {
    /// Prints the round's ballots, issuing their serials now.
    ///
    /// A serial exists in the clear only on its sheet: the PDF is written first (to a temporary
    /// file), then the serials' hashes are stored, then the PDF is moved into place. Serials are
    /// issued once per round; `extra` issues more (spoiled or missing sheets), counted as issued.
    /// Unnumbered rounds can be printed any number of times.
    public func printBallots(
        roundID: RoundID, to path: String, language: Language, extra: Int? = nil, force: Bool = false
    ) throws
        -> PrintResult
    {
        let round = try store.round(id: roundID)
        let document = try ballotDocument(round: round, language: language)
        let count = try serialCountToIssue(round: round, extra: extra)
        let serials: [Serial?] =
            round.numbered
            ? try (0..<count).map { _ in try Serial(bytes: SecureRandom.bytes(16)) }
            : Array(repeating: nil, count: count)
        let summary = try renderThenIssue(
            round: round, hashes: serials.compactMap { $0.map { SHA256.hash($0.bytes) } }, layoutID: document.layoutID,
            to: path, force: force
        ) {
            temporary in
            try BallotPrinter.renderBallots(document, serials: serials.map { $0?.text }, to: temporary)
        }
        return PrintResult(
            path: path, sheets: serials.count, pages: summary.pages, bytes: summary.bytes,
            serialsIssued: round.numbered ? serials.count : 0)
    }

    /// Prints cut-apart slips with one access code each, for electronic voting (issued now, like
    /// printed ballots: only their hashes are stored). Each slip's QR code opens the booth at
    /// `<publicURL>/phieu#<code>`; the address is remembered in the workspace for later slips and
    /// for the server.
    public func printSlips(
        roundID: RoundID, to path: String, language: Language, extra: Int? = nil, force: Bool = false,
        publicURL: String? = nil
    ) throws
        -> PrintResult
    {
        let base = try boothBaseURL(publicURL)
        let round = try store.round(id: roundID)
        guard round.numbered else {
            throw PhieuKinError.roundState(
                "round \(roundID) is unnumbered (opened without serials): it has no access codes to hand out.")
        }
        let survey = try survey(ofRound: round)
        let count = try serialCountToIssue(round: round, extra: extra)
        let codes = (0..<count).map { _ in AccessCode.random() }
        let period = Period(round.period)?.display(language) ?? round.period
        // Every office the round evaluates, in ballot order, as the ballot names them.
        let listed = try store.roundUnits(roundID: round.id).map(unitName)
        let units = listed.isEmpty ? [try unitName(round.unitID)] : listed
        let instructions =
            language == .vi
            ? "Dùng mã này một lần để bỏ phiếu điện tử. Không ghi tên. Không đưa mã cho người khác."
            : "Use this code once to vote electronically. Do not write your name. Do not share the code."
        let summary = try renderThenIssue(
            round: round, hashes: codes.map { code in code.hash(roundID: roundID).bytes }, layoutID: nil, to: path,
            force: force
        ) {
            temporary in
            try BallotPrinter.renderSlips(
                agency: agencyName, title: survey.title.text(language),
                roundText: "\(period) — \(ReportStrings.list(units, language))",
                instructions: instructions + " " + base, codes: codes.map(\.text),
                links: codes.map { base + "/phieu#" + $0.canonical }, to: temporary)
        }
        if publicURL != nil { try store.setMeta(Self.publicURLKey, base) }
        return PrintResult(
            path: path, sheets: codes.count, pages: summary.pages, bytes: summary.bytes, serialsIssued: codes.count)
    }
}
