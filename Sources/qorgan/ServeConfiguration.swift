import Foundation
import Service

/// Everything `qorgan serve` can be told, with its default.
///
/// Resolved in this order, each source overriding the ones before it: the defaults below < the configuration file
/// (`--config FILE` or `QORGAN_CONFIG`, JSON with exactly these keys — an unknown key is an error naming it) < the
/// environment (`QORGAN_*`) < command-line flags. `ServeConfiguration+ConfigReader.swift` lists every key,
/// variable and flag. Paths are taken as written (relative ones against the working directory).
///
/// ```json
/// {"host": "0.0.0.0", "port": 8443, "dataDirectory": "/srv/qorgan",
///  "registries": "/etc/qorgan/registries.json", "requestDeadlineMilliseconds": 3000,
///  "rateLimit": {"requestsPerSecond": 100, "burst": 200}}
/// ```
///
/// The store's keys are not configured here: `QORGAN_LOOKUP_KEY`/`QORGAN_PAYLOAD_KEY` (base64), else
/// `<dataDirectory>/store-keys.json`, generated on first start.
struct ServeConfiguration: Sendable, Hashable, Codable {
    /// The per-API-key token bucket.
    struct RateLimit: Sendable, Hashable, Codable {
        /// Sustained requests per second per key. Default 200.
        var requestsPerSecond: Double = 200
        /// Requests a key may send at once after being idle. Default 400.
        var burst: Int = 400
        /// Whether the limit applies at all. Default `true`.
        var enabled: Bool = true
    }

    /// Listen address. Default `127.0.0.1`.
    var host: String = "127.0.0.1"
    /// Listen port; 0 picks any free port. Default 8080.
    var port: Int = 8080
    /// Where the SQLite database (`qorgan.sqlite`), the store keys, the bootstrap API keys and the mocks' connection
    /// material live. Default `var`.
    var dataDirectory: String = "var"
    /// The store: an SQLite file path, or `postgres://user[:password]@host[:port]/database[?sslmode=…&schema=…]` for
    /// several gateways (and `qorgan worker`s) sharing one PostgreSQL database. Default none: SQLite at
    /// `<dataDirectory>/qorgan.sqlite`.
    var database: String?
    /// A registry configuration file (JSON, see adapters/RegistryAdapters/README.md): real registry URLs and
    /// certificates instead of the in-process mocks; `QORGAN_REGISTRY_<NAME>_URL` etc. override it in turn.
    /// Default none: start the mock registries in this process.
    var registries: String?
    /// With the in-process mocks: serve a population written by `qorgan population generate`. Default none
    /// (generate one from ``seed`` and ``people``).
    var population: String?
    /// Seed of the generated population. Default 1.
    var seed: UInt64 = 1
    /// Size of the generated population (people). Default 10 000.
    var people: Int = 10_000
    /// A match model file (JSON). Default none: the built-in model.
    var model: String?
    /// `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`. Default `info`.
    var logLevel: String = "info"
    /// The deadline every request's registry calls share, in milliseconds. Default 2 000.
    var requestDeadlineMilliseconds: Int = 2_000
    /// The largest request body accepted, in bytes. Default 1 048 576 (1 MiB).
    var maxRequestBodyBytes: Int = 1 << 20
    /// Whether each request is logged (method, route template, status, duration). Default `true`.
    var accessLog: Bool = true
    /// Seconds a connection may stay silent (a slow or stalled client, a slowloris head) before it is closed.
    /// Default 15.
    var idleTimeoutSeconds: Int = 15
    /// The per-key rate limit. Default 200 requests/s, burst 400, enabled.
    var rateLimit: RateLimit = RateLimit()
    /// Hours between the scheduled re-verifications of every active voucher (as `qorgan reverify`; reports in
    /// `<dataDirectory>/reverify`); the first run starts one interval after start, a run a stopped server left
    /// unfinished resumes at start. 0 turns the job off. Default 24.
    var reverifyIntervalHours: Double = 24
    /// Whether Swift concurrency runs on NIO's event loops (the threads that do the network I/O) instead of its own
    /// thread pool, saving a thread hand-off per await on I/O. Process-wide. Default `true` (measured: 15,000
    /// activations 82.8 s → 68.4 s, registration checks 667 → 726/s; BENCHMARKS.md).
    var nioExecutor: Bool = true
    /// Seconds the voucher gate reuses a provider's status found in the business registry (`CachedBusinessRegistry`:
    /// found entities only; qualification checks and re-verification always ask the registry). 0 turns the cache
    /// off. Default 300.
    var providerStatusCacheSeconds: Int = 300
    /// Subjects per generation the registration check remembers as having confirmed their consent
    /// (`ConfirmedConsentCache`: positive answers only, since a confirmed consent stays valid). 0 turns the cache off.
    /// Default 100,000.
    var consentCacheSize: Int = 100_000
    /// Whether the operator console's cookies carry `Secure` (set it when the console is reached over HTTPS, e.g.
    /// through a TLS-terminating proxy). Default `false`: plain HTTP on loopback.
    var consoleSecureCookies: Bool = false

    /// Every default as documented.
    static let `default` = ServeConfiguration()

    /// The service settings these values imply (everything else at ``GatewayServiceConfiguration``'s defaults).
    var gateway: GatewayServiceConfiguration {
        var configuration = GatewayServiceConfiguration.default
        configuration.host = host
        configuration.port = port
        configuration.requestDeadline = .milliseconds(requestDeadlineMilliseconds)
        configuration.maxRequestBodySize = maxRequestBodyBytes
        configuration.accessLog = accessLog
        configuration.idleTimeout = .seconds(idleTimeoutSeconds)
        configuration.rateLimit.requestsPerSecond = rateLimit.requestsPerSecond
        configuration.rateLimit.burst = rateLimit.burst
        configuration.rateLimit.isEnabled = rateLimit.enabled
        return configuration
    }
}
