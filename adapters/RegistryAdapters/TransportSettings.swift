/// Optional transport tuning read from configuration; every `nil` keeps the transport's documented default
/// (`RegistryEndpointConfiguration`: connect 1 s, read 5 s, total 8 s, 16 concurrent requests, 3 attempts,
/// breaker after 5 failures for 10 s).
public struct TransportSettings: Sendable, Hashable, Codable {
    /// Connect timeout in milliseconds.
    public var connectTimeoutMilliseconds: Int?
    /// Read timeout (request sent → full answer) in milliseconds.
    public var readTimeoutMilliseconds: Int?
    /// Whole call including retries, in milliseconds.
    public var totalTimeoutMilliseconds: Int?
    /// Requests in flight at once towards the registry.
    public var maximumConcurrentRequests: Int?
    /// Attempts of an idempotent read (1 = no retry).
    public var maximumAttempts: Int?
    /// Consecutive failures that open the breaker.
    public var breakerFailureThreshold: Int?
    /// How long the breaker stays open before a probe, in milliseconds.
    public var breakerCoolDownMilliseconds: Int?

    /// Creates settings; `nil` keeps a default.
    public init(
        connectTimeoutMilliseconds: Int? = nil, readTimeoutMilliseconds: Int? = nil, totalTimeoutMilliseconds: Int? = nil,
        maximumConcurrentRequests: Int? = nil, maximumAttempts: Int? = nil, breakerFailureThreshold: Int? = nil,
        breakerCoolDownMilliseconds: Int? = nil
    ) {
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.readTimeoutMilliseconds = readTimeoutMilliseconds
        self.totalTimeoutMilliseconds = totalTimeoutMilliseconds
        self.maximumConcurrentRequests = maximumConcurrentRequests
        self.maximumAttempts = maximumAttempts
        self.breakerFailureThreshold = breakerFailureThreshold
        self.breakerCoolDownMilliseconds = breakerCoolDownMilliseconds
    }

    /// `self` with every value `other` sets taking precedence.
    public func overridden(by other: TransportSettings?) -> TransportSettings {
        guard let other else { return self }
        return TransportSettings(
            connectTimeoutMilliseconds: other.connectTimeoutMilliseconds ?? connectTimeoutMilliseconds,
            readTimeoutMilliseconds: other.readTimeoutMilliseconds ?? readTimeoutMilliseconds,
            totalTimeoutMilliseconds: other.totalTimeoutMilliseconds ?? totalTimeoutMilliseconds,
            maximumConcurrentRequests: other.maximumConcurrentRequests ?? maximumConcurrentRequests,
            maximumAttempts: other.maximumAttempts ?? maximumAttempts,
            breakerFailureThreshold: other.breakerFailureThreshold ?? breakerFailureThreshold,
            breakerCoolDownMilliseconds: other.breakerCoolDownMilliseconds ?? breakerCoolDownMilliseconds)
    }
}
