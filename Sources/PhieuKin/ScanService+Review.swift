import Foundation
public import PhieuKinCore
public import PhieuKinMessages
import PhieuKinPrint
import PhieuKinStorage

/// One box of a quarantined scanned sheet, as a teller reviews it.
public struct ScanBox: Sendable, Codable, Equatable {
    /// The question id and answer code, as `scan accept --mark`/`--blank` name the box.
    public var question: String
    public var code: String
    /// What a person calls it: the official and the criterion, or the choice.
    public var label: String
    /// Undecided boxes: why (`faint`, `crossed-out`, `spills-over-line`, `several-answers`), and
    /// the same in words.
    public var reason: String?
    public var why: Message?
}

/// Scanned sheets waiting for a teller (`phieukin scan review`).
public struct ScanReview: Sendable, Codable, Equatable {
    public struct Sheet: Sendable, Codable, Equatable {
        public var rejectID: Int64
        public var code: String
        public var reason: Message
        /// `file pN`, where the paper's scan is (kept until the sheet is decided).
        public var source: String?
        /// The boxes read as marked on the scan, kept as they are when the sheet is accepted.
        public var marked: [ScanBox]
        /// The boxes the reader could not decide: each one is decided by the teller.
        public var undecided: [ScanBox]
        /// Why the scan cannot be used as read (its file is gone, a page without QR code or
        /// registration squares): the teller reads every box from the paper.
        public var fromPaper: Message?
        /// The sheet's QR code could not be read (numbered rounds): the teller types the serial.
        public var needsSerial: Bool
        /// Writing in the remark box: the teller types it.
        public var needsRemark: Bool
        /// Pages of the sheet that were not scanned: scan the whole sheet again.
        public var missingPages: [Int]
        /// PNG files written, one per undecided box (only with a crops folder).
        public var crops: [String]
    }
    public var round: RoundID
    public var sheets: [Sheet]
}

/// What `phieukin scan accept` did.
public struct ScanAcceptance: Sendable, Codable, Equatable {
    /// The sheet as decided, imported as a one-ballot batch.
    public var intake: ImportReport
    /// The quarantined scan, discarded with the teller's reason (signed).
    public var discarded: RejectDecision
}

/// A quarantined sheet read again from the scans its source names (nothing of a scan is stored).
struct SheetAgain {
    var payload: BallotPayload?
    var marked: [(question: String, code: String)] = []
    var undecided: [(question: String, code: String, reason: String)] = []
    var remarkWriting = false
    var missingPages: [Int] = []
    /// Why the scans cannot be used as read; nil when every page read.
    var fromPaper: Message?
}

extension ScanService {
    /// The round's scanned sheets waiting in the quarantine, each read again from its scans: what
    /// was read (by name), what is undecided and why; with `cropsDirectory`, each undecided box is
    /// written there as a PNG (no image is ever stored in the workspace).
    public func review(roundID: RoundID, cropsDirectory: String?, language: Language = .vi) throws -> ScanReview {
        let round = try store.round(id: roundID)
        let pending = try store.rejects(roundID: roundID).filter {
            $0.status == .pending && $0.code.hasPrefix("scan-")
        }
        if let cropsDirectory { try Self.prepareCropsDirectory(cropsDirectory, workspace: self) }
        guard !pending.isEmpty else { return ScanReview(round: roundID, sheets: []) }
        let layouts = try printedLayouts(round: round)
        let labels = QuestionLabels(
            survey: try survey(ofRound: round), officials: try store.roundOfficials(roundID: roundID))
        func box(_ question: String, _ code: String, reason: String? = nil) -> ScanBox {
            ScanBox(
                question: question, code: code, label: labels.box(question: question, code: code, language),
                reason: reason, why: reason.map(Self.words))
        }
        var sheets: [ScanReview.Sheet] = []
        for reject in pending {
            let again = try readAgain(reject, round: round, layouts: layouts)
            var crops: [String] = []
            if let cropsDirectory, !again.undecided.isEmpty, let source = reject.source {
                crops = try writeCrops(
                    source: source, round: round, layouts: layouts, into: cropsDirectory, prefix: "\(reject.id ?? 0)")
            }
            sheets.append(
                .init(
                    rejectID: reject.id ?? 0, code: reject.code, reason: Message(stored: reject.reason),
                    source: reject.source, marked: again.marked.map { box($0.question, $0.code) },
                    undecided: again.undecided.map { box($0.question, $0.code, reason: $0.reason) },
                    fromPaper: again.fromPaper, needsSerial: round.numbered && again.payload == nil,
                    needsRemark: again.remarkWriting, missingPages: again.missingPages, crops: crops))
        }
        return ScanReview(round: roundID, sheets: sheets)
    }

