import Foundation
import PhieuKin
import PhieuKinTestSupport
import Testing

/// `phieukin serve` as staff run it: the real binary, a real port, SIGTERM.
@Suite("phieukin serve")
struct ServeCommandTests {
    /// The `phieukin` binary built beside the test bundle by `swift build --build-tests`.
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("phieukin")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("phieukin")
    }

    @Test func itAnnouncesServesAndStopsCleanlyOnSIGTERM() throws {
        let (workspace, dir) = try ServerFixture.empty()
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [
            "serve", "--workspace", dir, "--listen", "127.0.0.1:0", "--public-url", "https://phieu.example.gov.vn/",
            "--behind-tls",
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var data = Data()
        while !data.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        let line = String(decoding: data, as: UTF8.self)
        #expect(line.hasPrefix("Đang phục vụ tại http://127.0.0.1:"))
        #expect(line.contains("(công khai: https://phieu.example.gov.vn)"))
        let port = try #require(
            line.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }
                .flatMap { Int($0.split(separator: ":").last ?? "") })
        #expect(port > 0)

        let health = try ExternalTool.run("/usr/bin/curl", ["-s", "-i", "http://127.0.0.1:\(port)/healthz"]).stdout
        #expect(health.hasPrefix("HTTP/1.1 200"))
        #expect(
            health.contains("strict-transport-security: max-age=31536000")
                || health.contains("Strict-Transport-Security: max-age=31536000"))

        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let rest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(rest.contains("Đã dừng."))
        // The public address is remembered for slips and enrolment QR codes.
        #expect(try workspace.electronic.publicURL() == "https://phieu.example.gov.vn")
        // Standard error holds the start line and nothing about the request.
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!log.contains("healthz"))
    }

    @Test func badListenAndPublicAddressesAreRefused() throws {
        let (_, dir) = try ServerFixture.empty()
        for arguments in [["--listen", "8080"], ["--public-url", "phieu.example.gov.vn"]] {
            let result = try ExternalTool.run(Self.binary.path, ["serve", "--workspace", dir] + arguments)
            #expect(result.status != 0)
        }
    }
}
