import PhieuKinCrypto

/// Every fact that defines a round, as one canonical JSON document (docs/FORMAT.md, "Round
/// manifest"): made at `round open`, stored with the round, and bound into its ballot log — every
/// tree head signed after it carries `"manifest": hex(SHA-256(manifest bytes))`, so changing any
/// of these facts afterwards (the survey definition, the tally key, the officials on the
/// ballot…) no longer matches what the agency signed.
public struct RoundManifest: Sendable, Equatable {
    /// The `format` value of this version.
    public static let format = "phieukin-round-manifest-v1"

    /// An official on the round's ballot, as frozen at open.
    public struct Official: Sendable, Equatable {
        public var id: String
        public var unit: String
        public var name: String
        public var title: String
    }

    public var round: String
    public var survey: String
    public var surveyVersion: Int
    /// SHA-256 of the exact UTF-8 bytes of the survey definition stored with the round.
    public var surveySHA256: [UInt8]
    /// The units the round covers, in ballot order.
    public var units: [String]
    public var period: String
    public var channel: String
    public var numbered: Bool
    /// The round's X25519 tally public key (32 bytes).
    public var tallyPublicKey: [UInt8]
    public var committeeSize: Int
    public var committeeThreshold: Int
    public var electorate: Int?
    public var ballotsPlanned: Int
    /// The officials on the ballot, in ballot order.
    public var officials: [Official]
    /// `SHA256:<hex>` of the agency's Ed25519 public key (docs/FORMAT.md, "Key files").
    public var agencyKeyFingerprint: String

    /// The manifest of a round as stored: its row, its units and its frozen officials (an
    /// official without a recorded unit is listed with the round's first unit).
    public init(round: Round, units: [UnitID], officials: [RoundOfficial], agencyKeyFingerprint: String) {
        self.round = round.id.rawValue
        survey = round.surveyID.rawValue
        surveyVersion = round.surveyVersion
        surveySHA256 = SHA256.hash(Array(round.surveyYAML.utf8))
        self.units = units.map(\.rawValue)
        period = round.period
        channel = round.channel
        numbered = round.numbered
        tallyPublicKey = round.tallyPublicKey
        committeeSize = round.committeeSize
        committeeThreshold = round.committeeThreshold
        electorate = round.electorate
        ballotsPlanned = round.ballotsPlanned
        self.officials = officials.sorted { $0.position < $1.position }.map {
            Official(
                id: $0.officialID.rawValue, unit: ($0.unitID ?? round.unitID).rawValue, name: $0.fullName,
                title: $0.title)
        }
        self.agencyKeyFingerprint = agencyKeyFingerprint
    }

    /// The manifest as a JSON object, keys as in docs/FORMAT.md.
    public var json: JSONValue {
        .object([
            "agency_key_fingerprint": .string(agencyKeyFingerprint),
            "ballots_planned": .number(Double(ballotsPlanned)),
            "channel": .string(channel),
            "committee_size": .number(Double(committeeSize)),
            "committee_threshold": .number(Double(committeeThreshold)),
            "electorate": electorate.map { .number(Double($0)) } ?? .null,
            "format": .string(Self.format),
            "numbered": .bool(numbered),
            "officials": .array(
                officials.map {
                    .object([
                        "id": .string($0.id), "name": .string($0.name), "title": .string($0.title),
                        "unit": .string($0.unit),
                    ])
                }),
            "period": .string(period),
            "round": .string(round),
            "survey": .string(survey),
            "survey_sha256": .string(Hex.encode(surveySHA256)),
            "survey_version": .number(Double(surveyVersion)),
            "tally_public_key": .string(Hex.encode(tallyPublicKey)),
            "units": .array(units.map { .string($0) }),
        ])
    }

    /// The manifest's bytes: RFC 8785 canonical JSON with NFC strings (docs/FORMAT.md).
    public func canonicalBytes() throws -> [UInt8] { try json.canonicalBytes }

    /// `SHA-256(bytes)`, the value every tree head of the round names as `manifest`.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] { SHA256.hash(bytes) }

    /// The top-level fields whose values differ between two manifests' bytes (all of them when
    /// either is not a JSON object), sorted: what `verify` names when a manifest and the round's
    /// stored facts disagree.
    public static func differingFields(_ a: [UInt8], _ b: [UInt8]) -> [String] {
        guard case .object(let x)? = try? JSONValue.parse(a), case .object(let y)? = try? JSONValue.parse(b) else {
            return ["(the whole manifest)"]
        }
        return Set(x.keys).union(y.keys).filter { x[$0] != y[$0] }.sorted()
    }
}

/// The commitment to a sorted set of serial (or access-code) hashes signed in `close` and `void`
/// heads (docs/FORMAT.md, "Count commitments"): how many, and SHA-256 of the 32-byte hashes
/// concatenated in ascending byte order — which is also the SHA-256 of the bundle's `issued.bin`
/// or `used.bin`.
public struct HashSetCommitment: Sendable, Equatable {
    public var count: Int
    public var sha256: [UInt8]

    public init(count: Int, sha256: [UInt8]) {
        self.count = count
        self.sha256 = sha256
    }

    /// The commitment to `hashes` (sorted here; duplicates are not expected).
    public init(_ hashes: [SerialHash]) {
        let bytes = Self.concatenated(hashes)
        self.init(count: hashes.count, sha256: SHA256.hash(bytes))
    }

    /// The hashes in ascending order, concatenated: the bytes of `issued.bin` / `used.bin`.
    public static func concatenated(_ hashes: [SerialHash]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(hashes.count * 32)
        for hash in hashes.sorted() { out.append(contentsOf: hash.bytes) }
        return out
    }

    /// `{"count": n, "sha256": hex}`.
    public var json: JSONValue {
        .object(["count": .number(Double(count)), "sha256": .string(Hex.encode(sha256))])
    }

    /// Reads `{"count": n, "sha256": hex}` (exactly these two members), or nil.
    public init?(json: JSONValue?) {
        guard case .object(let m)? = json, m.count == 2, case .number(let n)? = m["count"], n >= 0,
            n == n.rounded(), n < 9_007_199_254_740_992, case .string(let hex)? = m["sha256"],
            let digest = try? Hex.decode(hex), digest.count == 32, Hex.encode(digest) == hex
        else { return nil }
        self.init(count: Int(n), sha256: digest)
    }
}
