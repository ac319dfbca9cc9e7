import ArgumentParser
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "Load and show units and their officials.",
        subcommands: [Import.self, List.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import a roster CSV (unit_id,unit_name,official_id,full_name,position[,order]); all rows or none.")
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The roster CSV file (UTF-8).") var file: String

        func run() throws {
            let changes = try options.open().rounds.importRoster(path: file)
            say(
                "Roster imported: \(counted(changes.unitsAdded, "unit")) added, \(changes.unitsUpdated) updated; "
                    + "\(counted(changes.officialsAdded, "official")) added, \(changes.officialsUpdated) updated, "
                    + "\(changes.officialsDeactivated) made inactive.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show units and officials in roster order.")
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "Only this unit.") var unit: UnitID?
        @Flag(help: "Include officials no longer on the roster.") var all = false

        func run() throws {
            for (unit, officials) in try options.open().rounds.roster(unitID: unit, includeInactive: all) {
                say("\(unit.id)  \(unit.name)  (\(counted(officials.count, "official")))")
                for official in officials {
                    let inactive = official.active ? "" : "  [inactive]"
                    say("  \(official.order). \(official.id)  \(official.fullName) — \(official.position)\(inactive)")
                }
            }
        }
    }
}
