import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinCrypto
import PhieuKinMessages

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `phieukin-bench vote`: casts ballots over the booth's HTTP API exactly as the page does (the
/// ballot sealed here, to the round's key, before it is sent) — for `make demo`, which casts a
/// few ballots through the real server, and for trying a server by hand. Not a voter's tool: a
/// code on a command line is visible to other users of the machine.
struct VoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote", abstract: "Cast e-ballots over HTTP as the booth or the kiosk page does (demo client).")
    @Option(help: "The server, e.g. http://127.0.0.1:8080.") var url: String
    @Option(help: "An access code (booth).") var code: String?
    @Option(help: "A kiosk enrolment token (kiosk): enrols, then casts one rating per --rating.") var kiosk: String?
    @Option(help: "question=code, e.g. CB01.dao-duc=x; repeat.") var mark: [String] = []
    @Option(help: "Kiosk ratings: a choice code per rating; repeat.") var rating: [String] = []

    func run() throws {
        if let code {
            let definition = try Self.post(url + "/api/code", ["code": code], expect: 200)
            var answers: [String: String] = [:]
            for item in mark {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ValidationError("--mark takes question=code") }
                answers[parts[0]] = parts[1]
            }
            let sealed = try Self.seal(answers, definition: definition)
            let reply = try Self.post(
                url + "/api/ballots",
                ["code": code, "round": definition["round"] as? String ?? "", "sealed": sealed], expect: 201)
            print("receipt \(reply["receipt"] as? String ?? "?")")
        } else if let kiosk {
            let enrolment = try Self.post(url + "/api/kiosk/enrol", ["token": kiosk], expect: 200)
            let token = enrolment["kiosk"] as? String ?? ""
            let definition = try Self.post(url + "/api/kiosk/ballot", ["kiosk": token], expect: 200)
            let question = (definition["questions"] as? [[String: Any]])?.first?["id"] as? String ?? ""
            for choice in rating {
                let sealed = try Self.seal([question: choice], definition: definition)
                let reply = try Self.post(
                    url + "/api/kiosk/ballots",
                    ["kiosk": token, "id": Hex.encode(SecureRandom.bytes(16)), "sealed": sealed], expect: 201)
                print("rating \(choice): receipt \(reply["receipt"] as? String ?? "?")")
            }
        } else {
            throw ValidationError("give --code or --kiosk")
        }
    }

    /// The ballot bytes (docs/FORMAT.md, "Ballot") sealed to the round's key; base64.
    static func seal(_ answers: [String: String], definition: [String: Any]) throws -> String {
        guard let round = definition["round"] as? String, let survey = definition["survey"] as? String,
            let seal = definition["seal"] as? [String: Any], let keyHex = seal["public_key"] as? String,
            let context = seal["context"] as? String
        else { throw ValidationError("the server's ballot definition lacks round, survey or seal") }
        let ballot = Ballot(surveyID: SurveyID(survey), roundID: RoundID(round), answers: answers)
        let key = try X25519PublicKey(rawRepresentation: try Hex.decode(keyHex))
        let box = try SealedBox.seal(BallotCodec.encode(ballot), to: key, context: Array(context.utf8))
        return Data(box).base64EncodedString()
    }

    /// POSTs JSON and returns the JSON object answered; a status other than `expect` is an error
    /// carrying the server's message.
    static func post(_ url: String, _ body: [String: String], expect: Int) throws -> [String: Any] {
        let result = HTTP.send(url, body: try JSONSerialization.data(withJSONObject: body))
        let object = result.0.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? [:]
        guard result.1 == expect else {
            FileHandle.standardError.write(
                Data("vote: \(url): HTTP \(result.1): \(object["message"] as? String ?? "no answer")\n".utf8))
            throw ExitCode(1)
        }
        return object
    }
}

/// One blocking HTTP request of the bench's clients (`vote`, `cast`): GET, or POST of a JSON body.
enum HTTP {
    static func send(_ url: String, body: Data? = nil) -> (Data?, Int) {
        var request = URLRequest(url: URL(string: url)!)
        if let body {
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Data?, Int) = (nil, 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            result = (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
            done.signal()
        }.resume()
        done.wait()
        return result
    }
}
