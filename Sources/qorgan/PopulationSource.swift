import ArgumentParser
import Foundation
import Population

/// Where a command's population comes from: an exported directory, or generated from a seed and size.
struct PopulationSource: ParsableArguments {
    @Option(help: "Serve a population written by 'qorgan population generate' instead of generating one.")
    var population: String?

    @Option(help: "Seed of the generated population (ignored with --population).")
    var seed: UInt64 = 1

    @Option(help: "Number of people to generate (ignored with --population).")
    var people: Int = 10_000

    func validate() throws {
        guard people >= 0 else { throw ValidationError("--people must be ≥ 0") }
    }

    /// Loads or generates the population.
    func make() throws -> Population {
        try Self.make(path: population, seed: seed, people: people)
    }

    /// Loads the population exported at `path`, or generates `people` people from `seed` when `path` is `nil`.
    static func make(path: String?, seed: UInt64, people: Int) throws -> Population {
        if let path {
            return try Population.load(from: URL(fileURLWithPath: path, isDirectory: true))
        }
        return try PopulationGenerator(configuration: PopulationConfiguration(seed: seed, people: people)).generate()
    }
}
