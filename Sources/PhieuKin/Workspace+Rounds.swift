import Foundation
public import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages
import PhieuKinStorage

/// How a round's tally key is kept: 1 of 1 in the workspace (no ceremony), or split with
/// Shamir among a counting committee of N, any K of whom open the round together.
///
/// A committee's shares never go into the workspace folder (whoever copies the workspace would
/// hold them all): they are written to `sharesDirectory` (e.g. a USB stick) or to one path per
/// member (`shareOutputs`, exactly N), both outside the workspace.
public struct Committee: Sendable, Equatable {
    public var size: Int
    public var threshold: Int
    /// Folder outside the workspace where the N share files are written, each to be handed to one member.
    public var sharesDirectory: String?
    /// One file per member (exactly N), outside the workspace; alternative to `sharesDirectory`.
    public var shareOutputs: [String]
    /// Encrypts each share file (and the 1-of-1 key file) as PKCS#8 that `openssl pkey` reads.
    public var passphrase: [UInt8]?

    public init(
        size: Int = 1, threshold: Int = 1, sharesDirectory: String? = nil, shareOutputs: [String] = [],
        passphrase: [UInt8]? = nil
    ) {
        self.size = size
        self.threshold = threshold
        self.sharesDirectory = sharesDirectory
        self.shareOutputs = shareOutputs
        self.passphrase = passphrase
    }
}

/// What staff ask for when opening a round.
public struct RoundRequest: Sendable {
    public var surveyID: SurveyID
    public var period: String
    /// The units the round covers, in ballot order: one unit, or several evaluated together so
    /// that small offices are counted inside a group large enough to stay secret.
    public var unitIDs: [UnitID]
    public var ballots: Int
    public var numbered: Bool
    public var channel: String?
    public var electorate: Int?
    public var committee: Committee
    /// The agency key's passphrase, in a workspace whose agency key is encrypted: without a
    /// passphrase of its own (`committee.passphrase`), the round's 1-of-1 tally key is encrypted
    /// with this one (checked against the agency key first, so a wrong file cannot lock the round).
    public var agencyPassphrase: [UInt8]?
    /// Kiosks (unnumbered rounds at a desk): at most one rating per this many seconds on average,
    /// and this many a day, per kiosk.
    public var kioskMinIntervalSeconds = 20
    public var kioskDailyCap = 500

    public init(
        surveyID: SurveyID, period: String, unitIDs: [UnitID], ballots: Int, numbered: Bool = true,
        channel: String? = nil, electorate: Int? = nil, committee: Committee = Committee(),
        agencyPassphrase: [UInt8]? = nil
    ) {
        self.agencyPassphrase = agencyPassphrase
        self.surveyID = surveyID
        self.period = period
        self.unitIDs = unitIDs
        self.ballots = ballots
        self.numbered = numbered
        self.channel = channel
        self.electorate = electorate
        self.committee = committee
    }

    public init(
        surveyID: SurveyID, period: String, unitID: UnitID, ballots: Int, numbered: Bool = true,
        channel: String? = nil, electorate: Int? = nil, committee: Committee = Committee(),
        agencyPassphrase: [UInt8]? = nil
    ) {
        self.init(
            surveyID: surveyID, period: period, unitIDs: [unitID], ballots: ballots, numbered: numbered,
            channel: channel, electorate: electorate, committee: committee, agencyPassphrase: agencyPassphrase)
    }
}

/// Something staff should know about a round they just opened; the round is open regardless.
public enum RoundWarning: Sendable, Equatable, Codable {
    /// Fewer ballots planned than the survey's `min_respondents`: unless more come in, the round
    /// will be inconclusive (nothing shown, no flag). Evaluating several units together helps.
    case belowMinRespondents(planned: Int, minimum: Int)
}

