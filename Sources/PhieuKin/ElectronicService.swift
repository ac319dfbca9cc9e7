public import Foundation
public import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages
import PhieuKinPrint
import PhieuKinStorage

/// Electronic ballots (docs/WEB.md): access codes looked up, sealed ballots cast and kept in the
/// round's inbox, kiosks enrolled and counted. The inbox enters the log only at `round close`, as
/// one shuffled batch (`RoundService.closeRound`). The server calls nothing else for voting.
///
/// Secrecy: the server never holds a mark (the page sealed the ballot to the round's tally key);
/// a code is stored only as its hash, moved to "used" in the same transaction that stores the
/// box, and nothing links the two; the inbox is keyed by random bytes; the one electronic batch
/// is appended at close in a shuffled order under one signed head that carries only the date, so
/// the log says nothing about when a ballot arrived.
///
/// A box counts once: a sealed box is named by its ephemeral public key (fresh per sealing), and
/// one already waiting in an inbox or appended to a log, of any round, is never taken again.
public struct ElectronicService: WorkspaceService {
    let context: WorkspaceContext

    /// The largest sealed box accepted (a remark of 1000 characters in the worst UTF-8 is far
    /// below it); the smallest is a box around the shortest possible ballot.
    public static let maxSealedBytes = 32 * 1024
    static let minSealedBytes = SealedBox.overhead + 40

    // MARK: Codes

    /// The ballot a code opens (`CastError.unknownCode`, `.codeUsed`, `.roundClosed`).
    public func ballot(forCode text: String, language: Language) throws -> BallotDefinition {
        let round = try roundOfCode(text)
        return try definition(of: round, language: language)
    }

    /// The open round whose unused code this is; the refusals name no round.
    func roundOfCode(_ text: String) throws -> Round {
        guard let code = AccessCode(parsing: text) else {
            throw CastError(.unknownCode, "the access code is not well-formed")
        }
        var closed = false
        for round in try store.rounds() where round.numbered {
            let status = try store.serialStatus(roundID: round.id, hash: code.hash(roundID: round.id))
            guard status.issued else { continue }
            guard round.state == .open else {
                closed = true
                continue
            }
            if status.used { throw CastError(.codeUsed, "the access code was used already") }
            return round
        }
        if closed { throw CastError(.roundClosed, "the access code's round is no longer open") }
        throw CastError(.unknownCode, "the access code was not issued for an open round")
    }

    /// Casts a sealed ballot with an access code: marks the code used and stores the box in one
    /// transaction (grouped with other casts arriving at the same time). `sealedTo`, when the page
    /// says which tally key it sealed to, must be the round's (`CastError.wrongKey`).
    ///
    /// A box already cast (in any round's inbox or log) is refused (`.alreadyCast`); the same code
    /// with the very box it cast — a retry after a lost answer — gets its receipt again, marked
    /// `duplicate`; a used code with any other box is `.codeUsed`.
    public func cast(
        code text: String, roundID: RoundID, sealed: [UInt8], sealedTo: [UInt8]? = nil
    ) async throws -> CastReceipt {
        try Self.checkSealed(sealed)
        guard let code = AccessCode(parsing: text) else {
            throw CastError(.unknownCode, "the access code is not well-formed")
        }
        let item = CastItem.code(roundID: roundID, hash: code.hash(roundID: roundID), box: sealed, sealedTo: sealedTo)
        return try await submit(item)
    }

    // MARK: Kiosks

    /// Issues a one-time enrolment token for a kiosk at `desk` (stored only hashed); the tablet
    /// opens `<public-url>/kiosk#enrol=<token>` once. Kiosks serve unnumbered rounds only: a
    /// numbered round's ballots each need a serial or a code.
    public func issueKioskEnrolment(roundID: RoundID, desk: String) throws -> String {
        let round = try store.round(id: roundID)
        guard round.state == .open else {
            throw PhieuKinError.roundState(
                "round \(roundID) is \(round.state); kiosks serve open rounds only.")
        }
        guard !round.numbered else {
            throw PhieuKinError.roundState(
                "round \(roundID) is numbered: each of its ballots needs a serial or an access code, so a kiosk "
                    + "(which takes ratings without one) cannot serve it. Open an unnumbered round for the desk.")
        }
        let name = desk.nfc.trimmingWhitespaceAndNewlines()
        guard !name.isEmpty, name.count <= 100 else {
            throw PhieuKinError.invalidInput("a desk name of 1 to 100 characters is needed.")
        }
        let token = Self.randomToken()
        try store.insertKiosk(
            StoredKiosk(
                id: Hex.encode(SecureRandom.bytes(4)), roundID: roundID, desk: name,
                enrolHash: Self.tokenHash(token, kind: "enrol"), tokenHash: nil))
        return token
    }

