/// A unit (phòng, ban, UBND xã…) whose officials are evaluated together.
public struct Unit: Sendable, Hashable, Codable {
    public var id: UnitID
    public var name: String
    public init(id: UnitID, name: String) {
        self.id = id
        self.name = name
    }
}

/// An official on a roster. The id is kept across rounds: the tally compares rounds by it.
public struct Official: Sendable, Hashable, Codable {
    public var id: OfficialID
    public var unitID: UnitID
    /// NFC-normalized.
    public var fullName: String
    public var position: String
    /// Roster order (ballot rows are printed in this order).
    public var order: Int
    /// False once an official is missing from a re-imported roster; never deleted.
    public var active: Bool
    public init(id: OfficialID, unitID: UnitID, fullName: String, position: String, order: Int, active: Bool = true) {
        self.id = id
        self.unitID = unitID
        self.fullName = fullName
        self.position = position
        self.order = order
        self.active = active
    }
}
