import Foundation
import PhieuKinTestSupport

/// Runs the real `phieukin` binary (built beside the test bundle by `swift build --build-tests`).
struct CLI {
    typealias Result = ExternalTool.Result

    let workspace: String

    /// A fresh, empty directory for one test's workspace.
    static func temporaryWorkspace(_ name: String = "ws") throws -> CLI {
        CLI(workspace: try TemporaryFiles.directory("cli-\(name)").path)
    }

    static var binary: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = testBinary.deletingLastPathComponent()
        // …/debug/PhieuKinPackageTests.xctest is a file on Linux; walk up until the bin dir holds phieukin.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("phieukin").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("phieukin").path
    }

    /// Runs `phieukin <args> --workspace <ws>`-style: the workspace goes in PHIEUKIN_WORKSPACE.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try ExternalTool.run(
            Self.binary, arguments,
            environment: environment.merging(["PHIEUKIN_WORKSPACE": workspace]) { a, _ in a })
    }

    /// Reads or edits a workspace database behind PhieuKin's back, as an attacker with file access
    /// would. Python's sqlite3 module rather than the `sqlite3` shell: `python3` is one of the
    /// packages scripts/install-deps installs, the shell is not (a fresh CI machine lacks it).
    /// Rows come back one per line, columns joined by `|`; `changes` is SQLite's row count.
    @discardableResult
    static func sql(_ database: String, _ statement: String) throws -> (output: String, changes: Int) {
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
        else { throw SQLFailure(statement: statement, stderr: result.stderr) }
        return (result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), changes)
    }

    struct SQLFailure: Error, CustomStringConvertible {
        var statement: String
        var stderr: String
        var description: String { "SQL failed: \(statement)\n\(stderr)" }
    }

    func path(_ name: String) -> String { workspace + "/" + name }

    /// The repository root, for example files.
    static let repository: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
}
