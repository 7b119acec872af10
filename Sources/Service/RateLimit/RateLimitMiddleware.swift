public import Hummingbird
import Logging
import Storage

/// Applies the per-API-key token bucket to authenticated requests: over the limit → 429 `rate-limited` with
/// `Retry-After` in whole seconds. Sits after ``APIKeyAuthenticationMiddleware`` (it keys on
/// ``GatewayRequestContext/client``); requests without a client pass untouched.
public struct RateLimitMiddleware<C: Clock & Sendable>: RouterMiddleware where C.Duration == Duration {
    /// The buckets.
    public let limiter: TokenBucketRateLimiter<C>

    /// A middleware drawing on `limiter`.
    public init(limiter: TokenBucketRateLimiter<C>) {
        self.limiter = limiter
    }

    /// Takes a token for the client's key or answers 429.
    public func handle(
        _ request: Request, context: GatewayRequestContext, next: (Request, GatewayRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let client = context.client else { return try await next(request, context) }
        switch limiter.acquire(key: client.id) {
        case .allowed:
            return try await next(request, context)
        case .limited(let retryAfter):
            context.logger.info("qorgan.service.rate_limited", metadata: ["client": .string(client.id)])
            throw ServiceProblem.rateLimited(retryAfter: retryAfter)
        }
    }
}

extension RateLimitMiddleware where C == ContinuousClock {
    /// A middleware with its own limiter on the continuous clock.
    public init(configuration: RateLimitConfiguration) {
        self.init(limiter: TokenBucketRateLimiter(configuration: configuration, clock: ContinuousClock()))
    }
}
