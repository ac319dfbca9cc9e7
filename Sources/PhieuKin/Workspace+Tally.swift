import Foundation
public import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages
import PhieuKinStorage

/// Core's JSON value (the reports module has its own `JSONValue` for report output).
typealias CanonicalValue = PhieuKinCore.JSONValue

/// How the counting committee opens a round: the share files its members bring (none for a
/// 1-of-1 round, whose key is in the workspace) and the passphrase that protects them.
public struct TallyKeySource: Sendable {
    public var shareFiles: [String]
    /// Passphrase of the share files or of the 1-of-1 tally key file, when they are encrypted.
    public var passphrase: [UInt8]?

    public init(shareFiles: [String] = [], passphrase: [UInt8]? = nil) {
        self.shareFiles = shareFiles
        self.passphrase = passphrase
    }
}

/// What `phieukin tally` reports.
public struct TallySummary: Sendable, Codable, Equatable {
    public var roundID: RoundID
    public var surveyID: SurveyID
    public var unitID: UnitID
    public var period: String
    public var ballotsCounted: Int
    /// Too few ballots to report figures (nothing of the round is shown).
    public var suppressed: Bool
    /// Why the round raises and clears no flag: `too-few-ballots` or `quorum-not-met`; nil
    /// when it is conclusive.
    public var inconclusive: String?
    public var actions: Int
    public var reminders: Int
    public var resolved: Int
    /// Position of this round's result in the agency's results log.
    public var resultLogIndex: Int
    /// True for `--recount`: the counts were recomputed and matched the committed ones.
    public var recount: Bool
    /// Unnumbered rounds: the most ballots the round may hold (`--ballots`, or `--electorate`
    /// when smaller); nil for numbered rounds or when neither was set.
    public var ballotsPlanned: Int? = nil
    /// Ballots quarantined because they were beyond `ballotsPlanned` (code over-planned).
    public var overPlanned: Int = 0
    /// Electronic ballots that were not valid ballots of the round (not counted).
    public var invalidBallots: Int = 0
}

extension WorkspaceService {

    /// Whether a committed result's bytes name the blank-ballot count (v2 `blank_ballots`, v1
    /// `blankBallots`); results without blank ballots never do.
    static func carriesBlankCount(_ body: [UInt8]) -> Bool {
        guard case .object(let object)? = try? PhieuKinCore.JSONValue.parse(body) else { return false }
        return object["blank_ballots"] != nil || object["blankBallots"] != nil
    }

    fileprivate func summary(_ result: RoundResult, flags: [Flag], index: Int, recount: Bool) -> TallySummary {
        var summary = TallySummary(
            roundID: result.roundID, surveyID: result.surveyID, unitID: result.unitID,
            period: result.period.description, ballotsCounted: result.ballotsCounted, suppressed: result.suppressed,
            inconclusive: result.inconclusive.map {
                switch $0 {
                case .tooFewBallots: "too-few-ballots"
                case .quorumNotMet: "quorum-not-met"
                }
            },
            actions: flags.count { $0.status == .action }, reminders: flags.count { $0.status == .reminder },
            resolved: flags.count { $0.status == .resolved }, resultLogIndex: index, recount: recount)
        summary.invalidBallots = result.invalidBallots ?? 0
        if let round = try? store.round(id: result.roundID) {
            summary.ballotsPlanned = Self.ballotCap(round)
            summary.overPlanned =
                (try? store.rejects(roundID: round.id).count { $0.code == ImportRejectCode.overPlanned.rawValue }) ?? 0
        }
        return summary
    }

    // MARK: The tally key

