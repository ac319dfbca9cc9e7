import Foundation
public import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages

/// What a booth or kiosk page renders: the same ballot as on paper, in one language, with what the
/// page needs to seal it (docs/WEB.md, "POST /api/code"). Encoded with snake_case keys as shown there.
public struct BallotDefinition: Sendable, Codable, Equatable {
    public struct Criterion: Sendable, Codable, Equatable {
        public var id: String
        public var label: String
        public var shortLabel: String
    }
    public struct Choice: Sendable, Codable, Equatable {
        public var code: String
        public var label: String
    }
    public struct OfficialRow: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var title: String
        public var unit: String
    }
    public struct QuestionRow: Sendable, Codable, Equatable {
        public var id: String
        public var label: String
    }
    public struct Remark: Sendable, Codable, Equatable {
        public var allowed: Bool
        public var maxLength: Int
    }
    public struct Seal: Sendable, Codable, Equatable {
        /// Hex of the round's 32-byte X25519 tally public key.
        public var publicKey: String
        /// `phieukin e-ballot v1|<round id>`: the sealed-box context (docs/FORMAT.md).
        public var context: String
    }

    public var round: String
    public var survey: String
    /// `grid`, `official-choice` or `questions`.
    public var shape: String
    public var title: String
    public var instructions: String
    public var period: String
    public var unit: String
    public var language: String
    /// Grid surveys: the code a marked box carries. Nil otherwise.
    public var markCode: String?
    public var criteria: [Criterion]
    public var choices: [Choice]
    public var officials: [OfficialRow]
    public var questions: [QuestionRow]
    public var remark: Remark
    public var seal: Seal
    /// Kiosk only: the desk's name and the least time between two ratings.
    public var desk: String?
    public var minIntervalSeconds: Int?
}

/// Why a cast, a code look-up or a kiosk call was refused. `code` is what the HTTP API returns
/// (docs/WEB.md, "Errors"); `reason` is English for the operator and never quotes a code, a token
/// or ballot content. Nothing is stored when one is thrown.
public struct CastError: Error, Sendable, Equatable, CustomStringConvertible, MessageConvertible {
    public enum Code: String, Sendable, CaseIterable {
        case badRequest = "bad-request"
        case malformedSealed = "malformed-sealed"
        case unknownCode = "unknown-code"
        case codeUsed = "code-used"
        case alreadyCast = "already-cast"
        case wrongKey = "wrong-key"
        case unknownRound = "unknown-round"
        case roundClosed = "round-closed"
        case unknownKiosk = "unknown-kiosk"
        case enrolmentUsed = "enrolment-used"
        case kioskTooFast = "kiosk-too-fast"
        case kioskDailyCap = "kiosk-daily-cap"
        case roundFull = "round-full"
    }
    public var code: Code
    public var message: Message
    /// The message in English.
    public var reason: String { message.description }
    public init(_ code: Code, _ reason: Message) {
        self.code = code
        self.message = reason
    }
    public var description: String { reason }
    public static func == (a: Self, b: Self) -> Bool { a.code == b.code }
}

/// What a voter gets back for an accepted electronic ballot.
public struct CastReceipt: Sendable, Equatable, Codable {
    /// Hex of the ballot's Merkle leaf hash `SHA-256(0x00 ‖ FF FF FF FF ‖ box)` (docs/WEB.md).
    public var receipt: String
    /// True when this server already held the box: a kiosk's resend, or a voter's retry with the
    /// code and the very box it cast (counted once).
    public var duplicate: Bool
    public init(receipt: String, duplicate: Bool = false) {
        self.receipt = receipt
        self.duplicate = duplicate
    }
}

/// A kiosk's enrolment, as the tablet keeps it.
public struct KioskEnrolment: Sendable, Equatable {
    /// The kiosk's secret (kept in the tablet's local storage; stored only hashed).
    public var kioskToken: String
    public var desk: String
    public var roundID: RoundID
    public var minIntervalSeconds: Int
}

/// Per-kiosk counts shown to staff (never per ballot).
public struct KioskCount: Sendable, Equatable, Codable {
    public var desk: String
    /// The day these counts are for (`yyyy-MM-dd`, local date of the server).
    public var day: String
    public var today: Int
    public var total: Int
}

extension WorkspaceService {
    /// The round's ballot as a booth or kiosk shows it: the same rows, columns and texts as the
    /// printed ballot (`ballotDocument`), with the ids and codes the form posts.
    func definition(of round: Round, language: Language) throws -> BallotDefinition {
        let survey = try survey(ofRound: round)
        let units = try store.roundUnits(roundID: round.id)
        var unitNames: [UnitID: String] = [:]
        for unit in units { unitNames[unit] = try unitName(unit) }
        let officials = try store.roundOfficials(roundID: round.id).map { official in
            BallotDefinition.OfficialRow(
                id: official.officialID.rawValue, name: official.fullName, title: official.title,
                unit: unitNames[official.unitID ?? round.unitID] ?? "")
        }
        let isGrid = survey.shape == .grid
        return BallotDefinition(
            round: round.id.rawValue, survey: survey.id.rawValue, shape: survey.shape.rawValue,
            title: survey.title.text(language), instructions: survey.instructions.text(language),
            period: Period(round.period)?.display(language) ?? round.period,
            unit: units.map { unitNames[$0] ?? $0.rawValue }.joined(separator: " – "), language: language.rawValue,
            markCode: isGrid ? survey.choices.first?.code : nil,
            criteria: survey.criteria.map {
                .init(id: $0.id.rawValue, label: $0.label.text(language), shortLabel: $0.shortLabel.text(language))
            },
            choices: survey.choices.map { .init(code: $0.code, label: $0.label.text(language)) },
            officials: survey.shape == .questions ? [] : officials,
            questions: survey.questions.map { .init(id: $0.id, label: $0.label.text(language)) },
            remark: .init(allowed: survey.remark.allowed, maxLength: survey.remark.maxLength),
            seal: .init(
                publicKey: Hex.encode(round.tallyPublicKey),
                context: String(decoding: BallotLog.electronicContext(round.id), as: UTF8.self)),
            desk: nil, minIntervalSeconds: nil)
    }
}