    /// Reads the pages a quarantined sheet's source names (`a.pdf p1 + a.pdf p2`) again, as the
    /// scan read them: the same engine, so the same decisions.
    func readAgain(
        _ reject: StoredReject, round: Round, layouts: [String: (BallotDocument, BallotLayout)]
    ) throws -> SheetAgain {
        var again = SheetAgain()
        let sources = reject.source.map(Self.pageSources) ?? []
        guard !sources.isEmpty else {
            again.fromPaper = "the quarantine no longer names the scan of this sheet"
            return again
        }
        var files: [String: [ScannedPage]] = [:]
        for (file, number) in sources {
            if files[file] == nil {
                files[file] = (try? readPages(file: file, round: round, layouts: layouts)) ?? []
            }
            guard let pages = files[file], number >= 1, number <= pages.count else {
                again.fromPaper = "the scan \(file) is no longer there as it was scanned"
                continue
            }
            let page = pages[number - 1]
            if again.payload == nil { again.payload = page.payload }
            if let unreadable = page.unreadable {
                again.fromPaper = Message(key: unreadable)
                continue
            }
            for (question, codes) in page.marked.sorted(by: { $0.key < $1.key }) {
                again.marked += codes.map { (question, $0) }
            }
            again.undecided += page.unsure
            again.remarkWriting = again.remarkWriting || page.remarkWriting
        }
        if let payload = again.payload, again.fromPaper == nil {
            let present = Set(sources.map(\.page))
            again.missingPages = (1...max(1, payload.pages)).filter { !present.contains($0) }
        }
        if again.fromPaper != nil {
            again.marked = []
            again.undecided = []
        }
        return again
    }
}

/// A teller's decision on a quarantined scanned sheet.
public struct ScanDecision: Sendable {
    /// Undecided boxes the teller sees marked on the paper (question id → codes); when the scan
    /// cannot be used as read, every box marked on the paper.
    public var marks: [String: [String]]
    /// Undecided boxes the teller sees blank on the paper.
    public var blanks: [String: [String]]
    /// The serial typed from the paper: required when the sheet's QR code could not be read.
    public var serial: String?
    /// The remark typed from the paper (empty when the writing is not a remark).
    public var remark: String?
    /// Why (kept and signed).
    public var reason: String

    public init(
        marks: [String: [String]] = [:], blanks: [String: [String]] = [:], serial: String? = nil,
        remark: String? = nil, reason: String
    ) {
        self.marks = marks
        self.blanks = blanks
        self.serial = serial
        self.remark = remark
        self.reason = reason
    }
}

extension ScanService {
    /// Records a teller's decision on a quarantined scanned sheet: the boxes read clearly stay as
    /// read, each undecided box takes the teller's `--mark` or `--blank`, and the sheet (with the
    /// serial in its QR code, or the one typed when that could not be read) is imported as one
    /// ballot through the usual checks; then the quarantined scan is discarded with the reason
    /// (signed). A decision that leaves a box undecided, changes a box read clearly, or that the
    /// checks refuse adds nothing and changes nothing.
    public func accept(
        roundID: RoundID, rejectID: Int64, _ decision: ScanDecision, passphrase: [UInt8]? = nil
    ) throws -> ScanAcceptance {
        let round = try store.round(id: roundID)
        guard
            let reject = try store.rejects(roundID: roundID).first(where: { $0.id == rejectID }),
            reject.status == .pending, reject.code.hasPrefix("scan-")
        else {
            throw PhieuKinError(
                .notFound, "round \(roundID) has no pending scanned sheet #\(rejectID).",
                next: [.reviewScans(roundID: roundID)])
        }
        let again = try readAgain(reject, round: round, layouts: try printedLayouts(round: round))
        let ballot = try Self.decidedBallot(again, decision, round: round, rejectID: rejectID)
        var request = ImportRequest(
            roundID: roundID, sources: [.ballots(name: "review #\(rejectID)", [ballot])], passphrase: passphrase)
        request.refuseRejects = true
        let intake = try IntakeService(context: context).importBallots(request)
        let discarded = try IntakeService(context: context).discardRejects(
            roundID: roundID, ids: [rejectID], reason: "read by a teller: " + decision.reason, passphrase: passphrase)
        return ScanAcceptance(intake: intake, discarded: discarded)
    }

