import Foundation
public import PhieuKinCore
import PhieuKinMessages
public import PhieuKinStorage

extension WorkspaceService {

}

extension WorkspaceService {
}

extension RoundService {
    /// Imports a roster CSV: all rows or none. Officials keep their ids across rounds; one
    /// missing from a unit's new file becomes inactive, never deleted.
    public func importRoster(path: String) throws -> RosterChanges {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PhieuKinError(.fileAccess, "cannot read roster file \(path). Check the path.")
        }
        let roster = try RosterParser.parse(bytes: [UInt8](data), fileName: (path as NSString).lastPathComponent)
        return try store.applyRoster(units: roster.units, officials: roster.officials)
    }

    /// Units with their officials in roster order.
    public func roster(unitID: UnitID? = nil, includeInactive: Bool = false) throws -> [(PhieuKinCore.Unit, [Official])]
    {
        let officials = try store.officials(unitID: unitID, includeInactive: includeInactive)
        let units = try store.units().filter { unitID == nil || $0.id == unitID }
        if let unitID, units.isEmpty {
            throw try unknownUnit(unitID)
        }
        return units.map { unit in (unit, officials.filter { $0.unitID == unit.id }) }
    }

    /// Every unit of the roster that has active officials, in roster order: "the whole roster"
    /// for a round that evaluates everyone from the party secretary to the driver at once.
    public func unitIDsWithActiveOfficials() throws -> [UnitID] {
        let active = Set(try store.officials().map(\.unitID))
        return try store.units().map(\.id).filter(active.contains)
    }
}

extension WorkspaceService {
    /// A unit id that is not on the roster: the error names the units that are, so a typo is
    /// seen at once (or says the roster is empty).
    func unknownUnit(_ unitID: UnitID) throws -> PhieuKinError {
        let known = try store.units().map(\.id.rawValue).sorted()
        guard !known.isEmpty else {
            return .notFound(
                "unit \(unitID) is not on the roster: no roster has been imported yet.", next: [.importRoster])
        }
        return .notFound(
            "unit \(unitID) is not on the roster; its units are: \(known.joined(separator: ", ")).",
            next: [.listUnits, .importRoster])
    }
}
