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
        // The demo runs phieukin as a user does: its messages in Vietnamese (the default).
        for header in [
            "==== 1. Fresh workspace", "Flags report for the leaders", "ĐẠT: mọi nội dung kiểm tra đều hợp lệ.",
            "Done. Files:",
            // The electronic part: ballots cast through the real server, a used code refused, the
            // first receipt found in the round's audit bundle, the kiosk's taps counted.
            "8 ballots cast over HTTP", "RECEIPT FOUND: leaf", "Quầy 2 – Bộ phận một cửa: hôm nay 8",
            "Số phiếu kiểm: 8",
        ] {
            #expect(run.stdout.contains(header), "demo output lacks \(header)")
        }
        // Every tallied round has minutes the committee named at tally can sign.
        let minutes = try ExternalTool.run(
            "/usr/bin/pdftotext", ["-layout", workspace + "/out/minutes-2026-Q3-VP-quarterly-7.pdf", "-"])
        #expect(minutes.status == 0, "\(minutes.stderr)")
        for expected in [
            "BIÊN BẢN KIỂM PHIẾU", "UBND THÀNH PHỐ HÀ NỘI", "Ba Đình, ngày", "1. Nguyễn Văn Khải — Trưởng ban",
        ] {
            #expect(minutes.stdout.contains(expected), "the demo's minutes lack \(expected)")
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
        // The 3-person unit alone (Q1): too few ballots, nothing shown, no flag.
        #expect(!flags.contains { $0["period"] as? String == "2026-Q1" })
        let tpAlone = try String(
            contentsOfFile: workspace + "/out/report-2026-Q1-TP-quarterly-7.html", encoding: .utf8)
        #expect(tpAlone.contains("Quá ít phiếu để báo cáo") && !tpAlone.contains("<svg"))
        #expect(!tpAlone.contains("Cán bộ cần lưu ý</h2>\n<table"))
        // A round report keeps a resolved shortcoming (VP07's attitude, Q3) out of "Cán bộ cần lưu ý":
        // it has its own "Đã khắc phục" section after it.
        let vpQ3 = try String(contentsOfFile: workspace + "/out/report-2026-Q3-VP-quarterly-7.html", encoding: .utf8)
        let flaggedPart = try #require(vpQ3.components(separatedBy: "Cán bộ cần lưu ý</h2>").dropFirst().first)
        let parts = flaggedPart.components(separatedBy: "Đã khắc phục</h2>")
        #expect(parts.count == 2, "no section for the resolved")
        #expect(!parts[0].components(separatedBy: "<h2").first!.contains("Phan Ngọc Hiếu"))
        #expect(parts[1].components(separatedBy: "<h2").first!.contains("Phan Ngọc Hiếu"))
        // Counted on one ballot with Phòng TN&MT: flagged like anyone else, under its own unit.
        #expect(status("TP01", "sach-nhieu", "2026-Q2") == "reminder")
        #expect(status("TP01", "sach-nhieu", "2026-Q3") == "action")
        let tp = flags.filter { $0["official_id"] as? String == "TP01" }
        #expect(tp.allSatisfy { $0["unit_id"] as? String == "TP" && $0["share"] is Double })
        // The round opened by mistake in Q3 was refused a twin, voided, and is listed with its reason.
        #expect(run.stdout.contains("đã có vòng 2026-Q3-TP-quarterly-7 (đang mở)"))
        #expect(run.stderr.contains("cảnh báo: dự kiến 3 phiếu"))
        let q3Data = try #require(FileManager.default.contents(atPath: workspace + "/out/flags-2026-Q3.json"))
        let q3 = try #require(try JSONSerialization.jsonObject(with: q3Data) as? [String: Any])
        let undecided = try #require(q3["rounds_without_decision"] as? [[String: Any]])
        #expect(undecided.map { $0["round_id"] as? String } == ["2026-Q3-TP-quarterly-7"])
        #expect(undecided.first?["status"] as? String == "voided")
        #expect((undecided.first?["reason"] as? String)?.hasPrefix("Mở nhầm") == true)
    }
}
