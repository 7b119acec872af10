import ArgumentParser
import Foundation
import Hummingbird
import Identifiers
import Logging
import Matching
import Population
import RegistryAdapters
import RegistryMocks
import Service
import Storage
import Verification

/// `qorgan serve` — the gateway service. With no arguments: the embedded default (mock registries in this process on
/// loopback, SQLite at ./var/qorgan.sqlite, the API on 127.0.0.1:8080, bootstrap API keys in ./var/api-keys.json).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the gateway API (embedded mock registries and SQLite by default).",
        discussion: """
            Environment overrides: QORGAN_HOST, QORGAN_PORT, QORGAN_DATA_DIR, QORGAN_REGISTRIES (a registry configuration \
            file: real registries instead of the in-process mocks; see adapters/RegistryAdapters/README.md), QORGAN_MODEL, \
            QORGAN_LOOKUP_KEY and QORGAN_PAYLOAD_KEY (base64, 32 bytes each; otherwise generated once into DATA_DIR/store-keys.json), \
            QORGAN_LOG_LEVEL, and the registry overrides QORGAN_REGISTRY_<NAME>_URL etc.
            """
    )

    @OptionGroup var source: PopulationSource

    @Option(help: "Listen address (default 127.0.0.1).")
    var host: String?

    @Option(help: "Port (default 8080; 0 = any free port).")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Where the SQLite database, keys and mock connection material live (default ./var).")
    var dataDirectory: String?

    @Option(help: "Registry configuration file (JSON); default: start the mock registries in this process.")
    var registries: String?

    @Option(help: "Match model file (JSON); default: the built-in model.")
    var model: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error, critical (default info).")
    var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let level = Logger.Level(rawValue: logLevel ?? environment["QORGAN_LOG_LEVEL"] ?? "info") ?? .info
        _ = GatewayLogging.bootstrap(level: level)
        let logger = Logger(label: "qorgan.serve")
        let metrics = GatewayMetrics.bootstrap()

        var configuration = GatewayServiceConfiguration.default
        configuration.host = host ?? environment["QORGAN_HOST"] ?? configuration.host
        if let port = port ?? environment["QORGAN_PORT"].flatMap(Int.init) { configuration.port = port }
        let data = URL(fileURLWithPath: dataDirectory ?? environment["QORGAN_DATA_DIR"] ?? "var", isDirectory: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)

        let keys = try StoreKeyFile.load(directory: data, environment: environment)
        let store = try SQLiteGatewayStore(path: data.appendingPathComponent("qorgan.sqlite").path, keys: keys)
        let matchModel = try (model ?? environment["QORGAN_MODEL"]).map { try MatchModel(contentsOf: URL(fileURLWithPath: $0)) } ?? .default

        var embedded: EmbeddedRegistries?
        let adapters: RegistryAdapterSet
        var registryLine: String
        if let file = registries ?? environment["QORGAN_REGISTRIES"] {
            adapters = try RegistryAdapterFactory.make(RegistryConfiguration.load(from: URL(fileURLWithPath: file)), logger: logger)
            registryLine = "registries: from \(file)"
        } else {
            let population = try source.make()
            let started = try await EmbeddedRegistries.start(
                population: population, materialDirectory: data.appendingPathComponent("mocks", isDirectory: true), logger: logger)
            embedded = started
            adapters = started.adapters
            registryLine = "registries: in-process mocks (\(population.people.count) people) — "
                + started.mocks.endpoints.map { "\($0.name.rawValue) \($0.baseURL)" }.joined(separator: ", ")
        }

        let issued = try await BootstrapKeys.ensure(store: store, directory: data)
        let dependencies = GatewayDependencies(registries: adapters, store: store, protector: store.personalData, model: matchModel)
        let app = buildGatewayApplication(
            configuration: configuration, apiKeys: store, readiness: ReadinessProbes.checks(store: store, registries: adapters),
            metrics: metrics, logger: logger
        ) { routes in
            GatewayAPI(dependencies: dependencies).register(on: routes)
        }
        var lines: [String] = []
        lines.append("qorgan serve: API on http://\(configuration.host):\(configuration.port) (model \(matchModel.version))")
        lines.append("  store: \(data.appendingPathComponent("qorgan.sqlite").path)")
        lines.append("  \(registryLine)")
        if issued.isEmpty {
            lines.append("  API keys: as issued on first start, in \(data.appendingPathComponent(BootstrapKeys.fileName).path)")
        } else {
            lines.append("  API keys (also in \(data.appendingPathComponent(BootstrapKeys.fileName).path)):")
            for key in issued { lines.append("    \(key.record.role.rawValue.padded(15)) \(key.key)") }
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        do {
            try await app.runService()
        } catch {
            await adapters.shutdown()
            if let embedded { await embedded.mocks.shutdown() }
            throw error
        }
        await adapters.shutdown()
        if let embedded { await embedded.mocks.shutdown() }
    }
}
