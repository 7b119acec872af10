import Testing
@testable import RegistryTransport

struct CircuitBreakerTests {
    let start = ContinuousClock.now
    let configuration = CircuitBreaker.Configuration(failureThreshold: 3, coolDown: .seconds(10), halfOpenProbes: 1)

    @Test("opens after N consecutive failures and refuses calls while open")
    func opens() {
        var breaker = CircuitBreaker(configuration: configuration)
        for offset in 0..<2 {
            #expect(permit(&breaker, start))
            breaker.recordFailure(at: start.advanced(by: .seconds(offset)))
        }
        #expect(breaker.state == .closed(failures: 2))
        #expect(permit(&breaker, start))
        breaker.recordFailure(at: start.advanced(by: .seconds(2)))
        #expect(breaker.state.label == "open")
        #expect(!permit(&breaker, start.advanced(by: .seconds(5))))
        #expect(breaker.state.gaugeValue == 2)
    }

    @Test("a success in between resets the count")
    func resets() {
        var breaker = CircuitBreaker(configuration: configuration)
        breaker.recordFailure(at: start)
        breaker.recordFailure(at: start)
        breaker.recordSuccess()
        breaker.recordFailure(at: start)
        #expect(breaker.state == .closed(failures: 1))
    }

    @Test("after the cool-down one probe passes; its success closes the breaker")
    func probeCloses() {
        var breaker = CircuitBreaker(configuration: configuration)
        for _ in 0..<3 { breaker.recordFailure(at: start) }
        let later = start.advanced(by: .seconds(10))
        #expect(permit(&breaker, later))
        #expect(breaker.state == .halfOpen(probes: 1))
        #expect(!permit(&breaker, later), "only one probe at a time")
        breaker.recordSuccess()
        #expect(breaker.state == .closed(failures: 0))
        #expect(permit(&breaker, later))
    }

    @Test("a failed probe reopens for another cool-down")
    func probeFails() {
        var breaker = CircuitBreaker(configuration: configuration)
        for _ in 0..<3 { breaker.recordFailure(at: start) }
        let later = start.advanced(by: .seconds(11))
        #expect(permit(&breaker, later))
        breaker.recordFailure(at: later)
        #expect(breaker.state == .open(until: later.advanced(by: .seconds(10))))
        #expect(!permit(&breaker, later.advanced(by: .seconds(9))))
        #expect(permit(&breaker, later.advanced(by: .seconds(10))))
    }

    @Test("an abandoned probe frees its slot")
    func abandoned() {
        var breaker = CircuitBreaker(configuration: configuration)
        for _ in 0..<3 { breaker.recordFailure(at: start) }
        let later = start.advanced(by: .seconds(10))
        #expect(permit(&breaker, later))
        breaker.recordAbandoned()
        #expect(permit(&breaker, later))
    }

    /// `breaker.acquire(at:)` outside the `#expect` macro (which cannot call mutating members).
    func permit(_ breaker: inout CircuitBreaker, _ now: ContinuousClock.Instant) -> Bool {
        breaker.acquire(at: now)
    }
}
