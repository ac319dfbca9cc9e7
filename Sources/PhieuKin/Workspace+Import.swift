import Foundation
public import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages
import PhieuKinSheets
import PhieuKinStorage

/// Where the ballots of one import come from: a keyed file (CSV or JSON Lines), or ballots
/// already parsed by another front end (a voting booth, a scanner) — both go through the same
/// validation, batch, quarantine and exit codes.
public enum BallotSource: Sendable {
    case file(path: String)
    /// `name` stands in for a file name in reject reasons (`name:<position>`).
    case ballots(name: String, [KeyedBallot])

    public var name: String {
        switch self {
        case .file(let path): path
        case .ballots(let name, _): name
        }
    }
}

/// What `phieukin import` (or another front end) was asked to do.
public struct ImportRequest: Sendable {
    public var roundID: RoundID
    public var sources: [BallotSource]
    /// A second, independent keying of the same paper ballots (double entry).
    public var secondEntry: String?
    /// Passphrase of the agency signing key, when it is encrypted.
    public var passphrase: [UInt8]?
    /// A teller's reading of one sheet (`scan accept`): a ballot the checks refuse is not
    /// quarantined again, the whole import is refused and nothing is stored.
    var refuseRejects = false

    /// Keyed files, as `phieukin import` gives them.
    public init(roundID: RoundID, files: [String], secondEntry: String? = nil, passphrase: [UInt8]? = nil) {
        self.init(
            roundID: roundID, sources: files.map { .file(path: $0) }, secondEntry: secondEntry, passphrase: passphrase)
    }

    public init(
        roundID: RoundID, sources: [BallotSource], secondEntry: String? = nil, passphrase: [UInt8]? = nil
    ) {
        self.roundID = roundID
        self.sources = sources
        self.secondEntry = secondEntry
        self.passphrase = passphrase
    }

    /// The sources' names, as the report lists them.
    public var files: [String] { sources.map(\.name) }
}

/// The import summary shown to tellers; `--json` prints it as documented in docs/IMPORT-JSON.md.
/// Never holds marks, remarks or serials: only counts, files, lines and reasons.
public struct ImportReport: Sendable, Codable, Equatable {
    public struct Reject: Sendable, Codable, Equatable {
        public var file: String
        public var line: Int
        public var code: String
        public var reason: Message
        /// Id in the quarantine (`phieukin rejects list`); nil when nothing was stored because
        /// the files were already imported.
        public var rejectID: Int64?
    }
    public var round: RoundID
    /// The batch this import became (nil when the files held no ballots).
    public var batch: Int?
    public var files: [String]
    public var accepted: Int
    /// Ballots whose serial was already used (quarantined with code serial-used).
    public var duplicates: Int
    /// Other rejected ballots (quarantined).
    public var rejected: Int
    /// Count per reason code, duplicates included.
    public var rejectedByReason: [String: Int]
    public var rejects: [Reject]
    /// The ballot log after the import, as signed.
    public var treeSize: Int
    public var treeHead: Int?
    public var root: String?
    /// Set when every file was byte-identical to one imported before (its batch): the rows were
    /// checked and reported, but nothing was stored or quarantined again.
    public var alreadyImportedBatch: Int?
    /// Entirely empty rows left out (Excel's trailing `,,,,` rows; docs/EXCEL.md). Absent from
    /// the JSON when there were none.
    public var ignoredEmptyRows: Int?

    /// 0 all accepted, 2 committed with rejects or duplicates (see README "Exit status").
    public var exitStatus: Int32 { duplicates + rejected > 0 ? 2 : 0 }
}

/// A value computed on another thread, waited for once: the import hashes new leaves while
/// SQLite inserts them.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // `value` is written once by the worker before `done` is signalled, read after waiting.
    fileprivate var value: Value?
    fileprivate let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread {
            self.value = work()
            self.done.signal()
        }
    }

    func wait() -> Value {
        done.wait()
        return value!
    }
}

/// Leaves of one batch, in one contiguous buffer (a million ballots without a million arrays).
struct LeafBuffer: Sendable {
    fileprivate static let zeros = [UInt8](repeating: 0, count: 4096)
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var count: Int { ends.count }

