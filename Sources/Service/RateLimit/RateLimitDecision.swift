/// What the rate limiter says about one request.
public enum RateLimitDecision: Sendable, Hashable {
    /// Go ahead; `remaining` whole tokens are left in the bucket.
    case allowed(remaining: Int)
    /// Too many; one token will be there after `retryAfter`.
    case limited(retryAfter: Duration)
}
