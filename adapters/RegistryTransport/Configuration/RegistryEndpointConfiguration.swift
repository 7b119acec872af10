/// How to reach one registry: where, with which credentials, how patiently, how often to retry, when to stop trying.
///
/// Every property documents its default; ``init(registry:baseURL:)`` gives them all.
///
/// ```swift
/// var health = RegistryEndpointConfiguration(registry: "health", baseURL: "http://127.0.0.1:8084")
/// health.credentials = .oauth2ClientCredentials(.init(tokenPath: "/oauth/token", clientId: id, clientSecret: secret))
/// health.timeout.total = .seconds(2)
/// ```
public struct RegistryEndpointConfiguration: Sendable {
    /// Timeouts of one registry.
    ///
    /// AsyncHTTPClient sets connect and read timeouts per client, not per request; the shared client uses
    /// ``RegistryHTTPClient/Configuration``'s values, and this registry's `connect + read` bounds each attempt.
    public struct Timeout: Sendable, Hashable {
        /// Time to establish a connection. Default: 1 second.
        public var connect: Duration
        /// Time from sending the request to the complete response. Default: 5 seconds.
        public var read: Duration
        /// The whole call including retries and back-off; the caller's deadline caps it further. Default: 8 seconds.
        public var total: Duration

        /// Creates timeouts (defaults: connect 1 s, read 5 s, total 8 s).
        public init(connect: Duration = .seconds(1), read: Duration = .seconds(5), total: Duration = .seconds(8)) {
            self.connect = connect
            self.read = read
            self.total = total
        }

        /// The budget of one attempt: `connect + read`.
        public var attempt: Duration { connect + read }
    }

    /// The registry's name, used as the `registry` metric label and log metadata. Keep it to a small fixed set
    /// (`individuals`, `education`, `business`, `health`, `sms`). No default.
    public var registry: String
    /// Scheme, host and port, without a trailing slash, e.g. `http://127.0.0.1:8081`. No default.
    public var baseURL: String
    /// Credentials attached to each request. Default: ``RegistryCredentials/none``.
    public var credentials: RegistryCredentials
    /// Timeouts. Default: ``Timeout/init(connect:read:total:)`` (1 s, 5 s, 8 s).
    public var timeout: Timeout
    /// At most this many requests to this registry in flight at once; further calls wait (their deadline still
    /// runs). Default: 16.
    public var maximumConcurrentRequests: Int
    /// Retries of idempotent reads. Default: ``RetryPolicy/default`` (3 attempts, 100 ms doubling to 2 s, jittered).
    public var retry: RetryPolicy
    /// The circuit breaker. Default: ``CircuitBreaker/Configuration/default`` (open after 5 consecutive failures,
    /// probe after 10 s).
    public var circuitBreaker: CircuitBreaker.Configuration
    /// Largest response body accepted, in bytes. Default: 10 MiB.
    public var maximumResponseBytes: Int
    /// Headers sent with every request (e.g. `Content-Type`). Default: none.
    public var defaultHeaders: [(name: String, value: String)]

    /// A configuration with every default.
    public init(registry: String, baseURL: String) {
        self.registry = registry
        self.baseURL = baseURL
        self.credentials = .none
        self.timeout = Timeout()
        self.maximumConcurrentRequests = 16
        self.retry = .default
        self.circuitBreaker = .default
        self.maximumResponseBytes = 10 * 1024 * 1024
        self.defaultHeaders = []
    }
}