    /// Exchanges a one-time enrolment token for a kiosk token.
    public func enrolKiosk(token: String) throws -> KioskEnrolment {
        let kioskToken = Self.randomToken()
        return try store.withElectronicIntake { tx in
            guard let kiosk = try tx.kiosk(enrolHash: Self.tokenHash(token, kind: "enrol")) else {
                throw CastError(.unknownKiosk, "the enrolment token is not valid")
            }
            guard kiosk.tokenHash == nil else {
                throw CastError(.enrolmentUsed, "the enrolment token was used already")
            }
            guard let round = try tx.round(id: kiosk.roundID), round.state == .open else {
                throw CastError(.roundClosed, "the kiosk's round is no longer open")
            }
            try tx.setKioskToken(kioskID: kiosk.id, tokenHash: Self.tokenHash(kioskToken, kind: "kiosk"))
            return KioskEnrolment(
                kioskToken: kioskToken, desk: kiosk.desk, roundID: round.id,
                minIntervalSeconds: round.kioskMinIntervalSeconds)
        }
    }

    /// The ballot a kiosk shows (its desk and interval filled in).
    public func kioskBallot(kioskToken: String, language: Language) throws -> BallotDefinition {
        let (kiosk, round) = try store.withElectronicIntake { tx -> (StoredKiosk, Round?) in
            guard let kiosk = try tx.kiosk(tokenHash: Self.tokenHash(kioskToken, kind: "kiosk")) else {
                throw CastError(.unknownKiosk, "the kiosk token is not valid")
            }
            return (kiosk, try tx.round(id: kiosk.roundID))
        }
        guard let round, round.state == .open else { throw CastError(.roundClosed, "the kiosk's round is closed") }
        var ballot = try definition(of: round, language: language)
        ballot.desk = kiosk.desk
        ballot.minIntervalSeconds = round.kioskMinIntervalSeconds
        return ballot
    }

    /// Casts a kiosk rating. A rating is its box: a resend of a box the round holds already — under
    /// the same `submissionID` (32 hex digits, random per rating, chosen by the tablet) or another —
    /// is counted once and answered `duplicate`. `sealedTo` as for `cast`.
    public func castFromKiosk(
        kioskToken: String, submissionID: String, sealed: [UInt8], sealedTo: [UInt8]? = nil, now: Date = Date()
    )
        async throws -> CastReceipt
    {
        try Self.checkSealed(sealed)
        guard submissionID.utf8.count == 32, (try? Hex.decode(submissionID)) != nil else {
            throw CastError(.badRequest, "a rating id is 32 hexadecimal digits")
        }
        let item = CastItem.kiosk(
            tokenHash: Self.tokenHash(kioskToken, kind: "kiosk"),
            submissionHash: SHA256.hash(Array("phieukin kiosk rating v1|\(submissionID.lowercased())".utf8)),
            box: sealed, sealedTo: sealedTo, now: now)
        return try await submit(item)
    }

    /// Per-kiosk counts of a round, for staff (the day is the server's local date).
    public func kioskCounts(roundID: RoundID, now: Date = Date()) throws -> [KioskCount] {
        let today = CivilDate.today(now: now).description
        let days = try store.kioskDays(roundID: roundID)
        return try store.kiosks(roundID: roundID).map { kiosk in
            let mine = days.filter { $0.kioskID == kiosk.id }
            return KioskCount(
                desk: kiosk.desk, day: today, today: mine.first { $0.day == today }?.count ?? 0,
                total: mine.reduce(0) { $0 + $1.count })
        }
    }

    // MARK: Internals

    static func checkSealed(_ sealed: [UInt8]) throws {
        guard sealed.count >= minSealedBytes, sealed.count <= maxSealedBytes, sealed.first == SealedBox.version else {
            throw CastError(.malformedSealed, "the sealed ballot is not a version-1 sealed box of a plausible size")
        }
    }

    /// 128 random bits as 32 upper-case hex digits (URL-safe; read case-insensitively).
    static func randomToken() -> String {
        Hex.encode(SecureRandom.bytes(16)).uppercased()
    }

