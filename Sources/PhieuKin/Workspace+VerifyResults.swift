import Foundation
import PhieuKinCore
import PhieuKinCrypto
public import PhieuKinMessages
import PhieuKinStorage

/// What the results-log check found. `problems` name the round (or head) concerned.
public struct ResultsVerification: Sendable, Codable, Equatable {
    public var results: Int
    public var flags: Int
    public var heads: Int
    public var problems: [Message]
    public var ok: Bool { problems.isEmpty }
}

extension WorkspaceService {
    /// The results log's step of `phieukin verify` (the extension point in Workspace+Verify.swift).
    func verifyResultsLog(into report: inout VerificationReport) throws {
        let check = try verifyResults()
        report.otherProblems += check.problems
        // Each result names the close head it was counted from: the one the ballot log verified here.
        let closes = Dictionary(report.rounds.map { ($0.round, $0) }, uniquingKeysWith: { a, _ in a })
        for leaf in try store.resultsLogSnapshot().leaves {
            guard case .result(let roundID, _, _, _)? = ResultsLogLeaf.parse(leaf.data),
                let named = ResultsLogLeaf.closeHead(ofLeaf: leaf.data), let round = closes[roundID]
            else { continue }
            if named.root != round.closeRoot || named.seq != round.closeSeq || named.size != round.closeSize {
                report.otherProblems.append(
                    "round \(roundID): its result names close head \(named.seq) (size \(named.size)), which is not the "
                        + "signed close head of its ballot log")
            }
        }
        report.checked.append(
            "results log (\(check.results) results, \(check.flags) flags recomputed, \(check.heads) signed heads)")
    }

