import PhieuKinCore
import PhieuKinMessages

/// A JSON value written by hand so the output is byte-for-byte stable across platforms:
/// keys sorted, two-space indent, shares rounded to 6 decimals, `null` written out.
enum ReportJSONValue {
    case null
    case bool(Bool)
    case int(Int)
    /// A share in [0, 1], written with at most 6 decimals.
    case share(Double)
    case string(String)
    case array([ReportJSONValue])
    case object([String: ReportJSONValue])

    static func optional<T>(_ value: T?, _ transform: (T) -> ReportJSONValue) -> ReportJSONValue {
        value.map(transform) ?? .null
    }

    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .int(let value): out += Array(String(value).utf8)
        case .share(let value): out += Array(Self.decimal(value).utf8)
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let values):
            guard !values.isEmpty else {
                out += Array("[]".utf8)
                return
            }
            out += Array("[\n".utf8)
            for (i, value) in values.enumerated() {
                out += Array(repeating: UInt8(ascii: " "), count: indent + 2)
                value.write(into: &out, indent: indent + 2)
                out += Array((i == values.count - 1 ? "\n" : ",\n").utf8)
            }
            out += Array(repeating: UInt8(ascii: " "), count: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                out += Array("{}".utf8)
                return
            }
            out += Array("{\n".utf8)
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (i, key) in keys.enumerated() {
                out += Array(repeating: UInt8(ascii: " "), count: indent + 2)
                Self.writeString(key, into: &out)
                out += Array(": ".utf8)
                members[key]!.write(into: &out, indent: indent + 2)
                out += Array((i == keys.count - 1 ? "\n" : ",\n").utf8)
            }
            out += Array(repeating: UInt8(ascii: " "), count: indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Up to 6 decimals, trailing zeros dropped: 0.416667, 0.5, 1, 0.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let millionths = Int((abs(value) * 1_000_000).rounded(.toNearestOrAwayFromZero))
        let sign = value < 0 && millionths != 0 ? "-" : ""
        var fraction = String(millionths % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return sign + String(millionths / 1_000_000) + (fraction.isEmpty ? "" : "." + fraction)
    }

    private static func writeString(_ value: String, into out: inout [UInt8]) {
        CanonicalJSON.appendEscapedString(value, into: &out)
    }
}

extension ReportRenderer {
    /// Version of the JSON layout in docs/REPORT-JSON.md; bumped on any incompatible change.
    public static let jsonSchemaVersion = 1

    /// The round report as JSON (UTF-8, sorted keys). Language-neutral: ids and codes, plus
    /// names and labels in both languages where a reader needs them.
    public static func json(_ report: RoundReport) -> [UInt8] {
        var object: [String: ReportJSONValue] = [
            "schema": .string("phieukin.round-report"),
            "schema_version": .int(jsonSchemaVersion),
            "generated": .string(ReportStrings.isoDate(report.generated)),
            "round_id": .string(report.info.roundID.rawValue),
            "survey_id": .string(report.survey.id.rawValue),
            "survey_version": .int(report.survey.version),
            "kind": .string(report.view.kind.rawValue),
            "unit_id": .string(report.info.unitID.rawValue),
            "unit_name": .string(report.info.unitName),
            "period": .string(report.info.period.description),
            "channel": .string(report.info.channel.rawValue),
            "flags": .array(report.flagged.map(flagJSON)),
        ]
        switch report.view.content {
        case .tooFewBallots(let minimum):
            object["suppressed"] = .bool(true)
            object["min_respondents"] = .int(minimum)
            object["ballots_counted"] = .null
            object["electorate"] = .null
            object["issued"] = .null
            object["invalid_ballots"] = .null
            object["summary"] = .null
            object["remarks"] = .array([])
            object["remarks_sealed"] = .bool(false)
            object["anomalies"] = .null
        case .shown(let shown):
            object["suppressed"] = .bool(false)
            object["ballots_counted"] = .int(shown.ballotsCounted)
            object["invalid_ballots"] = .int(shown.invalidBallots)
            object["electorate"] = .optional(shown.electorate, ReportJSONValue.int)
            object["issued"] = .optional(shown.issued, ReportJSONValue.int)
            object["summary"] = summaryJSON(shown.counts, report: report)
            object["remarks"] = .array(shown.remarks.map(ReportJSONValue.string))
            object["remarks_sealed"] = .bool(report.remarksWithheld)
            object["anomalies"] = .object([
                "foreign_ballots": .int(shown.anomalies.foreignBallots),
                "unknown_questions": .int(shown.anomalies.unknownQuestions),
                "unknown_codes": .int(shown.anomalies.unknownCodes),
                "disallowed_remarks": .int(shown.anomalies.disallowedRemarks),
            ])
            object["min_respondents"] = .int(max(3, report.survey.policy.minRespondents))
        }
        return ReportJSONValue.object(object).serialized()
    }

