import Foundation
import PhieuKinTestSupport
import Testing

/// docs/ARCHITECTURE.md is the map of the modules: it must say what Package.swift says.
@Suite("docs/ARCHITECTURE.md matches Package.swift")
struct ArchitectureDocTests {
    /// Module → what it may import, from the doc's module table (first and last columns).
    static func documented() throws -> [String: Set<String>] {
        let document = try String(contentsOfFile: CLI.repository + "/docs/ARCHITECTURE.md", encoding: .utf8)
        // The "## Modules" section's table only.
        let start = try #require(document.range(of: "\n## Modules\n"))
        let rest = document[start.upperBound...]
        let text = rest.range(of: "\n## ").map { String(rest[..<$0.lowerBound]) } ?? String(rest)
        let word = try NSRegularExpression(pattern: "[A-Za-z][A-Za-z0-9-]*")
        func words(_ cell: String) -> [String] {
            word.matches(in: cell, range: NSRange(cell.startIndex..., in: cell)).map {
                String(cell[Range($0.range, in: cell)!])
            }
        }
        var table: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 4 else { continue }
            let modules = cells[1].split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map {
                String($0.element)
            }
            for module in modules { table[module] = Set(words(cells[cells.count - 2])) }
        }
        return table
    }

    /// Every target's dependencies, from `swift package dump-package`.
    static func declared() throws -> [(name: String, type: String, dependencies: [String])] {
        // Its own scratch folder: the package's .build is locked by the `swift test` running this.
        let scratch = try TemporaryFiles.directory("dump-package").path
        let dump = try ExternalTool.run(
            "/usr/bin/env",
            ["swift", "package", "--package-path", CLI.repository, "--scratch-path", scratch, "dump-package"])
        #expect(dump.status == 0, "\(dump.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let targets = try #require(json["targets"] as? [[String: Any]])
        return targets.map { target in
            let dependencies = (target["dependencies"] as? [[String: [Any]]] ?? []).compactMap {
                $0.values.first?.first as? String
            }
            return (target["name"] as? String ?? "", target["type"] as? String ?? "", dependencies)
        }
    }

    @Test func everyModuleImportsOnlyWhatTheMapAllows() throws {
        let map = try Self.documented()
        let targets = try Self.declared()
        #expect(!targets.isEmpty)
        for target in targets
        where target.type != "test" && !target.name.hasPrefix("PhieuKinTest")
            && target.name != "PhieuKinStoreConformance"
        {
            let allowed = try #require(map[target.name], "docs/ARCHITECTURE.md does not list \(target.name)")
            for dependency in target.dependencies {
                #expect(
                    allowed.contains(dependency), "\(target.name) imports \(dependency), which the map does not allow")
            }
        }
        // And the map lists no module the package does not have.
        let names = Set(targets.map(\.name))
        for module in map.keys {
            #expect(names.contains(module), "docs/ARCHITECTURE.md lists \(module), not in Package.swift")
        }
    }
}
