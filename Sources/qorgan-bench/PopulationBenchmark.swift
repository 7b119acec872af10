import ArgumentParser
import Foundation
import Population

/// Time and peak memory to generate (and optionally export and reload) a synthetic population.
struct PopulationBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "population",
        abstract: "Seconds and peak RSS to generate N synthetic people (target: 1,000,000 in ≤ 60 s); optionally export and reload."
    )

    @Option(help: "Number of people.")
    var people = 1_000_000

    @Option(help: "Seed.")
    var seed: UInt64 = 2026

    @Option(help: "Also write the population to this directory and read it back, timing both.")
    var export: String?

    func run() throws {
        let clock = ContinuousClock()
        let configuration = PopulationConfiguration(seed: seed, people: people)
        var population: Population?
        let generate = clock.measure { population = try? PopulationGenerator(configuration: configuration).generate() }
        guard let population else { throw ValidationError("generation failed") }
        print("population generate: \(format(Double(people))) people in \(String(format2: seconds(generate))) s "
              + "(\(format(Double(people) / seconds(generate))) people/s), peak RSS \(peakRSSMiB()) MiB")
        for (name, count) in population.counts { print("  \(name): \(format(Double(count)))") }
        if let export {
            let url = URL(fileURLWithPath: export, isDirectory: true)
            var failure: (any Error)?
            let write = clock.measure {
                do { try population.write(to: url) } catch { failure = error }
            }
            if let failure { throw failure }
            print("population write: \(String(format2: seconds(write))) s, peak RSS \(peakRSSMiB()) MiB")
            var loaded: Population?
            let load = clock.measure { loaded = try? Population.load(from: url) }
            print("population load: \(String(format2: seconds(load))) s, equal: \(loaded == population), peak RSS \(peakRSSMiB()) MiB")
        }
    }

    /// VmHWM from /proc/self/status, in MiB (0 where unavailable).
    private func peakRSSMiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}
