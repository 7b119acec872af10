import ArgumentParser
import Cleansing
import Foundation
import Hummingbird
import Identifiers
import Logging
import Matching
import NIOCore
import NIOPosix
import Population
import PostgresStorage
import RegistryAdapters
import RegistryMocks
import Reverification
import Service
import Storage
import Verification

/// `qorgan serve` — the gateway service. With no arguments: the embedded default (mock registries in this process on
/// loopback, SQLite at ./var/qorgan.sqlite, the API on 127.0.0.1:8080, bootstrap API keys in ./var/api-keys.json).
///
/// Settings come from ``ServeConfiguration``: defaults < `--config FILE` (or `QORGAN_CONFIG`) < `QORGAN_*` variables
/// < flags. `--print-configuration` prints the resolved settings as JSON and exits.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the gateway API (embedded mock registries and SQLite by default).",
        discussion: """
            Settings: defaults < configuration file (--config FILE or QORGAN_CONFIG; JSON, unknown keys are an error) < \
            environment < flags. File keys and variables: host QORGAN_HOST, port QORGAN_PORT, dataDirectory QORGAN_DATA_DIR, \
            database QORGAN_DATABASE (an SQLite file, or postgres://… for several gateways sharing one PostgreSQL), \
            registries QORGAN_REGISTRIES (a registry configuration file: real registries instead of the in-process mocks; see \
            adapters/RegistryAdapters/README.md), population QORGAN_POPULATION, seed QORGAN_SEED, people QORGAN_PEOPLE, \
            model QORGAN_MODEL, logLevel QORGAN_LOG_LEVEL, requestDeadlineMilliseconds QORGAN_REQUEST_DEADLINE_MS, \
            maxRequestBodyBytes QORGAN_MAX_BODY_BYTES, accessLog QORGAN_ACCESS_LOG, idleTimeoutSeconds QORGAN_IDLE_TIMEOUT_SECONDS, \
            providerStatusCacheSeconds QORGAN_PROVIDER_STATUS_CACHE_SECONDS, consentCacheSize QORGAN_CONSENT_CACHE_SIZE, \
            rateLimit.requestsPerSecond \
            QORGAN_RATE_LIMIT_RPS, rateLimit.burst QORGAN_RATE_LIMIT_BURST, rateLimit.enabled QORGAN_RATE_LIMIT_ENABLED, \
            reverifyIntervalHours QORGAN_REVERIFY_INTERVAL_HOURS (scheduled re-verification of active vouchers; 0 = off), \
            nioExecutor QORGAN_NIO_EXECUTOR (run Swift concurrency on NIO's event loops), \
            consoleSecureCookies QORGAN_CONSOLE_SECURE_COOKIES (Secure cookies for the operator console behind HTTPS). \
            Store keys: QORGAN_LOOKUP_KEY and QORGAN_PAYLOAD_KEY (base64, 32 bytes each; otherwise generated once into \
            DATA_DIR/store-keys.json). Registry overrides: QORGAN_REGISTRY_<NAME>_URL etc.
            """
    )

    @Option(help: "Configuration file (JSON; see README). Default: QORGAN_CONFIG, else none.")
    var config: String?

    @Flag(name: .customLong("print-configuration"), help: "Print the resolved configuration as JSON and exit.")
    var printConfiguration = false

    @Option(help: "Serve a population written by 'qorgan population generate' instead of generating one.")
    var population: String?

    @Option(help: "Seed of the generated population (default 1; ignored with --population).")
    var seed: UInt64?

    @Option(help: "Number of people to generate (default 10000; ignored with --population).")
    var people: Int?

    @Option(help: "Listen address (default 127.0.0.1).")
    var host: String?

    @Option(help: "Port (default 8080; 0 = any free port).")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Where the SQLite database, keys and mock connection material live (default ./var).")
    var dataDirectory: String?

    @Option(help: "The store: an SQLite file or postgres://user@host:port/database (default DATA_DIR/qorgan.sqlite).")
    var database: String?

    @Option(help: "Registry configuration file (JSON); default: start the mock registries in this process.")
    var registries: String?

    @Option(help: "Match model file (JSON); default: the built-in model.")
    var model: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error, critical (default info).")
    var logLevel: String?

    @Option(name: .customLong("request-deadline-ms"), help: "Deadline shared by a request's registry calls, in ms (default 2000).")
    var requestDeadlineMilliseconds: Int?

    /// The settings: defaults < file < environment < these flags.
    func resolve(environment: [String: String]) throws(ServeConfigurationError) -> ServeConfiguration {
        var resolved = ServeConfiguration.default
        if let file = config ?? environment[ServeConfiguration.fileVariable].flatMap({ $0.isEmpty ? nil : $0 }) {
            try resolved.apply(file: file)
        }
        try resolved.apply(environment: environment)
        typealias Value = ServeConfiguration.Value
        let flags: [(ServeConfiguration.Key, Value?, String)] = [
            (.host, host.map(Value.string), "--host"), (.port, port.map(Value.integer), "--port"),
            (.dataDirectory, dataDirectory.map(Value.string), "--data-dir"), (.database, database.map(Value.string), "--database"),
            (.registries, registries.map(Value.string), "--registries"),
            (.population, population.map(Value.string), "--population"), (.seed, seed.map { Value.string(String($0)) }, "--seed"),
            (.people, people.map(Value.integer), "--people"), (.model, model.map(Value.string), "--model"),
            (.logLevel, logLevel.map(Value.string), "--log-level"),
            (.requestDeadlineMilliseconds, requestDeadlineMilliseconds.map(Value.integer), "--request-deadline-ms"),
        ]
        for case (let key, let value?, let flag) in flags { try resolved.set(key, from: value, source: flag) }
        return resolved
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings: ServeConfiguration
        do { settings = try resolve(environment: environment) } catch { throw ValidationError(error.description) }
        if printConfiguration {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            // A PostgreSQL password never leaves in the printout: the URL is shown as PostgresDatabaseURL describes it.
            var printable = settings
            if let database = settings.database, PostgresDatabaseURL.isPostgresURL(database), let url = try? PostgresDatabaseURL(database) {
                printable.database = url.description
            }
            FileHandle.standardOutput.write(try encoder.encode(printable) + Data("\n".utf8))
            return
        }
        if settings.nioExecutor {
            // Before any other task is started: from here on, awaits resume on the event loop threads.
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        _ = GatewayLogging.bootstrap(level: Logger.Level(rawValue: settings.logLevel) ?? .info)
        let logger = Logger(label: "qorgan.serve")
        // The console's registry health page listens to the registry transports' metrics beside Prometheus.
        let registryHealth = RegistryHealthRecorder()
        let metrics = GatewayMetrics.bootstrap(also: [registryHealth])

        let configuration = settings.gateway
        let data = URL(fileURLWithPath: settings.dataDirectory, isDirectory: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)

        let keys = try StoreKeyFile.load(directory: data, environment: environment)
        let database = try await DatabaseSelection.open(database: settings.database, dataDirectory: data, keys: keys, logger: logger)
        let store = database.store
        let matchModel = try settings.model.map { try MatchModel(contentsOf: URL(fileURLWithPath: $0)) } ?? .default

        let selection = try await RegistrySelection.open(
            file: settings.registries, population: { try PopulationSource.make(path: settings.population, seed: settings.seed, people: settings.people) },
            dataDirectory: data, logger: logger)
        let adapters = selection.adapters
        let registryLine = selection.summary

        let issued = try await BootstrapKeys.ensure(store: store, directory: data)
        // Batch jobs (`POST /v1/batches`): files under DATA_DIR/batches; jobs left unfinished by a stopped server resume on start.
        let batches = BatchJobScheduler(
            store: store, protector: database.personalData, pipeline: CleansingPipeline(persons: adapters.persons, model: matchModel), sms: adapters.sms,
            directory: data.appendingPathComponent("batches", isDirectory: true), logger: Logger(label: "qorgan.batch"))
        let providerStatus: any Verification.BusinessRegistry =
            settings.providerStatusCacheSeconds > 0
            ? CachedBusinessRegistry(adapters.business, configuration: .init(timeToLive: .seconds(settings.providerStatusCacheSeconds)))
            : adapters.business
        let dependencies = GatewayDependencies(
            registries: adapters, store: store, protector: database.personalData, model: matchModel, batches: batches,
            providerStatus: providerStatus, confirmedConsents: ConfirmedConsentCache(capacity: settings.consentCacheSize))
        let reverificationReports = data.appendingPathComponent("reverify", isDirectory: true)
        let app = buildGatewayApplication(
            configuration: configuration, apiKeys: store, readiness: ReadinessProbes.checks(store: store, registries: adapters),
            metrics: metrics, logger: logger
        ) { routes in
            GatewayAPI(dependencies: dependencies).register(on: routes)
            OperatorConsole(
                dependencies: dependencies, configuration: ConsoleConfiguration(secureCookies: settings.consoleSecureCookies), health: registryHealth,
                reverificationReports: reverificationReports, logger: Logger(label: "qorgan.console")
            ).register(on: routes)
        }
        // Scheduled re-verification of the active vouchers (issue 11): reports in DATA_DIR/reverify, flagged vouchers in the review queue.
        let reverificationStore = store as? any ReverificationStore & DecisionStore
        let reverification: ReverificationSchedule? =
            if settings.reverifyIntervalHours > 0, let reverificationStore {
                ReverificationSchedule(
                    interval: .seconds(settings.reverifyIntervalHours * 3_600),
                    runner: ReverificationRunner(
                        store: reverificationStore, protector: database.personalData,
                        checker: ReverificationChecker(
                            persons: adapters.persons, birthRecords: adapters.birthRecords, health: adapters.health, education: adapters.education,
                            business: adapters.business),
                        policy: ReverificationPolicy(activation: VoucherActivationPolicy(family: FamilyPolicy(model: matchModel))),
                        logger: Logger(label: "qorgan.reverify")),
                    store: reverificationStore, outputDirectory: reverificationReports,
                    logger: Logger(label: "qorgan.reverify"))
            } else {
                nil
            }
        var lines: [String] = []
        lines.append("qorgan serve: API on http://\(configuration.host):\(configuration.port) (model \(matchModel.version))")
        lines.append("  operator console: http://\(configuration.host):\(configuration.port)/console (log in with an operator or auditor key)")
        lines.append("  store: \(database.summary)")
        lines.append("  batches: \(batches.directory.path)")
        if let reverification {
            lines.append("  re-verification: every \(settings.reverifyIntervalHours) h, reports in \(reverification.outputDirectory?.path ?? "-")")
        } else {
            lines.append("  re-verification: off (\(settings.reverifyIntervalHours > 0 ? "this store does not keep voucher subjects" : "reverifyIntervalHours 0"))")
        }
        lines.append("  \(registryLine)")
        if issued.isEmpty {
            lines.append("  API keys: as issued on first start, in \(data.appendingPathComponent(BootstrapKeys.fileName).path)")
        } else {
            lines.append("  API keys (also in \(data.appendingPathComponent(BootstrapKeys.fileName).path)):")
            for key in issued { lines.append("    \(key.record.role.rawValue.padded(15)) \(key.key)") }
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        do {
            // The scheduler lives as long as the server: when `runService` returns (SIGTERM/SIGINT, graceful shutdown)
            // it is cancelled, and a job in progress stops at a checkpoint, to be resumed on the next start.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await batches.run() }
                if let reverification { group.addTask { await reverification.run() } }
                try await app.runService()
                group.cancelAll()
            }
        } catch {
            await selection.shutdown()
            await database.close()
            throw error
        }
        await selection.shutdown()
        await database.close()
    }
}
