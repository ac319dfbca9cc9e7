import ArgumentParser
import PhieuKin

@main
struct PhieuKinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phieukin",
        abstract: "Secret ballots and anonymous surveys for Vietnamese agencies (phiếu kín).",
        subcommands: []
    )
}
