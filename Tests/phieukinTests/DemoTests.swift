import Foundation
import PhieuKinTestSupport
import Testing

/// `make demo`'s script, run against the debug binary: the outcome the example data promises.
@Suite("scripts/demo")
struct DemoTests {
    @Test func demoFlagsTheExpectedOfficials() throws {
        let workspace = try TemporaryFiles.directory("demo").path
        let run = try ExternalTool.run(CLI.repository + "/scripts/demo", [workspace, CLI.binary])
        #expect(run.status == 0, "\(run.stdout.suffix(2000))\(run.stderr)")
        for header in [
            "==== 1. Fresh workspace", "Flags report for the leaders", "OK: every check passed", "Done. Files:",
        ] {
            #expect(run.stdout.contains(header), "demo output lacks \(header)")
        }
        let data = try #require(FileManager.default.contents(atPath: workspace + "/out/flags-history.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let flags = try #require(document["flags"] as? [[String: Any]])
        func status(_ official: String, _ criterion: String, _ period: String) -> String? {
            flags.first {
                $0["official_id"] as? String == official && $0["criterion_id"] as? String == criterion
                    && $0["period"] as? String == period
            }?["status"] as? String
        }
        #expect(status("VP05", "trach-nhiem", "2026-Q3") == "action")
        #expect(status("VP07", "thai-do", "2026-Q2") == "reminder")
        #expect(status("VP07", "thai-do", "2026-Q3") == "resolved")
        #expect(status("VP09", "phat-ngon", "2026-Q2") == "reminder")
        #expect(status("VP09", "ky-luat", "2026-Q3") == "reminder")
        #expect(!flags.contains { $0["official_id"] as? String == "VP09" && $0["status"] as? String == "action" })
        // The 3-person unit: flags only, never a figure.
        let tp = flags.filter { $0["unit_id"] as? String == "TP" }
        #expect(!tp.isEmpty && tp.allSatisfy { $0["suppressed"] as? Bool == true && $0["share"] is NSNull })
        let tpReport = try String(
            contentsOfFile: workspace + "/out/report-2026-Q3-TP-quarterly-7.html", encoding: .utf8)
        #expect(tpReport.contains("Quá ít phiếu để báo cáo") && !tpReport.contains("<svg"))
    }
}
