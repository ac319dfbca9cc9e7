import Foundation
public import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages

/// Key custody on disk: private keys are written 0600 and refused when others can read them.
public enum KeyFiles {
    /// Writes a private key file readable by its owner only. The file is created with mode 0600
    /// from the start (never written first and chmod-ed after), and an existing file is not
    /// overwritten.
    public static func writePrivate(_ text: String, to path: String) throws {
        try writeNew(text, to: path)
    }

    /// Writes a public key file. Like every file PhieuKin creates it is owner-only (0600; share
    /// the key with `phieukin keys show`), and an existing file is never overwritten.
    public static func writePublic(_ text: String, to path: String) throws {
        try writeNew(text, to: path)
    }

    private static func writeNew(_ text: String, to path: String) throws {
        try writeNew(Array(text.utf8), to: path)
    }

    /// A new owner-only file holding `bytes`; an existing file is never overwritten.
    static func writeNew(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw PhieuKinError(
                    .alreadyExists, "\(path) already exists; PhieuKin never overwrites a key. Move it away first.")
            }
            throw PhieuKinError.fileAccess("cannot create \(path): \(Message.systemError(errno)).", errno: errno)
        }
        defer { close(fd) }
        fchmod(fd, 0o600)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw PhieuKinError.fileAccess(
                    "cannot write \(path): \(Message.systemError(errno)).", errno: errno)
            }
            written += n
        }
        guard fsync(fd) == 0 else {
            throw PhieuKinError.fileAccess("cannot write \(path): \(Message.systemError(errno)).", errno: errno)
        }
    }

    /// A private key file's bytes (for `Ed25519PrivateKey(pemBytes:)`), refused like `readPrivate`;
    /// the caller overwrites them with `wipe` once the key is parsed.
    static func readPrivateBytes(_ path: String) throws -> [UInt8] {
        try requirePrivateKeyFile(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PhieuKinError.keyFile("cannot read \(path).")
        }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() else { throw PhieuKinError.keyFile("cannot read \(path).") }
        var bytes = [UInt8](repeating: 0, count: data.count)
        bytes.withUnsafeMutableBytes { _ = data.copyBytes(to: $0) }
        return bytes
    }

    /// Overwrites key material in place before it is released.
    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { explicit_bzero(base, buffer.count) }
        }
    }

    /// Reads a private key file, refusing one that group or others can read or write.
    public static func readPrivate(_ path: String) throws -> String {
        try requirePrivateKeyFile(path)
        return try readText(path)
    }

    private static func requirePrivateKeyFile(_ path: String) throws {
        try requireOwnerOnly(
            path, what: "private key",
            notFound: PhieuKinError.keyFile(
                "private key \(path) not found: this folder holds no workspace's keys, or the file was moved.",
                next: [.createWorkspace, .chooseWorkspace]))
    }

    /// Refuses a missing file (`notFound`) or one that group or others may access: the rule for
    /// private keys and passphrase files alike.
    private static func requireOwnerOnly(
        _ path: String, what: Message, notFound: @autoclosure () -> PhieuKinError
    )
        throws
    {
        var info = stat()
        guard stat(path, &info) == 0 else { throw notFound() }
        if let mode = modeIfReadableByOthers(path) {
            throw PhieuKinError(
                .filePermissions,
                "\(what) \(path) can be read by other users (mode \(mode)); it must be readable by its owner only.",
                next: [.restrictPermissions(path: path)])
        }
    }

    /// The file's mode in octal when group or others have any access to it, else nil.
    static func modeIfReadableByOthers(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { return nil }
        return String(info.st_mode & 0o777, radix: 8)
    }

    /// Reads a committee member's share file. Owner-only files are read as any private key; a
    /// share other users can read (a FAT USB stick cannot keep mode 0600) is accepted only when
    /// its key is passphrase-encrypted (`ENCRYPTED PRIVATE KEY`), so reading the file is not
    /// enough to hold the share.
    public static func readShare(_ path: String, roundID: RoundID) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw PhieuKinError.keyFile("share file \(path) not found. Check the path the committee member gave.")
        }
        let text = try readText(path)
        if let mode = modeIfReadableByOthers(path), !text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
            throw PhieuKinError(
                .filePermissions,
                "share \(path) can be read by other users (mode \(mode)) and is not passphrase-protected, so anyone who "
                    + "can read it holds this member's part of round \(roundID)'s key. Copy it to a folder only you can read "
                    + "and make the copy readable by its owner only (mode 600). (On a USB stick that cannot keep that mode, "
                    + "shares must be passphrase-protected when the round is opened.)")
        }
        return text
    }

    public static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw PhieuKinError.keyFile("cannot read \(path).")
        }
        return text
    }

    /// A passphrase file's bytes, without the trailing newline an editor adds. Like a private key,
    /// refused when group or others can read (or write) it.
    public static func readPassphrase(_ path: String) throws -> [UInt8] {
        try requireOwnerOnly(
            path, what: "passphrase file", notFound: PhieuKinError.keyFile("passphrase file \(path) not found."))
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PhieuKinError.keyFile("cannot read passphrase file \(path).")
        }
        var bytes = [UInt8](data)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { throw PhieuKinError.keyFile("passphrase file \(path) is empty.") }
        return bytes
    }
}