    /// Rebuilds a round's tally private key in memory: from the workspace's 1-of-1 key file, or
    /// from K committee shares (Shamir), checked against the round's tally public key.
    func rebuildTallyKey(round: Round, source: TallyKeySource) throws -> X25519PrivateKey {
        let expected = round.tallyPublicKey
        guard !source.shareFiles.isEmpty else {
            guard round.committeeSize == 1 else {
                throw PhieuKinError(
                    .sharesNeeded,
                    "round \(round.id) is opened by a committee: any \(round.committeeThreshold) of its "
                        + "\(round.committeeSize) shares are needed.",
                    next: [.giveShares(roundID: round.id, threshold: round.committeeThreshold)])
            }
            let path = tallyKeyPath(roundID: round.id)
            let pem = try KeyFiles.readPrivate(path)
            if pem.contains("ENCRYPTED") && source.passphrase == nil {
                throw PhieuKinError(
                    .passphraseNeeded,
                    "\(path) is encrypted with the passphrase given when the round was opened: the agency "
                        + "passphrase (which also signs the result), or a passphrase chosen for this round.",
                    next: (try? agencyKeyIsEncrypted()) == true
                        ? [.giveAgencyPassphrase, .giveRoundPassphrase] : [.giveRoundPassphrase])
            }
            let key: X25519PrivateKey
            do {
                key = try X25519PrivateKey(pemRepresentation: pem, passphrase: source.passphrase)
            } catch {
                throw PhieuKinError.cannotOpenKey(path, error)
            }
            guard key.publicKey.rawRepresentation == expected else {
                throw PhieuKinError.keyFile("\(path) is not the tally key of round \(round.id).")
            }
            return key
        }

        var shares: [Shamir.Share] = []
        var given: [Message] = []
        var seen: [Int: String] = [:]
        for path in source.shareFiles {
            let file = try TallyShareFile(text: try KeyFiles.readShare(path, roundID: round.id), fileName: path)
            guard file.roundID == round.id else {
                throw PhieuKinError.keyFile(
                    "\(path) is a share of round \(file.roundID), not of round \(round.id). Bring this round's share.")
            }
            guard file.tallyPublicKey == expected, (1...255).contains(file.index) else {
                throw PhieuKinError.keyFile("\(path) does not belong to round \(round.id)'s tally key.")
            }
            if let other = seen[file.index] {
                throw PhieuKinError.keyFile(
                    "\(path) and \(other) are the same share (\(file.index) of \(file.count)); each member brings a different one."
                )
            }
            if file.pem.contains("ENCRYPTED") && source.passphrase == nil {
                throw PhieuKinError(
                    .passphraseNeeded, "\(path) is encrypted: its passphrase is needed.", next: [.giveRoundPassphrase])
            }
            let wrapped: X25519PrivateKey
            do {
                wrapped = try X25519PrivateKey(pemRepresentation: file.pem, passphrase: source.passphrase)
            } catch {
                throw PhieuKinError.cannotOpenKey("share \(path)", error)
            }
            seen[file.index] = path
            given.append("\(path) (share \(file.index))" as Message)
            shares.append(Shamir.Share(index: UInt8(file.index), value: wrapped.rawRepresentation))
        }
        let list = Message.joined(given, separator: ", ")
        guard shares.count >= round.committeeThreshold else {
            throw PhieuKinError(
                .sharesNeeded,
                "round \(round.id) needs \(round.committeeThreshold) of its \(round.committeeSize) shares to open; "
                    + "\(shares.count) given: \(list). Ask \(round.committeeThreshold - shares.count) more committee "
                    + "member(s) to bring theirs.",
                next: [.giveShares(roundID: round.id, threshold: round.committeeThreshold)])
        }
        guard let secret = try? Shamir.combine(shares), let key = try? X25519PrivateKey(rawRepresentation: secret),
            key.publicKey.rawRepresentation == expected
        else {
            throw PhieuKinError.keyFile(
                "the shares given (\(list)) do not rebuild round \(round.id)'s tally key. "
                    + "Check that each file is an unaltered share of this round.")
        }
        return key
    }

    // MARK: Opening and counting