    /// Seals `plaintext` straight into the buffer as `u32be(seq) ‖ nonce ‖ ciphertext ‖ tag`:
    /// no allocation per ballot.
    mutating func appendSealing(
        _ plaintext: [UInt8], seq: Int, sealer: AES256GCMSealer, associatedData: [UInt8]
    ) throws {
        let start = bytes.count
        let total = 4 + plaintext.count + AES256GCM.combinedOverhead
        let v = UInt32(seq)
        bytes.append(UInt8(v >> 24))
        bytes.append(UInt8(truncatingIfNeeded: v >> 16))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        bytes.append(UInt8(truncatingIfNeeded: v))
        // Room for the sealed message (zeros copied from a slice: a plain memcpy).
        var room = total - 4
        while room > 0 {
            let n = min(room, Self.zeros.count)
            bytes.append(contentsOf: Self.zeros[0..<n])
            room -= n
        }
        let written = try bytes.withUnsafeMutableBytes { out in
            try plaintext.withUnsafeBytes { plaintext in
                try associatedData.withUnsafeBytes { aad in
                    try sealer.seal(
                        plaintext, associatedData: aad,
                        into: UnsafeMutableRawBufferPointer(rebasing: out[(start + 4)..<(start + total)]))
                }
            }
        }
        precondition(written == total - 4)
        ends.append(bytes.count)
    }

    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }
}

extension WorkspaceService {

    /// Files up to this many bytes in all are checked serial by serial against the store.
    static var pointLookupLimit: Int { 1 << 20 }

