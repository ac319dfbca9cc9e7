import Foundation
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages
import PhieuKinStorage

/// What every service of one workspace shares: where it is, its storage and the custody of the
/// agency's signing key. Immutable apart from the key custody, which guards itself.
struct WorkspaceContext: Sendable {
    let root: String
    let store: any WorkspaceStorage
    let agencyKey = AgencyKeyCustody()
    let electronic = ElectronicState()
}

/// The agency's Ed25519 signing key, opened once per process when first needed (reading the key
/// file and, for an encrypted key, using the passphrase), then reused by every signature: a server
/// signing a head per electronic ballot does not decrypt the PKCS#8 file each time.
///
/// `release()` drops it; OpenSSL clears the key's memory when the last reference goes
/// (`EVP_PKEY_free`), and the key file's bytes read here are overwritten as soon as they are
/// parsed. A command-line process holds the key only while it runs.
final class AgencyKeyCustody: @unchecked Sendable {
    // @unchecked: `key` is only touched under `lock`.
    private let lock = NSLock()
    private var key: Ed25519PrivateKey?

    func key(open: () throws -> Ed25519PrivateKey) throws -> Ed25519PrivateKey {
        lock.lock()
        defer { lock.unlock() }
        if let key { return key }
        let opened = try open()
        key = opened
        return opened
    }

    func release() {
        lock.lock()
        key = nil
        lock.unlock()
    }
}

/// One of a workspace's services (`RoundService`, `IntakeService`, `TallyService`,
/// `AuditService`, `ReportService`). What they share — paths, keys, survey definitions, the
/// committed history — lives in extensions of this protocol, internal to the module; each
/// service's public API is its own.
protocol WorkspaceService: Sendable {
    var context: WorkspaceContext { get }
}

extension WorkspaceService {
    var root: String { context.root }
    var store: any WorkspaceStorage { context.store }

    var databasePath: String { Workspace.databasePath(root) }
    var keysDirectory: String { root + "/keys" }
    var ballotsDirectory: String { root + "/ballots" }
    var agencyKeyPath: String { keysDirectory + "/agency.pem" }
    var agencyPublicKeyPath: String { keysDirectory + "/agency.pub.pem" }
    var roundKeysDirectory: String { keysDirectory + "/rounds" }

    /// The agency name printed on ballots and reports.
    var agencyName: String {
        (try? store.meta("agency")) ?? "PhieuKin"
    }

    /// The agency's public signing key (no passphrase needed).
    func agencyPublicKey() throws -> Ed25519PublicKey {
        do {
            return try Ed25519PublicKey(pemRepresentation: try KeyFiles.readText(agencyPublicKeyPath))
        } catch let error as PhieuKinError {
            throw error
        } catch {
            throw PhieuKinError.keyFile(
                "\(agencyPublicKeyPath) is not an Ed25519 public key: \(error)", underlying: error)
        }
    }

    /// The agency's signing key, refused if other users can read the file; opened once per
    /// process (see `AgencyKeyCustody`).
    func agencySigningKey(passphrase: [UInt8]?) throws -> Ed25519PrivateKey {
        try context.agencyKey.key {
            var pem = try KeyFiles.readPrivateBytes(agencyKeyPath)
            defer { KeyFiles.wipe(&pem) }
            if pem.starts(with: Array("-----BEGIN ENCRYPTED".utf8)) && passphrase == nil {
                throw PhieuKinError(
                    .passphraseNeeded, "\(agencyKeyPath) is encrypted: the agency passphrase is needed.",
                    next: [.giveAgencyPassphrase])
            }
            let key: Ed25519PrivateKey
            do {
                key = try Ed25519PrivateKey(pemBytes: pem, passphrase: passphrase)
            } catch {
                throw PhieuKinError.cannotOpenKey(
                    agencyKeyPath, error, check: "the passphrase file, or that the key is an Ed25519 PKCS#8 PEM")
            }
            try requireRegistered(key)
            return key
        }
    }

    /// Refuses a signing key that is not the workspace's own (another workspace's key copied over
    /// it would sign heads that never verify): its fingerprint must be the one registered at
    /// `init`, or, for a workspace made before that was kept, agency.pub.pem's.
    private func requireRegistered(_ key: Ed25519PrivateKey) throws {
        let registered = try store.meta(Workspace.agencyKeyMetaKey) ?? agencyPublicKey().fingerprint
        let actual = key.publicKey.fingerprint
        guard actual == registered else {
            throw PhieuKinError(
                .keyFile,
                "\(agencyKeyPath) is not this workspace's agency key (its fingerprint is \(actual); the workspace's is "
                    + "\(registered)): nothing was signed. Put the workspace's own key back, from its backup.")
        }
    }
}

/// Surveys, roster, rounds: opening, printing ballots and slips, closing and voiding.
public struct RoundService: WorkspaceService {
    let context: WorkspaceContext
}

/// Ballots in: keyed files and ballots handed in already parsed, and the quarantine.
public struct IntakeService: WorkspaceService {
    let context: WorkspaceContext
}

/// Opening a closed round with the committee's key and counting it; flags; the results log.
public struct TallyService: WorkspaceService {
    let context: WorkspaceContext
}

/// `verify` of every log, and public audit bundles.
public struct AuditService: WorkspaceService {
    let context: WorkspaceContext
}

/// Round and flags reports in every format.
public struct ReportService: WorkspaceService {
    let context: WorkspaceContext
}
