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
    /// Messages are in English (`PHIEUKIN_LANG=en`) unless the test sets `PHIEUKIN_LANG` itself
    /// (`""` for the default, Vietnamese) or passes `--lang`; documents stay Vietnamese either way.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try ExternalTool.run(
            Self.binary, arguments,
            environment: environment.merging(["PHIEUKIN_WORKSPACE": workspace, "PHIEUKIN_LANG": "en"]) { a, _ in a })
    }

    /// Runs SQL on a workspace database behind PhieuKin's back (see `SQLiteScript`).
    @discardableResult
    static func sql(_ database: String, _ statement: String) throws -> (output: String, changes: Int) {
        try SQLiteScript.run(database, statement)
    }

    func path(_ name: String) -> String { workspace + "/" + name }

    /// The repository root, for example files.
    static let repository: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
}
