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
    private var sources: [String: String] = [:]

    /// - Parameter extraFiles: the agency's definitions (workspace `ballots/*.yaml`), read by the caller.
    public init(extraFiles: [(name: String, yaml: String)] = []) throws {
        var surveys: [Survey] = []
        var shippedIndex: [String: Int] = [:]
        for file in ShippedSurveys.files {
            let survey = try SurveyLoader.load(yaml: file.yaml, fileName: file.name)
            shippedIndex[survey.id] = surveys.count
            surveys.append(survey)
            sources[survey.id] = file.yaml
        }
        var extraSource: [String: String] = [:]
        for file in extraFiles {
            let (survey, versionLine) = try SurveyLoader.loadLocated(yaml: file.yaml, fileName: file.name)
            if let other = extraSource[survey.id] {
                throw SurveyError.catalog(
                    file: file.name, line: nil, path: "id",
                    "survey \"\(survey.id)\" is also defined in \(other); keep one file per survey")
            }
            extraSource[survey.id] = file.name
            sources[survey.id] = file.yaml
            if let index = shippedIndex[survey.id] {
                let shipped = surveys[index]
                guard survey.version > shipped.version else {
                    throw SurveyError.catalog(
                        file: file.name, line: versionLine, path: "version",
                        "survey \"\(survey.id)\" ships with version \(shipped.version); a local definition replaces it "
                            + "only with a higher version (set version: \(shipped.version + 1) or rename the id)")
                }
                surveys[index] = survey
            } else {
                surveys.append(survey)
            }
        }
        self.surveys = surveys
    }

    public func survey(id: String) throws -> Survey {
        guard let survey = surveys.first(where: { $0.id == id }) else {
            throw SurveyError.unknownSurvey(id, known: surveys.map(\.id))
        }
        return survey
    }

    /// The definition's YAML text, exactly as loaded.
    public func yaml(id: String) throws -> String {
        _ = try survey(id: id)
        return sources[id]!
    }
}
