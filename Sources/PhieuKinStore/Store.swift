import Foundation
import GRDB
import PhieuKinCore

/// The workspace's embedded database: one SQLite file reached only through GRDB.
///
/// WAL mode and foreign keys are always on. Values are always bound as statement
/// arguments, never interpolated into SQL, and GRDB's `publicStatementArguments` stays
/// off so that no ballot bytes can surface in an error message.
public final class Store: Sendable {
    public let dbQueue: DatabaseQueue
    public let path: String

    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    public init(path: String) throws {
        var config = Configuration()
        config.journalMode = .wal
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "phieukin"
        do {
            dbQueue = try DatabaseQueue(path: path, configuration: config)
            try Self.migrator.migrate(dbQueue)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        self.path = path
    }

    /// The schema, as GRDB migrations. Never edit a shipped migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try Schema.createV1(db)
        }
        migrator.registerMigration("v2-import") { db in
            try Schema.createV2Import(db)
        }
        migrator.registerMigration("v3-results") { db in
            try Schema.createV3Results(db)
        }
        migrator.registerMigration("v4-rounds") { db in
            try Schema.createV4Rounds(db)
        }
        return migrator
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try dbQueue.read(body)
    }

    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try dbQueue.write(body)
    }
}

/// Errors from the store, with what to do next.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    private enum Code: Equatable {
        case cannotOpen
        case notFound
        case conflict
    }
    private let code: Code
    public let reason: String

    public var description: String { reason }

    public static func cannotOpen(path: String, reason: String) -> Self {
        .init(
            code: .cannotOpen,
            reason:
                "cannot open the database \(path): \(reason). Check that the workspace exists (phieukin init) and is writable."
        )
    }
    public static func notFound(_ what: String, hint: String) -> Self {
        .init(code: .notFound, reason: "\(what) not found. \(hint)")
    }
    public static func conflict(_ reason: String) -> Self {
        .init(code: .conflict, reason: reason)
    }
}
