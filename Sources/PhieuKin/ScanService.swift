import Foundation
public import PhieuKinCore
import PhieuKinMessages
import PhieuKinPrint
import PhieuKinStorage

/// Scanned paper ballots (docs/SCANNING.md): page images read by `PhieuKinScan`, pages joined into
/// sheets by serial, every sheet handed to the intake as a keyed ballot — a sheet whose every box
/// was decided is accepted through the same all-or-nothing batch as a CSV import; any other goes
/// to the quarantine with a `scan-…` reason for a teller. Nothing of the scan is stored: no image,
/// no file name or scan order beside an accepted ballot (a quarantined sheet keeps `file pN` as
/// its source, for finding the paper, until it is decided).
public struct ScanService: WorkspaceService {
    let context: WorkspaceContext
}

/// What `phieukin scan` reports.
public struct ScanReport: Sendable, Codable, Equatable {
    public var pages: Int
    public var sheets: Int
    /// The intake's report of the sheets handed in (accepted, quarantined by reason).
    public var intake: ImportReport
}

/// One page as the reader saw it, in the workflow's terms.
struct ScannedPage: Sendable {
    /// `file pN` (the N-th page of that file), for a teller to find the paper.
    var source: String
    var payload: BallotPayload?
    /// Why the page could not be read at all (no QR, no registration squares, unknown layout).
    var unreadable: String?
    /// Boxes read as marked: question id → answer codes.
    var marked: [String: [String]] = [:]
    /// Boxes the reader could not decide, and why (`PageReading.UnsureReason` raw values).
    var unsure: [(question: String, code: String, reason: String)] = []
    var remarkWriting = false
}

/// The ballot page QR payload (docs/BALLOT-LAYOUT.md), read by the printer that writes it.
typealias BallotPayload = BallotPrinter.Payload

/// Where every answer box of one printed page is, from the round's ballot as printed.
struct PrintedPage: Sendable {
    struct Box: Sendable {
        var question: String
        var code: String
        var rect: MMRect
    }
    var boxes: [Box]
    var remark: MMRect?
    /// Question ids on this page that take one answer (official-choice and question ballots).
    var singleAnswer: Bool
}

extension WorkspaceService {
    /// The round's printed layouts (Vietnamese and English), by layout id.
    func printedLayouts(round: Round) throws -> [String: (BallotDocument, BallotLayout)] {
        var layouts: [String: (BallotDocument, BallotLayout)] = [:]
        for language in Language.allCases {
            let document = try ballotDocument(round: round, language: language)
            layouts[document.layoutID] = (document, BallotLayout(document))
        }
        return layouts
    }

    /// The boxes of page `page` (1-based) of a printed ballot, with the question id and answer
    /// code each one stands for — the same ids and codes a CSV import uses.
    func printedPage(round: Round, layout: BallotLayout, page: Int) throws -> PrintedPage? {
        guard page >= 1, page <= layout.pageCount else { return nil }
        let survey = try survey(ofRound: round)
        let officials = try store.roundOfficials(roundID: round.id).map(\.officialID)
        let first = layout.firstRow(onPage: page - 1)
        var boxes: [PrintedPage.Box] = []
        for slot in 0..<layout.rowsPerPage[page - 1] {
            let row = first + slot
            switch survey.shape {
            case .grid:
                for (column, criterion) in survey.criteria.enumerated() {
                    let question = QuestionID.grid(official: officials[row], criterion: criterion.id).text
                    boxes.append(
                        .init(
                            question: question, code: survey.choices[0].code,
                            rect: layout.markBox(slot: slot, column: column)))
                }
            case .officialChoice, .questions:
                let question = survey.shape == .questions ? survey.questions[row].id : officials[row].rawValue
                for (column, choice) in survey.choices.enumerated() {
                    boxes.append(
                        .init(question: question, code: choice.code, rect: layout.markBox(slot: slot, column: column)))
                }
            }
        }
        return PrintedPage(boxes: boxes, remark: layout.remarkBox(page: page - 1), singleAnswer: survey.shape != .grid)
    }
}

extension ScanService {
    /// Reads scanned sheets of one round and hands them to the intake (README "Scanning").
    public func scan(roundID: RoundID, files: [String], passphrase: [UInt8]? = nil) throws -> ScanReport {
        let round = try store.round(id: roundID)
        let layouts = try printedLayouts(round: round)
        var pages: [ScannedPage] = []
        for file in files {
            pages += try readPages(file: file, round: round, layouts: layouts)
        }
        let sheets = Self.sheets(from: pages, roundID: roundID)
        let intake = try IntakeService(context: context).importBallots(
            ImportRequest(
                roundID: roundID, sources: sheets.map { .ballots(name: $0.source, [$0.ballot]) },
                passphrase: passphrase))
        return ScanReport(pages: pages.count, sheets: sheets.count, intake: intake)
    }

