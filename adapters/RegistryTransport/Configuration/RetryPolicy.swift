/// When and how patiently to retry an idempotent read.
///
/// Delay before retry *n* (1-based) is `min(maximumDelay, baseDelay · 2^(n−1))`, jittered: a share `jitter` of it
/// is drawn uniformly at random ("equal jitter" at 0.5, "full jitter" at 1). A `Retry-After` from a 429/503 answer
/// replaces the computed delay (capped at ``maximumRetryAfter``). A retry that would end past the deadline is not
/// made.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first included (1 = never retry). Default: 3.
    public var maximumAttempts: Int
    /// Delay before the first retry, before jitter. Default: 100 ms.
    public var baseDelay: Duration
    /// Cap of the computed delay. Default: 2 seconds.
    public var maximumDelay: Duration
    /// Share of the delay drawn at random, 0…1. Default: 0.5.
    public var jitter: Double
    /// Longest `Retry-After` honoured; a registry asking for more is treated as unavailable. Default: 5 seconds.
    public var maximumRetryAfter: Duration
    /// HTTP statuses retried. Default: 429, 502, 503, 504.
    public var retryableStatuses: Set<Int>
    /// Whether connection failures and attempt timeouts are retried. Default: `true`.
    public var retriesTransportFailures: Bool

    /// Creates a policy (every default as documented on the properties).
    public init(
        maximumAttempts: Int = 3, baseDelay: Duration = .milliseconds(100), maximumDelay: Duration = .seconds(2), jitter: Double = 0.5,
        maximumRetryAfter: Duration = .seconds(5), retryableStatuses: Set<Int> = [429, 502, 503, 504], retriesTransportFailures: Bool = true
    ) {
        self.maximumAttempts = maximumAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.jitter = jitter
        self.maximumRetryAfter = maximumRetryAfter
        self.retryableStatuses = retryableStatuses
        self.retriesTransportFailures = retriesTransportFailures
    }

    /// 3 attempts, 100 ms doubling to 2 s, equal jitter, Retry-After up to 5 s.
    public static let `default` = RetryPolicy()
    /// A single attempt.
    public static let never = RetryPolicy(maximumAttempts: 1)

    /// The delay before retry number `retry` (1-based).
    ///
    /// - Parameters:
    ///   - retry: 1 for the first retry.
    ///   - retryAfter: the registry's `Retry-After`, when it sent one.
    ///   - random: a draw in `0..<1` (inject for deterministic tests).
    /// - Returns: the delay, or `nil` when `retryAfter` exceeds ``maximumRetryAfter`` (do not retry).
    public func delay(beforeRetry retry: Int, retryAfter: Duration? = nil, random: Double) -> Duration? {
        if let retryAfter {
            return retryAfter <= maximumRetryAfter ? max(retryAfter, .zero) : nil
        }
        let exponent = min(max(retry - 1, 0), 30)
        let raw = baseDelay * (1 << exponent)
        let capped = min(raw, maximumDelay)
        let share = min(max(jitter, 0), 1)
        let fixed = capped * (1 - share)
        let drawn = capped * (share * min(max(random, 0), 1))
        return fixed + drawn
    }
}