    /// Checks the round's ballot log against its last signed tree head, then decrypts, decodes
    /// and counts the ballots one at a time (no ballot is kept after it is counted).
    func countRound(
        round: Round, survey: Survey, key: X25519PrivateKey, info: RoundInfo, officials: [Official]
    ) throws -> (result: RoundResult, close: TreeHead) {
        let snapshot = try store.ballotLogForTally(roundID: round.id)
        // Batch keys.
        var batchKeys: [Int: [UInt8]] = [:]
        // An electronic batch has no key: each of its leaves is a box sealed to the tally key.
        for batch in snapshot.batches where !batch.sealedKey.isEmpty {
            let context = Array("phieukin batch v1|\(round.id)|\(batch.seq)".utf8)
            let batchKey: [UInt8]
            do {
                batchKey = try SealedBox.open(batch.sealedKey, with: key, context: context)
            } catch {
                throw PhieuKinError.tampered(
                    "round \(round.id): the key of batch \(batch.seq) cannot be opened with the tally key. "
                        + "The store may be damaged.", underlying: error)
            }
            batchKeys[batch.seq] = batchKey
        }
        // The log must be exactly what the agency signed at close.
        let close = try checkAgainstSignedHead(roundID: round.id, leaves: snapshot.leaves, heads: snapshot.treeHeads)

        let ballots = try OpenedBallots(
            roundID: round.id, leaves: snapshot.leaves, batchKeys: batchKeys,
            electronic: ElectronicOpener(key: key, round: round, survey: survey, officials: officials.map(\.id)))
        var generator = SecureRandomGenerator()
        var result = Tally.count(ballots, survey: survey, officials: officials, round: info, using: &generator)
        if let failure = ballots.failure.value { throw failure }
        let invalid = ballots.invalid.value
        result.invalidBallots = invalid > 0 ? invalid : nil
        return (result, close)
    }

    /// The round's close head, once the stored leaves are checked against it.
    fileprivate func checkAgainstSignedHead(
        roundID: RoundID, leaves: [[UInt8]], heads: [StoredTreeHead]
    ) throws -> TreeHead {
        guard let head = heads.last else {
            throw PhieuKinError.tampered(
                "round \(roundID) has no signed tree head, although closing signs one; the store may be damaged.")
        }
        let publicKey = try agencyPublicKey()
        guard publicKey.isValidSignature(head.signature, for: head.body) else {
            throw PhieuKinError.tampered(
                "round \(roundID): the signature on its last tree head (seq \(head.seq)) is not valid.")
        }
        guard let signed = TreeHead.parse(head.body), signed.log == .ballots, signed.round == roundID else {
            throw PhieuKinError.tampered("round \(roundID): its last tree head is not a ballot-log head of this round.")
        }
        let size = signed.size
        if let kind = signed.kind, kind != "close" {
            throw PhieuKinError.tampered("round \(roundID): its last tree head is a \(kind) head, not the close head.")
        }
        guard size == leaves.count else {
            throw PhieuKinError.tampered(
                "round \(roundID) holds \(leaves.count) ballots but its signed tree head says \(size). "
                    + "Ballots were added or removed after closing.")
        }
        let root = Merkle.root(leafHashes: leaves.map(Merkle.leafHash))
        guard root == signed.root else {
            throw PhieuKinError.tampered(
                "round \(roundID): the ballots stored do not match the signed tree head (root differs). "
                    + "A ballot was changed after closing.")
        }
        return signed
    }

    // MARK: Shared with reports and verify

    static func remarksContext(_ roundID: RoundID) -> String { "phieukin remarks v1|" + roundID.rawValue }

    /// Opens a round's sealed remarks with its tally key.
    static func openRemarks(_ sealed: [UInt8], key: X25519PrivateKey, roundID: RoundID) throws -> [String] {
        let bytes = try SealedBox.open(sealed, with: key, context: Array(remarksContext(roundID).utf8))
        guard case .array(let values) = try CanonicalValue.parse(bytes) else {
            throw PhieuKinError.tampered("round \(roundID): its sealed remarks are not a list.")
        }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    func roundInfo(_ round: Round) throws -> RoundInfo {
        guard let period = Period(round.period), let channel = Survey.Channel(rawValue: round.channel) else {
            throw PhieuKinError.tampered("round \(round.id) has an unreadable period or channel.")
        }
        // A round over several units is named by all of them, in ballot order.
        let unitName = try store.roundUnits(roundID: round.id).map { try store.unit(id: $0)?.name ?? $0.rawValue }
            .joined(separator: "; ")
        return RoundInfo(
            roundID: round.id, surveyID: round.surveyID, unitID: round.unitID,
            unitName: unitName.isEmpty ? round.unitID.rawValue : unitName, period: period, channel: channel,
            electorate: round.electorate, issued: round.numbered ? try store.issuedSerialCount(roundID: round.id) : nil)
    }

    /// The officials as printed on the round's ballot.
    func roundOfficialList(_ round: Round) throws -> [Official] {
        try store.roundOfficials(roundID: round.id).map {
            Official(
                id: $0.officialID, unitID: $0.unitID ?? round.unitID, fullName: $0.fullName, position: $0.title,
                order: $0.position)
        }
    }
}

/// Decrypts and decodes leaves lazily for `Tally.count`, in chunks of `chunkSize` ballots shared
/// among the cores (each worker has its own AES-GCM contexts), so at most one chunk of decoded
/// ballots exists at a time and none outlives its counting. The first failure (lowest leaf index)
/// stops the sequence and is kept in `failure` (its text never quotes a ballot).
final class OpenedBallots: Sequence {
    final class FailureBox { var value: PhieuKinError? }
    final class CountBox { var value = 0 }
    static let chunkSize = 1 << 15
    let roundID: RoundID
    let leaves: [[UInt8]]
    /// One set of batch openers per worker.
    let openers: [[Int: AES256GCMOpener]]
    let failure = FailureBox()
    /// Electronic ballots that opened to something that is not a valid ballot of this round.
    let invalid = CountBox()
    let electronic: ElectronicOpener?
    /// Each batch's associated data, built once (not once per leaf).
    let associatedData: [Int: [UInt8]]

