import Foundation
import Testing

@testable import PhieuKinCore

@Suite("Survey definitions (YAML)")
struct SurveyLoaderTests {
    @Test(arguments: ShippedSurveys.files.map(\.name))
    func shippedFileLoads(name: String) throws {
        let file = try #require(ShippedSurveys.files.first { $0.name == name })
        let survey = try SurveyLoader.load(yaml: file.yaml, fileName: file.name)
        #expect(survey.id.rawValue + ".yaml" == name)
        #expect(survey.version == 1)
        #expect(survey.title.vi == survey.title.vi.nfc)
    }

    @Test func quarterly7() throws {
        let survey = try SurveyCatalog().survey(id: "quarterly-7")
        #expect(survey.title == LocalizedText(vi: "PHIẾU ĐÁNH GIÁ CÁN BỘ", en: "OFFICIAL EVALUATION BALLOT"))
        #expect(survey.shape == .grid)
        #expect(survey.cadence == .quarterly)
        #expect(survey.channels == [.staff])
        #expect(
            survey.criteria.map(\.id) == [
                "dao-duc", "trach-nhiem", "thai-do", "phat-ngon", "ky-luat", "tac-phong", "sach-nhieu",
            ])
        #expect(survey.criteria[4].label.vi == "Ý thức tổ chức kỷ luật (giờ giấc, nội quy)")
        #expect(survey.criteria[4].shortLabel.vi == "Kỷ luật")
        #expect(survey.choices.map(\.code) == ["x", "1"])
        #expect(survey.remark == Survey.RemarkPolicy(allowed: true, maxLength: 1000))
        #expect(survey.policy.noted == CountingPolicy.Noted(minShare: Fraction(1, 3), minCount: 2))
        #expect(survey.policy.minRespondents == 5)
        #expect(survey.instructions.vi.contains("Không ghi tên"))
    }

    @Test func confidenceVote() throws {
        let survey = try SurveyCatalog().survey(id: "confidence-vote")
        #expect(survey.title.vi == "PHIẾU TÍN NHIỆM")
        #expect(survey.shape == .officialChoice)
        #expect(survey.cadence == .adhoc)
        #expect(survey.choices.map(\.label.vi) == ["Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp"])
        #expect(survey.policy.quorum == Fraction(2, 3))
        #expect(survey.policy.lowConfidenceCode == "3")
        #expect(
            survey.policy.thresholds == [
                .init(
                    id: "over-half", share: Fraction(1, 2), inclusive: false,
                    label: .init(vi: "Trên 50% tín nhiệm thấp", en: "More than half low confidence")),
                .init(
                    id: "two-thirds", share: Fraction(2, 3), inclusive: true,
                    label: .init(vi: "Từ 2/3 trở lên tín nhiệm thấp", en: "Two thirds or more low confidence")),
            ])
        // 50% exactly is not "over half"; 2/3 exactly is "two thirds".
        #expect(!survey.policy.thresholds[0].isMet(count: 5, of: 10))
        #expect(survey.policy.thresholds[1].isMet(count: 6, of: 9))
    }

    @Test func satisfactionAndMonthly() throws {
        let catalog = try SurveyCatalog()
        let satisfaction = try catalog.survey(id: "satisfaction-5")
        #expect(satisfaction.shape == .questions)
        #expect(satisfaction.channels == [.citizens, .businesses])
        #expect(satisfaction.questions.map(\.id) == ["tiep-can", "thu-tuc", "thai-do", "thoi-gian", "ket-qua"])
        #expect(satisfaction.choices.map(\.code) == ["1", "2", "3", "4", "5"])
        #expect(satisfaction.choices[4].label.vi == "Rất không hài lòng")
        #expect(satisfaction.policy.satisfiedCodes == ["1", "2"])
        let monthly = try catalog.survey(id: "monthly-rating")
        #expect(monthly.cadence == .monthly)
        #expect(monthly.title.vi == "PHIẾU XẾP LOẠI HẰNG THÁNG")
        #expect(
            monthly.choices.map(\.label.vi) == [
                "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
                "Không hoàn thành nhiệm vụ",
            ])
    }

    /// ShippedSurveys.swift is generated from ballots/*.yaml by scripts/embed-surveys; they must
    /// not drift apart.
    @Test func embeddedFilesMatchBallotsDirectory() throws {
        let ballots = Fixtures.repoRoot.appendingPathComponent("ballots")
        let names = try FileManager.default.contentsOfDirectory(atPath: ballots.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(
            ShippedSurveys.files.map(\.name) == names,
            "ballots/ and ShippedSurveys.swift differ: run scripts/embed-surveys")
        for name in names {
            let onDisk = try Data(contentsOf: ballots.appendingPathComponent(name))
            let embedded = ShippedSurveys.files.first { $0.name == name }?.yaml
            #expect(
                embedded.map { Data($0.utf8) } == onDisk,
                "\(name) differs from its embedded copy: run scripts/embed-surveys")
        }
    }

    static let badFixtures: [(name: String, message: String)] = [
        ("bad-fraction.yaml", #"bad-fraction.yaml:14: policy.quorum: "3/2" is not a fraction n/d with 0 < n/d ≤ 1"#),
        ("bool-typo.yaml", #"bool-typo.yaml:19: remark.allowed: "yes" is not true or false"#),
        (
            "code-not-in-choices.yaml",
            #"code-not-in-choices.yaml:15: policy.low_confidence_code: code "3" is not one of the choices (1, 2)"#
        ),
        ("criteria-in-choice.yaml", #"criteria-in-choice.yaml:8: criteria: only a grid survey has criteria"#),
        ("duplicate-code.yaml", #"duplicate-code.yaml:11: choices[1].code: duplicate code "1""#),
        ("duplicate-criterion.yaml", #"duplicate-criterion.yaml:13: criteria[2].id: duplicate id "phat-ngon""#),
        ("duplicate-yaml-key.yaml", #"duplicate-yaml-key.yaml:2: duplicate key "version" in the same mapping"#),
        ("empty.yaml", #"empty.yaml:1: the file is empty; see ballots/README.md"#),
        (
            "few-respondents.yaml",
            #"few-respondents.yaml:14: policy.min_respondents: must be at least 3 (smaller groups could reveal how someone voted)"#
        ),
        (
            "grid-without-marks.yaml",
            #"grid-without-marks.yaml:5: choices: a grid survey needs at least one mark code (the first is canonical)"#
        ),
        ("missing-en.yaml", #"missing-en.yaml:10: criteria[0].label.en: required key is missing"#),
        ("missing-title.yaml", #"missing-title.yaml:1: title: required key is missing"#),
        (
            "non-ascii-id.yaml",
            #"non-ascii-id.yaml:9: criteria[0].id: "đạo-đức" is not an id: use 1 to 64 lowercase ASCII letters, digits, "-" or "_""#
        ),
        ("one-choice.yaml", #"one-choice.yaml:8: choices: an official-choice survey needs at least 2 choices"#),
        (
            "policy-for-other-shape.yaml",
            #"policy-for-other-shape.yaml:14: policy.satisfied_codes: only used by questions surveys; remove it for shape official-choice"#
        ),
        (
            "questions-without-questions.yaml",
            #"questions-without-questions.yaml:5: questions: a questions survey needs at least one question"#
        ),
        (
            "syntax-error.yaml",
            #"syntax-error.yaml:10: YAML syntax error: while parsing a block collection did not find expected '-' indicator"#
        ),
        (
            "threshold-without-code.yaml",
            #"threshold-without-code.yaml:15: policy.thresholds: thresholds need policy.low_confidence_code (the choice whose share they check)"#
        ),
        (
            "unknown-cadence.yaml",
            #"unknown-cadence.yaml:6: cadence: unknown value "weekly"; use one of quarterly, monthly, adhoc"#
        ),
        (
            "unknown-channel.yaml",
            #"unknown-channel.yaml:7: channels[1]: unknown value "voters"; use one of staff, citizens, businesses"#
        ),
        (
            "unknown-nested-key.yaml",
            #"unknown-nested-key.yaml:15: policy.treshold: unknown key; did you mean "thresholds"?"#
        ),
        (
            "unknown-shape.yaml",
            #"unknown-shape.yaml:5: shape: unknown value "gird"; use one of grid, official-choice, questions"#
        ),
        ("unknown-top-key.yaml", #"unknown-top-key.yaml:6: cadense: unknown key; did you mean "cadence"?"#),
        ("version-zero.yaml", #"version-zero.yaml:2: version: "0" is not a whole number from 1 to 1000000"#),
        ("zero-fraction.yaml", #"zero-fraction.yaml:14: policy.quorum: "0/3" is not a fraction n/d with 0 < n/d ≤ 1"#),
    ]

    @Test(arguments: badFixtures)
    func badDefinitionGivesExactError(name: String, message: String) throws {
        let yaml = try Fixtures.text("surveys-bad/\(name)")
        let error = #expect(throws: SurveyError.self) { try SurveyLoader.load(yaml: yaml, fileName: name) }
        #expect(error?.description == message)
    }

    @Test func everyBadFixtureIsListed() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("surveys-bad").path)
        #expect(Set(names) == Set(Self.badFixtures.map(\.name)))
    }

    static let minimal = """
        id: local-vote
        version: 1
        title: {vi: "PHIE\u{0302}\u{0301}U", en: BALLOT}
        instructions: {vi: Đánh dấu, en: Mark}
        shape: official-choice
        cadence: adhoc
        channels: [staff]
        choices:
          - {code: a, label: {vi: Có, en: "Yes"}}
          - {code: b, label: {vi: Không, en: "No"}}

        """

    @Test func textIsNFCNormalizedAndDefaultsApply() throws {
        let survey = try SurveyLoader.load(yaml: Self.minimal, fileName: "local.yaml")
        #expect(Array(survey.title.vi.utf8) == Array("PHI\u{1EBE}U".utf8))
        #expect(survey.remark == Survey.RemarkPolicy(allowed: false, maxLength: 1000))
        #expect(survey.policy == CountingPolicy())
    }
}

@Suite("Survey catalog")
struct SurveyCatalogTests {
    @Test func shippedSurveys() throws {
        let catalog = try SurveyCatalog(extraFiles: [])
        #expect(
            catalog.surveys.map(\.id) == [
                "confidence-vote", "monthly-rating", "one-stop-desk", "quarterly-7", "satisfaction-5",
            ])
    }

    @Test func agencyFileAddsASurvey() throws {
        let catalog = try SurveyCatalog(extraFiles: [("local.yaml", SurveyLoaderTests.minimal)])
        #expect(catalog.surveys.last?.id == "local-vote")
        #expect(try catalog.survey(id: "local-vote").choices.count == 2)
    }

    static func override(version: Int) throws -> String {
        let shipped = try #require(ShippedSurveys.files.first { $0.name == "monthly-rating.yaml" }).yaml
        return shipped.replacingOccurrences(of: "version: 1\n", with: "version: \(version)\n")
            .replacingOccurrences(of: "PHIẾU XẾP LOẠI HẰNG THÁNG", with: "PHIẾU XẾP LOẠI THÁNG")
    }

    @Test func higherVersionOverridesShipped() throws {
        let catalog = try SurveyCatalog(extraFiles: [("monthly-rating.yaml", Self.override(version: 2))])
        let survey = try catalog.survey(id: "monthly-rating")
        #expect(survey.version == 2)
        #expect(survey.title.vi == "PHIẾU XẾP LOẠI THÁNG")
        #expect(catalog.surveys.count == 5)
    }

    @Test func sameOrLowerVersionIsAnError() throws {
        let catalog = try SurveyCatalog(extraFiles: [("my-monthly.yaml", Self.override(version: 1))])
        let error = catalog.problems.first
        #expect(catalog.problems.count == 1)
        #expect(try catalog.survey(id: "monthly-rating").version == 1, "the shipped definition stays")
        #expect(
            error?.description
                == "my-monthly.yaml:3: version: survey \"monthly-rating\" ships with version 1; a local definition "
                + "replaces it only with a higher version (set version: 2 or rename the id)")
    }

    @Test func twoAgencyFilesWithOneIdIsAnError() throws {
        let catalog = try SurveyCatalog(extraFiles: [
            ("a.yaml", SurveyLoaderTests.minimal), ("b.yaml", SurveyLoaderTests.minimal),
        ])
        let error = catalog.problems.first
        #expect(catalog.problems.count == 1)
        #expect(!catalog.surveys.contains { $0.id == "local-vote" }, "neither file is guessed to be the right one")
        #expect(throws: SurveyError.self) { try catalog.survey(id: "local-vote") }
        #expect(
            error?.description
                == "b.yaml: id: survey \"local-vote\" is also defined in a.yaml; keep one file per survey")
    }

    @Test func unknownSurvey() throws {
        let error = #expect(throws: SurveyError.self) { try SurveyCatalog().survey(id: "quarterly-8") }
        #expect(
            error?.description
                == "unknown survey \"quarterly-8\"; known surveys: confidence-vote, monthly-rating, one-stop-desk, quarterly-7, satisfaction-5"
        )
    }
}
