internal import GRDB
public import PhieuKinCore
public import PhieuKinStorage

extension Store {
    /// Applies a roster file in one transaction: units and officials are inserted or updated in
    /// place; an official of an imported unit who is missing from the file becomes inactive and is
    /// never deleted, so earlier rounds keep their history.
    public func applyRoster(units: [Unit], officials: [Official]) throws -> RosterChanges {
        try write { db in
            var changes = RosterChanges()
            for unit in units {
                if let existing = try UnitRecord.fetchOne(db, key: unit.id.rawValue) {
                    if existing.name != unit.name {
                        try UnitRecord(unit).update(db)
                        changes.unitsUpdated += 1
                    }
                } else {
                    try UnitRecord(unit).insert(db)
                    changes.unitsAdded += 1
                }
            }
            let importedIDs = Set(officials.map(\.id.rawValue))
            for official in officials {
                var record = OfficialRecord(official)
                record.active = true
                if let existing = try OfficialRecord.fetchOne(db, key: official.id.rawValue) {
                    if existing.unitID != record.unitID || existing.fullName != record.fullName
                        || existing.position != record.position || existing.rosterOrder != record.rosterOrder
                        || !existing.active
                    {
                        try record.update(db)
                        changes.officialsUpdated += 1
                    }
                } else {
                    try record.insert(db)
                    changes.officialsAdded += 1
                }
            }
            let unitIDs = units.map(\.id.rawValue)
            let stale = try OfficialRecord.filter(unitIDs.contains(Column("unitID")))
                .filter(Column("active") == true)
                .fetchAll(db)
                .filter { !importedIDs.contains($0.id) }
            for var record in stale {
                record.active = false
                try record.update(db)
                changes.officialsDeactivated += 1
            }
            return changes
        }
    }

    public func units() throws -> [Unit] {
        try read { db in try UnitRecord.order(Column("id")).fetchAll(db).map(\.unit) }
    }

    public func unit(id: UnitID) throws -> Unit? {
        try read { db in try UnitRecord.fetchOne(db, key: id.rawValue)?.unit }
    }

    /// Officials in roster order; inactive ones only when asked.
    public func officials(unitID: UnitID?, includeInactive: Bool) throws -> [Official] {
        try read { db in
            var request = OfficialRecord.all()
            if let unitID { request = request.filter(Column("unitID") == unitID.rawValue) }
            if !includeInactive { request = request.filter(Column("active") == true) }
            return try request.order(Column("unitID"), Column("rosterOrder"), Column("id")).fetchAll(db).map(\.official)
        }
    }

    public func meta(_ key: String) throws -> String? {
        try read { db in try MetaRecord.fetchOne(db, key: key)?.value }
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try write { db in try MetaRecord(key: key, value: value).save(db) }
    }
}
