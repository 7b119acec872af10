import ArgumentParser
import Cleansing
import Foundation
import Logging
import Matching
import PostgresStorage
import RegistryAdapters
import Service
import Storage

/// `qorgan worker --database postgres://…` — a batch worker: takes chunks of any running cleansing job from the shared
/// PostgreSQL store (leases, `SELECT … FOR UPDATE SKIP LOCKED`), decides their rows against the registries and saves
/// them. Start as many as the registries bear, on any machines that see the jobs' input files; a killed worker's
/// chunk is taken over once its lease expires.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Decide chunks of shared batch jobs (qorgan cleanse --distributed) from a PostgreSQL store.",
        discussion: """
            Jobs come from 'qorgan cleanse INPUT --database postgres://… --distributed' (or a gateway's batch uploads); the input \
            path the job names must be readable here. Store keys: QORGAN_LOOKUP_KEY and QORGAN_PAYLOAD_KEY, or DATA_DIR/store-keys.json \
            — the same keys as every other process on the database. Registries: the in-process mocks (--population/--seed/--people) \
            or --registries FILE (QORGAN_REGISTRIES). Stops on SIGINT/SIGTERM, or with --exit-when-idle once no chunk is left.
            """
    )

    @Option(help: "The shared store: postgres://user[:password]@host[:port]/database[?sslmode=…&schema=…] (or QORGAN_DATABASE).")
    var database: String?

    @OptionGroup var source: PopulationSource

    @Option(help: "Registry configuration file (JSON); default: the mock registries in this process.")
    var registries: String?

    @Option(name: .customLong("data-dir"), help: "Where store keys and mock material live (default ./var).")
    var dataDirectory: String?

    @Option(help: "Match model file (JSON); default: the built-in model.")
    var model: String?

    @Option(help: "Rows in flight towards the registries at once.")
    var concurrency: Int = CleansingJobConfiguration().maximumConcurrentRows

    @Option(name: .customLong("lease-seconds"), help: "Lease length: a dead worker's chunk is taken over this long after its last renewal (default 30).")
    var leaseSeconds: Int = 30

    @Option(name: .customLong("sms-rate"), help: "SMS per second at most (jobs started with --notify).")
    var smsRate: Double = CleansingJobConfiguration().notificationsPerSecond

    @Option(help: "The worker's name in leases and logs (default host-pid).")
    var name: String?

    @Flag(name: .customLong("exit-when-idle"), help: "Stop once no chunk of any job is available (default: wait for work).")
    var exitWhenIdle = false

    @Option(name: .customLong("log-level"), help: "Log level of the JSON log on standard error (default info).")
    var logLevel: String?

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be ≥ 1") }
        guard leaseSeconds >= 3 else { throw ValidationError("--lease-seconds must be ≥ 3") }
        guard smsRate > 0 else { throw ValidationError("--sms-rate must be > 0") }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil { throw ValidationError("unknown --log-level \(logLevel)") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        NIOExecutorChoice.install(environment)
        _ = GatewayLogging.bootstrap(level: Logger.Level(rawValue: logLevel ?? environment["QORGAN_LOG_LEVEL"] ?? "info") ?? .info)
        let logger = Logger(label: "qorgan.worker")
        guard let database = database ?? environment["QORGAN_DATABASE"], PostgresDatabaseURL.isPostgresURL(database) else {
            throw ValidationError("qorgan worker needs --database postgres://… (or QORGAN_DATABASE): leases live in PostgreSQL")
        }
        let data = URL(fileURLWithPath: dataDirectory ?? environment["QORGAN_DATA_DIR"] ?? "var", isDirectory: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let keys = try StoreKeyFile.load(directory: data, environment: environment)
        let selection = try await DatabaseSelection.open(database: database, dataDirectory: data, keys: keys, logger: logger)
        guard let store = selection.postgres else { throw ValidationError("--database must be postgres://…") }
        let matchModel = try (model ?? environment["QORGAN_MODEL"]).map { try MatchModel(contentsOf: URL(fileURLWithPath: $0)) } ?? .default
        let registries = try await RegistrySelection.open(
            file: registries ?? environment["QORGAN_REGISTRIES"], population: { try source.make() }, dataDirectory: data, logger: logger)
        let workerName = name ?? "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        let worker = LeasedCleansingWorker(
            store: store, protector: store.personalData, pipeline: CleansingPipeline(persons: registries.adapters.persons, model: matchModel),
            sms: registries.adapters.sms, name: workerName,
            job: CleansingJobConfiguration(maximumConcurrentRows: concurrency, notificationsPerSecond: smsRate),
            leasing: LeasedCleansingConfiguration(leaseDuration: .seconds(leaseSeconds), exitsWhenIdle: exitWhenIdle), logger: logger)
        FileHandle.standardOutput.write(Data("qorgan worker \(workerName): \(selection.summary); \(registries.summary)\n".utf8))

        // SIGINT/SIGTERM cancel the worker: a chunk in progress is not completed (its lease lapses and another worker
        // takes it over), nothing half-saved.
        let task = Task { () async -> Result<LeasedCleansingWorker.Report, CleansingError> in
            do throws(CleansingError) { return .success(try await worker.run()) } catch { return .failure(error) }
        }
        let signals = MocksCommand.Serve.stopSignals { task.cancel() }
        let outcome = await task.value
        signals.forEach { $0.cancel() }
        await registries.shutdown()
        await selection.close()
        switch outcome {
        case .success(let report):
            print("qorgan worker \(workerName): \(report.chunks) chunks, \(report.rows) rows, \(report.lostLeases) leases lost")
        case .failure(let error):
            FileHandle.standardError.write(Data("qorgan worker: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
