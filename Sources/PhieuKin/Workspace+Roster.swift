import Foundation
public import PhieuKinCore
import PhieuKinMessages
import PhieuKinSheets
public import PhieuKinStorage

/// What `importRoster` read and changed.
public struct RosterImport: Sendable, Equatable {
    public var changes: RosterChanges
    /// The header's line (CSV) or row (workbook).
    public var headerLine: Int
    /// Rows with content above the header (a title, a date), skipped.
    public var skippedTitleRows: Int
    /// `xlsx` or `csv`.
    public var format: String
}

extension RoundService {
    /// Imports a roster, an `.xlsx` workbook (its first sheet, or `sheet`) or a CSV file, told
    /// apart by their first bytes, not their names: all rows or none. Officials keep their ids
    /// across rounds; one missing from a unit's new file becomes inactive, never deleted.
    public func importRoster(path: String, sheet: String? = nil) throws -> RosterImport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PhieuKinError(.fileAccess, "cannot read roster file \(path). Check the path.")
        }
        let bytes = [UInt8](data)
        let name = (path as NSString).lastPathComponent
        try Self.refuseForeignFormat(bytes.prefix(4096), name: name)
        let isWorkbook = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        let roster: RosterFile
        if isWorkbook {
            let rows: [SheetRow]
            do {
                rows = try XLSXReader.sheet(named: sheet, path: path, limits: Self.importSheetLimits)
            } catch let error as SheetError {
                throw PhieuKinError(.invalidFile, "\(name): \(error); nothing was imported.", underlying: error)
            }
            roster = try RosterParser.parse(
                sheetRows: rows.map { CSVRecord(line: $0.number, fields: $0.cells) }, fileName: name)
        } else {
            if let sheet {
                throw PhieuKinError.invalidInput(
                    "the sheet \"\(sheet)\" was asked for, but \(name) is a CSV text file, which has no sheets; "
                        + "import it without naming a sheet; nothing was imported.")
            }
            roster = try RosterParser.parse(bytes: bytes, fileName: name)
        }
        let changes = try store.applyRoster(units: roster.units, officials: roster.officials)
        return RosterImport(
            changes: changes, headerLine: roster.headerLine, skippedTitleRows: roster.skippedTitleRows,
            format: isWorkbook ? "xlsx" : "csv")
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
