import ArgumentParser
import Foundation
import Identifiers
import Population

/// `qorgan population …` — the synthetic population the registry mocks serve.
struct PopulationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "population",
        abstract: "Synthetic population of Kazakhstan with per-registry views, injected defects and ground truth.",
        subcommands: [Generate.self]
    )

    /// `qorgan population generate --seed N --people N --out DIR`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a population and write it to a directory (JSON Lines, declarations CSV, ground truth).",
            discussion: "The same seed and size always give byte-identical files. Layout: mocks/Population/README.md."
        )

        @Option(help: "Seed of every random choice.")
        var seed: UInt64 = 1

        @Option(help: "Number of people, exactly.")
        var people: Int = 10_000

        @Option(help: "Output directory (created if missing).")
        var out: String

        @Option(name: .customLong("reference-date"), help: "The population's 'today', yyyy-MM-dd (default 2025-09-01).")
        var referenceDate: String?

        func validate() throws {
            guard people >= 0 else { throw ValidationError("--people must be ≥ 0") }
            if let referenceDate, Self.date(referenceDate) == nil { throw ValidationError("--reference-date must be yyyy-MM-dd") }
        }

        func run() throws {
            var configuration = PopulationConfiguration(seed: seed, people: people)
            if let referenceDate, let date = Self.date(referenceDate) { configuration.referenceDate = date }
            let clock = ContinuousClock()
            let start = clock.now
            let population = try PopulationGenerator(configuration: configuration).generate()
            let generated = clock.now
            try population.write(to: URL(fileURLWithPath: out, isDirectory: true))
            let written = clock.now
            print("population: \(population.people.count) people, seed \(seed), written to \(out)")
            for (name, count) in population.counts { print("  \(name): \(count)") }
            print("  generate: \(Self.seconds(generated - start)) s, write: \(Self.seconds(written - generated)) s")
        }

        static func date(_ text: String) -> CalendarDate? {
            let parts = text.split(separator: "-")
            guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
            return CalendarDate(year: y, month: m, day: d)
        }

        static func seconds(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(Double(Int(value * 100)) / 100)
        }
    }
}