/// A round as listed and reported.
public struct RoundSummary: Sendable, Codable, Equatable {
    public var id: RoundID
    public var surveyID: SurveyID
    /// The first (or only) unit of the round.
    public var unitID: UnitID
    /// Every unit the round covers, in ballot order.
    public var unitIDs: [UnitID]
    public var period: String
    public var channel: String
    public var state: String
    public var numbered: Bool
    public var ballotsPlanned: Int
    public var serialsIssued: Int
    public var officials: Int
    public var electorate: Int?
    public var committeeSize: Int
    public var committeeThreshold: Int
    /// Files holding the tally key (1 of 1) or the committee's shares, written at open.
    public var keyFiles: [String]
    /// At open: whether those files are passphrase-encrypted.
    public var keyFilesEncrypted: Bool? = nil
    /// At open: what to do with the files (hand each share to one member).
    public var custody: Message? = nil
    /// Set when the round was voided: why, as signed into its log.
    public var voidReason: String?
    public var voidedOn: String?
    /// Warnings at open (empty afterwards).
    public var warnings: [RoundWarning]
}

extension WorkspaceService {

    /// The refusal of a second round for a period: names the round that holds it and its state.
    fileprivate static func conflict(_ existing: Round, unitID: UnitID) -> PhieuKinError {
        PhieuKinError(
            .conflict,
            "unit \(unitID) already has round \(existing.id) (\(existing.state)) for survey "
                + "\(existing.surveyID), period \(existing.period), channel \(existing.channel): only one round per "
                + "survey, unit, period and channel counts. If that round was opened by mistake, void it first; "
                + "nothing was changed.",
            next: [.voidRound(roundID: existing.id)])
    }

    /// Whether the agency signing key file is passphrase-encrypted.
    func agencyKeyIsEncrypted() throws -> Bool {
        try KeyFiles.readPrivate(agencyKeyPath).contains("ENCRYPTED PRIVATE KEY")
    }

    /// Where the tally key or each share will be written, checked before anything is: a
    /// committee's shares go outside the workspace folder (symlinks resolved), to files that do
    /// not exist yet.
    fileprivate func keyDestinations(roundID: RoundID, committee: Committee) throws -> [String] {
        if committee.size == 1 { return [tallyKeyPath(roundID: roundID)] }
        let paths: [String]
        switch (committee.sharesDirectory, committee.shareOutputs.isEmpty) {
        case (nil, true):
            throw PhieuKinError.invalidInput(
                "a committee round needs to know where each member's share goes, outside the workspace: a folder "
                    + "(e.g. a USB stick) or one file per member (\(committee.size) files).",
                next: [.giveShareDestinations(count: committee.size)])
        case (_?, false):
            throw PhieuKinError.invalidInput(
                "give a folder for the shares or one file per member, not both.",
                next: [.giveShareDestinations(count: committee.size)])
        case (let directory?, true):
            let directory = Workspace.absolute(directory)
            try refuseInsideWorkspace(directory, what: "the share folder \(directory)")
            paths = (1...committee.size).map { directory + "/\(roundID).share-\($0)-of-\(committee.size).pem" }
        case (nil, false):
            guard committee.shareOutputs.count == committee.size else {
                throw PhieuKinError.invalidInput(
                    "a committee of \(committee.size) needs exactly \(committee.size) share files (one per member); "
                        + "\(committee.shareOutputs.count) given.",
                    next: [.giveShareDestinations(count: committee.size)])
            }
            paths = committee.shareOutputs.map(Workspace.absolute)
            var seen: Set<String> = []
            for path in paths {
                guard seen.insert(Self.resolvedDestination(path)).inserted else {
                    throw PhieuKinError.invalidInput(
                        "share file \(path) is given twice; each member needs a file of their own.")
                }
                try refuseInsideWorkspace(path, what: "share file \(path)")
                let parent = (path as NSString).deletingLastPathComponent
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue
                else {
                    throw PhieuKinError(.fileAccess, "share file \(path): folder \(parent) does not exist.")
                }
            }
        }
        for path in paths {
            var info = stat()
            if lstat(path, &info) == 0 {
                throw PhieuKinError(
                    .alreadyExists,
                    "\(path) already exists; PhieuKin never overwrites a key. Move it away or choose another place; nothing was created."
                )
            }
        }
        return paths
    }