    /// `SHA-256("phieukin kiosk <kind> v1|" ‖ token)` over the token as typed, upper-cased.
    static func tokenHash(_ token: String, kind: String) -> [UInt8] {
        SHA256.hash(Array("phieukin kiosk \(kind) v1|\(token.uppercased())".utf8))
    }

    func submit(_ item: CastItem) async throws -> CastReceipt {
        let service = self
        return try await context.electronic.queue.submit(item) { items in service.commit(items) }
    }

    /// One write transaction for a group of casts: each is checked and stored, or refused, in
    /// arrival order; a refused one leaves nothing (every check comes before its writes).
    func commit(_ items: [CastItem]) -> [Result<CastReceipt, Error>] {
        do {
            return try store.withElectronicIntake { tx in
                items.map { item in
                    Result {
                        switch item {
                        case .code(let roundID, let hash, let box, let sealedTo):
                            try acceptCode(roundID: roundID, hash: hash, box: box, sealedTo: sealedTo, tx: tx)
                        case .kiosk(let tokenHash, let submissionHash, let box, let sealedTo, let now):
                            try acceptKiosk(
                                tokenHash: tokenHash, submissionHash: submissionHash, box: box, sealedTo: sealedTo,
                                now: now, tx: tx)
                        }
                    }
                }
            }
        } catch {
            return items.map { _ in .failure(error) }
        }
    }

    private func acceptCode(
        roundID: RoundID, hash: SerialHash, box: [UInt8], sealedTo: [UInt8]?, tx: any ElectronicIntakeWriting
    ) throws -> CastReceipt {
        guard let round = try tx.round(id: roundID) else { throw CastError(.unknownRound, "no such round") }
        guard round.state == .open else { throw CastError(.roundClosed, "the round is not open") }
        guard round.numbered, try tx.isIssued(roundID: roundID, hash) else {
            throw CastError(.unknownCode, "the access code was not issued for this round")
        }
        try Self.checkKey(sealedTo, of: round)
        let receipt = Hex.encode(Self.leafHash(box))
        let held = try tx.electronicBox(ephemeral: Self.ephemeralKey(box))
        if try tx.isUsed(roundID: roundID, hash) {
            // A retry after a lost answer: the code is used and this very box is in its round. Only
            // that much is checked — which code cast which box is stored nowhere (docs/WEB.md).
            if let held, held.roundID == roundID, held.box == box {
                return CastReceipt(receipt: receipt, duplicate: true)
            }
            throw CastError(.codeUsed, "the access code was used already")
        }
        guard held == nil else { throw CastError(.alreadyCast, "this sealed ballot was cast already") }
        try tx.insertUsedSerial(roundID: roundID, hash)
        try tx.insertInbox(roundID: roundID, key: SecureRandom.bytes(16), box: box)
        return CastReceipt(receipt: receipt)
    }

    private func acceptKiosk(
        tokenHash: [UInt8], submissionHash: [UInt8], box: [UInt8], sealedTo: [UInt8]?, now: Date,
        tx: any ElectronicIntakeWriting
    ) throws -> CastReceipt {
        guard let kiosk = try tx.kiosk(tokenHash: tokenHash) else {
            throw CastError(.unknownKiosk, "the kiosk token is not valid")
        }
        let receipt = Hex.encode(Self.leafHash(box))
        guard let round = try tx.round(id: kiosk.roundID), round.state == .open else {
            throw CastError(.roundClosed, "the kiosk's round is not open")
        }
        if try tx.kioskSubmissionExists(kioskID: kiosk.id, hash: submissionHash) {
            return CastReceipt(receipt: receipt, duplicate: true)
        }
        try Self.checkKey(sealedTo, of: round)
        if let held = try tx.electronicBox(ephemeral: Self.ephemeralKey(box)) {
            // The same rating under a new id (a tablet that lost its queue's ids): counted once.
            guard held.roundID == round.id, held.box == box else {
                throw CastError(.alreadyCast, "this sealed ballot was cast already")
            }
            return CastReceipt(receipt: receipt, duplicate: true)
        }
        let day = CivilDate.today(now: now).description
        var today =
            try tx.kioskDay(kioskID: kiosk.id, day: day) ?? StoredKioskDay(kioskID: kiosk.id, day: day, count: 0)
        guard today.count < round.kioskDailyCap else {
            throw CastError(.kioskDailyCap, "the kiosk reached the round's daily cap")
        }
        // On average one rating per interval since the day's first this process took, with a burst
        // allowance for a queue sent after the network came back. The clock is kept in memory only.
        let pace = context.electronic.pace
        let interval = Double(max(1, round.kioskMinIntervalSeconds))
        let burst = max(10, round.kioskDailyCap / 10)
        guard pace.allows(kioskID: kiosk.id, day: day, now: now, interval: interval, burst: burst) else {
            throw CastError(.kioskTooFast, "the kiosk is sending faster than the round allows")
        }
        if let cap = Self.ballotCap(round), try tx.ballotCount(roundID: round.id) >= cap {
            throw CastError(.roundFull, "the round holds as many ballots as it was opened for")
        }
        try tx.insertKioskSubmission(kioskID: kiosk.id, hash: submissionHash)
        today.count += 1
        try tx.saveKioskDay(today)
        try tx.insertInbox(roundID: round.id, key: SecureRandom.bytes(16), box: box)
        pace.record(kioskID: kiosk.id, day: day, now: now)
        return CastReceipt(receipt: receipt)
    }

