public import PhieuKinMessages

/// A round: one survey put to one or more units for one period and channel, with its tally key
/// and lifecycle state. The value every workflow and store speaks (a store keeps its own rows).
public struct Round: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable {
        case open, closed, tallied
        /// Cancelled with a signed reason: its serials and codes stop working, and it is left out
        /// of flags and reports (which list it as voided).
        case voided
    }
    public var id: RoundID
    public var surveyID: SurveyID
    public var surveyVersion: Int
    /// The survey definition as it was when the round opened, so the tally is reproducible.
    public var surveyYAML: String
    /// The first unit the round covers (all of them: `WorkspaceStorage.roundUnits`).
    public var unitID: UnitID
    public var period: String
    public var channel: String
    public var state: State
    public var numbered: Bool
    public var ballotsPlanned: Int
    public var electorate: Int?
    public var tallyPublicKey: [UInt8]
    public var committeeSize: Int
    public var committeeThreshold: Int
    public var layoutID: String?
    /// A date (yyyy-MM-dd) for the round, never per ballot.
    public var openedOn: String
    public var closedOn: String?
    public var voidReason: String?
    public var voidedOn: String?
    /// Kiosk rounds: a kiosk may send on average at most one rating per this many seconds
    /// (counted from its first rating of the day), and at most `kioskDailyCap` a day.
    public var kioskMinIntervalSeconds: Int = 20
    public var kioskDailyCap: Int = 500

    public init(
        id: RoundID, surveyID: SurveyID, surveyVersion: Int, surveyYAML: String, unitID: UnitID, period: String,
        channel: String, state: State, numbered: Bool, ballotsPlanned: Int, electorate: Int?,
        tallyPublicKey: [UInt8], committeeSize: Int, committeeThreshold: Int, layoutID: String?, openedOn: String,
        closedOn: String?, voidReason: String? = nil, voidedOn: String? = nil, kioskMinIntervalSeconds: Int = 20,
        kioskDailyCap: Int = 500
    ) {
        self.kioskMinIntervalSeconds = kioskMinIntervalSeconds
        self.kioskDailyCap = kioskDailyCap
        self.id = id
        self.surveyID = surveyID
        self.surveyVersion = surveyVersion
        self.surveyYAML = surveyYAML
        self.unitID = unitID
        self.period = period
        self.channel = channel
        self.state = state
        self.numbered = numbered
        self.ballotsPlanned = ballotsPlanned
        self.electorate = electorate
        self.tallyPublicKey = tallyPublicKey
        self.committeeSize = committeeSize
        self.committeeThreshold = committeeThreshold
        self.layoutID = layoutID
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.voidReason = voidReason
        self.voidedOn = voidedOn
    }
}

/// An official as frozen on a round's ballot (name and title as printed).
public struct RoundOfficial: Sendable, Hashable {
    public var roundID: RoundID
    public var officialID: OfficialID
    public var position: Int
    public var fullName: String
    public var title: String
    /// The official's unit when the round opened (a round may cover several units).
    public var unitID: UnitID?
    public init(
        roundID: RoundID, officialID: OfficialID, position: Int, fullName: String, title: String, unitID: UnitID? = nil
    ) {
        self.roundID = roundID
        self.officialID = officialID
        self.position = position
        self.fullName = fullName
        self.title = title
        self.unitID = unitID
    }
}

/// A round's state as people read it ("closed" → "đã đóng"): the one place for these words.
extension Round.State: MessageConvertible {
    public var message: Message {
        switch self {
        case .open: "open"
        case .closed: "closed"
        case .tallied: "tallied"
        case .voided: "voided"
        }
    }
}
