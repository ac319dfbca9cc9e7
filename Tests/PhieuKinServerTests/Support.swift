import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PhieuKin
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinServer
import PhieuKinTestSupport

/// A real workspace for the server: roster, one open round, access codes read back from the
/// printed slips (as a voter would read them).
struct ServerFixture {
    let workspace: Workspace
    let dir: String
    let round: RoundID
    let codes: [String]

    static let roster = """
        unit_id,unit_name,official_id,full_name,position
        TO,Tổ một cửa,A1,Nguyễn Văn An,Tổ trưởng
        TO,Tổ một cửa,A2,Trần Thị Bình,Chuyên viên
        TO,Tổ một cửa,A3,Lê Văn Cường,Chuyên viên

        """

    /// A workspace with a roster and no round.
    static func empty() throws -> (Workspace, String) {
        let dir = try TemporaryFiles.directory("server").path
        let (workspace, _) = try Workspace.create(at: dir, agency: "UBND Phường Thử")
        try roster.write(toFile: dir + "/roster.csv", atomically: true, encoding: .utf8)
        _ = try workspace.rounds.importRoster(path: dir + "/roster.csv")
        return (workspace, dir)
    }

    /// A workspace with one open numbered round of `survey` and `codes` access codes on slips.
    static func make(
        codes count: Int = 4, survey: SurveyID = "quarterly-7", period: String = "2026-Q4"
    ) throws
        -> ServerFixture
    {
        let (workspace, dir) = try empty()
        let summary = try workspace.rounds.openRound(
            RoundRequest(surveyID: survey, period: period, unitID: "TO", ballots: count, numbered: true))
        let pdf = dir + "/slips.pdf"
        _ = try workspace.rounds.printSlips(
            roundID: summary.id, to: pdf, language: .vi, publicURL: "https://phieu.example.gov.vn")
        let text = try ExternalTool.run("/usr/bin/pdftotext", ["-layout", pdf, "-"]).stdout
        try FileManager.default.removeItem(atPath: pdf)
        return ServerFixture(workspace: workspace, dir: dir, round: summary.id, codes: accessCodes(in: text))
    }

    /// Opens another numbered round of the same survey in this workspace (another period) and
    /// returns it with its codes, read back from its slips.
    func anotherRound(period: String, codes count: Int = 2) throws -> (round: RoundID, codes: [String]) {
        let summary = try workspace.rounds.openRound(
            RoundRequest(surveyID: "quarterly-7", period: period, unitID: "TO", ballots: count, numbered: true))
        let pdf = dir + "/slips-\(period).pdf"
        _ = try workspace.rounds.printSlips(
            roundID: summary.id, to: pdf, language: .vi, publicURL: "https://phieu.example.gov.vn")
        let text = try ExternalTool.run("/usr/bin/pdftotext", ["-layout", pdf, "-"]).stdout
        try FileManager.default.removeItem(atPath: pdf)
        return (summary.id, Self.accessCodes(in: text))
    }

    /// A workspace with one open unnumbered round (kiosks rate those: no code per rating).
    static func unnumbered(
        survey: SurveyID = "one-stop-desk", period: String = "2026-11", kioskDailyCap: Int = 500
    )
        throws -> ServerFixture
    {
        let (workspace, dir) = try empty()
        var request = RoundRequest(surveyID: survey, period: period, unitID: "TO", ballots: 50, numbered: false)
        request.kioskDailyCap = kioskDailyCap
        let summary = try workspace.rounds.openRound(request)
        return ServerFixture(workspace: workspace, dir: dir, round: summary.id, codes: [])
    }

    /// Codes as printed: groups of letters and digits joined by dashes (at least three groups).
    static func accessCodes(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\\b[0-9A-Z*~$=]{3,6}(?:-[0-9A-Z*~$=]{3,6}){2,}\\b")
        var seen = Set<String>()
        var codes: [String] = []
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let code = String(text[Range(match.range, in: text)!])
            if seen.insert(code).inserted { codes.append(code) }
        }
        return codes
    }
}

/// Collects every log record (at trace level), to check what the server writes.
final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [String] = []

    func append(_ record: String) { lock.withLock { records.append(record) } }
    var all: [String] { lock.withLock { records } }

    var logger: Logger {
        var logger = Logger(label: "phieukin.test") { _ in CollectingHandler(collector: self) }
        logger.logLevel = .trace
        return logger
    }

    struct CollectingHandler: LogHandler {
        let collector: LogCollector
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.MetadataValue? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(
            level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
            file: String, function: String, line: UInt
        ) {
            let all = self.metadata.merging(metadata ?? [:]) { $1 }
            collector.append("\(level) \(source) \(message) \(all)")
        }
    }
}

extension ServerOptions {
    /// Test options: a fast brake, no timer ticks during a test.
    static func testing(
        attemptLimit: Int = 5, behindTLS: Bool = false, host: String = "127.0.0.1", trustedProxies: [String] = []
    ) -> ServerOptions {
        ServerOptions(
            host: host, port: 0, publicURL: "https://phieu.example.gov.vn", behindTLS: behindTLS,
            reportEvery: .seconds(3600), attemptLimit: attemptLimit, attemptWindowSeconds: 600,
            trustedProxies: trustedProxies)
    }
}

func makeApp(
    _ workspace: Workspace, _ options: ServerOptions = .testing(), logger: Logger = Logger(label: "phieukin.test")
) -> some ApplicationProtocol {
    PhieuKinServer.makeApplication(workspace: workspace, options: options, logger: logger)
}

/// A JSON body.
func json(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
}

let jsonHeaders: HTTPFields = [.contentType: "application/json"]

extension TestResponse {
    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }
    var text: String { String(buffer: body) }
}

/// The ballot bytes of docs/FORMAT.md, "Ballot", as the page builds them.
func ballotBytes(round: String, survey: String, answers: [String: String], remark: String? = nil) throws -> [UInt8] {
    var ballot: [String: JSONValue] = [
        "answers": .object(answers.mapValues { .string($0) }), "round": .string(round), "survey": .string(survey),
        "v": .number(1),
    ]
    if let remark { ballot["remark"] = .string(remark) }
    return try JSONValue.object(ballot).canonicalBytes
}

/// Seals ballot bytes as the page does, to the definition's key and context.
func seal(_ bytes: [UInt8], definition: [String: Any]) throws -> [UInt8] {
    let seal = definition["seal"] as! [String: Any]
    let key = try X25519PublicKey(rawRepresentation: hexBytes(seal["public_key"] as! String))
    return try SealedBox.seal(bytes, to: key, context: Array((seal["context"] as! String).utf8))
}

/// The receipt of a box: hex(SHA-256(0x00 ‖ FF FF FF FF ‖ box)).
func receipt(of box: [UInt8]) -> String {
    SHA256.hash([0x00, 0xFF, 0xFF, 0xFF, 0xFF] + box).map { String(format: "%02x", $0) }.joined()
}

func hexBytes(_ hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        bytes.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return bytes
}
