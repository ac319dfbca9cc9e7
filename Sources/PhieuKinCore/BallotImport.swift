import Foundation
import PhieuKinCrypto
public import PhieuKinMessages

/// Why one keyed ballot was not accepted. One code per ballot; see README "Importing ballots".
public enum ImportRejectCode: String, Sendable, Codable, CaseIterable, Hashable {
    case notUTF8 = "not-utf8"
    case malformedRow = "malformed-row"
    case wrongRound = "wrong-round"
    case missingSerial = "missing-serial"
    case unexpectedSerial = "unexpected-serial"
    case mistypedSerial = "mistyped-serial"
    case unknownSerial = "unknown-serial"
    case serialUsed = "serial-used"
    /// A well-formed serial that another round issued: the sheet is not a ballot of this round and
    /// can only be discarded here (issue 19).
    case otherRoundSerial = "other-round-serial"
    /// Unnumbered rounds: a row with no answer that is not marked as a blank ballot. An empty row
    /// is never a ballot (Excel leaves them behind); a blank ballot is keyed in the `blank`
    /// column (issue 19).
    case blankNotMarked = "blank-not-marked"
    case unknownOfficial = "unknown-official"
    case unknownCriterion = "unknown-criterion"
    case unknownQuestion = "unknown-question"
    case invalidCode = "invalid-code"
    case severalAnswers = "several-answers"
    case remarkNotAllowed = "remark-not-allowed"
    case remarkTooLong = "remark-too-long"
    case keyingMismatch = "keying-mismatch"
    case keyingMissing = "keying-missing"
    /// Unnumbered rounds: a ballot beyond the round's planned count (`--ballots`, or
    /// `--electorate` when smaller). Quarantined, never counted unless the committee accepts it
    /// while the round still has room.
    case overPlanned = "over-planned"
    /// Scanned sheets (docs/SCANNING.md): a box the reader could not decide (faint, half-erased,
    /// over the line, crossed out) — a teller looks at the paper.
    case scanUnsure = "scan-unsure"
    /// Scanned sheets: writing in the remark box, which a teller types (the image is not kept).
    case scanRemark = "scan-remark"
    /// Scanned sheets: a page of a multi-page sheet is missing.
    case scanPageMissing = "scan-page-missing"
    /// Scanned sheets: no readable QR code, registration squares not found (a torn corner), or a
    /// layout that is not this round's.
    case scanUnreadable = "scan-unreadable"

    /// Codes whose ballot can still be accepted by the committee: the marks were valid and only
    /// the serial, the round tag or the keying was in doubt.
    public var concernsOnlySerial: Bool {
        switch self {
        case .missingSerial, .unexpectedSerial, .mistypedSerial, .unknownSerial, .serialUsed, .overPlanned: true
        default: false
        }
    }
}

/// One rejected ballot: a code and a human reason. The reason names columns and lines, never
/// the marks, the remark or the serial.
public struct ImportReject: Sendable, Hashable {
    public var code: ImportRejectCode
    public var reason: Message
    public init(_ code: ImportRejectCode, _ reason: Message) {
        self.code = code
        self.reason = reason
    }
}

/// A whole file that cannot be imported (nothing from the import is stored).
public struct ImportError: Error, Equatable, CustomStringConvertible, MessageConvertible {
    /// What kind of failure this is; new kinds may be added, so switch with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The header row names no column, or one twice, or an unknown question.
        public static let header = Kind("header")
        /// The file as a whole cannot be imported.
        public static let file = Kind("file")
    }

    /// What failed, for a caller to switch on.
    public let kind: Kind
    public let message: Message
    /// The message in English.
    public var reason: String { message.description }
    private init(_ kind: Kind, _ reason: Message) {
        self.kind = kind
        self.message = reason
    }
    public static func header(_ source: String, _ reason: Message) -> Self { .init(.header, "\(source): \(reason)") }
    public static func file(_ reason: Message) -> Self { .init(.file, reason) }
    public var description: String { reason }
}

/// SHA-256 of a serial's 16 bytes, as four words: a cheap `Set` element for a million serials.
public struct SerialHash: Hashable, Sendable, Comparable {
    public let w0: UInt64
    public let w1: UInt64
    public let w2: UInt64
    public let w3: UInt64

    /// Wraps a 32-byte hash as stored in `issuedSerial` / `usedSerial`.
    public init?(hash: [UInt8]) {
        guard let value = hash.withUnsafeBytes({ Self(hash: $0) }) else { return nil }
        self = value
    }

