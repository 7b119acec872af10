/// The per-API-key token bucket: a key may send ``burst`` requests at once and ``requestsPerSecond`` sustained.
public struct RateLimitConfiguration: Sendable, Hashable {
    /// Tokens added per second (sustained requests per second per key). Default 200.
    public var requestsPerSecond: Double
    /// Bucket capacity (requests a key may send at once after being idle). Default 400.
    public var burst: Int
    /// How many keys' buckets are kept at most; idle (full) buckets are evicted first. Default 10 000.
    public var maximumTrackedKeys: Int
    /// Whether the limit applies at all. Default `true`.
    public var isEnabled: Bool

    /// A rate limit; the defaults are 200 requests/s, burst 400, 10 000 keys tracked.
    public init(requestsPerSecond: Double = 200, burst: Int = 400, maximumTrackedKeys: Int = 10_000, isEnabled: Bool = true) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
        self.maximumTrackedKeys = maximumTrackedKeys
        self.isEnabled = isEnabled
    }

    /// 200 requests/s, burst 400, 10 000 keys tracked.
    public static let `default` = RateLimitConfiguration()
}
