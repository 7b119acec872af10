import ArgumentParser
import Cleansing
import Foundation
import Logging
import Matching
import RegistryAdapters
import RegistryMocks
import Service
import Storage
import Verification

/// `qorgan cleanse INPUT --out RESULTS.csv --report REPORT.html [--notify] [--resume]` — batch cleansing of parent
/// records against the registries (in-process mocks by default), resumable after a crash.
struct CleanseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanse",
        abstract: "Check a CSV of parent records against the registries: a results CSV (every row, once), an HTML report, SMS to parents.",
        discussion: """
            Input: UTF-8 (with or without BOM) or Windows-1251, ';' ',' or tab, column names in Russian, Kazakh or English \
            (or --columns 'iin=ИИН родителя,surname=Фам.'). Unreadable rows are kept in the results as UNREADABLE with their line.
            Registries: the in-process mocks (--population/--seed/--people), or --registries FILE (QORGAN_REGISTRIES).
            Checkpoints: DATA_DIR/qorgan.sqlite (QORGAN_DATA_DIR, default ./var), or --database (QORGAN_DATABASE): an SQLite file \
            or postgres://…. After a crash or kill, rerun with --resume. With --database postgres://… --distributed the job is split \
            into chunks that 'qorgan worker' processes lease and decide; this command plans them, waits, and writes the outputs.
            SMS (short number 1414, Russian and Kazakh) only with --notify; otherwise a dry run that counts them.
            Exit status: 0 done; 1 the job could not run (input, store); 64 usage.
            """
    )

    @Argument(help: "The parent records (CSV).")
    var input: String

    @Option(help: "Results CSV to write.")
    var out: String

    @Option(help: "HTML report to write (a JSON summary is written beside it).")
    var report: String?

    @Option(help: "JSON summary to write (default: the report's path with .json).")
    var summary: String?

    @Flag(help: "Send SMS to parents who must act (default: dry run).")
    var notify = false

    @Flag(help: "Continue the newest unfinished job of this input.")
    var resume = false

    @Option(help: "Column mapping, e.g. 'iin=ИИН родителя,surname=Фам.,phone=#7'.")
    var columns: String = ""

    @OptionGroup var source: PopulationSource

    @Option(help: "Registry configuration file (JSON); default: the mock registries in this process.")
    var registries: String?

    @Option(name: .customLong("data-dir"), help: "Where the SQLite checkpoints and keys live (default ./var).")
    var dataDirectory: String?

    @Option(help: "The store: an SQLite file or postgres://user@host:port/database (default DATA_DIR/qorgan.sqlite; QORGAN_DATABASE).")
    var database: String?

    @Flag(help: "Let 'qorgan worker' processes decide the rows (needs --database postgres://…): plan chunks, wait, write the outputs.")
    var distributed = false

    @Option(help: "Match model file (JSON); default: the built-in model.")
    var model: String?

    @Option(help: "Rows in flight towards the registries at once.")
    var concurrency: Int = CleansingJobConfiguration().maximumConcurrentRows

    @Option(name: .customLong("chunk-size"), help: "Rows per checkpoint.")
    var chunkSize: Int = CleansingJobConfiguration().chunkSize

    @Option(name: .customLong("sms-rate"), help: "SMS per second at most.")
    var smsRate: Double = CleansingJobConfiguration().notificationsPerSecond

    @Option(help: "Progress display: automatic (a bar on a terminal, lines otherwise), bar, lines, silent.")
    var progress: String = "automatic"

    @Option(name: .customLong("log-level"), help: "Log level of the JSON log on standard error (default warning).")
    var logLevel: String?

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be ≥ 1") }
        guard chunkSize >= 1 else { throw ValidationError("--chunk-size must be ≥ 1") }
        guard smsRate > 0 else { throw ValidationError("--sms-rate must be > 0") }
        guard ProgressConfiguration.Style(rawValue: progress) != nil else {
            throw ValidationError("--progress must be one of \(ProgressConfiguration.Style.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        NIOExecutorChoice.install(environment, byDefault: true)
        _ = GatewayLogging.bootstrap(level: Logger.Level(rawValue: logLevel ?? environment["QORGAN_LOG_LEVEL"] ?? "warning") ?? .warning)
        let logger = Logger(label: "qorgan.cleanse")
        guard FileManager.default.isReadableFile(atPath: input) else {
            Self.fail("cannot read \(input)")
        }

        let data = URL(fileURLWithPath: dataDirectory ?? environment["QORGAN_DATA_DIR"] ?? "var", isDirectory: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let keys = try StoreKeyFile.load(directory: data, environment: environment)
        let database = try await DatabaseSelection.open(
            database: self.database ?? environment["QORGAN_DATABASE"], dataDirectory: data, keys: keys, logger: logger)
        if distributed, database.postgres == nil {
            await database.close()
            Self.fail("--distributed needs --database postgres://… (workers lease chunks from PostgreSQL)")
        }
        let store = database.store
        let matchModel = try (model ?? environment["QORGAN_MODEL"]).map { try MatchModel(contentsOf: URL(fileURLWithPath: $0)) } ?? .default

        let selection = try await RegistrySelection.open(
            file: registries ?? environment["QORGAN_REGISTRIES"], population: { try source.make() }, dataDirectory: data, logger: logger)
        let adapters = selection.adapters

        let configuration = CleansingJobConfiguration(
            chunkSize: chunkSize, maximumConcurrentRows: concurrency, notify: notify, notificationsPerSecond: smsRate)
        let runner = CleansingJobRunner(
            store: store, protector: database.personalData, pipeline: CleansingPipeline(persons: adapters.persons, model: matchModel),
            sms: adapters.sms, configuration: configuration,
            progress: ProgressConfiguration(style: ProgressConfiguration.Style(rawValue: progress) ?? .automatic), logger: logger)
        let request = CleansingJobRequest(inputPath: input, outputPath: out, reportPath: report, summaryPath: summary, resume: resume, columns: columns)

        let outcome: CleansingJobOutcome
        do {
            if distributed, let shared = database.postgres {
                let coordinator = LeasedCleansingCoordinator(
                    runner: runner, store: shared, configuration: configuration,
                    progress: ProgressConfiguration(style: ProgressConfiguration.Style(rawValue: progress) ?? .automatic), logger: logger)
                outcome = try await coordinator.run(request)
            } else {
                outcome = try await runner.run(request)
            }
        } catch {
            await selection.shutdown()
            await database.close()
            Self.fail(error.message)
        }
        await selection.shutdown()
        await database.close()
        print(Self.describe(outcome, request: request, notify: notify))
    }

    /// The closing text: rows, decisions, unreadable lines, files, notifications.
    static func describe(_ outcome: CleansingJobOutcome, request: CleansingJobRequest, notify: Bool) -> String {
        let summary = outcome.summary
        let rate = outcome.durationSeconds > 0 ? Double(outcome.rowsDecided) / outcome.durationSeconds : 0
        var lines: [String] = []
        lines.append(
            "qorgan cleanse: \(outcome.rowsWritten) rows → \(request.outputPath) (batch \(outcome.batchID)\(outcome.resumed ? ", resumed: \(outcome.rowsAlreadyDone) rows were done" : ""); "
                + "\(outcome.rowsDecided) decided in \(String(format: "%.1f", outcome.durationSeconds)) s, \(Int(rate)) rows/s)")
        lines.append("  " + summary.statuses.filter { $0.count > 0 }.map { "\($0.label) \($0.count)" }.joined(separator: " · "))
        for row in outcome.unreadable {
            lines.append("  line \(row.line): UNREADABLE \(row.reason)")
        }
        if summary.unreadableRows > outcome.unreadable.count {
            lines.append("  … \(summary.unreadableRows - outcome.unreadable.count) more unreadable rows (status UNREADABLE in the results)")
        }
        if let report = request.reportPath { lines.append("  report: \(report)") }
        if let json = request.resolvedSummaryPath { lines.append("  summary: \(json)") }
        let wouldSend = outcome.notifications[.wouldSend, default: 0]
        if notify {
            lines.append(
                "  SMS: \(outcome.notifications[.sent, default: 0]) sent, \(outcome.notifications[.alreadyNotified, default: 0]) already notified, "
                    + "\(outcome.notifications[.failed, default: 0]) failed")
        } else if wouldSend > 0 {
            lines.append("  SMS: dry run, \(wouldSend) rows would notify a parent (add --notify to send)")
        }
        return lines.joined(separator: "\n")
    }

    /// Prints `qorgan cleanse: message` on standard error and exits 1.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("qorgan cleanse: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