    init(roundID: RoundID, leaves: [[UInt8]], batchKeys: [Int: [UInt8]], electronic: ElectronicOpener? = nil) throws {
        self.roundID = roundID
        self.electronic = electronic
        self.leaves = leaves
        let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8))
        openers = try (0..<workers).map { _ in try batchKeys.mapValues { try AES256GCMOpener(key: $0) } }
        associatedData = Dictionary(
            uniqueKeysWithValues: batchKeys.keys.map { ($0, BallotLog.ballotAAD(roundID, $0)) })
    }

    /// Opens leaf `index` with worker `worker`'s contexts; a failure names the leaf, never its content.
    func open(_ index: Int, worker: Int) -> Opened {
        let leaf = leaves[index]
        func fail(_ what: String) -> Opened {
            .failure(
                PhieuKinError.tampered("round \(roundID): ballot leaf \(index) \(what). The store may be damaged."))
        }
        guard leaf.count >= BallotLog.minimumLeafLength, let seq = BallotLog.batchSeq(ofLeaf: leaf) else {
            return fail("is too short")
        }
        if seq == BallotLog.electronicMarkerValue, let electronic {
            // Sealed in a browser the server could not check: anything but a valid ballot of
            // this round is an invalid ballot (phiếu không hợp lệ), counted as such.
            return electronic.open(leaf).map(Opened.ballot) ?? .invalid
        }
        guard let opener = openers[worker][seq] else { return fail("names batch \(seq), which does not exist") }
        guard let aad = associatedData[seq] else { return fail("names batch \(seq), which does not exist") }
        guard let message = try? AES256GCM.SealedMessage(combined: Array(leaf[4...])),
            let plaintext = try? opener.open(message, associatedData: aad)
        else { return fail("cannot be decrypted with its batch key") }
        guard let ballot = try? BallotCodec.decode(plaintext) else { return fail("is not a valid ballot") }
        return .ballot(ballot)
    }

    enum Opened {
        case ballot(Ballot)
        case invalid
        case failure(PhieuKinError)
    }

    struct Iterator: IteratorProtocol {
        let owner: OpenedBallots
        var buffer: [Ballot] = []
        var position = 0
        var nextLeaf = 0

        mutating func next() -> Ballot? {
            if position == buffer.count {
                guard owner.failure.value == nil, nextLeaf < owner.leaves.count else { return nil }
                refill()
                guard position < buffer.count else { return nil }
            }
            defer { position += 1 }
            return buffer[position]
        }

        private mutating func refill() {
            let start = nextLeaf
            let end = Swift.min(start + OpenedBallots.chunkSize, owner.leaves.count)
            nextLeaf = end
            let workers = owner.openers.count
            var results = [OpenedBallots.Opened?](repeating: nil, count: end - start)
            results.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                nonisolated(unsafe) let owner = owner
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    // Interleaved slices: worker w takes leaves start + w, start + w + workers, …
                    var i = start + worker
                    while i < end {
                        out[i - start] = owner.open(i, worker: worker)
                        i += workers
                    }
                }
            }
            buffer.removeAll(keepingCapacity: true)
            position = 0
            for result in results {
                switch result {
                case .ballot(let ballot)?: buffer.append(ballot)
                case .invalid?: owner.invalid.value += 1
                case .failure(let error)?:
                    owner.failure.value = error
                    buffer.removeAll()
                    return
                case nil: break
                }
            }
        }
    }

    func makeIterator() -> Iterator { Iterator(owner: self) }
}

