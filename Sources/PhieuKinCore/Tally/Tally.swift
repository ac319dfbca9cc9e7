/// Counts the decrypted ballots of one round.
///
/// One pass over the ballots; every answer is placed with two dictionary look-ups into tables
/// built once (question id → row, code → column) and added to a flat `[Int]`. Nothing is
/// allocated per ballot except the remark strings that are kept.
public enum Tally {
    /// Counts `ballots` and shuffles remarks with the system generator.
    public static func count(
        _ ballots: some Sequence<Ballot>, survey: Survey, officials: [Official], round: RoundInfo
    ) -> RoundResult {
        var generator = SystemRandomNumberGenerator()
        return count(ballots, survey: survey, officials: officials, round: round, using: &generator)
    }

    /// Counts `ballots`; remarks are shuffled with `generator` (pass a CSPRNG-backed one) so
    /// their order says nothing about the order ballots were keyed in.
    ///
    /// - Parameter officials: the officials printed on this round's ballots; rows follow `order`.
    public static func count<G: RandomNumberGenerator>(
        _ ballots: some Sequence<Ballot>, survey: Survey, officials: [Official], round: RoundInfo,
        using generator: inout G
    ) -> RoundResult {
        let kind = TallyKind(survey)
        let roster = officials.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        let codes = survey.choices.map(\.code)
        let codeIndex = Dictionary(codes.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let width = max(codes.count, 1)

        // Question ids in row order.
        let questionIDs = QuestionID.all(of: survey, officials: roster.map(\.id)).map(\.text)
        let questionIndex = Dictionary(
            questionIDs.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })

        var counts = [Int](repeating: 0, count: questionIDs.count * width)
        var counted = 0
        var blank = 0
        var anomalies = RoundResult.Anomalies()
        var remarks: [String] = []

        counts.withUnsafeMutableBufferPointer { cells in
            for ballot in ballots {
                guard ballot.surveyID == survey.id, ballot.roundID == round.roundID else {
                    anomalies.foreignBallots += 1
                    continue
                }
                counted += 1
                if ballot.answers.isEmpty && (ballot.remark ?? "").isEmpty { blank += 1 }
                for (question, code) in ballot.answers {
                    guard let row = questionIndex[question] else {
                        anomalies.unknownQuestions += 1
                        continue
                    }
                    guard let column = codeIndex[code] else {
                        anomalies.unknownCodes += 1
                        continue
                    }
                    cells[row &* width &+ column] &+= 1
                }
                if let remark = ballot.remark, !remark.isEmpty {
                    if survey.remark.allowed {
                        let trimmed = remark.trimmingWhitespace()
                        if !trimmed.isEmpty { remarks.append(trimmed) }
                    } else {
                        anomalies.disallowedRemarks += 1
                    }
                }
            }
        }
        remarks.shuffle(using: &generator)

        let minimum = max(3, survey.policy.minRespondents)
        func row(_ index: Int) -> ArraySlice<Int> { counts[(index * width)..<(index * width + codes.count)] }

        let result: RoundResult.Counts
        switch kind {
        case .grid:
            let criteria = survey.criteria.map(\.id)
            var index = 0
            var rows: [RoundResult.GridRow] = []
            rows.reserveCapacity(roster.count)
            // A round over several units names each official's unit, so flags follow the unit.
            let severalUnits = Set(roster.map(\.unitID)).count > 1
            for official in roster {
                var cells: [RoundResult.GridCell] = []
                for criterion in criteria {
                    // Any of the survey's mark codes counts as a mark.
                    cells.append(.init(criterionID: criterion, marked: row(index).reduce(0, +), valid: counted))
                    index += 1
                }
                rows.append(
                    .init(officialID: official.id, unitID: severalUnits ? official.unitID : nil, cells: cells))
            }
            result = .grid(.init(criterionIDs: criteria, rows: rows))

        case .confidenceVote:
            let policy = survey.policy
            let electorate = round.electorate
            let denominator = electorate ?? counted
            let quorumMet: Bool
            if let electorate {
                quorumMet = policy.quorum.map { $0.isReached(count: counted, of: electorate) } ?? (electorate > 0)
            } else {
                quorumMet = false
            }
            let valid = quorumMet && counted <= (electorate ?? 0)
            let lowColumn = policy.lowConfidenceCode.flatMap { codeIndex[$0] }
            var rows: [RoundResult.ConfidenceRow] = []
            for (index, official) in roster.enumerated() {
                let values = Array(row(index))
                let levels = zip(codes, values).map {
                    RoundResult.LevelCount(code: $0, share: Share($1, of: denominator))
                }
                let low = lowColumn.map { Share(values[$0], of: denominator) }
                let met =
                    valid
                    ? policy.thresholds.filter { t in low.map { t.isMet(count: $0.count, of: $0.total) } ?? false } : []
                rows.append(
                    .init(
                        officialID: official.id, levels: levels, blank: counted - values.reduce(0, +), low: low,
                        thresholdsMet: met.map(\.id)))
            }
            result = .confidenceVote(
                .init(
                    electorate: electorate, returned: counted, quorum: policy.quorum, quorumMet: quorumMet,
                    valid: valid, lowConfidenceCode: policy.lowConfidenceCode, rows: rows))

        case .rating:
            var rows: [RoundResult.RatingRow] = []
            for (index, official) in roster.enumerated() {
                let values = Array(row(index))
                let answered = values.reduce(0, +)
                let levels = zip(codes, values).map { RoundResult.LevelCount(code: $0, share: Share($1, of: answered)) }
                rows.append(
                    .init(officialID: official.id, levels: levels, answered: answered, blank: counted - answered))
            }
            result = .rating(.init(rows: rows))

        case .satisfaction:
            let satisfied = Set(survey.policy.satisfiedCodes)
            var questions: [RoundResult.QuestionCounts] = []
            var allSatisfied = 0
            var allAnswered = 0
            for (index, question) in survey.questions.enumerated() {
                let values = Array(row(index))
                let answered = values.reduce(0, +)
                let happy = zip(codes, values).reduce(0) { satisfied.contains($1.0) ? $0 + $1.1 : $0 }
                allSatisfied += happy
                allAnswered += answered
                let levels = zip(codes, values).map { RoundResult.LevelCount(code: $0, share: Share($1, of: answered)) }
                questions.append(
                    .init(
                        questionID: question.id, levels: levels, answered: answered, blank: counted - answered,
                        index: Share(happy, of: answered)))
            }
            result = .satisfaction(
                .init(channel: round.channel, questions: questions, overall: Share(allSatisfied, of: allAnswered)))
        }

        var tallied = RoundResult(
            roundID: round.roundID, surveyID: survey.id, surveyVersion: survey.version, unitID: round.unitID,
            period: round.period, channel: round.channel, kind: kind, ballotsCounted: counted,
            electorate: round.electorate, issued: round.issued, minRespondents: minimum, suppressed: counted < minimum,
            counts: result, remarks: remarks, anomalies: anomalies)
        tallied.blankBallots = blank > 0 ? blank : nil
        return tallied
    }
}

extension String {
    /// Trims Unicode whitespace at both ends without Foundation.
    fileprivate func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
