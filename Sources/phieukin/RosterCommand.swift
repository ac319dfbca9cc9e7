import ArgumentParser
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: tr("Load and show units and their officials."),
        subcommands: [Import.self, List.self, Template.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Import a roster from Excel (.xlsx) or CSV; all rows or none."),
            discussion: tr(
                """
                The columns are unit_id, unit_name, official_id, full_name, position and, optionally, \
                order, in any order; the header may name them in Vietnamese instead (Mã đơn vị, Tên đơn vị, \
                Mã cán bộ, Họ và tên, Chức vụ, Thứ tự). Title rows above the header are skipped. Names are \
                stored with single spaces (no-break spaces too). A blank template: phieukin roster template.
                """))
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: ArgumentHelp(tr("The roster: an Excel workbook (.xlsx) or a CSV file (UTF-8).")))
        var file: String
        @Option(help: ArgumentHelp(tr("The sheet of the workbook to read, by name or number (default: the first).")))
        var sheet: String?

        func run() throws {
            let result = try options.open().rounds.importRoster(path: file, sheet: sheet)
            if result.skippedTitleRows > 0 {
                say(
                    "Skipped \(counted(result.skippedTitleRows, "title row")) above the header row "
                        + "(line \(result.headerLine)).")
            }
            let changes = result.changes
            say(
                "Roster imported: \(counted(changes.unitsAdded, "unit")) added, \(changes.unitsUpdated) updated; "
                    + "\(counted(changes.officialsAdded, "official")) added, \(changes.officialsUpdated) updated, "
                    + "\(changes.officialsDeactivated) made inactive.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: tr("Show units and officials in roster order."))
        @OptionGroup var options: WorkspaceOptions
        @Option(help: ArgumentHelp(tr("Only this unit."))) var unit: UnitID?
        @Flag(help: ArgumentHelp(tr("Include officials no longer on the roster."))) var all = false
        @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false

        /// `--json`: each unit with its officials, as stored.
        struct ListedUnit: Encodable {
            var id: UnitID
            var name: String
            var officials: [Official]
        }

        func run() throws {
            let roster = try options.open().rounds.roster(unitID: unit, includeInactive: all)
            if json { return try printJSON(roster.map { ListedUnit(id: $0.id, name: $0.name, officials: $1) }) }
            for (unit, officials) in roster {
                say("\(unit.id)  \(unit.name)  (\(counted(officials.count, "official")))")
                for official in officials {
                    if official.active {
                        say("  \(official.order). \(official.id)  \(official.fullName) — \(official.position)")
                    } else {
                        say(
                            "  \(official.order). \(official.id)  \(official.fullName) — \(official.position)  [inactive]"
                        )
                    }
                }
            }
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: tr("Write a blank roster template (.xlsx or .csv) with the header import expects."),
            discussion: tr(
                """
                Row 1 is a title (skipped on import), row 2 the header in Vietnamese (the English ids with \
                --lang en); one official per row from row 3. The .xlsx keeps the id columns as text and \
                has an instructions sheet; the .csv is UTF-8 with a BOM, as Excel opens it. Then: \
                phieukin roster import FILE.
                """))
        @OptionGroup var workspace: WorkspaceOptions
        @Option(
            help: ArgumentHelp(tr("The file to write, ending in .xlsx or .csv (refused if it exists, unless --force)."))
        )
        var out: String
        @Flag(
            help: ArgumentHelp(
                tr("Replace --out if it is an existing regular file (never a folder or a workspace file).")))
        var force = false
        @Flag(help: ArgumentHelp(tr("Print JSON."))) var json = false

        func run() throws {
            let result = try workspace.open().rounds.writeRosterTemplate(
                to: out, language: workspace.documentLanguage, force: force)
            if json { return try printJSON(result) }
            say("Wrote \(result.path): \(counted(result.columns.count, "column")) (\(result.format)).")
            say("Enter one official per row from row 3, then: phieukin roster import \(result.path)")
        }
    }
}