extension TallyService {
    /// Opens a closed round and counts it (issue 5).
    ///
    /// The tally key is rebuilt in memory only; batch keys are opened with it, every leaf is
    /// hashed and the log checked against the round's last signed tree head before any ballot is
    /// decrypted; ballots are decrypted and decoded one at a time straight into `Tally.count`
    /// and never kept, written or logged. The result (without remark texts), its flags and the
    /// remarks sealed again to the round's tally key are committed together with a new leaf and
    /// signed head of the agency's results log; the round becomes `tallied`.
    ///
    /// `recount`: for a tallied round, counts again and checks the result and flags are
    /// identical to the committed ones (nothing is written); a mismatch is an error.
    ///
    /// `committee`: the counting committee's members, kept with the result for the tally
    /// minutes (with the day of the tally); ignored by a recount.
    public func count(
        roundID: RoundID, key source: TallyKeySource = TallyKeySource(), agencyPassphrase: [UInt8]? = nil,
        recount: Bool = false, committee: [CommitteeMember] = []
    ) throws -> TallySummary {
        let round = try store.round(id: roundID)
        switch (round.state, recount) {
        case (.open, _):
            throw PhieuKinError.roundState(
                "round \(roundID) is still open; only a closed round is counted.", next: [.closeRound(roundID: roundID)]
            )
        case (.tallied, false):
            throw PhieuKinError.roundState(
                "round \(roundID) is already tallied; its result is committed and will not change. "
                    + "It can be counted again to check it, without changing anything.",
                next: [.recountRound(roundID: roundID), .verify])
        case (.voided, _):
            throw PhieuKinError.roundState(
                "round \(roundID) was voided on \(round.voidedOn ?? "?") (\(round.voidReason ?? "")); it is not counted."
            )
        case (.closed, true):
            throw PhieuKinError.roundState(
                "round \(roundID) has not been tallied yet, so there is no result to recount.",
                next: [.tallyRound(roundID: roundID)])
        default: break
        }
        let survey = try survey(ofRound: round)
        var source = source
        if source.shareFiles.isEmpty && source.passphrase == nil {
            // A 1-of-1 key in a passphrase workspace is encrypted with the agency passphrase
            // unless the round was given one of its own (README, "Open a round").
            source.passphrase = agencyPassphrase
        }
        let tallyKey = try rebuildTallyKey(round: round, source: source)
        let info = try roundInfo(round)
        let officials = try roundOfficialList(round)

        // Everything committed before this round, voided rounds left out (the log order decides).
        let earlier: [RoundResult]
        if recount {
            guard let stored = try store.result(roundID: roundID) else {
                throw PhieuKinError.tampered("round \(roundID) is tallied but has no committed result.")
            }
            earlier = try flagHistory(before: stored.logIndex)
        } else {
            earlier = try flagHistory()
        }

        var (result, close) = try countRound(
            round: round, survey: survey, key: tallyKey, info: info, officials: officials)
        let remarks = result.remarks
        result.remarks = []
        let flags = FlagRules.evaluate(current: result, history: earlier, survey: survey)
        // New results are written in the documented v2 encoding; a recount compares bytes, so it
        // re-encodes in whatever encoding the committed result was written.
        let committed = recount ? try store.result(roundID: roundID) : nil
        let encoding: ResultEncoding = committed.map { ResultEncoding.of($0.body) } ?? .v2
        // Results committed before blank ballots were counted apart do not carry the count: a
        // recount of one leaves it out too, so it compares what the committed bytes say.
        if let committed, !Self.carriesBlankCount(committed.body) { result.blankBallots = nil }
        let resultBody = try encoding.encode(result, format: ResultEncoding.resultFormat)
        let flagBodies = try flags.map { try encoding.encode($0, format: ResultEncoding.flagFormat) }

        if recount {
            guard let stored = try store.result(roundID: roundID) else {
                throw PhieuKinError.tampered("round \(roundID) has no committed result.")
            }
            let storedFlags = try store.flags(roundIDs: [roundID]).map(\.body).sorted {
                $0.lexicographicallyPrecedes($1)
            }
            var problems: [Message] = []
            if stored.body != resultBody { problems.append("the counts differ") }
            if storedFlags != flagBodies.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                problems.append("the flags differ")
            }
            if let sealed = try store.sealedRemarks(roundID: roundID) {
                let committedRemarks = try Self.openRemarks(sealed, key: tallyKey, roundID: roundID)
                if committedRemarks.sorted() != remarks.sorted() { problems.append("the remarks differ") }
            } else {
                problems.append("the sealed remarks are missing")
            }
            guard problems.isEmpty else {
                throw PhieuKinError.tampered(
                    "recount of round \(roundID) does not match its committed result: "
                        + Message.joined(problems, separator: ", ") + ". Report this to the auditors.")
            }
            return summary(result, flags: flags, index: stored.logIndex, recount: true)
        }

