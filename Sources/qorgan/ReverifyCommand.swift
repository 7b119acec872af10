import ArgumentParser
import Foundation
import Identifiers
import Logging
import Population
import RegistryAdapters
import Reverification
import Service
import Storage

/// `qorgan reverify [--since DATE] [--resume] [--out-dir DIR]` — re-verifies every active voucher against the
/// registries (in-process mocks by default), queues changed ones for operators, and writes the contradictions and
/// provider anomalies as CSV plus an HTML report and a JSON summary. Resumable after a crash.
struct ReverifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverify",
        abstract: "Re-check active vouchers against the registries; report contradictions and provider anomalies (\"dead souls\").",
        discussion: """
            Every active voucher (period not ended on --active-on, default today) whose subject the gateway kept at activation is \
            checked again: child, parent link, region, school enrolment, health category, provider. A changed fact becomes a \
            decision REVIEW or SUSPEND_SUGGESTED in the review queue; nothing is suspended without an operator.
            Outputs in --out-dir (default ./var/reverify): results.csv, contradictions.csv, anomalies.csv, report.html, summary.json.
            Registries: the in-process mocks (--population/--seed/--people, --events-seed N serves them with later events), or \
            --registries FILE (QORGAN_REGISTRIES). Store: DATA_DIR/qorgan.sqlite (QORGAN_DATA_DIR, default ./var); after a crash \
            rerun with --resume.
            Exit status: 0 done; 1 the run could not complete (store, registries configuration, outputs); 64 usage.
            """
    )

    @Option(help: "Only vouchers activated on or after this day (yyyy-MM-dd, UTC).")
    var since: String?

    @Option(name: .customLong("active-on"), help: "Vouchers whose period has not ended on this day (yyyy-MM-dd; default today, UTC).")
    var activeOn: String?

    @Flag(help: "Continue the newest unfinished run.")
    var resume = false

    @Option(name: .customLong("out-dir"), help: "Where the CSV files, report.html and summary.json go (default DATA_DIR/reverify).")
    var outDirectory: String?

    @OptionGroup var source: PopulationSource

    @Option(name: .customLong("events-seed"), help: "With the in-process mocks: serve the population with later events from this seed.")
    var eventsSeed: UInt64?

    @Option(help: "Registry configuration file (JSON); default: the mock registries in this process.")
    var registries: String?

    @Option(name: .customLong("data-dir"), help: "Where the SQLite store and keys live (default ./var).")
    var dataDirectory: String?

    @Option(help: "Vouchers in flight towards the registries at once.")
    var concurrency: Int = ReverificationConfiguration().maximumConcurrentVouchers

    @Option(name: .customLong("chunk-size"), help: "Vouchers per checkpoint.")
    var chunkSize: Int = ReverificationConfiguration().chunkSize

    @Option(name: .customLong("log-level"), help: "Log level of the JSON log on standard error (default warning).")
    var logLevel: String?

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be ≥ 1") }
        guard chunkSize >= 1 else { throw ValidationError("--chunk-size must be ≥ 1") }
        if let since, Self.day(since) == nil { throw ValidationError("--since must be a date yyyy-MM-dd") }
        if let activeOn, Self.day(activeOn) == nil { throw ValidationError("--active-on must be a date yyyy-MM-dd") }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        _ = GatewayLogging.bootstrap(level: Logger.Level(rawValue: logLevel ?? environment["QORGAN_LOG_LEVEL"] ?? "warning") ?? .warning)
        let logger = Logger(label: "qorgan.reverify")
        let data = URL(fileURLWithPath: dataDirectory ?? environment["QORGAN_DATA_DIR"] ?? "var", isDirectory: true)
        let outputs = outDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? data.appendingPathComponent("reverify", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        } catch {
            Self.fail("cannot create \(outputs.path)")
        }
        let keys = try StoreKeyFile.load(directory: data, environment: environment)
        let store = try SQLiteGatewayStore(path: data.appendingPathComponent("qorgan.sqlite").path, keys: keys)
        let source = self.source
        let eventsSeed = self.eventsSeed
        let selection = try await RegistrySelection.open(
            file: registries ?? environment["QORGAN_REGISTRIES"],
            population: {
                let population = try source.make()
                guard let eventsSeed else { return population }
                return population.applying(try PopulationEvents.generate(for: population, configuration: PopulationEventConfiguration(seed: eventsSeed)))
            }, dataDirectory: data, logger: logger)
        let adapters = selection.adapters
        let runner = ReverificationRunner(
            store: store, protector: store.personalData,
            checker: ReverificationChecker(
                persons: adapters.persons, birthRecords: adapters.birthRecords, health: adapters.health, education: adapters.education,
                business: adapters.business),
            configuration: ReverificationConfiguration(chunkSize: chunkSize, maximumConcurrentVouchers: concurrency), logger: logger,
            progress: { checked in FileHandle.standardError.write(Data("qorgan reverify: \(checked) vouchers checked\n".utf8)) })
        let request = ReverificationRequest(
            activeOn: activeOn.flatMap(Self.day) ?? Self.today(), activatedSince: since.flatMap(Self.day).map(Self.startOfDay), resume: resume,
            resultsPath: outputs.appendingPathComponent("results.csv").path, contradictionsPath: outputs.appendingPathComponent("contradictions.csv").path,
            anomaliesPath: outputs.appendingPathComponent("anomalies.csv").path, reportPath: outputs.appendingPathComponent("report.html").path,
            summaryPath: outputs.appendingPathComponent("summary.json").path)
        let outcome: ReverificationRunOutcome
        do {
            outcome = try await runner.run(request)
        } catch {
            await selection.shutdown()
            Self.fail(error.message)
        }
        await selection.shutdown()
        print(Self.describe(outcome, outputs: outputs))
    }

    /// The closing text.
    static func describe(_ outcome: ReverificationRunOutcome, outputs: URL) -> String {
        let summary = outcome.summary
        let rate = outcome.durationSeconds > 0 ? Double(outcome.checkedNow) / outcome.durationSeconds : 0
        var lines = [
            "qorgan reverify: \(summary.vouchers) active vouchers (run \(outcome.runID)\(outcome.resumed ? ", resumed" : ""); "
                + "\(outcome.checkedNow) checked in \(String(format: "%.1f", outcome.durationSeconds)) s, \(Int(rate)) vouchers/s)",
            "  " + ReverificationOutcome.allCases.map { "\($0.rawValue) \(summary.outcomes[$0.rawValue] ?? 0)" }.joined(separator: " · "),
        ]
        if !summary.contradictions.isEmpty {
            lines.append("  contradictions: " + summary.contradictions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · "))
        }
        if !summary.anomalies.isEmpty {
            lines.append("  anomalies: " + summary.anomalies.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · "))
        }
        if summary.flagged > 0 { lines.append("  \(summary.flagged) vouchers queued for review (GET /v1/reviews); none suspended") }
        lines.append("  outputs: \(outputs.path)/{results,contradictions,anomalies}.csv, report.html, summary.json")
        return lines.joined(separator: "\n")
    }

    static func day(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    static func today() -> CalendarDate {
        let components = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: Date())
        return CalendarDate(year: components.year ?? 1970, month: components.month ?? 1, day: components.day ?? 1) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }

    static func startOfDay(_ day: CalendarDate) -> Date {
        var components = DateComponents()
        components.year = day.year
        components.month = day.month
        components.day = day.day
        components.timeZone = .gmt
        return Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// Prints `qorgan reverify: message` on standard error and exits 1.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("qorgan reverify: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