    /// Pages joined into sheets by serial; every sheet a keyed ballot (with the scanner's problem,
    /// if any). Pages without a serial (unnumbered rounds) are sheets of their own.
    static func sheets(from pages: [ScannedPage], roundID: RoundID) -> [(source: String, ballot: KeyedBallot)] {
        var out: [(String, KeyedBallot)] = []
        var bySerial: [String: [ScannedPage]] = [:]
        var order: [String] = []
        for page in pages {
            guard let payload = page.payload, page.unreadable == nil else {
                out.append(
                    (
                        page.source,
                        KeyedBallot(
                            answers: [:],
                            problem: ImportReject(
                                .scanUnreadable, page.unreadable.map { Message(key: $0) } ?? "no readable QR code"))
                    ))
                continue
            }
            guard payload.round == roundID.rawValue else {
                out.append((page.source, KeyedBallot(serial: payload.serial, answers: [:], round: payload.round)))
                continue
            }
            let key =
                payload.serial.map(BallotImportSession.keyingKey)
                ?? "#\(out.count)-\(order.count)"
            if bySerial[key] == nil { order.append(key) }
            bySerial[key, default: []].append(page)
        }
        for key in order {
            let group = bySerial[key]!
            let first = group[0].payload!
            // A page scanned twice: the sheet is handed in once more, so the intake refuses it as a
            // duplicate of its own serial.
            var seen: [Int: ScannedPage] = [:]
            var copies: [[ScannedPage]] = [[]]
            for page in group {
                if seen[page.payload!.page] == nil {
                    seen[page.payload!.page] = page
                    copies[0].append(page)
                } else {
                    copies.append([page])
                }
            }
            for (n, sheet) in copies.enumerated() {
                let source = sheet.map(\.source).joined(separator: " + ")
                var answers: [String: [String]] = [:]
                for page in sheet {
                    for (question, codes) in page.marked { answers[question, default: []] += codes }
                }
                var problem: ImportReject?
                let present = Set(sheet.map { $0.payload!.page })
                let missing = (1...first.pages).filter { !present.contains($0) }
                if n == 0 && !missing.isEmpty {
                    problem = ImportReject(
                        .scanPageMissing,
                        "page \(missing.map(String.init).joined(separator: ", ")) of \(first.pages) was not scanned")
                } else if let unsure = sheet.flatMap(\.unsure).first {
                    let more = sheet.flatMap(\.unsure).count - 1
                    let box = "\(unsure.question)=\(unsure.code): \(Self.words(unsure.reason))" as Message
                    problem = ImportReject(
                        .scanUnsure,
                        more > 0
                            ? "a box could not be decided: \(box) (and \(more) more)"
                            : "a box could not be decided: \(box)")
                } else if sheet.contains(where: \.remarkWriting) {
                    problem = ImportReject(.scanRemark, "the remark box has writing: type the remark from the paper")
                }
                out.append((source, KeyedBallot(serial: first.serial, answers: answers, problem: problem)))
            }
        }
        return out
    }
}

extension ScanService {
    /// A crops folder is new or empty, and never inside the workspace.
    static func prepareCropsDirectory(_ path: String, workspace: some WorkspaceService) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, (try fm.contentsOfDirectory(atPath: path)).isEmpty else {
                throw PhieuKinError.invalidInput("\(path) must be a new or empty folder for the crops.")
            }
        } else {
            try fm.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: workspace.root).resolvingSymlinksInPath().path
        guard real != root && !real.hasPrefix(root + "/") else {
            throw PhieuKinError.invalidInput("crops are never written inside the workspace (\(path)).")
        }
    }

    /// `file pN` sources of a quarantined sheet (`a.png p1 + a.png p2:1` as the intake stores it).
    static func pageSources(_ source: String) -> [(file: String, page: Int)] {
        var text = source
        if let colon = text.lastIndex(of: ":"), Int(text[text.index(after: colon)...]) != nil {
            text = String(text[..<colon])
        }
        return text.components(separatedBy: " + ").compactMap { part in
            guard let range = part.range(of: " p", options: .backwards),
                let page = Int(part[range.upperBound...])
            else { return nil }
            return (String(part[..<range.lowerBound]), page)
        }
    }
}

extension ScanService {
    /// Where each answer box of a printed page is (question id, answer code, rectangle in mm),
    /// for the tools that make test scans (`phieukin-bench make-scans`); nil for a layout or page
    /// this round was not printed with.
    package func printedBoxes(
        roundID: RoundID, layoutID: String, page: Int
    ) throws -> [(
        question: String, code: String, x: Double, y: Double, width: Double, height: Double
    )]? {
        let round = try store.round(id: roundID)
        guard let (_, layout) = try printedLayouts(round: round)[layoutID],
            let printed = try printedPage(round: round, layout: layout, page: page)
        else { return nil }
        return printed.boxes.map { ($0.question, $0.code, $0.rect.x, $0.rect.y, $0.rect.width, $0.rect.height) }
    }

    /// The remark box of a printed page, if it has one (for the same tools).
    package func printedRemark(
        roundID: RoundID, layoutID: String, page: Int
    ) throws -> (
        x: Double, y: Double, width: Double, height: Double
    )? {
        let round = try store.round(id: roundID)
        guard let (_, layout) = try printedLayouts(round: round)[layoutID],
            let remark = try printedPage(round: round, layout: layout, page: page)?.remark
        else { return nil }
        return (remark.x, remark.y, remark.width, remark.height)
    }
}
