import Logging
import Metrics
import MetricsTestKit
import Testing
import RegistryTransport

struct TransportFailureTests {
    @Test("a registry that hangs costs at most its timeout", .timeLimit(.minutes(1)))
    func hang() async throws {
        let listener = try SilentListener()
        var configuration = RegistryEndpointConfiguration(registry: "individuals", baseURL: "http://127.0.0.1:\(listener.port)")
        configuration.timeout = .init(connect: .milliseconds(200), read: .milliseconds(300), total: .milliseconds(600))
        configuration.retry = .never
        try await RegistryHTTPClient.withClient { client in
            let transport = RegistryTransport(configuration: configuration, client: client)
            let start = ContinuousClock.now
            await #expect(throws: RegistryTransportError.timeout) {
                try await transport.execute(RegistryRequest(method: .get, path: "/", operation: "person"), deadline: .now.advanced(by: .seconds(30)))
            }
            #expect(start.duration(to: .now) < .milliseconds(500) + .milliseconds(500))
        }
    }

    @Test("a registry that sends its headers and then stalls mid-body costs at most the caller's deadline", .timeLimit(.minutes(1)))
    func stallAfterHeaders() async throws {
        let listener = try StallingBodyListener()
        var configuration = RegistryEndpointConfiguration(registry: "individuals", baseURL: "http://127.0.0.1:\(listener.port)")
        configuration.timeout = .init(connect: .milliseconds(500), read: .seconds(5), total: .seconds(5))
        configuration.retry = .never
        try await RegistryHTTPClient.withClient { client in
            let transport = RegistryTransport(configuration: configuration, client: client)
            for _ in 0..<2 {  // the second call finds the watchdog's timer stopped or running: both must hold
                let start = ContinuousClock.now
                await #expect(throws: RegistryTransportError.timeout) {
                    try await transport.execute(RegistryRequest(method: .get, path: "/", operation: "person"), deadline: .now.advanced(by: .milliseconds(400)))
                }
                let elapsed = start.duration(to: .now)
                #expect(elapsed >= .milliseconds(390) && elapsed < .milliseconds(400) + .milliseconds(500), "took \(elapsed)")
            }
        }
    }

    @Test("retries of a hanging registry stay within the total timeout", .timeLimit(.minutes(1)))
    func hangWithRetries() async throws {
        let listener = try SilentListener()
        var configuration = RegistryEndpointConfiguration(registry: "individuals", baseURL: "http://127.0.0.1:\(listener.port)")
        configuration.timeout = .init(connect: .milliseconds(100), read: .milliseconds(150), total: .milliseconds(700))
        configuration.retry = RetryPolicy(maximumAttempts: 10, baseDelay: .milliseconds(10))
        try await RegistryHTTPClient.withClient { client in
            let transport = RegistryTransport(configuration: configuration, client: client)
            let start = ContinuousClock.now
            await #expect(throws: RegistryTransportError.timeout) {
                try await transport.execute(RegistryRequest(method: .get, path: "/", operation: "person"), deadline: .now.advanced(by: .seconds(30)))
            }
            #expect(start.duration(to: .now) < .milliseconds(700) + .milliseconds(500))
        }
    }

    @Test("the caller's deadline wins over a longer registry timeout", .timeLimit(.minutes(1)))
    func callerDeadline() async throws {
        let listener = try SilentListener()
        let configuration = RegistryEndpointConfiguration(registry: "health", baseURL: "http://127.0.0.1:\(listener.port)")
        try await RegistryHTTPClient.withClient { client in
            let transport = RegistryTransport(configuration: configuration, client: client)
            let start = ContinuousClock.now
            await #expect(throws: RegistryTransportError.timeout) {
                try await transport.execute(RegistryRequest(method: .get, path: "/", operation: "patient"), deadline: .now.advanced(by: .milliseconds(250)))
            }
            #expect(start.duration(to: .now) < .milliseconds(250) + .milliseconds(500))
        }
    }

    @Test("refused connections open the breaker after N failures; then calls fail fast", .timeLimit(.minutes(1)))
    func breakerOpens() async throws {
        let port = try refusedPort()
        var configuration = RegistryEndpointConfiguration(registry: "business", baseURL: "http://127.0.0.1:\(port)")
        configuration.retry = .never
        configuration.circuitBreaker = .init(failureThreshold: 3, coolDown: .seconds(60))
        let metrics = TestMetrics()
        try await RegistryHTTPClient.withClient { client in
            let transport = RegistryTransport(configuration: configuration, client: client, metricsFactory: metrics)
            for _ in 0..<3 {
                await #expect(throws: RegistryTransportError.connection) {
                    try await transport.execute(RegistryRequest(method: .get, path: "/", operation: "entity"), deadline: .now.advanced(by: .seconds(5)))
                }
            }
            #expect(transport.breakerState.label == "open")
            let start = ContinuousClock.now
            await #expect(throws: RegistryTransportError.breakerOpen) {
                try await transport.execute(RegistryRequest(method: .get, path: "/", operation: "entity"), deadline: .now.advanced(by: .seconds(5)))
            }
            #expect(start.duration(to: .now) < .milliseconds(100))
        }
        let gauge = try metrics.expectGauge("qorgan.registry.breaker.state", [("registry", "business")])
        #expect(gauge.lastValue == 2)
        let errors = try metrics.expectCounter("qorgan.registry.errors", [("registry", "business"), ("operation", "entity"), ("kind", "breaker_open")])
        #expect(errors.totalValue == 1)
    }
}