        let sealedRemarks = try SealedBox.seal(
            try CanonicalValue.array(remarks.map(CanonicalValue.string)).canonicalBytes, to: tallyKey.publicKey,
            context: Array(Self.remarksContext(roundID).utf8))
        let leaf = try ResultsLogLeaf.result(
            roundID: roundID, resultBody: resultBody, flagBodies: flagBodies, sealedRemarks: sealedRemarks,
            closeHead: close)
        let signingKey = try agencySigningKey(passphrase: agencyPassphrase)
        let records = zip(flags, flagBodies).map { flag, body in
            StoredFlag(
                roundID: roundID, officialID: flag.officialID, criterionID: flag.criterionID,
                status: flag.status.rawValue, body: body)
        }
        let index: Int
        do {
            index = try store.commitTally(
                TallyCommit(
                    roundID: roundID, resultBody: resultBody, flags: records, sealedRemarks: sealedRemarks, leaf: leaf,
                    minutes: StoredTallyMinutes(
                        talliedOn: CivilDate.today().description,
                        members: committee.map { .init(name: $0.name, role: $0.role) }))
            ) { root, size, seq in
                try Self.signResultsHead(root: root, size: size, seq: seq, key: signingKey)
            }
        } catch let error as StoreError where error.isConflict {
            throw PhieuKinError(
                .conflict, "\(error.reason) Another tally may have run at the same time.", underlying: error)
        }
        return summary(result, flags: flags, index: index, recount: false)
    }
}

/// Opens electronic ballots' leaves (`FF FF FF FF ‖ box`) with the round's tally key and checks
/// each against the round's survey and officials, as an import checks a keyed ballot.
struct ElectronicOpener: @unchecked Sendable {
    // @unchecked: the key is only read (each opening makes its own OpenSSL context).
    let key: X25519PrivateKey
    let round: Round
    let survey: Survey
    let officials: [OfficialID]
    let context: [UInt8]

    init(key: X25519PrivateKey, round: Round, survey: Survey, officials: [OfficialID]) {
        self.key = key
        self.round = round
        self.survey = survey
        self.officials = officials
        context = BallotLog.electronicContext(round.id)
    }

    /// The ballot, or nil when the box does not open, is not a canonical version-1 ballot, names
    /// another survey or round, or answers outside the survey's definition.
    func open(_ leaf: [UInt8]) -> Ballot? {
        guard let plaintext = try? SealedBox.open(Array(leaf.dropFirst(4)), with: key, context: context),
            let ballot = try? BallotCodec.decode(plaintext), ballot.surveyID == survey.id, ballot.roundID == round.id
        else { return nil }
        var session = BallotImportSession(
            survey: survey, roundID: round.id, numbered: false, officialIDs: officials, issued: Set<SerialHash>(),
            used: Set<SerialHash>())
        let outcome = session.process(
            keyed: KeyedBallot(
                answers: ballot.answers.mapValues { [$0] }, remark: ballot.remark, round: round.id.rawValue),
            source: "e-ballot")
        guard outcome.isAccepted, let checked = outcome.ballot else { return nil }
        return checked
    }
}
