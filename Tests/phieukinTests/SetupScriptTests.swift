import Foundation
import PhieuKinTestSupport
import Testing

/// Issue 20, item 6: `scripts/install-deps` is quiet when there is nothing to do (as on every
/// run after the first: `make test` and `make demo` call it) and names what it refuses.
@Suite("scripts/install-deps")
struct SetupScriptTests {
    static let script = CLI.repository + "/scripts/install-deps"

    @Test func nothingToDoPrintsNothing() throws {
        let run = try ExternalTool.run("/bin/bash", [Self.script])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty && run.stderr.isEmpty, "\(run.stdout)\(run.stderr)")
    }

    @Test func anUnknownOptionIsNamed() throws {
        let run = try ExternalTool.run("/bin/bash", [Self.script, "--quiet"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown option --quiet"), "\(run.stderr)")
    }
}