    /// Wraps a 32-byte hash read in place (e.g. straight from an SQLite column).
    public init?(hash raw: UnsafeRawBufferPointer) {
        guard raw.count == 32 else { return nil }
        w0 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        w1 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        w2 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        w3 = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    /// The stored hash of `serial`.
    public init(_ serial: Serial) {
        self.init(hash: SHA256.hash(serial.bytes))!
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in [w0, w1, w2, w3] {
            withUnsafeBytes(of: word.bigEndian) { out.append(contentsOf: $0) }
        }
        return out
    }

    public static func < (a: Self, b: Self) -> Bool { (a.w0, a.w1, a.w2, a.w3) < (b.w0, b.w1, b.w2, b.w3) }

    /// The first word of a SHA-256 output is already uniform: hashing it alone is enough for a
    /// `Set` (equality still compares all four words).
    public func hash(into hasher: inout Hasher) { hasher.combine(w0) }
}

/// One ballot handed to an import already parsed (JSON Lines, a voting booth, a scanner): the
/// serial as read (nil in an unnumbered round), the answer codes by question id (README
/// "Importing ballots": `<official>.<criterion>`, `<official>` or the question's id; more than one
/// code for a question is the `several-answers` reject), the remark, and the round it names.
public struct KeyedBallot: Sendable, Hashable {
    public var serial: String?
    public var answers: [String: [String]]
    public var remark: String?
    public var round: String?
    /// What the source itself found wrong (a scanner's undecided box): the ballot goes to the
    /// quarantine with this reason, whatever its marks.
    public var problem: ImportReject?

    public init(
        serial: String? = nil, answers: [String: [String]], remark: String? = nil, round: String? = nil,
        problem: ImportReject? = nil
    ) {
        self.serial = serial
        self.answers = answers
        self.remark = remark
        self.round = round
        self.problem = problem
    }

