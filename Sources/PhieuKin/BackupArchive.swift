import Foundation
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages

/// A workspace backup as one POSIX tar (ustar) archive (docs/FORMAT.md, "Backup"): first
/// `MANIFEST.json`, then each file it lists, byte for byte. Plain tar so that `tar -tvf` lists it
/// and a person can unpack it by hand; every entry's mode is 0600 and its time 0 (a backup says
/// when it was made only in its manifest, by the day).
struct BackupArchive {
    struct Entry: Equatable {
        var path: String
        var bytes: [UInt8]
    }

    var entries: [Entry] = []

    static let manifestName = "MANIFEST.json"
    static let format = "phieukin-backup-v1"
    private static let block = 512

    // MARK: Writing

    func bytes() throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(1024) { $0 + Self.block + $1.bytes.count + Self.block })
        for entry in entries {
            out += try Self.header(path: entry.path, size: entry.bytes.count)
            out += entry.bytes
            out += [UInt8](repeating: 0, count: (Self.block - entry.bytes.count % Self.block) % Self.block)
        }
        out += [UInt8](repeating: 0, count: 2 * Self.block)
        return out
    }

    /// A ustar header: name (100), mode, uid, gid (8 each), size, mtime (12 each), checksum (8),
    /// type '0', link name (100), "ustar\0" "00", user and group names (32 each), device numbers,
    /// prefix (155).
    private static func header(path: String, size: Int) throws -> [UInt8] {
        let name = Array(path.utf8)
        guard !name.isEmpty, name.count < 100 else {
            throw PhieuKinError.invalidInput("a workspace file name is too long for the backup: \(path).")
        }
        var h = [UInt8](repeating: 0, count: block)
        func put(_ bytes: [UInt8], at offset: Int) { h.replaceSubrange(offset..<(offset + bytes.count), with: bytes) }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: width - 1 - digits.count) + digits).utf8) + [0]
        }
        put(name, at: 0)
        put(octal(0o600, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        h[156] = UInt8(ascii: "0")
        put(Array("ustar".utf8) + [0] + Array("00".utf8), at: 257)
        put([UInt8](repeating: 0x20, count: 8), at: 148)
        let sum = h.reduce(0) { $0 + Int($1) }
        put(Array(String(format: "%06o", sum).utf8) + [0, 0x20], at: 148)
        return h
    }

    // MARK: Reading

    /// Reads an archive this type wrote (and any plain ustar of regular files); refuses anything
    /// else — a bad checksum, a link, a path that leaves the folder — naming the entry.
    init(parsing bytes: [UInt8]) throws {
        var offset = 0
        while offset + Self.block <= bytes.count {
            let h = Array(bytes[offset..<(offset + Self.block)])
            if h.allSatisfy({ $0 == 0 }) { return }
            let (path, size) = try Self.parseHeader(h, at: offset)
            let start = offset + Self.block
            guard start + size <= bytes.count else {
                throw PhieuKinError(.invalidFile, "the backup ends inside \(path): it was cut short.")
            }
            entries.append(Entry(path: path, bytes: Array(bytes[start..<(start + size)])))
            offset = start + (size + Self.block - 1) / Self.block * Self.block
        }
        throw PhieuKinError(.invalidFile, "the backup has no end-of-archive marker: it was cut short.")
    }

    init() {}

    private static func parseHeader(_ h: [UInt8], at offset: Int) throws -> (String, Int) {
        func field(_ range: Range<Int>) -> String {
            String(decoding: h[range].prefix { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        var zeroed = h
        zeroed.replaceSubrange(148..<156, with: [UInt8](repeating: 0x20, count: 8))
        guard let sum = Int(field(148..<156), radix: 8), sum == zeroed.reduce(0, { $0 + Int($1) }) else {
            throw PhieuKinError(.invalidFile, "the backup is damaged at byte \(offset): a header's checksum is wrong.")
        }
        let prefix = field(345..<500)
        let name = prefix.isEmpty ? field(0..<100) : prefix + "/" + field(0..<100)
        guard h[156] == UInt8(ascii: "0") || h[156] == 0 else {
            throw PhieuKinError(.invalidFile, "the backup entry \(name) is not a plain file; nothing was restored.")
        }
        guard let size = Int(field(124..<136), radix: 8), size >= 0 else {
            throw PhieuKinError(.invalidFile, "the backup entry \(name) has no valid size; nothing was restored.")
        }
        guard BackupArchive.isSafePath(name) else {
            throw PhieuKinError(.invalidFile, "the backup entry \(name) is not a workspace file; nothing was restored.")
        }
        return (name, size)
    }

    /// A relative path inside the workspace: no `..`, no leading `/`, no empty part.
    static func isSafePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}

/// `MANIFEST.json` of a backup: what it holds and each file's SHA-256, in canonical JSON.
struct BackupManifest: Equatable {
    struct File: Equatable {
        var path: String
        var size: Int
        var sha256: String
    }

    var agency: String
    var agencyKey: String
    var madeOn: String
    var files: [File]

    func canonicalBytes() throws -> [UInt8] {
        try CanonicalValue.object([
            "format": .string(BackupArchive.format), "agency": .string(agency), "agency_key": .string(agencyKey),
            "made_on": .string(madeOn),
            "files": .array(
                files.map {
                    .object([
                        "path": .string($0.path), "size": .number(Double($0.size)), "sha256": .string($0.sha256),
                    ])
                }),
        ]).canonicalBytes
    }

    init(agency: String, agencyKey: String, madeOn: String, files: [File]) {
        (self.agency, self.agencyKey, self.madeOn, self.files) = (agency, agencyKey, madeOn, files)
    }

    init(parsing bytes: [UInt8]) throws {
        guard case .object(let m)? = try? JSONValue.parse(bytes), case .string(BackupArchive.format)? = m["format"],
            case .string(let agency)? = m["agency"], case .string(let key)? = m["agency_key"],
            case .string(let day)? = m["made_on"], case .array(let items)? = m["files"]
        else {
            throw PhieuKinError(.invalidFile, "the backup's MANIFEST.json is not a PhieuKin backup manifest.")
        }
        var files: [File] = []
        for item in items {
            guard case .object(let f) = item, case .string(let path)? = f["path"], case .number(let size)? = f["size"],
                case .string(let sha)? = f["sha256"], BackupArchive.isSafePath(path)
            else {
                throw PhieuKinError(.invalidFile, "the backup's MANIFEST.json lists a file it cannot describe.")
            }
            files.append(File(path: path, size: Int(size), sha256: sha))
        }
        self.init(agency: agency, agencyKey: key, madeOn: day, files: files)
    }
}
