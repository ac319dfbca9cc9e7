public import Foundation
public import PhieuKinCore
import PhieuKinStorage

/// A member of the counting committee as the minutes name them.
public struct CommitteeMember: Sendable, Hashable {
    public var name: String
    /// The member's role on the committee, e.g. "Trưởng ban"; empty when none was given.
    public var role: String

    public init(name: String, role: String = "") {
        self.name = name.nfc
        self.role = role.nfc
    }

    /// "Nguyễn Văn A, Trưởng ban": the name, then after the first comma the role (optional).
    /// Nil for an empty name.
    public init?(parsing text: String) {
        let parts = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let name = parts.first, !name.isEmpty else { return nil }
        self.init(name: name, role: parts.count > 1 ? parts[1] : "")
    }
}

/// A signed root of a Merkle log, as the committee signs under it in the minutes.
public struct SignedRoot: Sendable, Hashable {
    /// Leaves in the log when the head was signed.
    public let size: Int
    public let root: [UInt8]
    public let signature: [UInt8]
    /// The day the head was signed (yyyy-MM-dd), as the head says.
    public let date: String

    /// Hex in groups of four, eight groups a line: short enough to read aloud and compare.
    public static func groups(_ bytes: [UInt8], perLine: Int = 8) -> [String] {
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        var groups: [String] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let end = hex.index(index, offsetBy: 4, limitedBy: hex.endIndex) ?? hex.endIndex
            groups.append(String(hex[index..<end]))
            index = end
        }
        return stride(from: 0, to: groups.count, by: perLine).map {
            groups[$0..<min($0 + perLine, groups.count)].joined(separator: " ")
        }
    }
}

/// The tally minutes (biên bản kiểm phiếu) of a tallied round: what the counting committee signs
/// and files. Holds the round's `RoundReport` (so a small group's figures are already absent) plus
/// the ballot counts, the quarantine decisions by reason code (never a ballot's content), the
/// committee, and the signed roots of the ballot log at close and of the results log after the tally.
public struct MinutesReport: Sendable {
    /// How many quarantined ballots of one reason code were accepted, discarded or are pending.
    public struct QuarantineLine: Sendable, Hashable {
        public let code: String
        public let accepted: Int
        public let discarded: Int
        public let pending: Int
    }

    public let agency: String
    public let profile: AgencyProfile
    public let round: RoundReport
    public let committee: [CommitteeMember]
    /// The day of the tally; nil for a round tallied before the minutes were kept (the date of
    /// the document is then `round.generated`).
    public let talliedOn: CivilDate?
    /// Blank ballots handed out: issued serials (numbered rounds) or the planned count.
    public let issued: Int?
    /// Ballots in the round's log at close (accepted, including quarantined ones accepted later).
    public let received: Int
    public let quarantine: [QuarantineLine]
    public let ballotLog: SignedRoot?
    public let resultsLog: SignedRoot?
    /// The round's leaf in the agency's results log.
    public let resultsLogIndex: Int
}

extension ReportService {
    /// The tally minutes of a tallied round.
    public func minutes(roundID: RoundID, generated: Date = Date()) throws -> MinutesReport {
        let report = try roundReport(roundID: roundID, openRemarks: false, generated: generated)
        let round = try store.round(id: roundID)
        guard let stored = try store.result(roundID: roundID) else {
            throw PhieuKinError.tampered("round \(roundID) is tallied but has no committed result.")
        }
        let recorded = try store.tallyMinutes(roundID: roundID)
        let snapshot = try store.ballotLogSnapshot(roundID: roundID)
        var ballotLog: SignedRoot?
        if let head = snapshot.treeHeads.last, let parsed = TreeHead.parse(head.body), parsed.kind == "close" {
            ballotLog = SignedRoot(size: parsed.size, root: parsed.root, signature: head.signature, date: parsed.time)
        }
        // The results log's head signed when this round's result was appended: its size is one
        // past the round's leaf.
        var resultsLog: SignedRoot?
        for head in try store.resultsLogSnapshot().heads {
            if let parsed = TreeHead.parse(head.body), parsed.log == .results, parsed.size == stored.logIndex + 1 {
                resultsLog = SignedRoot(
                    size: parsed.size, root: parsed.root, signature: head.signature, date: parsed.time)
            }
        }
        var lines: [String: (Int, Int, Int)] = [:]
        for reject in snapshot.rejects {
            var line = lines[reject.code] ?? (0, 0, 0)
            switch reject.status {
            case .accepted: line.0 += 1
            case .discarded: line.1 += 1
            case .pending: line.2 += 1
            }
            lines[reject.code] = line
        }
        let order = Dictionary(
            ImportRejectCode.allCases.enumerated().map { ($1.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        let quarantine = lines.sorted { (order[$0.key] ?? .max, $0.key) < (order[$1.key] ?? .max, $1.key) }
            .map {
                MinutesReport.QuarantineLine(
                    code: $0.key, accepted: $0.value.0, discarded: $0.value.1, pending: $0.value.2)
            }
        return MinutesReport(
            agency: agencyName, profile: agencyProfile, round: report,
            committee: recorded?.members.map { CommitteeMember(name: $0.name, role: $0.role) } ?? [],
            talliedOn: recorded.flatMap { CivilDate(iso: $0.talliedOn) },
            issued: report.info.issued ?? (round.ballotsPlanned > 0 ? round.ballotsPlanned : nil),
            received: snapshot.leaves.count, quarantine: quarantine, ballotLog: ballotLog, resultsLog: resultsLog,
            resultsLogIndex: stored.logIndex)
    }

    /// Renders the minutes in `format` (text, html or pdf) to `path`, whole or not at all.
    public func writeMinutes(
        _ minutes: MinutesReport, format: ReportFormat, language: Language, to path: String, force: Bool = false
    ) throws {
        try writeOutput(to: path, force: force) { temporary in
            if format == .pdf {
                _ = try ReportRenderer.pdf(minutes, language: language, to: temporary.temporaryPath)
            } else {
                try temporary.write(try minutesBytes(minutes, format: format, language: language))
            }
        }
    }

    /// The minutes as bytes: text or HTML (PDF is written to a file by cairo).
    public func minutesBytes(_ minutes: MinutesReport, format: ReportFormat, language: Language) throws -> [UInt8] {
        switch format {
        case .pdf: throw PhieuKinError.invalidInput("a PDF document needs an output file.", next: [.giveOutputFile])
        case .text: return Array(ReportRenderer.text(minutes, language: language).utf8)
        case .html: return Array(ReportRenderer.html(minutes, language: language).utf8)
        case .json, .csv, .xlsx:
            throw PhieuKinError.invalidInput(
                "the tally minutes are a document to print and sign: they are written as PDF, HTML or text. The round's figures as data are in its report."
            )
        }
    }
}