    /// Refuses a destination inside the workspace folder, comparing real paths (symlinks resolved).
    fileprivate func refuseInsideWorkspace(_ path: String, what: Message) throws {
        let workspace = Self.resolvedDestination(root)
        let target = Self.resolvedDestination(path)
        if target == workspace || target.hasPrefix(workspace + "/") {
            throw PhieuKinError.invalidInput(
                "\(what) is inside the workspace (\(workspace)): committee shares must leave it, or whoever copies "
                    + "the workspace holds every share. Write them to each member's USB stick or another folder.")
        }
    }

    /// The real path of `path` (symlinks resolved) even when its last components do not exist yet:
    /// the deepest existing ancestor is resolved with realpath(3) and the rest appended.
    static func resolvedDestination(_ path: String) -> String {
        var existing = Workspace.absolute(path)
        var rest: [String] = []
        while realpath(existing, nil) == nil, existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let real = realpath(existing, nil) else { return Workspace.absolute(path) }
        var result = String(cString: real)
        free(real)
        for component in rest where component != "." && !component.isEmpty {
            if component == ".." {
                result = (result as NSString).deletingLastPathComponent
            } else {
                result = result == "/" ? "/" + component : result + "/" + component
            }
        }
        return result
    }

    /// The survey definition a round was opened with (not today's catalog).
    func survey(ofRound round: Round) throws -> Survey {
        try SurveyLoader.load(yaml: round.surveyYAML, fileName: "round \(round.id) survey")
    }

    /// The 1-of-1 tally key file for a round.
    func tallyKeyPath(roundID: RoundID) -> String {
        roundKeysDirectory + "/\(roundID).tally.pem"
    }

    fileprivate func checkCadence(survey: Survey, period: Period) throws {
        switch (survey.cadence, period) {
        case (.quarterly, .quarter), (.monthly, .month), (.adhoc, _): return
        case (.quarterly, _):
            throw PhieuKinError.invalidInput("survey \(survey.id) is quarterly: give a period like 2026-Q3.")
        case (.monthly, _):
            throw PhieuKinError.invalidInput("survey \(survey.id) is monthly: give a period like 2026-07.")
        }
    }

    fileprivate func resolveChannel(_ requested: String?, survey: Survey) throws -> Survey.Channel {
        guard let requested else {
            guard let first = survey.channels.first else {
                throw PhieuKinError.invalidInput("survey \(survey.id) lists no channel.")
            }
            return first
        }
        guard let channel = Survey.Channel(rawValue: requested), survey.channels.contains(channel) else {
            let allowed = survey.channels.map(\.rawValue).joined(separator: ", ")
            throw PhieuKinError.invalidInput(
                "survey \(survey.id) is answered through \(allowed), not \"\(requested)\".")
        }
        return channel
    }

    /// `<period>-<units>-<survey>`: units joined with `+` (the first three and a count beyond
    /// four units); `-2`, `-3`… when the period is run again after a void.
    fileprivate func newRoundID(period: Period, unitIDs: [UnitID], surveyID: SurveyID) throws -> RoundID {
        let units =
            unitIDs.count <= 4
            ? unitIDs.map(\.rawValue).joined(separator: "+")
            : unitIDs.prefix(3).map(\.rawValue).joined(separator: "+") + "+\(unitIDs.count - 3)"
        let base = "\(period)-\(units)-\(surveyID)"
        let taken = Set(try store.rounds(surveyID: surveyID).map(\.id))
        if !taken.contains(RoundID(base)) { return RoundID(base) }
        var n = 2
        while taken.contains(RoundID("\(base)-\(n)")) { n += 1 }
        return RoundID("\(base)-\(n)")
    }

