import Foundation
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages
public import PhieuKinStorage
import PhieuKinStore

/// A PhieuKin workspace: one agency's database, keys and own survey definitions — the
/// composition root of the workflows.
///
/// The CLI and the server open a workspace and call its services, each a small `Sendable` value
/// over the same storage and keys: `rounds` (surveys, roster, rounds, printing, close, void),
/// `intake` (importing ballots, the quarantine), `tally` (opening and counting a closed round),
/// `audit` (verify, audit bundles), `reports`, `electronic` (the booth and kiosks) and `scan`
/// (scanned sheets).
///
///     <root>/phieukin.sqlite          the embedded store (WAL)
///     <root>/keys/agency.pem          Ed25519 signing key, PKCS#8, mode 0600 (optionally encrypted)
///     <root>/keys/agency.pub.pem      its public key (SPKI)
///     <root>/keys/rounds/<round>.tally.pem   a round's tally key when the committee is 1 of 1
///     <root>/ballots/*.yaml           the agency's own survey definitions
public final class Workspace: Sendable {
    public let root: String
    /// Where rounds, ballot logs and results live: `Store` (SQLite, `phieukin.sqlite`) unless
    /// another `WorkspaceStorage` was given. The workflows use nothing else of storage.
    package let store: any WorkspaceStorage
    let context: WorkspaceContext

    public var rounds: RoundService { RoundService(context: context) }
    public var intake: IntakeService { IntakeService(context: context) }
    public var tally: TallyService { TallyService(context: context) }
    public var audit: AuditService { AuditService(context: context) }
    public var reports: ReportService { ReportService(context: context) }
    public var electronic: ElectronicService { ElectronicService(context: context) }
    public var scan: ScanService { ScanService(context: context) }
    public var backup: BackupService { BackupService(context: context) }

    static func databasePath(_ root: String) -> String { root + "/phieukin.sqlite" }

    /// Opens an existing workspace. Never creates its database: a missing, empty or schema-less
    /// `phieukin.sqlite` is an error that says what was lost (only `phieukin init` creates one).
    public init(root: String) throws {
        let root = Self.absolute(root)
        let databasePath = Self.databasePath(root)
        do {
            self.store = try Store(openingExisting: databasePath)
        } catch let error as StoreError where error.isMissing || error.isEmpty || error.hasNoSchema {
            let keys = Self.roundKeyNames(root: root)
            let hasAgencyKey = FileManager.default.fileExists(atPath: root + "/keys/agency.pem")
            if error.isMissing && !hasAgencyKey && keys.isEmpty {
                throw PhieuKinError(
                    .workspaceMissing, "no PhieuKin workspace at \(root).", next: [.createWorkspace, .chooseWorkspace],
                    underlying: error)
            }
            var held: [Message] = []
            if hasAgencyKey { held.append("keys/agency.pem holds the agency's signing key") }
            if !keys.isEmpty {
                held.append(
                    .counted(keys.count, "keys/rounds holds keys of {0} round", "keys/rounds holds keys of {0} rounds"))
            }
            let what: Message =
                error.isMissing
                ? "the database \(databasePath) is missing"
                : error.isEmpty
                    ? "the database \(databasePath) is empty (0 bytes)"
                    : "the database \(databasePath) holds no PhieuKin tables"
            if held.isEmpty {
                throw PhieuKinError(
                    .workspaceDamaged,
                    "\(what): it holds no workspace. If it did, restore the workspace from its backup into a new "
                        + "folder; PhieuKin creates a database only when a workspace is created, and nothing was changed.",
                    next: [.restoreBackup], underlying: error)
            }
            throw PhieuKinError(
                .workspaceDamaged,
                "\(what) although \(Message.joined(held, separator: " and ")): the workspace's rounds, ballots and results were lost. "
                    + "Restore the workspace from its backup into a new folder; PhieuKin does not create a new database "
                    + "here, and nothing was changed.",
                next: [.restoreBackup], underlying: error)
        }
        self.root = root
        context = WorkspaceContext(root: root, store: store)
    }

    /// A workspace whose rounds, ballots and results live in `storage` (any `WorkspaceStorage`
    /// implementation); keys and survey definitions stay under `root`.
    public init(root: String, storage: any WorkspaceStorage) {
        self.root = Self.absolute(root)
        self.store = storage
        context = WorkspaceContext(root: self.root, store: storage)
    }