    /// The ballot a decision makes of a sheet read again, or why the decision is refused.
    static func decidedBallot(
        _ again: SheetAgain, _ decision: ScanDecision, round: Round, rejectID: Int64
    ) throws -> KeyedBallot {
        let next: [NextStep] = [.reviewScans(roundID: round.id)]
        if !again.missingPages.isEmpty {
            let pages = again.missingPages.map(String.init).joined(separator: ", ")
            throw PhieuKinError.invalidInput(
                "page \(pages) of sheet #\(rejectID) was not scanned: scan every page of the sheet again, then discard this copy; nothing was changed.",
                next: [.discardReject(roundID: round.id, rejectID: Int(rejectID))])
        }
        let serial = try decidedSerial(again, decision, round: round, rejectID: rejectID)
        if again.remarkWriting && decision.remark == nil {
            throw PhieuKinError.invalidInput(
                "sheet #\(rejectID) has writing in its remark box: type the remark from the paper (empty if it is not a remark); nothing was changed.",
                next: next)
        }
        if let remark = decision.remark, !remark.isEmpty, !again.remarkWriting, again.fromPaper == nil {
            throw PhieuKinError.invalidInput(
                "the remark box of sheet #\(rejectID) was read empty: a remark is typed only where the scan found writing; nothing was changed.",
                next: next)
        }
        guard again.fromPaper == nil else {
            // Nothing usable was read: the teller's marks are the whole ballot.
            guard decision.blanks.isEmpty else {
                throw PhieuKinError.invalidInput(
                    "the scan of sheet #\(rejectID) cannot be used as read, so a decision gives only the boxes marked on the paper (every other box is blank), none as blank; nothing was changed.",
                    next: next)
            }
            return KeyedBallot(serial: serial, answers: decision.marks, remark: decision.remark)
        }
        return KeyedBallot(
            serial: serial, answers: try decidedAnswers(again, decision, rejectID: rejectID, next: next),
            remark: decision.remark)
    }

    /// The read marks plus the teller's decisions on the undecided boxes, every one of them.
    static func decidedAnswers(
        _ again: SheetAgain, _ decision: ScanDecision, rejectID: Int64, next: [NextStep]
    ) throws -> [String: [String]] {
        let undecided = Set(again.undecided.map { "\($0.question)=\($0.code)" })
        let marks = decision.marks.flatMap { q, codes in codes.map { "\(q)=\($0)" } }
        let blanks = decision.blanks.flatMap { q, codes in codes.map { "\(q)=\($0)" } }
        if let clear = (marks + blanks).sorted().first(where: { !undecided.contains($0) }) {
            throw PhieuKinError.invalidInput(
                "\(clear) is not an undecided box of sheet #\(rejectID): only the undecided boxes are decided here, the others stay as read; nothing was changed.",
                next: next)
        }
        if let both = Set(marks).intersection(blanks).sorted().first {
            throw PhieuKinError.invalidInput(
                "\(both) is given both as marked and as blank; nothing was changed.", next: next)
        }
        let left = undecided.subtracting(marks).subtracting(blanks).sorted()
        guard left.isEmpty else {
            throw PhieuKinError.invalidInput(
                "sheet #\(rejectID) still has \(left.count) undecided box(es): \(left.joined(separator: ", ")) — decide each one as marked or blank from the paper; nothing was changed.",
                next: next)
        }
        var answers: [String: [String]] = [:]
        for box in again.marked { answers[box.question, default: []].append(box.code) }
        for (question, codes) in decision.marks { answers[question, default: []] += codes }
        return answers
    }

    /// The serial the sheet is imported with: its QR code's; typed from the paper only when that
    /// could not be read, and then required (numbered rounds).
    static func decidedSerial(
        _ again: SheetAgain, _ decision: ScanDecision, round: Round, rejectID: Int64
    ) throws -> String? {
        guard round.numbered else { return nil }
        guard let read = again.payload?.serial else {
            guard let typed = decision.serial, !typed.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw PhieuKinError.invalidInput(
                    "the QR code of sheet #\(rejectID) could not be read, so its serial must be typed from the paper; nothing was changed.",
                    next: [.reviewScans(roundID: round.id)])
            }
            return typed
        }
        if let typed = decision.serial, BallotImportSession.keyingKey(typed) != BallotImportSession.keyingKey(read) {
            throw PhieuKinError.invalidInput(
                "the serial typed is not the one in the QR code of sheet #\(rejectID): check the paper (the serial is read from the QR code, it need not be typed); nothing was changed.",
                next: [.reviewScans(roundID: round.id)])
        }
        return read
    }
}