    /// Verifies the agency's results log (the `verify` step for issue 5):
    ///
    /// 1. every signed head: valid agency signature, a results-log body whose root is the Merkle
    ///    root of the first `size` leaves, sizes growing with a valid consistency proof between
    ///    consecutive heads, and the last head covering every leaf;
    /// 2. every leaf: its result and flags are byte-for-byte the stored ones (and the stored
    ///    sealed remarks hash to what it says), every stored result has a leaf;
    /// 3. every flag recomputed from the committed results with `FlagRules`, each round against
    ///    the rounds committed before it, equals the committed and stored flags.
    func verifyResults() throws -> ResultsVerification {
        let snapshot = try store.resultsLogSnapshot()
        let publicKey = try agencyPublicKey()
        var problems: [Message] = []
        let hashes = snapshot.leaves.map { Merkle.leafHash($0.data) }

        // 1. Heads: each root recomputed from a prefix of the stored leaves (see `PrefixRoots`).
        let prefixRoots = PrefixRoots(
            leafHashes: hashes, sizes: snapshot.heads.compactMap { TreeHead.parse($0.body)?.size })
        var previous: (size: Int, root: [UInt8])?
        for (position, head) in snapshot.heads.enumerated() {
            let name = "results-log head \(head.seq)"
            guard publicKey.isValidSignature(head.signature, for: head.body) else {
                problems.append("\(name): the signature is not valid")
                continue
            }
            guard let signed = TreeHead.parse(head.body), signed.log == .results else {
                problems.append("\(name): the signed body is not a results-log head")
                continue
            }
            let (size, seqValue, root, time) = (signed.size, signed.seq, signed.root, signed.time)
            if !BallotLog.isHeadDate(time) {
                problems.append("\(name): its time \"\(time)\" is not a date (YYYY-MM-DD); heads carry no finer time")
            }
            if Int(seqValue) != head.seq || head.seq != position + 1 {
                problems.append("\(name): sequence numbers are not 1, 2, 3…")
            }
            guard size >= 0, size <= hashes.count else {
                problems.append("\(name): signs \(size) results but the log holds \(hashes.count)")
                continue
            }
            if prefixRoots.root(ofFirst: size) != root {
                problems.append("\(name): the stored results log does not match the signed root")
            }
            if let previous, previous.size > size {
                problems.append("\(name): not an extension of head \(head.seq - 1) (the log was rewritten)")
            }
            previous = (size, root)
        }
        if (previous?.size ?? 0) != hashes.count {
            problems.append(
                "results log: \(hashes.count - (previous?.size ?? 0)) result(s) are not covered by a signed head")
        }

        // 2. Leaves against stored rows.
        let resultsByRound = Dictionary(snapshot.results.map { ($0.roundID, $0) }, uniquingKeysWith: { a, _ in a })
        let flagsByRound = Dictionary(grouping: snapshot.flags, by: \.roundID)
        let rounds = Dictionary(snapshot.rounds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var committed: [RoundResult] = []
        var seenRounds = Set<RoundID>()
        var voidedInLog: [RoundID: String] = [:]
        var flagCount = 0
        for leaf in snapshot.leaves {
            switch ResultsLogLeaf.parse(leaf.data) {
            case .void(let roundID, let reason)?:
                // A void recorded beside a committed result: that result leaves the flag history.
                let name = "round \(roundID)"
                if !seenRounds.contains(roundID) {
                    problems.append("results-log leaf \(leaf.idx): voids \(name), which has no earlier result")
                }
                if voidedInLog.updateValue(reason, forKey: roundID) != nil {
                    problems.append("results-log leaf \(leaf.idx): \(name) is voided twice")
                }
                if rounds[roundID]?.state != .voided || rounds[roundID]?.voidReason != reason {
                    problems.append("\(name): voided in the results log but the stored round is not voided so")
                }
                committed.removeAll { $0.roundID == roundID }
            case .result(let roundID, let resultValue, let flagValues, let digest)?:
                guard let resultBody = try? resultValue.canonicalBytes,
                    let result = try? ResultEncoding.decode(RoundResult.self, from: resultBody)
                else {
                    problems.append("results-log leaf \(leaf.idx): not a committed round result")
                    continue
                }
                seenRounds.insert(roundID)
                let leafFlags = flagValues.compactMap { try? $0.canonicalBytes }
                flagCount += leafFlags.count
                let name = "round \(roundID)"
                if let stored = resultsByRound[roundID] {
                    if stored.body != resultBody {
                        problems.append("\(name): the stored result differs from the one committed in the results log")
                    }
                    if stored.logIndex != leaf.idx {
                        problems.append("\(name): the stored result points at another leaf")
                    }
                } else {
                    problems.append("\(name): committed in the results log but its stored result is missing")
                }
                let storedFlags = (flagsByRound[roundID] ?? []).map(\.body).sorted { $0.lexicographicallyPrecedes($1) }
                if storedFlags != leafFlags.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                    problems.append("\(name): the stored flags differ from the ones committed in the results log")
                }
                if let digest, snapshot.remarks[roundID].map({ Hex.encode(SHA256.hash($0)) }) != digest {
                    problems.append("\(name): the sealed remarks differ from the ones committed")
                }
                if let state = rounds[roundID]?.state, state != .tallied && state != .voided {
                    problems.append("\(name): committed but the round is not tallied")
                }

                // 3. Recompute the flags from the results committed before it, voided ones left out.
                if let round = rounds[roundID], let survey = try? survey(ofRound: round) {
                    let recomputed = FlagRules.evaluate(current: result, history: committed, survey: survey)
                    let encoding = ResultEncoding.of(resultBody)
                    let bytes = recomputed.compactMap { try? encoding.encode($0, format: ResultEncoding.flagFormat) }
                    if bytes != leafFlags {
                        problems.append(
                            "\(name): its flags do not follow from the committed results (recomputed \(recomputed.count), committed \(leafFlags.count))"
                        )
                    }
                } else {
                    problems.append("\(name): its survey definition cannot be read to recompute the flags")
                }
                committed.append(result)
            case nil:
                problems.append("results-log leaf \(leaf.idx): not a committed round result")
            }
        }
        for round in snapshot.rounds where round.state == .voided && seenRounds.contains(round.id) {
            if voidedInLog[round.id] == nil {
                problems.append("round \(round.id): voided after its tally but the void is not in the results log")
            }
        }
        for record in snapshot.results where !seenRounds.contains(record.roundID) {
            problems.append("round \(record.roundID): has a stored result that the results log does not hold")
        }
        for round in snapshot.rounds where round.state == .tallied && !seenRounds.contains(round.id) {
            problems.append("round \(round.id): marked tallied but not in the results log")
        }
        return ResultsVerification(
            results: snapshot.leaves.count, flags: flagCount, heads: snapshot.heads.count, problems: problems)
    }
}
