import Synchronization

/// Token buckets per key (an API key id): each bucket holds up to `burst` tokens, refills at `requestsPerSecond`,
/// and each request takes one token or is refused with the time until the next token.
///
/// Memory is bounded: a bucket that has refilled completely is indistinguishable from a new one, so such idle
/// buckets are dropped when the table reaches ``RateLimitConfiguration/maximumTrackedKeys`` (and the least
/// recently used ones after them, if every bucket is busy).
///
/// The clock is injectable so tests can move time by hand:
///
/// ```swift
/// let limiter = TokenBucketRateLimiter(configuration: .init(requestsPerSecond: 1, burst: 2), clock: ContinuousClock())
/// limiter.acquire(key: "key_abc")   // .allowed(remaining: 1)
/// ```
public final class TokenBucketRateLimiter<C: Clock>: Sendable where C.Duration == Duration, C: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: C.Instant
    }

    /// The limits applied.
    public let configuration: RateLimitConfiguration
    /// The clock measuring refills.
    public let clock: C
    // Invariant: every access to the buckets goes through this mutex.
    private let buckets: Mutex<[String: Bucket]>

    /// A limiter with `configuration`, timed by `clock`.
    public init(configuration: RateLimitConfiguration, clock: C) {
        self.configuration = configuration
        self.clock = clock
        self.buckets = Mutex([:])
    }

    /// Takes one token from `key`'s bucket, or says how long until one is there.
    public func acquire(key: String) -> RateLimitDecision {
        guard configuration.isEnabled else { return .allowed(remaining: configuration.burst) }
        let now = clock.now
        let capacity = Double(max(configuration.burst, 1))
        let rate = max(configuration.requestsPerSecond, .leastNonzeroMagnitude)
        return buckets.withLock { buckets in
            var bucket: Bucket
            if let existing = buckets[key] {
                bucket = existing
                let elapsed = Self.seconds(existing.updated.duration(to: now))
                bucket.tokens = min(capacity, bucket.tokens + max(0, elapsed) * rate)
            } else {
                if buckets.count >= configuration.maximumTrackedKeys { evict(&buckets, now: now, capacity: capacity, rate: rate) }
                bucket = Bucket(tokens: capacity, updated: now)
            }
            bucket.updated = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                buckets[key] = bucket
                return .allowed(remaining: Int(bucket.tokens))
            }
            buckets[key] = bucket
            let wait = (1 - bucket.tokens) / rate
            return .limited(retryAfter: .nanoseconds(Int64(min(wait, 1e9) * 1e9)))
        }
    }

    /// How many buckets are held now.
    public var trackedKeys: Int { buckets.withLock { $0.count } }

    /// Drops full (idle) buckets; when none is idle, the least recently used quarter of the table.
    private func evict(_ buckets: inout [String: Bucket], now: C.Instant, capacity: Double, rate: Double) {
        let secondsToFill = capacity / rate
        buckets = buckets.filter { _, bucket in
            let elapsed = Self.seconds(bucket.updated.duration(to: now))
            return bucket.tokens + elapsed * rate < capacity && elapsed < secondsToFill
        }
        if buckets.count >= configuration.maximumTrackedKeys {
            let oldest = buckets.sorted { $0.value.updated < $1.value.updated }.prefix(max(1, buckets.count / 4)).map(\.key)
            for key in oldest { buckets.removeValue(forKey: key) }
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
