import PhieuKinMessages

/// The surveys an installation can run: the shipped definitions plus an agency's own.
///
/// Override rule (ballots/README.md): an agency file whose `id` equals a shipped survey's id
/// replaces the shipped definition only if its `version` is strictly higher; otherwise it is an
/// error, so an old or accidental copy can never shadow the shipped one. Two agency files with
/// the same id are an error too.
public struct SurveyCatalog: Sendable {
    /// Shipped surveys first (in file-name order; replaced ones in place), then the agency's new ones.
    public var surveys: [Survey]
    /// The YAML text each survey was loaded from, by id; a round stores it so its tally never
    /// depends on a definition edited later.
    private var sources: [SurveyID: String] = [:]
    /// Agency files that were refused, each naming its file (and line when known).
    public var problems: [SurveyError] = []
    /// Ids defined by two agency files: usable from neither, until one file is removed.
    private var blocked: [SurveyID: SurveyError] = [:]

    /// Definition files larger than this are refused before parsing.
    public static let maximumFileBytes = 256 * 1024

    /// - Parameter extraFiles: the agency's definitions (workspace `ballots/*.yaml`), read by the caller.
    /// - Parameter problems: files the caller already refused (unreadable, too large…).
    public init(extraFiles: [(name: String, yaml: String)] = [], problems: [SurveyError] = []) throws {
        self.problems = problems
        var surveys: [Survey] = []
        var shippedIndex: [SurveyID: Int] = [:]
        for file in ShippedSurveys.files {
            let survey = try SurveyLoader.load(yaml: file.yaml, fileName: file.name)
            shippedIndex[survey.id] = surveys.count
            surveys.append(survey)
            sources[survey.id] = file.yaml
        }
        // Parse every agency file first: an id defined by two files is usable from neither
        // (nothing is guessed), and a bad file affects only itself.
        var parsed: [(file: (name: String, yaml: String), survey: Survey, versionLine: Int?)] = []
        var firstFile: [SurveyID: String] = [:]
        for file in extraFiles {
            do {
                if file.yaml.utf8.count > Self.maximumFileBytes {
                    throw SurveyError.file(
                        file.name,
                        "the file is larger than \(Self.maximumFileBytes / 1024) KiB; a survey definition is much smaller"
                    )
                }
                let (survey, versionLine) = try SurveyLoader.loadLocated(yaml: file.yaml, fileName: file.name)
                if let other = firstFile[survey.id] {
                    blocked[survey.id] = SurveyError.catalog(
                        file: file.name, line: nil, path: "id",
                        "survey \"\(survey.id)\" is also defined in \(other); keep one file per survey")
                    self.problems.append(blocked[survey.id]!)
                    continue
                }
                firstFile[survey.id] = file.name
                parsed.append((file, survey, versionLine))
            } catch let error as SurveyError {
                self.problems.append(error)
            }
        }
        for (file, survey, versionLine) in parsed where blocked[survey.id] == nil {
            if let index = shippedIndex[survey.id] {
                let shipped = surveys[index]
                guard survey.version > shipped.version else {
                    self.problems.append(
                        SurveyError.catalog(
                            file: file.name, line: versionLine, path: "version",
                            "survey \"\(survey.id)\" ships with version \(shipped.version); a local definition replaces it "
                                + "only with a higher version (set version: \(shipped.version + 1) or rename the id)"))
                    continue
                }
                surveys[index] = survey
            } else {
                surveys.append(survey)
            }
            sources[survey.id] = file.yaml
        }
        let blocked = self.blocked
        surveys.removeAll { blocked[$0.id] != nil }
        self.surveys = surveys
    }

    public func survey(id: SurveyID) throws -> Survey {
        if let conflict = blocked[id] { throw conflict }
        guard let survey = surveys.first(where: { $0.id == id }) else {
            throw SurveyError.unknownSurvey(id.rawValue, known: surveys.map(\.id.rawValue), unreadable: problems)
        }
        return survey
    }

    /// The definition's YAML text, exactly as loaded.
    public func yaml(id: SurveyID) throws -> String {
        _ = try survey(id: id)
        return sources[id]!
    }
}