    /// The JSON Lines form (docs/IMPORT-JSON.md), as kept sealed with a reject.
    package var jsonText: String {
        var members: [String: JSONValue] = [
            "answers": .object(answers.mapValues { .array($0.map(JSONValue.string)) })
        ]
        if let serial { members["serial"] = .string(serial) }
        if let remark { members["remark"] = .string(remark) }
        if let round { members["round"] = .string(round) }
        return (try? JSONValue.object(members).canonicalBytes).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// What one input row became.
public struct RowOutcome: Sendable {
    /// `file:line`, for the teller's report and a pending reject's `source`.
    public var source: String
    /// Matches the same paper ballot across two keyings: the serial as typed (normalized), or the
    /// row's ordinal for unnumbered rounds.
    public var keyingKey: String
    /// The ballot, when its marks were valid (even if the row is rejected for its serial).
    public var ballot: Ballot?
    /// The serial's hash when the ballot is accepted in a numbered round.
    public var serialHash: SerialHash?
    public var reject: ImportReject?
    /// The row as keyed, kept only for rejects (sealed into the quarantine).
    public var raw: RawRow?

    public var isAccepted: Bool { reject == nil }

    public init(
        source: String, keyingKey: String, ballot: Ballot?, serialHash: SerialHash?, reject: ImportReject?, raw: RawRow?
    ) {
        self.source = source
        self.keyingKey = keyingKey
        self.ballot = ballot
        self.serialHash = serialHash
        self.reject = reject
        self.raw = raw
    }
}

/// The input row sealed with a reject: text, or the bytes when they are not UTF-8.
public enum RawRow: Sendable, Hashable {
    case text(String)
    case bytes([UInt8])
}

/// The serial hashes an import checks rows against (issued for the round, used by an earlier
/// import). A `Set` when the whole round is loaded at once (a large file), or a lookup into the
/// store for each row (a few rows into a large round), so a small import costs the same
/// whatever the round already holds.
public protocol SerialHashLookup {
    func contains(_ hash: SerialHash) -> Bool
    /// How many hashes there are, when known cheaply (for reserving); 0 otherwise.
    var countHint: Int { get }
}

extension Set: SerialHashLookup where Element == SerialHash {
    public var countHint: Int { count }
}

/// Validates keyed ballots for one round against its survey definition, its officials and its
/// serials. Pure: the caller supplies the issued and already-used serial hashes and stores the
/// outcome. See README "Importing ballots" for the rules and docs/FORMAT.md for what is sealed.
public struct BallotImportSession {
    public let survey: Survey
    public let roundID: RoundID
    public let numbered: Bool
    private let officialIDs: Set<OfficialID>
    private let criterionIDs: Set<CriterionID>
    private let questionIDs: Set<String>
    /// Lowercased accepted code → canonical code stored in the ballot.
    private let codes: [String: String]
    private let issued: any SerialHashLookup
    private let usedEarlier: any SerialHashLookup
    /// Names the other round (id and period) that issued a serial this round did not, when the
    /// caller can tell: such a sheet is refused as another round's, never offered for acceptance.
    public var otherRoundIssuing: ((SerialHash) -> Message?)?
    /// Serials accepted so far in this import → where.
    private var usedNow: [SerialHash: UsedAt] = [:]
    private var ordinal = 0
    /// Scratch for the fast path: (answer key rank, code index) of the marked cells of one row.
    private var marks: [(rank: Int, code: Int)] = []

    /// Where an accepted serial was first used; `file:line` built only for a duplicate's reason.
    private struct UsedAt {
        var file: String
        var line: Int?
        var text: String { line.map { "\(file):\($0)" } ?? file }
    }

    public init(
        survey: Survey, roundID: RoundID, numbered: Bool, officialIDs: [OfficialID], issued: any SerialHashLookup,
        used: any SerialHashLookup
    ) {
        self.survey = survey
        self.roundID = roundID
        self.numbered = numbered
        self.officialIDs = Set(officialIDs)
        self.criterionIDs = Set(survey.criteria.map(\.id))
        self.questionIDs = Set(survey.questions.map(\.id))
        var codes: [String: String] = [:]
        for choice in survey.choices {
            // Grid: every mark code means "marked" and is stored as the first (canonical) one.
            let stored = survey.shape == .grid ? survey.choices[0].code : choice.code
            codes[choice.code.lowercased()] = stored
        }
        self.codes = codes
        self.issued = issued
        self.usedEarlier = used
    }

    /// Records that an accepted ballot of this import used `hash` (found at `source`), so a
    /// later row with the same serial is a duplicate. Separate from `process` because a caller
    /// may still refuse the row (e.g. the two keyings of a double entry differ).
    public mutating func registerUsed(_ hash: SerialHash, at source: String) {
        usedNow[hash] = UsedAt(file: source, line: nil)
    }

    /// `registerUsed(_:at:)` for `file:line`, without building the string.
    public mutating func registerUsed(_ hash: SerialHash, file: String, line: Int) {
        if usedNow.isEmpty { usedNow.reserveCapacity(issued.countHint) }
        usedNow[hash] = UsedAt(file: file, line: line)
    }

    // MARK: Columns

    /// What a CSV column holds, resolved once from the header.
    public enum Column: Sendable, Hashable {
        case serial, remark, round
        /// `blank`: a mark here keys a blank ballot (phiếu trắng), which has no answer.
        case blank
        case question(String)
        case unknown(ImportRejectCode, Message)
    }

    /// The columns of a CSV header. Throws (the whole file is refused) on a duplicate column or a
    /// missing serial column in a numbered round.
    public func columns(header: [String], source: String) throws -> [Column] {
        var seen: [String: Int] = [:]
        var columns: [Column] = []
        for (i, rawName) in header.enumerated() {
            let name = rawName.trimmingASCIIWhitespace().nfc
            if name.isEmpty {
                throw ImportError.header(source, "column \(i + 1) has no name; the header is serial,<question id>,…")
            }
            let key = Self.reservedColumns.contains(name.lowercased()) ? name.lowercased() : name
            if let first = seen[key] {
                throw ImportError.header(source, "column \"\(name)\" appears twice (columns \(first) and \(i + 1))")
            }
            seen[key] = i + 1
            columns.append(column(named: key))
        }
        if numbered && !columns.contains(.serial) {
            throw ImportError.header(
                source, "no serial column: a numbered round's file starts with serial,<question id>,…")
        }
        return columns
    }

    /// Why a file is refused whose header column `index` is not on this round's ballot while a row
    /// has an answer in it (a misspelled header would otherwise quarantine every row one by one):
    /// names the column, its letter, the nearest valid id, and the fix. Nil for a known column.
    public func unknownColumnProblem(_ columns: [Column], index: Int, name: String) -> Message? {
        guard case .unknown(_, let reason) = columns[index] else { return nil }
        let letters = Self.columnLetters(index)
        guard let nearest = nearestColumn(to: name) else {
            return "column \(index + 1) (\(letters)) is not on this round's ballot: \(reason). "
                + "Correct the header (the keying template has the right one) and import the file again"
        }
        return
            "column \(index + 1) (\(letters)) is not on this round's ballot: \(reason); did you mean \"\(nearest)\"? "
            + "Correct the header (the keying template has the right one) and import the file again"
    }

    /// Every column name a file of this round may use: the questions (`<official>.<criterion>`,
    /// `<official>` or a question id, in ballot order), then `serial` (numbered rounds only) and
    /// `remark` (when the survey has one). The keying template writes them in this order, with the
    /// serial first.
    public func expectedColumns(officials: [OfficialID]) -> [String] {
        var names: [String] = []
        switch survey.shape {
        case .grid:
            for official in officials {
                for criterion in survey.criteria { names.append("\(official.rawValue).\(criterion.id.rawValue)") }
            }
        case .officialChoice:
            names = officials.map(\.rawValue)
        case .questions:
            names = survey.questions.map(\.id)
        }
        return names
    }

    /// The valid column name nearest to `name` (edit distance, ignoring case), when one is close.
    func nearestColumn(to name: String) -> String? {
        var candidates = ["serial", "remark", "round", "blank"]
        switch survey.shape {
        case .grid:
            for official in officialIDs {
                for criterion in criterionIDs { candidates.append("\(official.rawValue).\(criterion.rawValue)") }
            }
        case .officialChoice: candidates += officialIDs.map(\.rawValue)
        case .questions: candidates += questionIDs
        }
        let target = name.lowercased()
        var best: (distance: Int, name: String)?
        for candidate in candidates.sorted() {
            let distance = editDistance(target, candidate.lowercased())
            if best == nil || distance < best!.distance { best = (distance, candidate) }
        }
        guard let best, best.distance <= max(2, target.count / 3) else { return nil }
        return best.name
    }

    /// Spreadsheet column letters (0 → A, 26 → AA), so a teller finds the column in Excel.
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The column names that are not questions, matched without regard to case.
    static let reservedColumns: Set<String> = ["serial", "remark", "round", "blank"]

    /// Resolves a question id (a CSV column or a JSONL answers key).
    public func column(named name: String) -> Column {
        switch name {
        case "serial": return .serial
        case "remark": return .remark
        case "round": return .round
        case "blank": return .blank
        default: break
        }
        switch QuestionID(name, shape: survey.shape) {
        case nil:
            return .unknown(.unknownCriterion, "column \"\(name)\": grid columns are <official_id>.<criterion_id>")
        case .grid(let official, let criterion)?:
            guard officialIDs.contains(official) else {
                return .unknown(.unknownOfficial, "column \"\(name)\": no official \(official) on this round's ballot")
            }
            guard criterionIDs.contains(criterion) else {
                return .unknown(
                    .unknownCriterion, "column \"\(name)\": survey \(survey.id) has no criterion \(criterion)")
            }
            return .question(name)
        case .official?:
            guard officialIDs.contains(OfficialID(name)) else {
                return .unknown(.unknownOfficial, "column \"\(name)\": no official \(name) on this round's ballot")
            }
            return .question(name)
        case .question?:
            guard questionIDs.contains(name) else {
                return .unknown(.unknownQuestion, "column \"\(name)\": survey \(survey.id) has no question \(name)")
            }
            return .question(name)
        }
    }

    // MARK: Rows

    /// Validates one CSV record (not the header).
    public mutating func process(record: CSVRecord, columns: [Column], file: String) -> RowOutcome {
        ordinal += 1
        let source = "\(file):\(record.line)"
        if let rawBytes = record.invalidUTF8Bytes {
            return rejected(
                source, key: "#\(ordinal)",
                ImportReject(.notUTF8, "text is not UTF-8: save the file as UTF-8 (\"CSV UTF-8\") and import it again"),
                raw: .bytes(rawBytes))
        }
        guard record.fields.count == columns.count else {
            return rejected(
                source, key: "#\(ordinal)",
                ImportReject(
                    .malformedRow,
                    "the row has \(record.fields.count) fields but the header has \(columns.count) "
                        + "(a comma inside text needs \"quotes\")"),
                raw: .text(Self.csvLine(record.fields)))
        }
        var serialText: String?
        var remark: String?
        var round: String?
        var answers: [String: String] = [:]
        var markProblem: ImportReject?
        var markedBlank = false
        for (i, field) in record.fields.enumerated() {
            if field.isEmpty { continue }
            switch columns[i] {
            case .serial: serialText = field
            case .remark: remark = field
            case .round: round = field
            case .blank: markedBlank = markedBlank || !field.trimmingASCIIWhitespace().isEmpty
            case .question(let id):
                if markProblem == nil { markProblem = answer(field, question: id, into: &answers) }
            case .unknown(let code, let reason):
                if markProblem == nil && !field.trimmingASCIIWhitespace().isEmpty {
                    markProblem = ImportReject(code, reason)
                }
            }
        }
        return finish(
            source: source, serialText: serialText, round: round, answers: answers, remark: remark,
            blank: .keyed(marked: markedBlank), markProblem: markProblem, raw: { .text(Self.csvLine(record.fields)) })
    }

    /// Validates one JSON Lines record: `{"serial": "…", "answers": {"<question id>": "<code>"},
    /// "remark": "…", "round": "…"}`.
    public mutating func process(jsonLine bytes: [UInt8], line: Int, file: String) -> RowOutcome {
        ordinal += 1
        let source = "\(file):\(line)"
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return rejected(
                source, key: "#\(ordinal)",
                ImportReject(.notUTF8, "text is not UTF-8: save the file as UTF-8 and import it again"),
                raw: .bytes(bytes))
        }
        func malformed(_ why: Message) -> RowOutcome {
            rejected(source, key: "#\(ordinal)", ImportReject(.malformedRow, why), raw: .text(text))
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch let error as JSONError {
            return malformed("not one JSON object per line (\(error.reason))")
        } catch {
            return malformed("not one JSON object per line")
        }
        guard case .object(let members) = value else { return malformed("a line must be one JSON object") }
        for key in members.keys where !["serial", "answers", "remark", "round", "blank"].contains(key) {
            return malformed("unknown member \"\(key)\" (allowed: serial, answers, remark, round, blank)")
        }
        let markedBlank: Bool
        switch members["blank"] {
        case nil, .null?: markedBlank = false
        case .bool(let b)?: markedBlank = b
        default: return malformed("blank must be true or false")
        }
        func string(_ key: String) -> (String?, Bool) {
            switch members[key] {
            case nil, .null?: return (nil, true)
            case .string(let s)?: return (s.isEmpty ? nil : s, true)
            default: return (nil, false)
            }
        }
        let (serialText, serialOK) = string("serial")
        let (remark, remarkOK) = string("remark")
        let (round, roundOK) = string("round")
        guard serialOK, remarkOK, roundOK else { return malformed("serial, remark and round must be strings") }
        var answers: [String: [String]] = [:]
        switch members["answers"] {
        case nil, .null?: break
        case .object(let cells)?:
            for (name, cell) in cells {
                switch cell {
                case .null: continue
                case .string(let s): answers[name] = [s]
                case .number(let n) where n == n.rounded() && abs(n) < 1e15: answers[name] = [String(Int64(n))]
                case .array(let items):
                    var parts: [String] = []
                    for item in items {
                        guard case .string(let s) = item else { return malformed("answer lists hold strings") }
                        parts.append(s)
                    }
                    answers[name] = parts
                default: return malformed("an answer is a string code")
                }
            }
        default: return malformed("answers must be an object {\"<question id>\": \"<code>\"}")
        }
        return decide(
            KeyedBallot(serial: serialText, answers: answers, remark: remark, round: round), source: source,
            blank: .keyed(marked: markedBlank), raw: { .text(text) })
    }

    /// Validates one ballot handed in already parsed — by a voting booth or a scanner, say — exactly
    /// as a keyed row: same codes, same serial checks, same rejects. `source` names it in a reject
    /// (e.g. "booth:3"); it is kept only while the reject is pending.
    public mutating func process(keyed ballot: KeyedBallot, source: String) -> RowOutcome {
        ordinal += 1
        return decide(ballot, source: source, blank: .sheet, raw: { .text(ballot.jsonText) })
    }

    /// Whether a ballot with no answer is a blank ballot: a keyed row or line only when marked so
    /// (an empty row is never a ballot); a sheet handed in parsed (a scanned page) always, since
    /// the paper itself is there.
    enum BlankRule {
        case keyed(marked: Bool)
        case sheet
    }

    /// The answers of a parsed ballot read cell by cell, then `finish`.
    private mutating func decide(
        _ keyed: KeyedBallot, source: String, blank: BlankRule, raw: () -> RawRow
    ) -> RowOutcome {
        if let problem = keyed.problem {
            let key = numbered ? keyed.serial.map(Self.keyingKey) ?? "" : "#\(ordinal)"
            return rejected(source, key: key, problem, raw: raw())
        }
        var answers: [String: String] = [:]
        var markProblem: ImportReject?
        for (name, codes) in keyed.answers.sorted(by: { $0.key < $1.key }) {
            let cellText = codes.joined(separator: ";")
            guard !cellText.trimmingASCIIWhitespace().isEmpty, markProblem == nil else { continue }
            switch column(named: name.nfc) {
            case .question(let id): markProblem = answer(cellText, question: id, into: &answers)
            case .unknown(let code, let reason): markProblem = ImportReject(code, reason)
            case .serial, .remark, .round, .blank:
                markProblem = ImportReject(.unknownQuestion, "answer \"\(name)\" is not a question id")
            }
        }
        return finish(
            source: source, serialText: keyed.serial, round: keyed.round, answers: answers, remark: keyed.remark,
            blank: blank, markProblem: markProblem, raw: raw)
    }

    /// Reads one cell into `answers`; returns the problem, if any.
    private func answer(_ field: String, question: String, into answers: inout [String: String]) -> ImportReject? {
        let cell = field.trimmingASCIIWhitespace()
        if cell.isEmpty { return nil }
        if let code = codes[cell] ?? codes[cell.lowercased()] {
            answers[question] = code
            return nil
        }
        let parts = cell.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" || $0 == " " || $0 == "/" })
        if parts.count > 1 && parts.allSatisfy({ codes[$0.lowercased()] != nil }) {
            return ImportReject(
                .severalAnswers,
                "column \"\(question)\": several answers where one is allowed; check the paper (a ballot with "
                    + "two marks for one question is spoiled for that question: leave it blank)")
        }
        let allowed = survey.choices.map(\.code).joined(separator: ", ")
        return ImportReject(
            .invalidCode, "column \"\(question)\": not an answer code of survey \(survey.id) (codes: \(allowed))")
    }

    private mutating func finish(
        source: String, serialText: String?, round: String?, answers: [String: String], remark rawRemark: String?,
        blank: BlankRule, markProblem: ImportReject?, raw: () -> RawRow
    ) -> RowOutcome {
        // The marks, checked independently of the serial so a committee can accept a ballot
        // whose only problem was its serial.
        var problem = markProblem
        let remark = Self.normalizedRemark(rawRemark)
        if problem == nil, let remark { problem = remarkProblem(remark) }
        if problem == nil { problem = blankProblem(blank, answered: !answers.isEmpty || remark != nil) }
        let ballot =
            problem == nil ? Ballot(surveyID: survey.id, roundID: roundID, answers: answers, remark: remark) : nil

        let serialKey = serialText.map(Self.keyingKey) ?? ""
        let key = numbered ? serialKey : "#\(ordinal)"
        if let round, round.trimmingASCIIWhitespace() != roundID.rawValue {
            return rejected(
                source, key: key,
                ImportReject(.wrongRound, "the ballot is for round \(round.trimmingASCIIWhitespace()), not \(roundID)"),
                ballot: nil, raw: raw())
        }
        var serialHash: SerialHash?
        if numbered {
            guard let serialText, !serialText.trimmingASCIIWhitespace().isEmpty else {
                return rejected(
                    source, key: key,
                    ImportReject(.missingSerial, "no serial: key the serial printed on the ballot"),
                    ballot: ballot, raw: raw())
            }
            let serial: Serial
            do {
                serial = try Serial(parsing: serialText)
            } catch let error as SerialError {
                return rejected(
                    source, key: key, ImportReject(.mistypedSerial, error.message), ballot: ballot, raw: raw())
            } catch {
                return rejected(
                    source, key: key, ImportReject(.mistypedSerial, "re-read the serial from the paper"),
                    ballot: ballot, raw: raw())
            }
            let hash = SerialHash(serial)
            if let problem = serialProblem(hash) {
                return rejected(source, key: key, problem, ballot: ballot, raw: raw())
            }
            serialHash = hash
        } else if let serialText, !serialText.trimmingASCIIWhitespace().isEmpty {
            return rejected(
                source, key: key,
                ImportReject(.unexpectedSerial, "round \(roundID) is unnumbered: leave the serial blank"),
                ballot: ballot, raw: raw())
        }
        if let problem { return rejected(source, key: key, problem, ballot: nil, raw: raw()) }
        return RowOutcome(
            source: source, keyingKey: key, ballot: ballot, serialHash: serialHash, reject: nil, raw: nil)
    }

    // MARK: Decisions (one place, for the byte-level fast path and the String path alike)

    /// A remark as stored: NFC, trimmed; nil when nothing is left.
    static func normalizedRemark(_ raw: String?) -> String? {
        raw.map { $0.nfc.trimmingWhitespaceAndNewlines() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Why a row's blank mark does not fit its answers: marked blank with answers, or (unnumbered
    /// rounds, where no serial stands for the sheet) no answer and not marked blank.
    func blankProblem(_ rule: BlankRule, answered: Bool) -> ImportReject? {
        guard case .keyed(let marked) = rule else { return nil }
        if marked && answered {
            return ImportReject(
                .malformedRow,
                "marked as a blank ballot but has answers or a remark: check the paper and key it again")
        }
        if !marked && !answered && !numbered {
            return ImportReject(
                .blankNotMarked,
                "no answer and not marked as a blank ballot: if the paper is a blank ballot, key it with x in "
                    + "the blank column")
        }
        return nil
    }

    /// Why a (normalized, non-empty) remark is refused, if it is.
    func remarkProblem(_ remark: String) -> ImportReject? {
        if !survey.remark.allowed {
            return ImportReject(.remarkNotAllowed, "survey \(survey.id) has no remark; leave the column blank")
        }
        if remark.count > survey.remark.maxLength {
            return ImportReject(.remarkTooLong, "the remark is longer than \(survey.remark.maxLength) characters")
        }
        return nil
    }

    /// Why a well-formed serial is refused in this round, if it is: not issued, used by an earlier
    /// import, or already used in this one.
    func serialProblem(_ hash: SerialHash) -> ImportReject? {
        guard issued.contains(hash) else {
            if let other = otherRoundIssuing?(hash) {
                return ImportReject(
                    .otherRoundSerial,
                    "this serial belongs to round \(other), not to \(roundID): the sheet is not a ballot of this "
                        + "round; discard it here")
            }
            return ImportReject(
                .unknownSerial,
                "serial is well-formed but was not issued for round \(roundID): check the serial on the paper; "
                    + "if it was mistyped, accept it with the serial read from the paper")
        }
        if usedEarlier.contains(hash) {
            return ImportReject(.serialUsed, "duplicate: this serial was used by a ballot imported earlier")
        }
        if let first = usedNow[hash] {
            return ImportReject(.serialUsed, "duplicate: this serial was already used at \(first.text) in this import")
        }
        return nil
    }

    private func rejected(
        _ source: String, key: String, _ reject: ImportReject, ballot: Ballot? = nil, raw: RawRow
    ) -> RowOutcome {
        RowOutcome(source: source, keyingKey: key, ballot: ballot, serialHash: nil, reject: reject, raw: raw)
    }

    /// The same serial typed twice gives the same key: symbols only, upper case.
    public static func keyingKey(_ serialText: String) -> String {
        String(serialText.uppercased().filter { $0 != "-" && $0 != " " })
    }

    /// A record written back as one CSV line (quoted where needed), for the sealed quarantine.
    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}

// MARK: Fast path

extension BallotImportSession {
    /// The columns of a CSV header resolved once for `process(view:…)`: each column's role, the
    /// answer keys pre-encoded and pre-sorted as `BallotCodec` writes them, the accepted codes as
    /// bytes. Built from the same `Column`s as the `String` path, so both read a file alike.
    public struct FastPlan: Sendable {
        fileprivate enum Slot: Sendable {
            case serial, remark, round, unknown, blank
            /// Rank of the question's key in the canonical (JCS) order of answer keys.
            case question(Int)
        }
        fileprivate let slots: [Slot]
        /// By rank: `"<question id>":` as canonical JSON.
        fileprivate let keys: [[UInt8]]
        /// Accepted codes, lowercased ASCII bytes, with the canonical JSON string stored for each.
        fileprivate let codes: [(match: [UInt8], value: [UInt8])]
        fileprivate let round: [UInt8]
        /// `,"round":…,"survey":…,"v":1}`.
        fileprivate let tail: [UInt8]
        public let columns: [Column]
    }

    /// What `process(view:…)` made of a row.
    public enum FastOutcome {
        /// Accepted: the canonical ballot bytes were appended to `plaintext`; the serial's hash in a
        /// numbered round (not yet registered: call `registerUsed`).
        case accepted(SerialHash?)
        /// Anything else (a reject, or a row the fast path leaves to the `String` path).
        case other(RowOutcome)
    }

    public func fastPlan(columns: [Column]) -> FastPlan {
        var questions: [(index: Int, key: String)] = []
        for (i, column) in columns.enumerated() {
            if case .question(let id) = column { questions.append((i, BallotCodec.normalized(id))) }
        }
        // JCS orders members by the UTF-16 code units of their (NFC) keys, like `BallotCodec`.
        let sorted = questions.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
        var rank: [Int: Int] = [:]
        var keys: [[UInt8]] = []
        for (r, question) in sorted.enumerated() {
            rank[question.index] = r
            var key: [UInt8] = []
            BallotCodec.writeString(question.key, into: &key)
            key.append(UInt8(ascii: ":"))
            keys.append(key)
        }
        let slots: [FastPlan.Slot] = columns.enumerated().map { i, column in
            switch column {
            case .serial: .serial
            case .remark: .remark
            case .round: .round
            case .blank: .blank
            case .question: .question(rank[i]!)
            case .unknown: .unknown
            }
        }
        var codes: [(match: [UInt8], value: [UInt8])] = []
        for (match, stored) in self.codes.sorted(by: { $0.key < $1.key }) where match.utf8.allSatisfy({ $0 < 0x80 }) {
            var value: [UInt8] = []
            BallotCodec.writeString(BallotCodec.normalized(stored), into: &value)
            codes.append((Array(match.utf8), value))
        }
        var tail: [UInt8] = Array(#","round":"#.utf8)
        BallotCodec.writeString(BallotCodec.normalized(roundID.rawValue), into: &tail)
        tail.append(contentsOf: #","survey":"#.utf8)
        BallotCodec.writeString(BallotCodec.normalized(survey.id.rawValue), into: &tail)
        tail.append(contentsOf: #","v":1}"#.utf8)
        return FastPlan(
            slots: slots, keys: keys, codes: codes, round: Array(roundID.rawValue.utf8), tail: tail, columns: columns)
    }

    /// Validates one CSV record straight from its bytes. A plain valid row (the usual case) is
    /// accepted without building a `String`, a dictionary or a `Ballot`: its canonical ballot bytes
    /// (byte-identical to `BallotCodec.encode` of the `Ballot` the `String` path would build) are
    /// appended to `plaintext`. Every other row goes through `process(record:…)`, unchanged.
    public mutating func process(
        view: CSVRecordView, plan: FastPlan, file: String, plaintext: inout [UInt8]
    ) -> FastOutcome {
        let mark = plaintext.count
        var hash: SerialHash?
        if accept(view, plan, &hash, &plaintext) {
            ordinal += 1
            return .accepted(hash)
        }
        plaintext.removeSubrange(mark...)
        return .other(process(record: view.record, columns: plan.columns, file: file))
    }

    /// The fast path proper: true when the row is accepted exactly as the `String` path would
    /// accept it; false (leaving the row to that path) at the first doubt.
    private mutating func accept(
        _ view: CSVRecordView, _ plan: FastPlan, _ hash: inout SerialHash?, _ out: inout [UInt8]
    ) -> Bool {
        guard view.isUTF8, view.count == plan.slots.count else { return false }
        marks.removeAll(keepingCapacity: true)
        var serialField: UnsafeRawBufferPointer?
        var remarkField: UnsafeRawBufferPointer?
        let bytes = view.bytes
        for i in 0..<view.count {
            let range = view.range(i)
            if range.isEmpty { continue }
            switch plan.slots[i] {
            case .question(let rank):
                let cell = Self.trimmed(bytes, range)
                if cell.isEmpty { continue }
                guard let code = Self.code(of: bytes, cell, plan.codes) else { return false }
                marks.append((rank, code))
            case .serial:
                serialField = UnsafeRawBufferPointer(rebasing: bytes[range])
            case .remark:
                remarkField = UnsafeRawBufferPointer(rebasing: bytes[range])
            case .round:
                let value = Self.trimmed(bytes, range)
                guard value.count == plan.round.count,
                    plan.round.withUnsafeBytes({ $0.elementsEqual(bytes[value]) })
                else { return false }
            case .unknown, .blank:
                if !Self.trimmed(bytes, range).isEmpty { return false }
            }
        }
        // The same decisions as the String path; any refusal leaves the row to that path, which
        // then reports it.
        var remark: String?
        if let remarkField {
            remark = Self.normalizedRemark(String(decoding: remarkField, as: UTF8.self))
            if let remark, remarkProblem(remark) != nil { return false }
        }
        // A row with no answer: the String path decides whether it is a blank ballot.
        if marks.isEmpty && remark == nil && !numbered { return false }
        if numbered {
            guard let serialField, let serial = try? Serial(parsingUTF8: serialField) else { return false }
            let serialHash = SerialHash(serial)
            guard serialProblem(serialHash) == nil else { return false }
            hash = serialHash
        } else if let serialField, !Self.trimmed(serialField, 0..<serialField.count).isEmpty {
            return false
        }
        // Canonical ballot bytes (docs/FORMAT.md "Ballot"): answers in key order, remark, round, survey, v.
        out.append(contentsOf: #"{"answers":{"#.utf8)
        marks.sort { $0.rank < $1.rank }
        for (n, entry) in marks.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: plan.keys[entry.rank])
            out.append(contentsOf: plan.codes[entry.code].value)
        }
        out.append(UInt8(ascii: "}"))
        if let remark {
            out.append(contentsOf: #","remark":"#.utf8)
            BallotCodec.writeString(BallotCodec.normalized(remark), into: &out)
        }
        out.append(contentsOf: plan.tail)
        return true
    }

    /// `range` without leading and trailing spaces and tabs (as `trimmingASCIIWhitespace`).
    @inline(__always)
    private static func trimmed(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high && (bytes[low] == 0x20 || bytes[low] == 0x09) { low += 1 }
        while high > low && (bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09) { high -= 1 }
        return low..<high
    }

    /// Index of the accepted code an ASCII cell spells (case-insensitively), nil otherwise.
    @inline(__always)
    private static func code(
        of bytes: UnsafeRawBufferPointer, _ cell: Range<Int>, _ codes: [(match: [UInt8], value: [UInt8])]
    ) -> Int? {
        for (index, code) in codes.enumerated() where code.match.count == cell.count {
            var equal = true
            for (k, expected) in code.match.enumerated() {
                var byte = bytes[cell.lowerBound + k]
                if byte >= 0x80 { return nil }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 0x20 }
                if byte != expected {
                    equal = false
                    break
                }
            }
            if equal { return index }
        }
        return nil
    }
}

extension String {
    /// Without leading and trailing spaces and tabs; cheap when there are none.
    func trimmingASCIIWhitespace() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