    /// The flags report as JSON; `flags` is what `phieukin flags --json` prints.
    public static func json(_ report: FlagsReport) -> [UInt8] {
        ReportJSONValue.object([
            "schema": .string("phieukin.flags"),
            "schema_version": .int(jsonSchemaVersion),
            "generated": .string(ReportStrings.isoDate(report.generated)),
            "period": .optional(report.period?.description, ReportJSONValue.string),
            "flags": .array(report.flagged.map(flagJSON)),
            "rounds_without_decision": .array(report.notes.map(noteJSON)),
            "low_confidence": .array(report.lowConfidence.map(lowConfidenceJSON)),
        ]).serialized()
    }

    /// A QĐ 96 outcome of a valid confidence vote (docs/REPORT-JSON.md, "Flags report").
    private static func lowConfidenceJSON(_ entry: FlagsReport.LowConfidence) -> ReportJSONValue {
        .object([
            "official_id": .string(entry.officialID.rawValue),
            "official_name": .string(entry.officialName),
            "unit_name": .string(entry.unitName),
            "period": .string(entry.period.description),
            "round_id": .string(entry.roundID.rawValue),
            "low_count": .int(entry.low.count),
            "electorate": .int(entry.low.total),
            "share": .share(entry.low.value),
            "outcome": .string(entry.outcome.text(.vi)),
        ])
    }

    private static func noteJSON(_ note: FlagsReport.RoundNote) -> ReportJSONValue {
        var object: [String: ReportJSONValue] = [
            "round_id": .string(note.roundID.rawValue),
            "survey_id": .string(note.surveyID.rawValue),
            "unit_names": .array(note.unitNames.map(ReportJSONValue.string)),
            "period": .string(note.period.description),
        ]
        switch note.reason {
        case .voided(let reason, let date):
            object["status"] = .string("voided")
            object["reason"] = .string(reason)
            object["voided_on"] = .string(date)
        case .inconclusive(.tooFewBallots(let counted, let minimum)):
            object["status"] = .string("inconclusive")
            object["reason"] = .string("too-few-ballots")
            object["ballots_counted"] = .int(counted)
            object["min_respondents"] = .int(minimum)
        case .inconclusive(.quorumNotMet(let returned, let electorate, let quorum)):
            object["status"] = .string("inconclusive")
            object["reason"] = .string("quorum-not-met")
            object["ballots_counted"] = .int(returned)
            object["electorate"] = .optional(electorate, ReportJSONValue.int)
            object["quorum"] = .optional(quorum?.description, ReportJSONValue.string)
        }
        return .object(object)
    }

    private static func text(_ text: LocalizedText) -> ReportJSONValue {
        .object(["vi": .string(text.vi), "en": .string(text.en)])
    }