    /// When the page names the key it sealed to, it must be the round's tally key: a page left
    /// open from another round (or a box copied from one) is refused at once, not found invalid
    /// at the tally. The box itself carries no key identifier (docs/FORMAT.md, "Sealed box").
    static func checkKey(_ sealedTo: [UInt8]?, of round: Round) throws {
        if let sealedTo, sealedTo != round.tallyPublicKey {
            throw CastError(.wrongKey, "the ballot was sealed to another round's key")
        }
    }

    /// A sealed box's ephemeral public key (bytes 1…32): fresh per sealing, so it names the box.
    static func ephemeralKey(_ box: [UInt8]) -> [UInt8] {
        Array(box[1..<33])
    }

    /// The receipt: the Merkle leaf hash of the leaf the box becomes.
    static func leafHash(_ box: [UInt8]) -> [UInt8] {
        Merkle.leafHash(BallotLog.electronicLeaf(box))
    }
}

/// One cast waiting for the write queue.
enum CastItem: Sendable {
    case code(roundID: RoundID, hash: SerialHash, box: [UInt8], sealedTo: [UInt8]?)
    case kiosk(tokenHash: [UInt8], submissionHash: [UInt8], box: [UInt8], sealedTo: [UInt8]?, now: Date)
}

extension WorkspaceService {
    /// Appends `boxes` (a round's whole inbox, at close) to its log as its one electronic batch — a
    /// batch row without a key, leaves `FF FF FF FF ‖ box` in a uniformly random order — empties
    /// the inbox and signs one head of kind `electronic`, all in the caller's transaction.
    /// Refuses (and so the caller's transaction appends nothing) a box given twice or already in
    /// the log: the cast refuses those, this is the second lock on the same door.
    func appendElectronicBatch(
        _ log: any BallotLogWriting, boxes: [[UInt8]], key: Ed25519PrivateKey
    ) throws
        -> SignedHead
    {
        let roundID = try log.round().id
        var seen = Set<[UInt8]>()
        for box in boxes {
            let ephemeral = ElectronicService.ephemeralKey(box)
            guard seen.insert(ephemeral).inserted, try !log.hasElectronicLeaf(ephemeral: ephemeral) else {
                throw PhieuKinError.tampered(
                    "the inbox of round \(roundID) holds a sealed ballot twice, or one already in its log; "
                        + "nothing was appended.")
            }
        }
        let seq = try log.nextBatchSeq()
        try log.insertBatch(seq: seq, sealedKey: [])
        var order = boxes.map(BallotLog.electronicLeaf)
        var generator = SecureRandomGenerator()
        order.shuffle(using: &generator)
        var idx = try log.leafCount()
        for leaf in order {
            try log.appendLeaf(idx: idx, batchSeq: seq, data: leaf)
            idx += 1
        }
        try log.clearInbox()
        return try signTreeHead(log, kind: "electronic", key: key, appended: order.map(Merkle.leafHash))
    }
}

/// What the electronic intake of one workspace keeps while a process runs: its write queue and
/// the kiosks' pace (in memory only).
final class ElectronicState: Sendable {
    let queue = CastQueue()
    let pace = KioskPace()
}