    /// Bytes to read (a parsed ballot counts as a short row).
    static func totalSize(_ request: ImportRequest) -> Int {
        let sources = request.sources + (request.secondEntry.map { [.file(path: $0)] } ?? [])
        return sources.reduce(0) { total, source in
            switch source {
            case .file(let path):
                total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? Int.max / 4)
            case .ballots(_, let ballots): total + 256 * ballots.count
            }
        }
    }

    /// Another round that issued `hash` (its id and period, for the reader), if one did. A failed
    /// lookup answers nil: the sheet is then quarantined as never issued, which adds nothing.
    static func otherRound(issuing hash: SerialHash, not roundID: RoundID, store: any WorkspaceStorage) -> Message? {
        guard let other = (try? store.roundsIssuing(hash))?.first(where: { $0 != roundID }) else { return nil }
        guard let period = (try? store.round(id: other)).flatMap({ Period($0.period) }) else { return "\(other)" }
        return "\(period.message) (\(other))"
    }

    /// How many ballots an unnumbered round may hold: the smaller positive one of its planned
    /// count (`--ballots`) and its electorate; nil for numbered rounds (their serials cap them)
    /// or when neither is set.
    static func ballotCap(_ round: Round) -> Int? {
        guard !round.numbered else { return nil }
        return [round.ballotsPlanned, round.electorate ?? 0].filter { $0 > 0 }.min()
    }

    /// Test hook (PHIEUKIN_TEST_PAUSE_AFTER_ROWS=N): after N leaves are written inside the open
    /// transaction, say so on stderr and sleep, so a test can SIGKILL the process there (or start
    /// a second import that must wait for this one).
    /// PHIEUKIN_TEST_PAUSE_SECONDS sets how long (default 60).
    fileprivate static func testPause() {
        FileHandle.standardError.write(Data("PHIEUKIN_TEST_PAUSED\n".utf8))
        let seconds = ProcessInfo.processInfo.environment["PHIEUKIN_TEST_PAUSE_SECONDS"].flatMap(Double.init) ?? 60
        Thread.sleep(forTimeInterval: seconds)
    }

    /// Both keyings read the same: same outcome code and the same ballot.
    static func sameKeying(_ a: RowOutcome, _ b: RowOutcome) -> Bool {
        a.reject?.code == b.reject?.code && a.ballot == b.ballot && a.serialHash == b.serialHash
    }

    static func splitSource(_ source: String) -> (String, Int) {
        guard let colon = source.lastIndex(of: ":"), let line = Int(source[source.index(after: colon)...]) else {
            return (source, 0)
        }
        return (String(source[..<colon]), line)
    }

    func requireOpen(_ round: Round, for change: OpenRoundChange) throws {
        guard round.state != .open else { return }
        let state = round.state
        let reason: Message =
            switch change {
            case .importing: "round \(round.id) is \(state), so it takes no more ballots; nothing was changed."
            case .acceptingRejects:
                "round \(round.id) is \(state), so its quarantined ballots can no longer be accepted; nothing was changed."
            case .discardingRejects:
                "round \(round.id) is \(state), so its quarantined ballots can no longer be discarded; nothing was changed."
            }
        throw PhieuKinError.roundState(reason)
    }

    /// Streams one CSV, JSON Lines or `.xlsx` file through `session`, calling `each` per ballot
    /// row; returns the file's digests. JSON Lines when the first non-blank byte is `{`; a
    /// workbook when the file is a zip archive (docs/EXCEL.md); CSV otherwise, its separator (`,`
    /// `;` or tab) read from the header line.
    ///
    /// CSV and spreadsheet rows alike (docs/EXCEL.md): rows starting with `#` right after the
    /// header are notes (the keying template's labels and codes) and skipped; entirely empty rows
    /// are never a ballot (Excel leaves `,,,,` rows behind; issue 19): a blank ballot is keyed with
    /// a mark in the `blank` column, or (numbered rounds) as its serial alone. Text that is not
    /// UTF-8 refuses the file.
    ///
    /// With `fast`, CSV rows go through `BallotImportSession.process(view:…)`: a plainly valid
    /// row reaches `accepted` as its line and canonical ballot bytes (and serial hash), without
    /// any per-row `RowOutcome`; every other row still reaches `each`.
    static func readBallotFile(
        _ path: String, session: inout BallotImportSession, fast: Bool = false,
        accepted: (SerialHash?, Int, [UInt8], inout BallotImportSession) throws -> Void = { _, _, _, _ in },
        _ each: (RowOutcome, inout BallotImportSession) throws -> Void
    ) throws -> FileDigests {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw PhieuKinError.fileAccess(
                "cannot read \(path): \(Message.systemError(errno)); nothing was imported.", errno: errno)
        }
        defer { close(fd) }
        var hasher = SHA256Hasher()
        // Unnumbered rounds: a digest of the parsed rows, so a file re-saved with other line
        // endings, a BOM, blank lines or other quoting is recognised (docs/FORMAT.md).
        var content: FileDigests.Content? = session.numbered ? nil : FileDigests.Content()
        func addContent(_ outcome: RowOutcome) { content?.add(outcome) }
        func addContent(ballot canonical: [UInt8]) { content?.add(ballot: canonical) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var format: Bool?  // true: JSON Lines
        var csv: CSVParser?
        var columns: [BallotImportSession.Column]?
        var plan: BallotImportSession.FastPlan?
        var plaintext: [UInt8] = []
        plaintext.reserveCapacity(4096)
        var pendingLine: [UInt8] = []
        var lineNumber = 0
        let name = path
        /// Right after the header: rows starting with `#` are notes.
        var inNotes = false
        /// Empty rows: never a ballot (a blank ballot is keyed in the `blank` column), counted.
        var ignoredEmpty = 0
        /// Header columns not on the ballot: harmless while blank, the whole file refused at the
        /// first answer in one.
        var unknownColumns: [(index: Int, problem: Message)] = []
        var headerLine = 1

        func dataRecord(_ view: CSVRecordView, columns: [BallotImportSession.Column]) throws {
            guard let plan else {
                let outcome = session.process(record: view.record, columns: columns, file: name)
                addContent(outcome)
                try each(outcome, &session)
                return
            }
            switch session.process(view: view, plan: plan, file: name, plaintext: &plaintext) {
            case .accepted(let hash):
                addContent(ballot: plaintext)
                try accepted(hash, view.line, plaintext, &session)
                plaintext.removeAll(keepingCapacity: true)
            case .other(let outcome):
                addContent(outcome)
                try each(outcome, &session)
            }
        }
        func csvRecord(_ view: CSVRecordView) throws {
            guard let columns else {
                if !view.isUTF8 {
                    throw PhieuKinError(
                        .invalidFile, "\(name):\(view.line): the header is not UTF-8 text; nothing was imported.")
                }
                // Excel's `sep=;` first line names the separator: not the header.
                if view.count <= 2, view.string(0).lowercased().hasPrefix("sep="),
                    view.count == 1 || view.string(1).isEmpty
                {
                    return
                }
                let fields = view.record.fields
                let header = try session.columns(header: fields, source: "\(name):\(view.line)")
                columns = header
                headerLine = view.line
                unknownColumns = header.indices.compactMap { i in
                    session.unknownColumnProblem(header, index: i, name: fields[i].trimmingCharacters(in: .whitespaces))
                        .map { (i, $0) }
                }
                if fast { plan = session.fastPlan(columns: header) }
                inNotes = true
                return
            }
            if inNotes {
                if view.count > 0, view.string(0).trimmingCharacters(in: .whitespaces).hasPrefix("#") { return }
                inNotes = false
            }
            if view.isBlank {
                ignoredEmpty += 1
                return
            }
            // The refusal names the header line only: which row holds an answer would say
            // something about that ballot.
            for (index, problem) in unknownColumns
            where index < view.count && !view.string(index).trimmingCharacters(in: .whitespaces).isEmpty {
                throw PhieuKinError(.invalidFile, "\(name):\(headerLine): \(problem); nothing was imported.")
            }
            try dataRecord(view, columns: columns)
        }
        func jsonLine(_ line: ArraySlice<UInt8>) throws {
            lineNumber += 1
            var bytes = line
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            let outcome = session.process(jsonLine: Array(bytes), line: lineNumber, file: name)
            addContent(outcome)
            try each(outcome, &session)
        }
        func feedJSON(_ buffer: ArraySlice<UInt8>) throws {
            var start = buffer.startIndex
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                if pendingLine.isEmpty {
                    try jsonLine(buffer[start..<newline])
                } else {
                    pendingLine.append(contentsOf: buffer[start..<newline])
                    try jsonLine(pendingLine[...])
                    pendingLine.removeAll(keepingCapacity: true)
                }
                start = newline + 1
            }
            pendingLine.append(contentsOf: buffer[start...])
        }

        do {
            var isWorkbook = false
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard n >= 0 else {
                    throw PhieuKinError.fileAccess(
                        "cannot read \(path): \(Message.systemError(errno)); nothing was imported.", errno: errno)
                }
                if n == 0 { break }
                chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                if format == nil && !isWorkbook {
                    try Self.refuseForeignFormat(chunk[0..<n], name: name)
                    if chunk[0..<n].starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                        isWorkbook = true
                        continue
                    }
                    let first = chunk[0..<n].first {
                        !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB
                            || $0 == 0xBF)
                    }
                    if let first { format = first == UInt8(ascii: "{") }
                    if format == false { csv = CSVParser(delimiter: CSVParser.detectDelimiter(chunk[0..<n])) }
                }
                if isWorkbook { continue }
                if format == true {
                    try feedJSON(chunk[0..<n])
                } else if csv != nil {
                    try chunk.withUnsafeBytes {
                        try csv!.feedRecords(UnsafeRawBufferPointer(rebasing: $0[0..<n]), csvRecord)
                    }
                }
            }
            if isWorkbook {
                try readWorkbook(path, name: name, csvRecord)
            } else if format == true {
                if !pendingLine.isEmpty { try jsonLine(pendingLine[...]) }
            } else if csv != nil {
                try csv!.finishRecords(csvRecord)
            }
        } catch let error as CSVError {
            throw PhieuKinError(
                .invalidFile, "\(name):\(error.line): \(error.why); nothing was imported.", underlying: error)
        } catch let error as ImportError {
            throw PhieuKinError(.invalidFile, "\(error); nothing was imported.", underlying: error)
        }
        return FileDigests(
            bytes: hasher.finalize(), content: content?.hasher.finalize(), ignoredEmptyRows: ignoredEmpty)
    }

    /// Refuses, by their first bytes, files that are not text an import reads: an old binary
    /// `.xls` workbook, UTF-16 text (Excel's "Unicode Text"), a PDF and other binary data (a NUL
    /// byte early on), so that only text which is not UTF-8 is called another encoding. A zip
    /// (`PK\u{3}\u{4}`) passes: the caller reads it as an `.xlsx` workbook.
    static func refuseForeignFormat(_ start: ArraySlice<UInt8>, name: String) throws {
        try refuseExcelFormats(start, name: name)
        if start.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return }
        if start.starts(with: Array("%PDF".utf8)) || start.prefix(512).contains(0) {
            throw PhieuKinError(
                .invalidFile,
                "\(name) is neither text nor an Excel workbook (.xlsx): it holds binary data (a PDF, an image or a "
                    + "document?); in Excel choose File > Save As and the file type \"Excel Workbook (*.xlsx)\" or "
                    + "\"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file; nothing was imported.")
        }
    }

    /// The old `.xls` workbook and UTF-16 text, which Excel writes and an import does not read.
    private static func refuseExcelFormats(_ start: ArraySlice<UInt8>, name: String) throws {
        if start.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw PhieuKinError(
                .invalidFile,
                "\(name) is an old Excel 97-2003 workbook (.xls), which is not read; in Excel choose File > Save As "
                    + "and the file type \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited) (*.csv)\", "
                    + "then import the new file; nothing was imported.")
        }
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
            throw PhieuKinError(
                .invalidFile,
                "\(name) is UTF-16 text (Excel's \"Unicode Text\"), which is not read; in Excel choose File > Save As "
                    + "and the file type \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file; "
                    + "nothing was imported.")
        }
    }

    /// The CSV parser's limits, for a sheet: one rule for both formats (ballots and rosters).
    static var importSheetLimits: SheetLimits {
        SheetLimits(
            columns: CSVParser.defaultMaxFields, rows: CSVParser.defaultMaxRecords,
            cellBytes: CSVParser.defaultMaxFieldBytes)
    }

    /// The first sheet of an `.xlsx` workbook as records: the first row with content is the
    /// header, each row's number is its `line`. Rows Excel did not store between two rows with
    /// content are empty rows, as they would be in the same sheet saved as CSV.
    static func readWorkbook(
        _ path: String, name: String, _ record: (CSVRecordView) throws -> Void
    ) throws {
        let rows: [SheetRow]
        do {
            // The CSV parser's limits: one rule for both formats.
            rows = try XLSXReader.firstSheet(path: path, limits: importSheetLimits)
        } catch let error as SheetError {
            throw PhieuKinError(.invalidFile, "\(name): \(error); nothing was imported.", underlying: error)
        }
        var width: Int?
        var previous: Int?
        for row in rows {
            let blank = row.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard let columns = width else {
                if blank { continue }
                width = row.cells.count
                previous = row.number
                try CSVRecord(line: row.number, fields: row.cells).withView(record)
                continue
            }
            if !blank, let last = previous, row.number > last + 1 {
                for missing in (last + 1)..<row.number {
                    try CSVRecord(line: missing, fields: [String](repeating: "", count: columns)).withView(record)
                }
            }
            previous = row.number
            var cells = row.cells
            if cells.count < columns { cells += [String](repeating: "", count: columns - cells.count) }
            try CSVRecord(line: row.number, fields: cells).withView(record)
        }
    }

    /// What identifies an imported file: SHA-256 of its bytes, and for unnumbered rounds the
    /// digest of its parsed rows in file order (each row's canonical ballot, or its reject code
    /// and raw text), under the domain string `contentDomain`.
    /// Ballots handed in already parsed: each is validated as a keyed row named `name:<position>`.
    /// They are not a file: nothing is recorded to refuse the same ballots handed in again (in a
    /// numbered round their serials do that; in an unnumbered one, identical ballots from
    /// different people are normal, and the front end must hand each ballot in once).
    static func readKeyedBallots(
        _ name: String, _ ballots: [KeyedBallot], session: inout BallotImportSession,
        _ each: (RowOutcome, inout BallotImportSession) throws -> Void
    ) throws -> FileDigests {
        for (position, ballot) in ballots.enumerated() {
            try each(session.process(keyed: ballot, source: "\(name):\(position + 1)"), &session)
        }
        return FileDigests(bytes: [], content: nil, isFile: false)
    }

}

