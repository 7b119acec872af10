import ArgumentParser
import Foundation
import Logging
import Matching
import Population
import RegistryAdapters
import Verification

/// `qorgan model …` — the match model's parameters.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Estimate the match model's parameters from unlabelled registry answers.",
        subcommands: [Train.self]
    )

    /// `qorgan model train [--population DIR | --seed N --people N] [--initial FILE] --out FILE`.
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Expectation–maximisation on declarations compared with the registry records their IINs point to.",
            discussion: """
                Candidate pairs: each declared child and parent against the individuals registry's record for the declared \
                IIN (mostly the same person), plus as many shuffled pairs (declared person against another declaration's \
                record: mostly different people). No ground truth is read; check the result with 'qorgan eval --model FILE'.
                """
        )

        @OptionGroup var source: PopulationSource

        @Option(help: "Starting model (JSON); default: the built-in model. Its levels and thresholds are kept.")
        var initial: String?

        @Option(help: "Where to write the trained model (JSON).")
        var out: String

        @Option(help: "Declarations checked at once while gathering registry answers.")
        var concurrency: Int = 48

        @Option(name: .customLong("shuffle-seed"), help: "Seed of the shuffled pairing.")
        var shuffleSeed: UInt64 = 7

        func run() async throws {
            let start = try initial.map { try MatchModel(contentsOf: URL(fileURLWithPath: $0)) } ?? .default
            let population = try source.make()
            let logger = Logger(label: "qorgan.model", factory: { _ in SwiftLogNoOpLogHandler() })
            let material = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-train-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: material) }
            let registries = try await EmbeddedRegistries.start(population: population, materialDirectory: material, logger: logger)
            let collector = FamilyEvidenceCollector(persons: registries.adapters.persons, birthRecords: registries.adapters.birthRecords)
            var declared: [PersonFields] = []
            var records: [PersonFields] = []
            await DeclarationSweep(collector: collector, concurrency: concurrency, budget: .seconds(20)).run(population.declarations) { item in
                guard let evidence = item.evidence else { return }
                for (person, result) in [(item.parsed.child, evidence.child), (item.parsed.parent, evidence.parent)] {
                    guard let record = result.record else { continue }
                    var left = person.fields
                    left.region = nil
                    var right = record.personFields
                    right.region = nil
                    declared.append(left)
                    records.append(right)
                }
            }
            await registries.shutdown()
            guard !declared.isEmpty else { throw ValidationError("no declaration reached a registry record; nothing to train on") }
            var pairs = zip(declared, records).map { RecordPair(left: $0, right: $1) }
            var random = SplitMix64(seed: shuffleSeed)
            let shuffled = records.shuffled(using: &random)
            pairs += zip(declared, shuffled).map { RecordPair(left: $0, right: $1) }
            let (model, report) = try ModelTrainer.train(pairs: pairs, initial: start)
            try model.write(to: URL(fileURLWithPath: out))
            print("model \(model.version): \(report.pairs) pairs (\(declared.count) candidate + \(shuffled.count) shuffled), "
                  + "\(report.distinctPatterns) comparison patterns, \(report.iterations) EM iterations, converged: \(report.converged)")
            print("λ \(String(format: "%.4f", report.initialLambda)) → \(String(format: "%.4f", report.lambda)); written to \(out)")
            for comparison in model.comparisons {
                let levels = comparison.levels.map { "\($0.name) m=\(String(format: "%.4f", $0.m)) u=\(String(format: "%.5f", $0.u))" }
                print("  \(comparison.field.rawValue): " + levels.joined(separator: "; "))
            }
        }
    }
}