    /// 1 of 1: one PKCS#8 file in keys/rounds. N members: Shamir shares of the raw 32-byte key,
    /// each wrapped as an X25519 PKCS#8 PEM (optionally passphrase-encrypted, so the encryption is
    /// OpenSSL's own and `openssl pkey` can check it) under a plain-text header saying what it is,
    /// written to `paths` (outside the workspace). All or nothing: a failure removes the files
    /// this call wrote.
    fileprivate func writeTallyKey(
        _ key: X25519PrivateKey, roundID: RoundID, committee: Committee, to paths: [String]
    ) throws -> [String] {
        if committee.size == 1 {
            try KeyFiles.writePrivate(try key.pemRepresentation(passphrase: committee.passphrase), to: paths[0])
            return paths
        }
        var written: [String] = []
        var createdDirectory: String?
        do {
            if let directory = committee.sharesDirectory.map(Workspace.absolute),
                !FileManager.default.fileExists(atPath: directory)
            {
                do {
                    try FileManager.default.createDirectory(
                        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                } catch {
                    throw PhieuKinError(
                        .fileAccess, "cannot create \(directory): \(error.localizedDescription)", underlying: error)
                }
                createdDirectory = directory
            }
            let shares = try Shamir.split(
                secret: key.rawRepresentation, threshold: committee.threshold, shareCount: committee.size)
            for (share, path) in zip(shares, paths) {
                let wrapped = try X25519PrivateKey(rawRepresentation: share.value)
                let text = TallyShareFile(
                    roundID: roundID, index: Int(share.index), threshold: committee.threshold, count: committee.size,
                    tallyPublicKey: key.publicKey.rawRepresentation,
                    pem: try wrapped.pemRepresentation(passphrase: committee.passphrase)
                ).text
                try KeyFiles.writePrivate(text, to: path)
                written.append(path)
                // A drive that keeps no Unix permissions (a FAT USB stick) leaves the file readable
                // by everyone; such a share is accepted at tally only when it is encrypted.
                if committee.passphrase == nil, let mode = KeyFiles.modeIfReadableByOthers(path) {
                    throw PhieuKinError(
                        .filePermissions,
                        "\(path) can be read by other users (mode \(mode) after creating it 0600: the drive does not keep "
                            + "Unix permissions, e.g. a FAT USB stick). A share there must be passphrase-protected, or "
                            + "the shares written to a drive that keeps permissions. Nothing was created.",
                        next: [.giveRoundPassphrase])
                }
            }
        } catch {
            for path in written { try? FileManager.default.removeItem(atPath: path) }
            if let createdDirectory { rmdir(createdDirectory) }  // only if empty: nothing else is removed
            throw error
        }
        return written
    }
}

/// A committee member's share of a round's tally key: a short header, then a PKCS#8 PEM.
/// Documented in docs/FORMAT.md ("Tally key shares").
public struct TallyShareFile: Sendable, Equatable {
    public var roundID: RoundID
    public var index: Int
    public var threshold: Int
    public var count: Int
    public var tallyPublicKey: [UInt8]
    public var pem: String

    public var text: String {
        """
        PhieuKin tally key share \(index) of \(count); any \(threshold) shares open the round.
        round: \(roundID)
        index: \(index)
        threshold: \(threshold)
        count: \(count)
        tally-public-key: \(Hex.encode(tallyPublicKey))

        """ + pem
    }

    public init(roundID: RoundID, index: Int, threshold: Int, count: Int, tallyPublicKey: [UInt8], pem: String) {
        self.roundID = roundID
        self.index = index
        self.threshold = threshold
        self.count = count
        self.tallyPublicKey = tallyPublicKey
        self.pem = pem
    }

    /// Parses a share file; `fileName` names it in errors.
    public init(text: String, fileName: String) throws {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-----BEGIN") { break }
            if let colon = line.firstIndex(of: ":") {
                fields[String(line[..<colon]).trimmingCharacters(in: .whitespaces)] = String(
                    line[line.index(after: colon)...]
                ).trimmingCharacters(in: .whitespaces)
            }
        }
        guard let start = text.range(of: "-----BEGIN") else {
            throw PhieuKinError.keyFile("\(fileName) is not a PhieuKin tally share (no PEM block).")
        }
        guard let roundID = fields["round"], let index = fields["index"].flatMap(Int.init),
            let threshold = fields["threshold"].flatMap(Int.init), let count = fields["count"].flatMap(Int.init),
            let keyHex = fields["tally-public-key"], let key = try? Hex.decode(keyHex)
        else {
            throw PhieuKinError.keyFile(
                "\(fileName) is not a PhieuKin tally share (header lines round/index/threshold/count/tally-public-key)."
            )
        }
        self.init(
            roundID: RoundID(roundID), index: index, threshold: threshold, count: count, tallyPublicKey: key,
            pem: String(text[start.lowerBound...]))
    }
}