/// Serial lookups answered by the store inside the import's write transaction. A failing query
/// cannot be thrown through the session's `contains`: the first error is kept and thrown by
/// `check()` before anything is committed (a lookup that failed answered "not issued", which
/// only ever quarantines a row, and the import is refused anyway).
final class StoreSerialLookups {
    struct Lookup: SerialHashLookup {
        let owner: StoreSerialLookups
        let issuedTable: Bool
        func contains(_ hash: SerialHash) -> Bool { owner.query(hash, issued: issuedTable) }
        var countHint: Int { 0 }
    }
    fileprivate var log: (any BallotLogWriting)?
    private(set) var failure: (any Error)?

    init(_ log: any BallotLogWriting) { self.log = log }

    var issued: Lookup { Lookup(owner: self, issuedTable: true) }
    var used: Lookup { Lookup(owner: self, issuedTable: false) }

    fileprivate func query(_ hash: SerialHash, issued: Bool) -> Bool {
        guard failure == nil, let log else { return false }
        do {
            return try issued ? log.isIssued(hash) : log.isUsed(hash)
        } catch {
            failure = error
            return false
        }
    }

    func check() throws {
        if let failure { throw failure }
    }

    /// The transaction ends with the import: no lookup may outlive it.
    func close() { log = nil }
}

