import PhieuKinStorage
import PhieuKinStore
import PhieuKinStoreConformance
import Testing

/// The storage conformance suite (Tests/PhieuKinStoreConformance) run against SQLite: each
/// check gets a fresh database file.
@Suite("Storage conformance: SQLite")
struct SQLiteStorageConformanceTests {
    @Test(arguments: StorageConformance.checks)
    func conforms(_ check: StorageConformance.Check) throws {
        try check.run { try temporaryStore() }
    }
}
