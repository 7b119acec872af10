import ArgumentParser
import Foundation
import Logging
import Matching
import Population
import RegistryAdapters
import Verification

/// `qorgan eval` — runs a population's declarations through normalisation, the adapters, the in-process mock
/// registries and the match model, and counts the decisions against the ground truth.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Confusion table of declaration decisions against the synthetic ground truth.",
        discussion: """
            Genuine = honest declarations (typing noise allowed); fraudulent = non-existent IIN, someone else's child, \
            deceased child, wrong region. Acceptance bars: genuine auto-MATCH ≥ 97 %, fraudulent auto-MATCH ≤ 0.1 %, \
            REVIEW ≤ 5 % of all; --require-bars exits 1 when one is missed.
            """
    )

    @OptionGroup var source: PopulationSource

    @Option(help: "Match model file (JSON); default: the built-in model.")
    var model: String?

    @Option(help: "Declarations checked at once.")
    var concurrency: Int = 48

    @Option(help: "Only the first N declarations.")
    var limit: Int?

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    @Flag(name: .customLong("require-bars"), help: "Exit 1 when an acceptance bar is missed.")
    var requireBars = false

    func validate() throws {
        guard concurrency > 0 else { throw ValidationError("--concurrency must be > 0") }
    }

    func run() async throws {
        let matchModel = try model.map { try MatchModel(contentsOf: URL(fileURLWithPath: $0)) } ?? .default
        let clock = ContinuousClock()
        let started = clock.now
        let population = try source.make()
        let generated = clock.now
        let logger = Logger(label: "qorgan.eval", factory: { _ in SwiftLogNoOpLogHandler() })
        let material = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-eval-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: material) }
        let registries = try await EmbeddedRegistries.start(population: population, materialDirectory: material, logger: logger)
        let policy = FamilyPolicy(model: matchModel)
        let collector = FamilyEvidenceCollector(persons: registries.adapters.persons, birthRecords: registries.adapters.birthRecords)
        let declarations = limit.map { Array(population.declarations.prefix($0)) } ?? population.declarations
        var evaluation = Evaluation()
        let sweep = DeclarationSweep(collector: collector, concurrency: concurrency, budget: .seconds(20))
        await sweep.run(declarations, consume: { item in
            let assessment = policy.assess(item.parsed, evidence: item.evidence)
            evaluation.record(assessment, truth: population.declarationTruth[item.index])
        }, progress: { done in
            FileHandle.standardError.write(Data("eval: \(done)/\(declarations.count) declarations\n".utf8))
        })
        let finished = clock.now
        await registries.shutdown()

        let seconds = Self.seconds(finished - generated)
        if json {
            print(evaluation.json(model: matchModel.version, people: population.people.count, seconds: seconds).serialized)
        } else {
            print("qorgan eval: \(evaluation.table.total) declarations from \(population.people.count) people, model \(matchModel.version)")
            print("(population \(Self.format(Self.seconds(generated - started))) s, checks \(Self.format(seconds)) s = \(Int(Double(evaluation.table.total) / max(seconds, 0.001))) declarations/s)")
            print(evaluation.tableText)
            print(evaluation.barsText)
            print("by fraud kind:")
            for (kind, row) in evaluation.byFraudKind.sorted(by: { $0.key < $1.key }) {
                print("  \(kind.padded(20)) " + MatchDecision.allCases.map { "\($0.rawValue) \(row[$0] ?? 0)" }.joined(separator: "  "))
            }
            print("reasons (genuine / fraudulent):")
            for (reason, counts) in evaluation.reasons.sorted(by: { $0.key < $1.key }) {
                print("  \(reason.rawValue.padded(28)) \(counts.genuine) / \(counts.fraudulent)")
            }
        }
        if requireBars && !evaluation.meetsBars { throw ExitCode(1) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// Counts of one evaluation run.
struct Evaluation {
    var table = ConfusionTable()
    var byFraudKind: [String: [MatchDecision: Int]] = [:]
    var reasons: [ReasonCode: (genuine: Int, fraudulent: Int)] = [:]

    mutating func record(_ assessment: FamilyAssessment, truth: DeclarationTruth) {
        let genuine = truth.fraud == nil
        table.record(assessment.decision, truth: genuine ? .match : .nonMatch)
        byFraudKind[truth.fraud?.rawValue ?? "GENUINE", default: [:]][assessment.decision, default: 0] += 1
        for reason in assessment.reasons {
            var counts = reasons[reason] ?? (0, 0)
            if genuine { counts.genuine += 1 } else { counts.fraudulent += 1 }
            reasons[reason] = counts
        }
    }

    var genuineMatchRate: Double { table.rate(of: .match, among: .match) }
    var fraudulentMatchRate: Double { table.rate(of: .match, among: .nonMatch) }
    var meetsBars: Bool { genuineMatchRate >= 0.97 && fraudulentMatchRate <= 0.001 && table.reviewRate <= 0.05 }

    var tableText: String {
        table.description.replacingOccurrences(of: "nonMatch   ", with: "fraudulent ").replacingOccurrences(of: "match      ", with: "genuine    ")
    }

    var barsText: String {
        func percent(_ value: Double) -> String { String(format: "%.2f %%", value * 100) }
        return "genuine auto-MATCH \(percent(genuineMatchRate)) (bar ≥ 97 %), fraudulent auto-MATCH \(percent(fraudulentMatchRate)) "
            + "(bar ≤ 0.1 %), REVIEW \(percent(table.reviewRate)) (bar ≤ 5 %) → \(meetsBars ? "bars met" : "BARS MISSED")"
    }

    func json(model: String, people: Int, seconds: Double) -> JSONValue {
        func row(_ truth: ConfusionTable.Truth) -> JSONValue {
            var object = OrderedJSONObject()
            for decision in MatchDecision.allCases { object.append(decision.rawValue, .number(table.count(truth: truth, decision: decision))) }
            return .object(object)
        }
        var object = OrderedJSONObject()
        object.append("genuine", row(.match))
        object.append("fraudulent", row(.nonMatch))
        object.append("model", .string(model))
        object.append("records", .number(table.total))
        object.append("people", .number(people))
        var kinds = OrderedJSONObject()
        for (kind, counts) in byFraudKind.sorted(by: { $0.key < $1.key }) {
            var cells = OrderedJSONObject()
            for decision in MatchDecision.allCases { cells.append(decision.rawValue, .number(counts[decision] ?? 0)) }
            kinds.append(kind, .object(cells))
        }
        object.append("byKind", .object(kinds))
        var reasonObject = OrderedJSONObject()
        for (reason, counts) in reasons.sorted(by: { $0.key < $1.key }) {
            var cells = OrderedJSONObject()
            cells.append("genuine", .number(counts.genuine))
            cells.append("fraudulent", .number(counts.fraudulent))
            reasonObject.append(reason.rawValue, .object(cells))
        }
        object.append("reasons", .object(reasonObject))
        object.append("genuineMatchPermille", .number(Int((genuineMatchRate * 1000).rounded())))
        object.append("meetsBars", .bool(meetsBars))
        object.append("milliseconds", .number(Int(seconds * 1000)))
        return .object(object)
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