extension IntakeService {
    /// Imports keyed ballots into a round: validates every row, seals accepted ballots into a new
    /// batch appended (in random order) to the round's Merkle log, quarantines rejected ones
    /// (sealed too), and signs a tree head — all in one transaction.
    ///
    /// Throws (and stores nothing) when the round is not open, a file cannot be read or parsed
    /// as a whole, or an unnumbered round gets a byte-identical file again.
    public func importBallots(_ request: ImportRequest) throws -> ImportReport {
        let round = try store.round(id: request.roundID)
        try requireOpen(round, for: .importing)
        guard !request.sources.isEmpty else {
            throw PhieuKinError.invalidInput("give at least one file or source of ballots to import.")
        }
        let survey = try survey(ofRound: round)
        let officials = try store.roundOfficials(roundID: round.id).map(\.officialID)
        let signingKey = try agencySigningKey(passphrase: request.passphrase)
        let tallyKey: X25519PublicKey
        do {
            tallyKey = try X25519PublicKey(rawRepresentation: round.tallyPublicKey)
        } catch {
            throw PhieuKinError.tampered(
                "round \(round.id) has no valid tally public key; the store may be damaged.", underlying: error)
        }
        let pauseAfter = ProcessInfo.processInfo.environment["PHIEUKIN_TEST_PAUSE_AFTER_ROWS"].flatMap(Int.init)
        do {
            return try store.withBallotLog(roundID: round.id) { log in
                try requireOpen(try log.round(), for: .importing)
                // The serials issued and used so far are read inside the write transaction: two
                // imports of one file at the same time are serialized, and the second sees every
                // serial the first used (all its rows are duplicates), never a stale set.
                // A small file is checked serial by serial against the store (O(rows · log n)); a
                // large one against the round's whole sets, read once (O(n), faster per row).
                let pointLookups = round.numbered && Self.totalSize(request) <= Self.pointLookupLimit
                let storeLookups = StoreSerialLookups(log)
                let issued: any SerialHashLookup
                let used: any SerialHashLookup
                if !round.numbered {
                    (issued, used) = (Set<SerialHash>(), Set<SerialHash>())
                } else if pointLookups {
                    (issued, used) = (storeLookups.issued, storeLookups.used)
                } else {
                    (issued, used) = (try log.issuedSerialHashes(), try log.usedSerialHashes())
                }
                defer { storeLookups.close() }
                let store = self.store
                func newSession() -> BallotImportSession {
                    var session = BallotImportSession(
                        survey: survey, roundID: round.id, numbered: round.numbered, officialIDs: officials,
                        issued: issued, used: used)
                    session.otherRoundIssuing = { Self.otherRound(issuing: $0, not: round.id, store: store) }
                    return session
                }

                // Double entry: the second keying is read first, fully, into memory (keyed per ballot).
                var second: [String: RowOutcome]?
                if let secondFile = request.secondEntry {
                    var session = newSession()
                    var outcomes: [String: RowOutcome] = [:]
                    _ = try Self.readBallotFile(secondFile, session: &session) { outcome, session in
                        if outcome.isAccepted, let hash = outcome.serialHash {
                            session.registerUsed(hash, at: outcome.source)
                        }
                        if outcomes[outcome.keyingKey] == nil { outcomes[outcome.keyingKey] = outcome }
                    }
                    second = outcomes
                }

                let writer = try BatchWriter(log: log, roundID: round.id, tallyKey: tallyKey)
                let seq = writer.seq
                var report = ImportReport(
                    round: round.id, batch: seq, files: request.files, accepted: 0, duplicates: 0, rejected: 0,
                    rejectedByReason: [:], rejects: [], treeSize: 0, treeHead: nil, root: nil)

                func quarantine(_ outcome: RowOutcome, second: RowOutcome? = nil) throws {
                    guard let reject = outcome.reject else { return }
                    if request.refuseRejects {
                        throw PhieuKinError.invalidInput("\(reject.reason); nothing was changed.")
                    }
                    let id = try writer.quarantine(outcome, reject, second: second)
                    let (file, line) = Self.splitSource(outcome.source)
                    if reject.code == .serialUsed { report.duplicates += 1 } else { report.rejected += 1 }
                    report.rejectedByReason[reject.code.rawValue, default: 0] += 1
                    report.rejects.append(
                        .init(file: file, line: line, code: reject.code.rawValue, reason: reject.reason, rejectID: id))
                }

                // Unnumbered rounds: ballots beyond the planned count are quarantined (over-planned).
                let cap = Self.ballotCap(round)
                var room = try cap.map { max(0, $0 - (try log.leafCount())) }
                func overPlanned(_ source: String, ballot: Ballot?, raw: RawRow?) throws {
                    try quarantine(
                        RowOutcome(
                            source: source, keyingKey: "", ballot: ballot, serialHash: nil,
                            reject: ImportReject(
                                .overPlanned,
                                "round \(round.id) was opened for \(cap ?? 0) ballots and already has them: "
                                    + "check the paper ballots against the count (a copied or extra ballot?)"),
                            raw: raw ?? .text("")))
                }

                /// Every row the fast path did not take: double-entry matching, the cap, then
                /// accept (seal and buffer) or quarantine. The same for every source.
                func handle(_ first: RowOutcome, _ session: inout BallotImportSession) throws {
                    var outcome = first
                    var partner: RowOutcome?
                    if second != nil {
                        partner = second!.removeValue(forKey: outcome.keyingKey)
                        if let other = partner {
                            if !Self.sameKeying(outcome, other) {
                                outcome.ballot = nil
                                outcome.serialHash = nil
                                outcome.reject = ImportReject(
                                    .keyingMismatch,
                                    "the two keyings differ (second keying: \(other.source)): re-check the paper ballot and key it again"
                                )
                                outcome.raw = outcome.raw ?? .text("")
                            }
                        } else {
                            outcome.ballot = nil
                            outcome.serialHash = nil
                            outcome.reject = ImportReject(
                                .keyingMissing,
                                "not found in the second keying \(request.secondEntry ?? ""): key it there too, or re-check the paper"
                            )
                            outcome.raw = outcome.raw ?? .text("")
                        }
                    }
                    if let ballot = outcome.ballot, outcome.isAccepted, room == 0 {
                        try overPlanned(outcome.source, ballot: ballot, raw: outcome.raw)
                    } else if let ballot = outcome.ballot, outcome.isAccepted {
                        room = room.map { $0 - 1 }
                        if let hash = outcome.serialHash { session.registerUsed(hash, at: outcome.source) }
                        try writer.accept(ballot, serial: outcome.serialHash)
                    } else {
                        try quarantine(outcome, second: partner)
                    }
                }

                var session = newSession()
                var digests: [FileDigests] = []
                for source in request.sources {
                    guard case .file(let file) = source else {
                        if case .ballots(let name, let ballots) = source {
                            digests.append(try Self.readKeyedBallots(name, ballots, session: &session, handle))
                        }
                        continue
                    }
                    // Single entry: plain valid rows take the byte-level fast path (no Ballot built).
                    let digest = try Self.readBallotFile(
                        file, session: &session, fast: second == nil,
                        accepted: { hash, line, plaintext, session in
                            if room == 0 {
                                let ballot = try plaintext.withUnsafeBytes { try BallotCodec.decodeCanonical($0) }
                                return try overPlanned("\(file):\(line)", ballot: ballot, raw: nil)
                            }
                            room = room.map { $0 - 1 }
                            if let hash { session.registerUsed(hash, file: file, line: line) }
                            try writer.accept(canonical: plaintext, serial: hash)
                        }, handle)
                    digests.append(digest)
                }
                let ignored = digests.reduce(0) { $0 + $1.ignoredEmptyRows }
                report.ignoredEmptyRows = ignored > 0 ? ignored : nil
                // The session's map of this import's serials is no longer needed: free it before
                // the inserts (a million entries).
                session = newSession()
                if var leftovers = second?.values.sorted(by: { $0.source < $1.source }) {
                    for i in leftovers.indices {
                        leftovers[i].ballot = nil
                        leftovers[i].raw = leftovers[i].raw ?? .text("")
                        leftovers[i].reject = ImportReject(
                            .keyingMissing,
                            "only in the second keying: key it in the first file too, or re-check the paper")
                        try quarantine(leftovers[i])
                    }
                }

                // Unnumbered rounds cannot see duplicate ballots: refuse a file already imported
                // (recognised by its parsed rows, not its bytes). A numbered round reports the
                // duplicates of a file imported again, storing nothing.
                // Files only: a front end's batches of parsed ballots are not files keyed twice (two
                // citizens may well give the same rating); the front end hands each ballot in once.
                let earlier = try digests.filter(\.isFile).map { try log.batchForFile(digest: $0.bytes) }
                if round.numbered, let first = earlier.first ?? nil, earlier.allSatisfy({ $0 != nil }) {
                    report.batch = nil
                    report.accepted = 0
                    report.alreadyImportedBatch = first
                    for i in report.rejects.indices { report.rejects[i].rejectID = nil }
                    throw AlreadyImported(report: report)
                }
                var seenNow: [[UInt8]: String] = [:]
                for (file, digest) in zip(request.files, digests) where digest.isFile {
                    if !round.numbered {
                        if let content = digest.content {
                            if let other = seenNow[content] {
                                throw PhieuKinError(
                                    .duplicateImport,
                                    "\(file) holds the same ballots, in the same order, as \(other) in this import; nothing was imported. "
                                        + "Unnumbered rounds refuse a file twice because their ballots carry no serial."
                                )
                            }
                            seenNow[content] = file
                        }
                        for d in digest.all {
                            if let earlier = try log.batchForFile(digest: d) {
                                throw PhieuKinError(
                                    .duplicateImport,
                                    "\(file) holds the same ballots, in the same order, as a file already imported into round \(round.id) (batch \(earlier)); nothing was imported. "
                                        + "Unnumbered rounds refuse a file twice, even re-saved (other line endings, BOM, quoting), because their ballots carry no serial."
                                )
                            }
                        }
                    }
                    for d in digest.all { try log.recordFile(digest: d, batchSeq: seq) }
                }
                try storeLookups.check()
                if writer.acceptedCount == 0 && report.rejects.isEmpty { throw EmptyImport() }

                let head = try writer.commit(afterLeaf: { n in if n == pauseAfter { Self.testPause() } }) {
                    try signTreeHead(log, kind: "import", key: signingKey, appended: $0)
                }
                report.accepted = writer.acceptedCount
                report.treeSize = head.size
                report.treeHead = head.seq
                report.root = head.root
                return report
            }
        } catch let already as AlreadyImported {
            var report = already.report
            report.treeSize = try store.ballotLogSnapshot(roundID: round.id).leaves.count
            return report
        } catch is EmptyImport {
            return ImportReport(
                round: round.id, batch: nil, files: request.files, accepted: 0, duplicates: 0, rejected: 0,
                rejectedByReason: [:], rejects: [],
                treeSize: try store.ballotLogSnapshot(roundID: round.id).leaves.count,
                treeHead: nil, root: nil)
        }
    }
}

