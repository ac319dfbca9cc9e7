import Foundation
import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages
import PhieuKinStorage

/// What a backup holds.
public struct BackupSummary: Sendable, Codable, Equatable {
    public var files: [String]
    public var bytes: Int
    public var rounds: Int
    /// The day it was made (UTC), as its manifest says.
    public var madeOn: String
}

/// What a restore wrote, and what `verify` then said of it.
public struct RestoreSummary: Sendable, Codable, Equatable {
    public var root: String
    public var files: [String]
    public var madeOn: String
    public var verification: VerificationReport
}

/// Backups of a workspace (docs/FORMAT.md, "Backup"): one file with a consistent snapshot of the
/// database, the keys and the workspace's own survey definitions, with a manifest of SHA-256s.
public struct BackupService: WorkspaceService {
    let context: WorkspaceContext
}

extension BackupService {
    /// Makes a backup as bytes, for the caller to keep where it likes. The database is read first,
    /// as one snapshot (SQLite's online backup API, while other commands and the server go on
    /// writing: every commit acknowledged before it is in it); the key files and survey
    /// definitions are read right after.
    public func makeBackup() throws -> (archive: [UInt8], summary: BackupSummary) {
        let database = try store.backupSnapshot()
        var files: [BackupArchive.Entry] = [.init(path: "phieukin.sqlite", bytes: database)]
        for folder in ["keys", "keys/rounds", "ballots"] {
            for name in try Self.regularFiles(in: root + "/" + folder) {
                let path = root + "/" + folder + "/" + name
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw PhieuKinError(.fileAccess, "cannot read \(path); no backup was written.")
                }
                files.append(.init(path: folder + "/" + name, bytes: [UInt8](data)))
            }
        }
        let manifest = BackupManifest(
            agency: try store.meta("agency") ?? "", agencyKey: try agencyPublicKey().fingerprint,
            madeOn: BallotLog.headDate(),
            files: files.map { .init(path: $0.path, size: $0.bytes.count, sha256: Hex.encode(SHA256.hash($0.bytes))) })
        var archive = BackupArchive()
        archive.entries = [.init(path: BackupArchive.manifestName, bytes: try manifest.canonicalBytes())] + files
        let bytes = try archive.bytes()
        let summary = BackupSummary(
            files: files.map(\.path), bytes: bytes.count, rounds: try store.rounds().count, madeOn: manifest.madeOn)
        return (bytes, summary)
    }

    /// `makeBackup()` written to a new file at `path` (owner-only; an existing file is never
    /// replaced, nor may it be one of the workspace's own files).
    public func writeBackup(to path: String) throws -> BackupSummary {
        let (bytes, summary) = try makeBackup()
        let output = try OutputFile.begin(path, force: false, workspace: self, what: "the backup")
        do {
            try output.write(bytes)
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
        return summary
    }

    /// The names of the regular files (not links, not folders) in `folder`, sorted; none when
    /// the folder does not exist.
    static func regularFiles(in folder: String) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.sorted().filter { name in
            var info = stat()
            return lstat(folder + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        }
    }
}

extension Workspace {
    /// Restores a backup into `root`, a folder that must not exist or be empty (an existing
    /// workspace is never written over), after checking every file against the manifest; then
    /// opens it and runs `verify`. Nothing is written when the backup is damaged; a restore that
    /// fails part-way removes what it wrote.
    public static func restore(backup bytes: [UInt8], to root: String) throws -> RestoreSummary {
        let root = absolute(root)
        let (manifest, files) = try checkedBackup(bytes)
        try requireEmptyFolder(root)
        var created: [String] = []
        do {
            for folder in [root, root + "/keys", root + "/keys/rounds", root + "/ballots"]
            where !FileManager.default.fileExists(atPath: folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
                created.append(folder)
                chmod(folder, 0o700)
            }
            for file in files {
                let path = root + "/" + file.path
                created.append(path)
                if file.path == "phieukin.sqlite" {
                    created += [path + "-wal", path + "-shm"]
                    try restoreDatabase(file.bytes, at: path)
                } else {
                    try KeyFiles.writeNew(file.bytes, to: path)
                }
            }
        } catch {
            for path in created.reversed() { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        let workspace = try Workspace(root: root)
        return RestoreSummary(
            root: root, files: files.map(\.path), madeOn: manifest.madeOn,
            verification: try workspace.audit.verify())
    }

    /// The backup's manifest and files, each checked against the manifest (same paths, in order,
    /// same sizes and SHA-256s, a database among them).
    static func checkedBackup(_ bytes: [UInt8]) throws -> (BackupManifest, [BackupArchive.Entry]) {
        let archive = try BackupArchive(parsing: bytes)
        guard let first = archive.entries.first, first.path == BackupArchive.manifestName else {
            throw PhieuKinError(.invalidFile, "this is not a PhieuKin backup: it does not start with its manifest.")
        }
        let manifest = try BackupManifest(parsing: first.bytes)
        let files = Array(archive.entries.dropFirst())
        guard files.map(\.path) == manifest.files.map(\.path), files.contains(where: { $0.path == "phieukin.sqlite" })
        else {
            throw PhieuKinError(
                .invalidFile, "the backup's files are not the ones its manifest lists; nothing was restored.")
        }
        for (file, listed) in zip(files, manifest.files)
        where file.bytes.count != listed.size || Hex.encode(SHA256.hash(file.bytes)) != listed.sha256 {
            throw PhieuKinError(
                .tampered,
                "the backup is damaged: \(file.path) is not the file its manifest lists (its SHA-256 differs); "
                    + "nothing was restored.")
        }
        return (manifest, files)
    }

    private static func requireEmptyFolder(_ root: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { return }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? ["?"]
        guard isFolder.boolValue, contents.isEmpty else {
            throw PhieuKinError(
                .alreadyExists,
                "\(root) already exists and is not an empty folder: a backup is restored into a new folder, never "
                    + "over a workspace or other files. Nothing was changed.")
        }
    }
}