/// The kiosks' pace rule, in memory: per kiosk, the time this process took its first rating of the
/// day and how many it took since. Never stored — the store keeps per kiosk and day a count only —
/// so it starts afresh when the server restarts (one more burst allowance at most).
final class KioskPace: @unchecked Sendable {
    // @unchecked: `days` is only touched under `lock`.
    private let lock = NSLock()
    private var days: [String: (day: String, since: Date, count: Int)] = [:]

    /// Whether one more rating fits: at most `⌊(now − first) / interval⌋ + burst` since the first.
    func allows(kioskID: String, day: String, now: Date, interval: Double, burst: Int) -> Bool {
        lock.withLock {
            guard let today = days[kioskID], today.day == day else { return burst > 0 }
            let allowed = Int(max(0, now.timeIntervalSince(today.since)) / interval) + burst
            return today.count < allowed
        }
    }

    func record(kioskID: String, day: String, now: Date) {
        lock.withLock {
            if let today = days[kioskID], today.day == day {
                days[kioskID] = (day, today.since, today.count + 1)
            } else {
                days[kioskID] = (day, now, 1)
            }
        }
    }
}

/// The electronic intake's one write queue: casts arriving together are committed in one
/// transaction (group commit: one fsync for many ballots), in arrival order, off the callers'
/// threads.
final class CastQueue: @unchecked Sendable {
    // @unchecked: `pending` and `draining` are only touched under `lock`; the work runs on `queue`.
    private let lock = NSLock()
    private let queue = DispatchQueue(label: "phieukin.electronic-writes")
    private var pending: [(CastItem, CheckedContinuation<CastReceipt, Error>)] = []
    private var draining = false
    private var commit: (@Sendable ([CastItem]) -> [Result<CastReceipt, Error>])?
    static let maxGroup = 256

    func submit(
        _ item: CastItem, commit: @escaping @Sendable ([CastItem]) -> [Result<CastReceipt, Error>]
    ) async throws -> CastReceipt {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            pending.append((item, continuation))
            self.commit = commit
            let start = !draining
            draining = true
            lock.unlock()
            if start { queue.async { self.drain() } }
        }
    }

    private func drain() {
        while true {
            lock.lock()
            guard !pending.isEmpty, let commit else {
                draining = false
                lock.unlock()
                return
            }
            let group = Array(pending.prefix(Self.maxGroup))
            pending.removeFirst(group.count)
            lock.unlock()
            let results = commit(group.map(\.0))
            for ((_, continuation), result) in zip(group, results) { continuation.resume(with: result) }
        }
    }
}

extension ElectronicService {
    /// Prints a kiosk's one-time enrolment QR (a one-slip PDF): the tablet at `desk` scans it once
    /// and opens `<public-url>/kiosk#enrol=<token>`. The token is stored only hashed and exists in
    /// the clear only on that page.
    public func printKioskEnrolment(
        roundID: RoundID, desk: String, to path: String, language: Language, force: Bool = false,
        publicURL: String? = nil
    ) throws -> PrintResult {
        let base = try boothBaseURL(publicURL)
        let output = try OutputFile.begin(path, force: force, workspace: self, what: "the enrolment QR")
        let summary: PrintSummary
        do {
            let token = try issueKioskEnrolment(roundID: roundID, desk: desk)
            let title = language == .vi ? "Đăng ký máy tính bảng: \(desk)" : "Kiosk enrolment: \(desk)"
            let instructions =
                language == .vi
                ? "Mở mã QR này bằng máy tính bảng đặt tại quầy. Chỉ dùng được một lần; sau đó hủy tờ giấy này."
                : "Open this QR code on the desk's tablet. It works once; then destroy this sheet."
            summary = try BallotPrinter.renderSlips(
                agency: agencyName, title: title, roundText: roundID.rawValue, instructions: instructions,
                codes: [token],
                links: [base + "/kiosk#enrol=" + token], to: output.temporaryPath)
        } catch {
            output.discard()
            throw error
        }
        try output.commit(keepOnFailure: true)
        if publicURL != nil { try store.setMeta(Self.publicURLKey, base) }
        return PrintResult(path: path, sheets: 1, pages: summary.pages, bytes: summary.bytes, serialsIssued: 0)
    }

    /// The remembered public address of the voting server, if any.
    public func publicURL() throws -> String? { try store.meta(Self.publicURLKey) }

    /// Remembers the voting server's public address (checked).
    public func setPublicURL(_ url: String) throws {
        try store.setMeta(Self.publicURLKey, try boothBaseURL(url))
    }
}
