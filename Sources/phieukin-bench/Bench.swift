import ArgumentParser

@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "phieukin-bench", subcommands: [TallyBench.self])
}
