import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk", abstract: "Enrol one-stop-desk tablets and see their counts.",
        subcommands: [Enroll.self, Counts.self])

    struct Enroll: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a one-time enrolment QR for a desk's tablet (an unnumbered round).")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The round id (unnumbered: ratings at a desk carry no code).") var round: RoundID
        @Option(help: "The desk's name, e.g. \"Quầy 2 – Bộ phận một cửa\".") var desk: String
        @Option(help: "The PDF to write (refused if it exists, unless --force).") var out: String
        @Flag(help: "Replace --out if it is an existing regular file.") var force = false
        @Option(help: "The voting server's public address (remembered).") var publicURL: String?

        func run() throws {
            let result = try workspace.open().electronic.printKioskEnrolment(
                roundID: round, desk: desk, to: out, language: workspace.documentLanguage, force: force,
                publicURL: publicURL)
            say(
                "Wrote \(result.path): the enrolment QR for \(desk). Open it once on the desk's tablet, then destroy it."
            )
        }
    }

    struct Counts: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ratings per kiosk: today and in all.")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The round id.") var round: RoundID
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let counts = try workspace.open().electronic.kioskCounts(roundID: round)
            if json { return try printJSON(counts) }
            if counts.isEmpty { return say("No kiosk is enrolled for round \(round).") }
            for count in counts {
                say("\(count.desk): \(count.today) today (\(count.day)), \(count.total) in all")
            }
        }
    }
}
