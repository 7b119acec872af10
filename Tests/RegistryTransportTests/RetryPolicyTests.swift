import Foundation
import Testing
@testable import RegistryTransport

struct RetryPolicyTests {
    let policy = RetryPolicy(maximumAttempts: 5, baseDelay: .milliseconds(100), maximumDelay: .milliseconds(500), jitter: 0.5, maximumRetryAfter: .seconds(5))

    @Test("exponential schedule with equal jitter, capped", arguments: [
        (1, 0.0, Duration.milliseconds(50)), (1, 1.0, .milliseconds(100)),
        (2, 0.0, .milliseconds(100)), (2, 1.0, .milliseconds(200)),
        (3, 0.5, .milliseconds(300)),
        (4, 1.0, .milliseconds(500)), (9, 0.0, .milliseconds(250)),
    ])
    func schedule(retry: Int, random: Double, expected: Duration) {
        #expect(policy.delay(beforeRetry: retry, random: random) == expected)
    }

    @Test("full jitter can draw zero; no jitter is deterministic")
    func jitterShares() {
        var full = policy
        full.jitter = 1
        #expect(full.delay(beforeRetry: 1, random: 0) == .zero)
        var none = policy
        none.jitter = 0
        #expect(none.delay(beforeRetry: 2, random: 0.9) == .milliseconds(200))
    }

    @Test("Retry-After replaces the computed delay; more than the maximum means give up")
    func retryAfter() {
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(2), random: 0.3) == .seconds(2))
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(6), random: 0.3) == nil)
    }

    @Test("Retry-After parses delay-seconds and HTTP dates")
    func parsing() {
        #expect(RetryAfter.parse("3") == .seconds(3))
        #expect(RetryAfter.parse(" 0 ") == .zero)
        #expect(RetryAfter.parse(nil) == nil)
        #expect(RetryAfter.parse("soon") == nil)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let text = formatter.string(from: now.addingTimeInterval(4))
        #expect(RetryAfter.parse(text, now: now) == .seconds(4))
    }
}