extension RoundService {
    /// Opens a round for one unit: freezes the officials on the ballot, creates the round's tally
    /// key pair and keeps the private half as the committee asked. Serials are issued when ballots
    /// are printed or codes handed out (`printBallots`, `printSlips`), because a serial may exist
    /// in the clear only on the paper that carries it.
    public func openRound(_ request: RoundRequest) throws -> RoundSummary {
        let survey = try surveyDefinition(id: request.surveyID)
        guard let period = Period(request.period) else {
            throw PhieuKinError.invalidInput(
                "period \"\(request.period)\" is not YYYY-Qn, YYYY-MM or YYYY (e.g. 2026-Q3).")
        }
        try checkCadence(survey: survey, period: period)
        guard !request.unitIDs.isEmpty else { throw PhieuKinError.invalidInput("a round needs at least one unit.") }
        var seenUnits = Set<UnitID>()
        for unit in request.unitIDs {
            guard seenUnits.insert(unit).inserted else {
                throw PhieuKinError.invalidInput("unit \(unit) is given twice.")
            }
            guard try store.unit(id: unit) != nil else {
                throw try unknownUnit(unit)
            }
        }
        guard request.ballots >= 0 else {
            throw PhieuKinError.invalidInput("the number of ballots to issue must be 0 or more.")
        }
        let channel = try resolveChannel(request.channel, survey: survey)
        if let electorate = request.electorate, electorate < 1 {
            throw PhieuKinError.invalidInput("the electorate (the number of people summoned) must be at least 1.")
        }
        if TallyKind(survey) == .confidenceVote && request.electorate == nil {
            throw PhieuKinError.invalidInput(
                "survey \(survey.id) is a confidence vote: its quorum is counted against the number of people "
                    + "summoned, which was not given.", next: [.giveElectorate])
        }
        var committee = request.committee
        guard committee.size >= 1, committee.size <= 255, committee.threshold >= 1,
            committee.threshold <= committee.size
        else {
            throw PhieuKinError.invalidInput(
                "a committee of \(committee.size) opened by any \(committee.threshold) of them: the size N and "
                    + "threshold K need 1 ≤ K ≤ N ≤ 255.")
        }
        if committee.size > 1 && request.agencyPassphrase != nil {
            throw PhieuKinError.invalidInput(
                "the agency passphrase encrypts only a 1-of-1 round key; a committee's shares are encrypted with "
                    + "a passphrase of the round's own (one the members keep, not the agency's).",
                next: [.giveRoundPassphrase])
        }
        if committee.size == 1 {
            guard committee.sharesDirectory == nil && committee.shareOutputs.isEmpty else {
                throw PhieuKinError.invalidInput(
                    "share folders and share files are for a committee (more than one member); a 1-of-1 round keeps its key in the workspace."
                )
            }
            if committee.passphrase == nil, let agencyPassphrase = request.agencyPassphrase {
                _ = try agencySigningKey(passphrase: agencyPassphrase)  // the right passphrase, or refused
                committee.passphrase = agencyPassphrase
            }
            if try committee.passphrase == nil && agencyKeyIsEncrypted() {
                throw PhieuKinError(
                    .passphraseNeeded,
                    "this workspace's agency key is passphrase-protected, so the round's tally key must be too: "
                        + "encrypted with the agency passphrase, or with a passphrase for this round. The tally will "
                        + "need the same passphrase.",
                    next: [.giveAgencyPassphrase, .giveRoundPassphrase])
            }
        }
        var officials: [Official] = []
        if survey.shape != .questions {
            for unit in request.unitIDs {
                let members = try store.officials(unitID: unit)
                if members.isEmpty {
                    throw PhieuKinError.invalidInput("unit \(unit) has no active officials to put on the ballot.")
                }
                officials += members
            }
        }
        if let existing = try store.liveRound(
            surveyID: survey.id, period: period.description, channel: channel.rawValue, units: request.unitIDs)
        {
            throw Self.conflict(existing.round, unitID: existing.unitID)
        }
        let id = try newRoundID(period: period, unitIDs: request.unitIDs, surveyID: survey.id)
        let yaml = try surveyCatalog().yaml(id: survey.id)
        let agencyFingerprint = try agencyPublicKey().fingerprint

        let destinations = try keyDestinations(roundID: id, committee: committee)
        let tallyKey = X25519PrivateKey()
        let keyFiles = try writeTallyKey(tallyKey, roundID: id, committee: committee, to: destinations)
        var record = Round(
            id: id, surveyID: survey.id, surveyVersion: survey.version, surveyYAML: yaml,
            unitID: request.unitIDs[0], period: period.description, channel: channel.rawValue, state: .open,
            numbered: request.numbered, ballotsPlanned: request.ballots, electorate: request.electorate,
            tallyPublicKey: tallyKey.publicKey.rawRepresentation, committeeSize: committee.size,
            committeeThreshold: committee.threshold, layoutID: nil, openedOn: CivilDate.today().description,
            closedOn: nil, kioskMinIntervalSeconds: request.kioskMinIntervalSeconds,
            kioskDailyCap: request.kioskDailyCap)
        let frozen = officials.enumerated().map { index, official in
            RoundOfficial(
                roundID: id, officialID: official.id, position: index + 1, fullName: official.fullName,
                title: official.position, unitID: official.unitID)
        }
        // Every fact that defines the round, bound into each tree head its log will sign.
        record.manifest = try RoundManifest(
            round: record, units: request.unitIDs, officials: frozen, agencyKeyFingerprint: agencyFingerprint
        ).canonicalBytes()
        do {
            try store.insertRound(record, units: request.unitIDs, officials: frozen)
        } catch {
            for file in keyFiles { try? FileManager.default.removeItem(atPath: file) }
            if let conflict = error as? RoundConflict {
                throw Self.conflict(conflict.existing, unitID: conflict.unitID)
            }
            throw error
        }
        var summary = try roundSummary(id: id)
        summary.keyFiles = keyFiles
        summary.keyFilesEncrypted = committee.passphrase != nil
        summary.custody =
            committee.size == 1
            ? "The tally key stays in the workspace (1 of 1): whoever can read its keys folder can open the round."
            : "Hand each share file to one member of the counting committee (on a USB stick or printed), "
                + "and keep no copy on this computer. Any \(committee.threshold) of the \(committee.size) members open the round "
                + "together, each bringing their share to the tally."
        // An unnumbered round with no cap (`--ballots 0`, no electorate), the normal kiosk round,
        // plans no number: nothing to warn about.
        let minimum = max(3, survey.policy.minRespondents)
        let planned = [request.ballots, request.electorate].compactMap { $0 }.filter { $0 > 0 }.min()
        let uncapped = planned == nil && !request.numbered
        if !uncapped, (planned ?? 0) < minimum {
            summary.warnings.append(.belowMinRespondents(planned: planned ?? 0, minimum: minimum))
        }
        return summary
    }

    public func roundSummary(id: RoundID) throws -> RoundSummary {
        let round = try store.round(id: id)
        return RoundSummary(
            id: round.id, surveyID: round.surveyID, unitID: round.unitID, unitIDs: try store.roundUnits(roundID: id),
            period: round.period, channel: round.channel, state: round.state.rawValue, numbered: round.numbered,
            ballotsPlanned: round.ballotsPlanned, serialsIssued: try store.issuedSerialCount(roundID: id),
            officials: try store.roundOfficials(roundID: id).count, electorate: round.electorate,
            committeeSize: round.committeeSize, committeeThreshold: round.committeeThreshold, keyFiles: [],
            voidReason: round.voidReason, voidedOn: round.voidedOn, warnings: [])
    }

    public func listRounds(unitID: UnitID? = nil, surveyID: SurveyID? = nil) throws -> [RoundSummary] {
        try store.rounds(unitID: unitID, surveyID: surveyID).map { try roundSummary(id: $0.id) }
    }
}
