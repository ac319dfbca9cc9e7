import Foundation

/// Reads or changes a workspace database behind PhieuKin's back, as a tamperer or an auditor
/// would. Python's sqlite3 module rather than the `sqlite3` shell: `python3` is one of the
/// packages scripts/install-deps installs, the shell is not (a fresh CI machine lacks it).
public enum SQLiteScript {
    public struct Failure: Error, CustomStringConvertible {
        public var statement: String
        public var stderr: String
        public var description: String { "SQL failed: \(statement)\n\(stderr)" }
    }

    /// Rows come back one per line, columns joined by `|`; `changes` is SQLite's row count.
    @discardableResult
    public static func run(_ database: String, _ statement: String) throws -> (output: String, changes: Int) {
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            cur = c.execute(sys.argv[2])
            for row in cur.fetchall():
                print("|".join("" if v is None else str(v) for v in row))
            c.commit()
            print(cur.rowcount, file=sys.stderr)
            """
        let result = try ExternalTool.run("/usr/bin/python3", ["-c", script, database, statement])
        guard result.status == 0, let changes = Int(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw Failure(statement: statement, stderr: result.stderr) }
        return (result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), changes)
    }
}
