import ArgumentParser

/// `qorgan-bench` — release-mode benchmarks whose figures go into BENCHMARKS.md.
///
/// Run as `swift run -c release qorgan-bench <name>`; each subcommand prints its figures and the
/// reference it is compared with, measured in the same run.
@main
struct QorganBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qorgan-bench",
        abstract: "Release-mode benchmarks for Qorgan.",
        subcommands: [IINBenchmark.self, XMLBenchmark.self, PopulationBenchmark.self, MatchingBenchmark.self, MocksBenchmark.self, ServiceBenchmark.self, CleanseBenchmark.self, ReverifyBenchmark.self, WorkersBenchmark.self, SoakBenchmark.self]
    )
}
