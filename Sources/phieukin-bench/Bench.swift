import ArgumentParser

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phieukin-bench",
        abstract: "Release-mode benchmarks, each beside its baseline measured in the same run (see BENCHMARKS.md).",
        subcommands: [
            All.self, CryptoBench.self, PrintBench.self, ImportBench.self, TallyBench.self, AppendBench.self,
            CastBench.self, ScanBench.self, VoteCommand.self, MakeScansCommand.self,
        ]
    )

    /// Runs every part in turn, as `make bench` does.
    struct All: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "all", abstract: "Run every benchmark.")
        func run() throws {
            for part in Bench.configuration.subcommands
            where part != All.self && part != VoteCommand.self && part != MakeScansCommand.self {
                print("\n# \(part.configuration.commandName ?? "")\n")
                var command = try part.parseAsRoot([])
                try command.run()
            }
        }
    }
}
