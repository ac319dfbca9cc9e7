import Foundation
import PhieuKinMessages

#if canImport(Glibc)
    import Glibc
#endif

/// Files a command writes where the user says (`--out`): ballot PDFs, slips, reports, audit
/// bundles.
///
/// The rule (README, "Files PhieuKin writes"): no command deletes or overwrites a file it did not
/// create. An existing path is refused unless the user passes `--force`, and even then only a
/// regular file is replaced — never a folder, a link or a device — and never one of the
/// workspace's own files (the database, `keys/`, `ballots/`). The content goes first to a
/// temporary file with a unique name that this command creates itself (`O_EXCL`, mode 0600),
/// which is then linked (no `--force`: fails if the name was taken meanwhile) or renamed
/// (`--force`) into place. Every file is owner-only (0600), whatever the umask.
struct OutputFile {
    /// The destination, absolute.
    let path: String
    let force: Bool
    /// The temporary file this command created beside `path`.
    let temporaryPath: String

    /// Checks the destination and creates the temporary file.
    static func begin(_ path: String, force: Bool, workspace: any WorkspaceService, what: Message) throws -> OutputFile
    {
        let path = Workspace.absolute(path)
        try checkDestination(path, force: force, workspace: workspace, what: what)
        let (fd, temporary) = try createExclusive(besides: path)
        close(fd)
        return OutputFile(path: path, force: force, temporaryPath: temporary)
    }

    /// Refuses a destination PhieuKin may not write (see the type's documentation).
    static func checkDestination(_ path: String, force: Bool, workspace: any WorkspaceService, what: Message) throws {
        if let protected = workspace.ownFile(containing: path) {
            throw PhieuKinError.invalidInput(
                "refusing to write \(what) to \(path): it is \(protected) of the workspace; nothing was written. "
                    + "Choose a file outside the workspace's keys/ and ballots/ folders.")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                throw PhieuKinError.invalidInput(
                    "\(path) is a folder; PhieuKin never replaces a folder. Give a file name for \(what), e.g. \(path)/out.pdf; nothing was written."
                )
            }
            guard force else {
                throw PhieuKinError(
                    .alreadyExists,
                    "\(path) already exists; nothing was written. Choose another name, or replace that file.",
                    next: [.replaceExistingFile])
            }
            guard type == S_IFREG else {
                throw PhieuKinError.invalidInput(
                    "\(path) exists and is not a regular file (a link, pipe or device); PhieuKin replaces only a regular file, even when asked to replace. Nothing was written."
                )
            }
        } else if errno != ENOENT {
            throw PhieuKinError.fileAccess(
                "cannot check \(path): \(Message.systemError(errno)); nothing was written.", errno: errno)
        }
        let parent = (path as NSString).deletingLastPathComponent
        var parentInfo = stat()
        guard stat(parent, &parentInfo) == 0, parentInfo.st_mode & S_IFMT == S_IFDIR else {
            throw PhieuKinError(
                .fileAccess, "the folder \(parent) does not exist; create it first. Nothing was written.")
        }
    }

    /// Creates a new file with a unique name beside `path`, exclusively and owner-only.
    static func createExclusive(besides path: String) throws -> (Int32, String) {
        for _ in 0..<16 {
            let candidate = path + ".\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).part"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 {
                fchmod(fd, 0o600)
                return (fd, candidate)
            }
            if errno != EEXIST {
                throw PhieuKinError.fileAccess(
                    "cannot create a file beside \(path): \(Message.systemError(errno)). Check that the folder is writable; nothing was written.",
                    errno: errno)
            }
        }
        throw PhieuKinError(.fileAccess, "cannot find a free temporary name beside \(path); nothing was written.")
    }

    /// Writes `bytes` to the temporary file (replacing what a renderer may have put there).
    func write(_ bytes: [UInt8]) throws {
        let fd = open(temporaryPath, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else {
            throw PhieuKinError.fileAccess(
                "cannot write \(temporaryPath): \(Message.systemError(errno)).", errno: errno)
        }
        defer { close(fd) }
        try Self.writeAll(fd, bytes, path: temporaryPath)
        _ = fsync(fd)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw PhieuKinError.fileAccess(
                    "cannot write \(path): \(Message.systemError(errno)).", errno: errno)
            }
            written += n
        }
    }

    /// Moves the temporary file into place: unless replacing (`force`) only if the name is still free.
    /// On failure the temporary file is kept (and named) when `keepOnFailure`, else removed.
    func commit(keepOnFailure: Bool = false) throws {
        func failure(_ kind: PhieuKinError.Kind, _ reason: Message, errno code: Int32? = nil) -> PhieuKinError {
            let underlying = code.flatMap(POSIXErrorCode.init(rawValue:)).map { POSIXError($0) }
            if keepOnFailure {
                return PhieuKinError(kind, reason + " The output is in \(temporaryPath).", underlying: underlying)
            }
            unlink(temporaryPath)
            return PhieuKinError(kind, reason + " Nothing was written.", underlying: underlying)
        }
        // The renderer may have replaced the temporary file (by rename): owner-only again.
        chmod(temporaryPath, 0o600)
        if force {
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                throw failure(.conflict, "\(path) is no longer a regular file; nothing was replaced.")
            }
            guard rename(temporaryPath, path) == 0 else {
                throw failure(
                    .fileAccess, "cannot move the output to \(path): \(Message.systemError(errno)).", errno: errno
                )
            }
            return
        }
        if link(temporaryPath, path) == 0 {
            unlink(temporaryPath)
            return
        }
        if errno == EEXIST {
            throw failure(.alreadyExists, "\(path) appeared while writing; nothing was replaced.")
        }
        // A file system without hard links (e.g. a FAT USB stick): check, then rename.
        var info = stat()
        guard lstat(path, &info) != 0, errno == ENOENT else {
            throw failure(.alreadyExists, "\(path) appeared while writing; nothing was replaced.")
        }
        guard rename(temporaryPath, path) == 0 else {
            throw failure(
                .fileAccess, "cannot move the output to \(path): \(Message.systemError(errno)).", errno: errno)
        }
    }

    /// Removes the temporary file (this command created it).
    func discard() {
        unlink(temporaryPath)
    }
}