    /// Round ids that have a key file or a shares folder in `keys/rounds`.
    static func roundKeyNames(root: String) -> Set<String> {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root + "/keys/rounds")) ?? []
        var names: Set<String> = []
        for entry in entries where !entry.hasPrefix(".") {
            if entry.hasSuffix(".tally.pem") {
                names.insert(String(entry.dropLast(".tally.pem".count)))
            } else {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/keys/rounds/" + entry, isDirectory: &isFolder),
                    isFolder.boolValue
                {
                    names.insert(entry)
                }
            }
        }
        return names
    }

    /// What `phieukin init` reports.
    public struct InitSummary: Sendable {
        public var root: String
        public var agency: String
        public var publicKeyFingerprint: String
        public var privateKeyPath: String
        public var publicKeyPath: String
        public var encrypted: Bool
    }

    /// Creates a workspace: the database, the keys folder and the agency's Ed25519 signing key.
    ///
    /// `profile` says how official documents (tally minutes, the leaders' report) are headed.
    public static func create(
        at root: String, agency: String, passphrase: [UInt8]? = nil, existingKeyPath: String? = nil,
        profile: AgencyProfile = AgencyProfile()
    ) throws -> (Workspace, InitSummary) {
        // Check the names and read an imported key before creating anything, so a bad one leaves
        // no half workspace.
        try checkNames(profile, agency: agency)
        let key: Ed25519PrivateKey
        if let existingKeyPath {
            let pem = try KeyFiles.readPrivate(existingKeyPath)
            do {
                key = try Ed25519PrivateKey(pemRepresentation: pem, passphrase: passphrase)
            } catch {
                throw PhieuKinError.cannotOpenKey(
                    existingKeyPath, error, check: "the passphrase file, or that the key is an Ed25519 PKCS#8 PEM")
            }
        } else {
            key = Ed25519PrivateKey()
        }
        let root = absolute(root)
        let fm = FileManager.default
        if fm.fileExists(atPath: databasePath(root)) {
            throw PhieuKinError(.alreadyExists, "\(root) already holds a PhieuKin workspace; nothing was changed.")
        }
        if fm.fileExists(atPath: root + "/keys/agency.pem") || !roundKeyNames(root: root).isEmpty {
            throw PhieuKinError(
                .workspaceDamaged,
                "\(root) holds the keys of a workspace whose database is missing; restore the workspace from its "
                    + "backup into a new folder instead of creating a new workspace over it. Nothing was changed.",
                next: [.restoreBackup])
        }
        // Everything this creates is removed again if a later step fails (a full disk): a failed
        // init leaves the folder as it found it, so "nothing was changed" stays true and `init`
        // can be run again. Nothing it did not create is touched.
        var created: [String] = []
        do {
            try createFolders(root, created: &created)
            let privatePath = root + "/keys/agency.pem"
            created.append(privatePath)
            try KeyFiles.writePrivate(try key.pemRepresentation(passphrase: passphrase), to: privatePath)
            created.append(root + "/keys/agency.pub.pem")
            try KeyFiles.writePublic(key.publicKey.pemRepresentation, to: root + "/keys/agency.pub.pem")
            let database = databasePath(root)
            created += [database, database + "-wal", database + "-shm"].filter { !fm.fileExists(atPath: $0) }
            let store = try Store(creatingAt: database)
            try store.setMeta("agency", agency.nfc)
            try store.setMeta(Self.agencyKeyMetaKey, key.publicKey.fingerprint)
            try store.setMeta(AgencyProfile.kindKey, profile.kind.rawValue)
            if let superior = profile.superior { try store.setMeta(AgencyProfile.superiorKey, superior) }
            if let place = profile.place { try store.setMeta(AgencyProfile.placeKey, place) }
            try store.setMeta("createdOn", CivilDate.today().description)
        } catch {
            for path in created.reversed() { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        let agency = agency.nfc
        let privatePath = root + "/keys/agency.pem"
        let publicPath = root + "/keys/agency.pub.pem"
        let workspace = try Workspace(root: root)
        let summary = InitSummary(
            root: root, agency: agency, publicKeyFingerprint: key.publicKey.fingerprint,
            privateKeyPath: privatePath, publicKeyPath: publicPath, encrypted: passphrase != nil)
        return (workspace, summary)
    }

    /// The meta entry naming the agency key registered at `init` (its fingerprint): every
    /// signature checks the key file against it first.
    static let agencyKeyMetaKey = "agencyKeyFingerprint"

    /// The workspace's folders, owner-only (0700) whatever the umask; a folder that already exists
    /// (e.g. the current directory) keeps its mode. Appends each folder it made to `created`.
    private static func createFolders(_ root: String, created: inout [String]) throws {
        let fm = FileManager.default
        do {
            for folder in [root, root + "/keys", root + "/keys/rounds", root + "/ballots"]
            where !fm.fileExists(atPath: folder) {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                created.append(folder)
                try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
            }
            try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: root + "/keys")
            try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: root + "/keys/rounds")
        } catch {
            throw PhieuKinError(.fileAccess, "cannot create \(root): \(error.localizedDescription)", underlying: error)
        }
    }

    /// Writes a backup's database bytes as a new database file (the one place, with `create`,
    /// that makes an SQLite store).
    static func restoreDatabase(_ bytes: [UInt8], at path: String) throws {
        try Store.restoreSnapshot(bytes, to: path)
    }

    /// The agency name printed on ballots and reports.
    public var agencyName: String { rounds.agencyName }

    /// Drops the agency's signing key from memory (OpenSSL clears it); the next signature opens
    /// the key file again. A long-running front end calls this when it stops signing.
    public func releaseSigningKey() {
        context.agencyKey.release()
    }

    /// The public key as staff share it with auditors: PEM and fingerprint.
    public func agencyPublicKeyInfo() throws -> (pem: String, fingerprint: String) {
        let key = try rounds.agencyPublicKey()
        return (key.pemRepresentation, key.fingerprint)
    }

    /// The workspace directory from a flag, else PHIEUKIN_WORKSPACE, else the current directory.
    public static func resolveRoot(_ flag: String?) -> String {
        if let flag, !flag.isEmpty { return absolute(flag) }
        if let env = ProcessInfo.processInfo.environment["PHIEUKIN_WORKSPACE"], !env.isEmpty { return absolute(env) }
        return FileManager.default.currentDirectoryPath
    }

    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }
}
