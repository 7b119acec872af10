/// Everything the gateway's HTTP layer can be told, each with a documented default. Start from ``default`` and
/// change what differs:
///
/// ```swift
/// var configuration = GatewayServiceConfiguration.default
/// configuration.port = 9090
/// configuration.rateLimit.requestsPerSecond = 50
/// ```
public struct GatewayServiceConfiguration: Sendable, Hashable {
    /// The address to listen on. Default `127.0.0.1` (loopback only; put a proxy in front for anything else).
    public var host: String
    /// The TCP port. Default `8080`; `0` picks a free port.
    public var port: Int
    /// The `Server` response header. Default `qorgan`.
    public var serverName: String?
    /// The deadline of one request, shared by every registry call it causes. Default 2 s.
    public var requestDeadline: Duration
    /// The largest request body accepted, in bytes; larger ones get 413. Default 1 MiB (1 048 576).
    public var maxRequestBodySize: Int
    /// The largest file upload accepted, in bytes, on the routes that take one (``RequestLimitsMiddleware/uploadRoutes``:
    /// `POST /v1/batches`); larger ones get 413. Default 200 MiB (209 715 200).
    public var maxUploadBodySize: Int
    /// The per-API-key rate limit. Default 200 requests/s, burst 400 (``RateLimitConfiguration/default``).
    public var rateLimit: RateLimitConfiguration
    /// How long an API key looked up in the store is trusted before it is looked up again (so a revoked key stops
    /// working at most this late); `.zero` looks every request up. Default 30 s.
    public var authenticationCacheTTL: Duration
    /// How many looked-up API keys are cached at most. Default 1 024.
    public var authenticationCacheSize: Int
    /// How long each readiness check may take before `/ready` counts it as failed. Default 1 s.
    public var readinessCheckTimeout: Duration
    /// Whether one `info` line per request is logged (method, route template, status, duration, key id — never
    /// the raw path or a body). Default `true`.
    public var accessLog: Bool
    /// A connection that has not delivered a complete request head this long after connecting, or after its previous
    /// response, is closed: idle keep-alive connections and slow-header clients ("slowloris") cannot hold sockets
    /// for ever. Default 15 s; `nil` keeps connections open indefinitely.
    public var idleTimeout: Duration?

    /// A configuration; every parameter defaults to the documented default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        serverName: String? = "qorgan",
        requestDeadline: Duration = .seconds(2),
        maxRequestBodySize: Int = 1 << 20,
        maxUploadBodySize: Int = 200 << 20,
        rateLimit: RateLimitConfiguration = .default,
        authenticationCacheTTL: Duration = .seconds(30),
        authenticationCacheSize: Int = 1024,
        readinessCheckTimeout: Duration = .seconds(1),
        accessLog: Bool = true,
        idleTimeout: Duration? = .seconds(15)
    ) {
        self.host = host
        self.port = port
        self.serverName = serverName
        self.requestDeadline = requestDeadline
        self.maxRequestBodySize = maxRequestBodySize
        self.maxUploadBodySize = maxUploadBodySize
        self.rateLimit = rateLimit
        self.authenticationCacheTTL = authenticationCacheTTL
        self.authenticationCacheSize = authenticationCacheSize
        self.readinessCheckTimeout = readinessCheckTimeout
        self.accessLog = accessLog
        self.idleTimeout = idleTimeout
    }

    /// All defaults: 127.0.0.1:8080, 2 s deadline, 1 MiB bodies (200 MiB uploads), 200 req/s burst 400 per key, 30 s key cache,
    /// 15 s idle timeout.
    public static let `default` = GatewayServiceConfiguration()
}