extension WorkspaceService {
    /// What `path` is to this workspace when it is one of its own files (the database, a key,
    /// a survey definition, or a folder holding them), else nil.
    func ownFile(containing path: String) -> String? {
        let target = Self.resolvedPath(path)
        let root = Self.resolvedPath(self.root)
        let database = Self.resolvedPath(databasePath)
        for suffix in ["", "-wal", "-shm", "-journal"] where target == database + suffix {
            return "the database file"
        }
        if target == root { return "the workspace folder" }
        // phieukin.* beside the database: the database's companions (journal, lock files…).
        let name = (target as NSString).lastPathComponent
        if (target as NSString).deletingLastPathComponent == root && name.hasPrefix("phieukin.") {
            return "a file of the workspace (\(name))"
        }
        for (folder, what) in [
            (Self.resolvedPath(keysDirectory), "the keys folder"),
            (Self.resolvedPath(ballotsDirectory), "the survey definitions folder (ballots/)"),
        ] where target == folder || target.hasPrefix(folder + "/") {
            return "inside \(what)"
        }
        return nil
    }

    /// `path` with its folder's symbolic links resolved (the last component kept as given, since
    /// it may not exist yet).
    static func resolvedPath(_ path: String) -> String {
        let absolute = Workspace.absolute(path)
        let parent = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        guard let real = realpath(parent, nil) else { return absolute }
        defer { free(real) }
        let folder = String(cString: real)
        if name.isEmpty || absolute == "/" { return folder }
        let joined = folder == "/" ? "/" + name : folder + "/" + name
        // The last component itself, when it is an existing link or folder.
        if let full = realpath(joined, nil) {
            defer { free(full) }
            return String(cString: full)
        }
        return joined
    }
}
