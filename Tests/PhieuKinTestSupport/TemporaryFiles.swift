public import Foundation

/// Scratch directories for tests: all under one folder per test process, removed when the process
/// exits, so that running `make test` again and again does not fill /tmp (one run writes some
/// 25 MB of workspaces, databases and PDFs). `PHIEUKIN_KEEP_TEST_FILES=1` keeps them for a look
/// after a failure; the folder's path is then printed at exit.
public enum TemporaryFiles {
    /// `$TMPDIR/phieukin-tests-<pid>`, created on first use.
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "phieukin-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { TemporaryFiles.removeRoot() }
        return root
    }()

    /// A new, empty directory named `<prefix>-<uuid>` under `root`.
    public static func directory(_ prefix: String) throws -> URL {
        let directory = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private static func removeRoot() {
        if ProcessInfo.processInfo.environment["PHIEUKIN_KEEP_TEST_FILES"] == "1" {
            FileHandle.standardError.write(Data("test files kept in \(root.path)\n".utf8))
        } else {
            try? FileManager.default.removeItem(at: root)
        }
    }
}