    private static func flagJSON(_ entry: FlaggedOfficial) -> ReportJSONValue {
        let flag = entry.flag
        return .object([
            "official_id": .string(flag.officialID.rawValue),
            "official_name": .string(entry.officialName),
            "position": .string(entry.position),
            "unit_id": .string(flag.unitID.rawValue),
            "unit_name": .string(entry.unitName),
            "survey_id": .string(flag.surveyID.rawValue),
            "round_id": .string(flag.roundID.rawValue),
            "criterion_id": .string(flag.criterionID.rawValue),
            "criterion_label": text(entry.criterionLabel),
            "period": .string(flag.period.description),
            "status": .string(flag.status.rawValue),
            "suppressed": .bool(flag.figures == nil),
            "share": .optional(flag.figures?.share, ReportJSONValue.share),
            "count": .optional(flag.figures?.count, ReportJSONValue.int),
            "valid": .optional(flag.figures?.valid, ReportJSONValue.int),
            "previous_share": .optional(flag.previousShare, ReportJSONValue.share),
            "previous_period": .optional(flag.previousPeriod?.description, ReportJSONValue.string),
            "sequence_broken": .bool(flag.sequenceBroken),
            "missing_period": .optional(flag.missingPeriod?.description, ReportJSONValue.string),
            "carried_from_round": .optional(flag.carriedFrom?.roundID.rawValue, ReportJSONValue.string),
            "carried_from_period": .optional(flag.carriedFrom?.period.description, ReportJSONValue.string),
        ])
    }

    private static func shareJSON(_ share: Share) -> [String: ReportJSONValue] {
        ["count": .int(share.count), "total": .int(share.total), "share": .share(share.value)]
    }

    private static func levelsJSON(_ levels: [RoundResult.LevelCount]) -> ReportJSONValue {
        .array(levels.map { .object(shareJSON($0.share).merging(["code": .string($0.code)]) { a, _ in a }) })
    }

    private static func summaryJSON(_ counts: RoundResult.Counts, report: RoundReport) -> ReportJSONValue {
        let officials = Dictionary(report.roster.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func person(_ id: OfficialID) -> [String: ReportJSONValue] {
            [
                "official_id": .string(id.rawValue), "name": .string(officials[id]?.fullName ?? id.rawValue),
                "position": .string(officials[id]?.position ?? ""),
            ]
        }
        switch counts {
        case .grid(let grid):
            return .object([
                "criteria": .array(
                    report.survey.criteria.map { .object(["id": .string($0.id.rawValue), "label": text($0.label)]) }),
                "previous_period": .optional(report.previousPeriod?.description, ReportJSONValue.string),
                "officials": .array(
                    grid.rows.map { row in
                        var object = person(row.officialID)
                        object["criteria"] = .array(
                            row.cells.map { cell in
                                .object([
                                    "criterion_id": .string(cell.criterionID.rawValue), "marked": .int(cell.marked),
                                    "valid": .int(cell.valid), "share": .share(cell.share.value),
                                    "previous_share": .optional(
                                        report.previousShares[row.officialID]?[cell.criterionID], ReportJSONValue.share),
                                ])
                            })
                        return .object(object)
                    }),
            ])
        case .confidenceVote(let vote):
            return .object([
                "electorate": .optional(vote.electorate, ReportJSONValue.int),
                "returned": .int(vote.returned),
                "quorum": .optional(vote.quorum?.description, ReportJSONValue.string),
                "quorum_met": .bool(vote.quorumMet),
                "valid": .bool(vote.valid),
                "low_confidence_code": .optional(vote.lowConfidenceCode, ReportJSONValue.string),
                "officials": .array(
                    vote.rows.map { row in
                        var object = person(row.officialID)
                        object["levels"] = levelsJSON(row.levels)
                        object["blank"] = .int(row.blank)
                        object["low_share"] = .optional(row.low?.value, ReportJSONValue.share)
                        object["thresholds_met"] = .array(row.thresholdsMet.map(ReportJSONValue.string))
                        return .object(object)
                    }),
            ])
        case .satisfaction(let satisfaction):
            return .object([
                "channel": .string(satisfaction.channel.rawValue),
                "overall_index": .object(shareJSON(satisfaction.overall)),
                "questions": .array(
                    satisfaction.questions.map { question in
                        .object([
                            "question_id": .string(question.questionID), "levels": levelsJSON(question.levels),
                            "answered": .int(question.answered), "blank": .int(question.blank),
                            "index": .object(shareJSON(question.index)),
                        ])
                    }),
            ])
        case .rating(let rating):
            return .object([
                "officials": .array(
                    rating.rows.map { row in
                        var object = person(row.officialID)
                        object["levels"] = levelsJSON(row.levels)
                        object["answered"] = .int(row.answered)
                        object["blank"] = .int(row.blank)
                        return .object(object)
                    })
            ])
        }
    }
}
