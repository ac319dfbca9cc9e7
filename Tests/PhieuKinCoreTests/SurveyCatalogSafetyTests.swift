import Foundation
import Testing

@testable import PhieuKinCore

/// Issue 8: a bad agency definition affects only itself, is refused early when oversized, and
/// is never echoed whole in an error.
@Suite("Survey catalog safety")
struct SurveyCatalogSafetyTests {
    @Test func aBadFileLeavesTheOthersUsable() throws {
        let catalog = try SurveyCatalog(extraFiles: [
            ("bad.yaml", "id: x\nversion: [\n"), ("local.yaml", SurveyLoaderTests.minimal),
        ])
        #expect(catalog.problems.count == 1)
        #expect(catalog.problems.first?.fileName == "bad.yaml")
        #expect(catalog.problems.first?.line != nil)
        #expect(try catalog.survey(id: "local-vote").id == "local-vote")
        #expect(try catalog.survey(id: "quarterly-7").id == "quarterly-7")
        let unknown = #expect(throws: SurveyError.self) { try catalog.survey(id: "x") }
        #expect(unknown?.description.contains("1 definition file was refused: bad.yaml:") == true)
    }

    @Test func anOversizedFileIsRefusedUnparsed() throws {
        let yaml = "id: " + String(repeating: "a", count: SurveyCatalog.maximumFileBytes) + "\n"
        let start = Date()
        let catalog = try SurveyCatalog(extraFiles: [("big.yaml", yaml)])
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(
            catalog.problems.map(\.description) == [
                "big.yaml: the file is larger than 256 KiB; a survey definition is much smaller"
            ])
    }

    @Test func longValuesAreShownAsShortExcerpts() throws {
        #expect(excerpt("short") == "short")
        #expect(excerpt(String(repeating: "é", count: 61)) == String(repeating: "é", count: 60) + "…")
        #expect(excerpt("a\nb") == "a b")
        let long = String(repeating: "Z", count: 5000)
        for yaml in [
            "id: \(long)\n", "id: ok\nversion: \(long)\n",
            SurveyLoaderTests.minimal.replacingOccurrences(of: "cadence: adhoc", with: "cadence: \(long)"),
            SurveyLoaderTests.minimal + "\(long): 1\n",
        ] {
            let error = #expect(throws: SurveyError.self) { try SurveyLoader.load(yaml: yaml, fileName: "x.yaml") }
            let text = error?.description ?? ""
            #expect(text.count < 400, "\(text.prefix(200))")
            #expect(text.hasPrefix("x.yaml:"), "\(text.prefix(200))")
        }
    }
}
