import Hummingbird
import HummingbirdTesting
import Service
import Storage
import Synchronization
import Testing

/// A clock tests move by hand.
final class ManualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let current = Mutex(Instant(offset: .zero))

    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func advance(by duration: Duration) {
        current.withLock { $0 = $0.advanced(by: duration) }
    }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        // Time only moves when the test says so; nothing here sleeps.
        advance(by: now.duration(to: deadline))
    }
}

@Suite struct RateLimitTests {
    @Test("a bucket gives its burst, then refuses with the time until the next token, then refills")
    func tokenBucket() {
        let clock = ManualClock()
        let limiter = TokenBucketRateLimiter(configuration: .init(requestsPerSecond: 2, burst: 3), clock: clock)
        #expect(limiter.acquire(key: "k") == .allowed(remaining: 2))
        #expect(limiter.acquire(key: "k") == .allowed(remaining: 1))
        #expect(limiter.acquire(key: "k") == .allowed(remaining: 0))
        #expect(limiter.acquire(key: "k") == .limited(retryAfter: .milliseconds(500)))
        // Another key has its own bucket.
        #expect(limiter.acquire(key: "other") == .allowed(remaining: 2))
        clock.advance(by: .milliseconds(250))
        #expect(limiter.acquire(key: "k") == .limited(retryAfter: .milliseconds(250)))
        clock.advance(by: .milliseconds(250))
        #expect(limiter.acquire(key: "k") == .allowed(remaining: 0))
        clock.advance(by: .seconds(60))
        #expect(limiter.acquire(key: "k") == .allowed(remaining: 2))
    }

    @Test("memory stays bounded: idle buckets are evicted when the table is full")
    func boundedMemory() {
        let clock = ManualClock()
        let limiter = TokenBucketRateLimiter(configuration: .init(requestsPerSecond: 10, burst: 10, maximumTrackedKeys: 100), clock: clock)
        for index in 0..<1000 {
            _ = limiter.acquire(key: "key_\(index)")
            if index % 50 == 0 { clock.advance(by: .seconds(2)) }
        }
        #expect(limiter.trackedKeys <= 100)
        // Busy keys beyond the limit push the least recently used ones out, still bounded.
        for index in 0..<1000 { _ = limiter.acquire(key: "busy_\(index)") }
        #expect(limiter.trackedKeys <= 100)
    }

    @Test("over the limit is 429 rate-limited with Retry-After in whole seconds")
    func tooManyRequests() async throws {
        let gateway = TestGateway(configuration: .init(port: 0, rateLimit: .init(requestsPerSecond: 0.01, burst: 2)))
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/v1/echo", method: .get, headers: auth.bearer(.registrar)) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/v1/echo", method: .get, headers: auth.bearer(.registrar)) { response in
                #expect(response.status == .tooManyRequests)
                let retryAfter = try #require(response.headers[.retryAfter].flatMap(Int.init))
                // One token takes 100 s; the wait left is at most that, and at least a second (rounded up), however slow
                // the machine was between the requests.
                #expect((1...100).contains(retryAfter))
                let problem = try #require(response.problem)
                #expect(problem.type == ProblemDetails.typeURI("rate-limited"))
                #expect(problem.extensions["retryAfterSeconds"] == .integer(retryAfter))
            }
            // The limit is per key: another key is unaffected.
            try await client.execute(uri: "/v1/echo", method: .get, headers: auth.bearer(.operator)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("Retry-After rounds up and is at least one second", arguments: [
        (Duration.milliseconds(1), 1), (.milliseconds(1500), 2), (.seconds(3), 3),
    ])
    func retryAfterRounding(_ wait: Duration, _ seconds: Int) {
        let problem = ServiceProblem.rateLimited(retryAfter: wait)
        #expect(problem.headers[.retryAfter] == String(seconds))
    }
}