fileprivate struct EmptyImport: Error {}
fileprivate struct AlreadyImported: Error {
    var report: ImportReport
}

struct FileDigests {
    static let contentDomain = "phieukin unnumbered rows v1\n"
    var bytes: [UInt8]
    var content: [UInt8]?
    /// Entirely empty rows left out (docs/EXCEL.md).
    var ignoredEmptyRows = 0
    /// False for ballots a front end handed in already parsed: nothing is recorded for them.
    var isFile = true

    /// The digest of parsed rows (docs/FORMAT.md): a ballot's canonical bytes, or a reject's
    /// code and raw row, each length-prefixed.
    struct Content {
        var hasher = SHA256Hasher()
        init() { hasher.update(Array(FileDigests.contentDomain.utf8)) }

        mutating func add(_ outcome: RowOutcome) {
            if let ballot = outcome.ballot {
                add(ballot: BallotCodec.encode(ballot))
            } else {
                var bytes: [UInt8] = [0x02]
                bytes += Array((outcome.reject?.code.rawValue ?? "").utf8) + [0]
                switch outcome.raw {
                case .text(let text)?: bytes += Array(text.utf8)
                case .bytes(let raw)?: bytes += raw
                case nil: break
                }
                hasher.update(BallotLog.u32be(bytes.count) + bytes)
            }
        }

        mutating func add(ballot canonical: [UInt8]) {
            hasher.update(BallotLog.u32be(canonical.count + 1) + [0x01] + canonical)
        }
    }
    /// What is recorded and compared: both for unnumbered rounds (so files imported before
    /// the content digest existed are still recognised), the bytes for numbered ones.
    var all: [[UInt8]] { [bytes] + (content.map { [$0] } ?? []) }
}

/// What a round that is no longer open refuses (each a whole sentence, for the catalogue).
enum OpenRoundChange { case importing, acceptingRejects, discardingRejects }
