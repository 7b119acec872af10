import Foundation
import Testing
import RegistryTransport

/// The kept-alive connection pool that serves `http://` registries, and AsyncHTTPClient on the same failures.
/// Timed (deadlines of 300 ms): `scripts/test.sh` runs this suite in its serial phase.
struct PlainHTTPPoolTests {
    static func transport(port: Int, client: RegistryHTTPClient, maximumResponseBytes: Int? = nil) -> RegistryTransport {
        var configuration = RegistryEndpointConfiguration(registry: "individuals", baseURL: "http://127.0.0.1:\(port)")
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(10), total: .seconds(10))
        configuration.retry = .never
        if let maximumResponseBytes { configuration.maximumResponseBytes = maximumResponseBytes }
        return RegistryTransport(configuration: configuration, client: client)
    }

    static func call(_ transport: RegistryTransport, idempotent: Bool = true, within: Duration = .seconds(10)) async throws -> RegistryResponse {
        try await transport.execute(
            RegistryRequest(method: .post, path: "/soap?x=1", body: Array("<a/>".utf8), isIdempotent: idempotent, operation: "person"),
            deadline: .now.advanced(by: within))
    }

    @Test("answers come back whole and one kept-alive connection carries consecutive calls")
    func keepAlive() async throws {
        let server = try ScriptedListener(replies: [.ok(body: "one"), .ok(body: "two"), .ok(body: "three")])
        try await RegistryHTTPClient.withClient { client in
            let transport = Self.transport(port: server.port, client: client)
            #expect(String(decoding: try await Self.call(transport).body, as: UTF8.self) == "one")
            #expect(String(decoding: try await Self.call(transport).body, as: UTF8.self) == "two")
            let third = try await Self.call(transport)
            #expect(third.status == 200 && third.header("content-type") == "text/plain")
            #expect(String(decoding: third.body, as: UTF8.self) == "three")
        }
        #expect(server.accepted == 1)
        #expect(server.requests == 3)
    }

    @Test("Connection: close is honoured: the next call opens a new connection")
    func connectionClose() async throws {
        let server = try ScriptedListener(replies: [.ok(body: "bye", close: true)])
        try await RegistryHTTPClient.withClient { client in
            let transport = Self.transport(port: server.port, client: client)
            for _ in 0..<3 {
                let answer = try await Self.call(transport)
                #expect(String(decoding: answer.body, as: UTF8.self) == "bye")
            }
        }
        #expect(server.accepted == 3)
    }

    @Test("a connection idle past the idle timeout is closed and not used again")
    func idleTimeout() async throws {
        let server = try ScriptedListener(replies: [.ok(body: "one"), .ok(body: "two"), .ok(body: "three")])
        try await RegistryHTTPClient.withClient(configuration: .init(idleTimeout: .milliseconds(200))) { client in
            let transport = Self.transport(port: server.port, client: client)
            _ = try await Self.call(transport)
            _ = try await Self.call(transport)
            #expect(server.accepted == 1)
            try await Task.sleep(for: .milliseconds(700))  // past the timeout and the next sweep
            #expect(server.closed == 1)
            #expect(String(decoding: try await Self.call(transport).body, as: UTF8.self) == "one")
            #expect(server.accepted == 2)
        }
    }

    @Test("a kept-alive connection the server has closed is not used again")
    func closedWhileIdle() async throws {
        let server = try ScriptedListener(replies: [.okThenDrop(body: "first")])
        try await RegistryHTTPClient.withClient { client in
            let transport = Self.transport(port: server.port, client: client)
            for idempotent in [true, false, true] {
                let answer = try await Self.call(transport, idempotent: idempotent)
                #expect(String(decoding: answer.body, as: UTF8.self) == "first")
                try await Task.sleep(for: .milliseconds(100))  // the server's close has arrived
            }
        }
        #expect(server.accepted == 3)
    }

    @Test("a kept-alive connection that closes on the next request, unanswered, is replaced once for an idempotent call only")
    func closedOnNextRequest() async throws {
        let server = try ScriptedListener(replies: [.ok(body: "first"), .dropWithoutAnswer])
        try await RegistryHTTPClient.withClient { client in
            let transport = Self.transport(port: server.port, client: client)
            _ = try await Self.call(transport)
            let again = try await Self.call(transport, idempotent: true)  // dropped, then sent on a new connection
            #expect(String(decoding: again.body, as: UTF8.self) == "first")
            #expect(server.accepted == 2)
            await #expect(throws: RegistryTransportError.connection) { _ = try await Self.call(transport, idempotent: false) }
            #expect(server.accepted == 2)
        }
    }

    @Test("a body over the maximum is responseTooLarge", arguments: RegistryHTTPClient.PlainHTTPEngine.allCases)
    func tooLarge(_ engine: RegistryHTTPClient.PlainHTTPEngine) async throws {
        let server = try ScriptedListener(replies: [.ok(body: String(repeating: "x", count: 4_096))])
        try await RegistryHTTPClient.withClient(configuration: .init(plainHTTPEngine: engine)) { client in
            let transport = Self.transport(port: server.port, client: client, maximumResponseBytes: 1_024)
            await #expect(throws: RegistryTransportError.responseTooLarge) { _ = try await Self.call(transport) }
        }
    }

    @Test("refused, silent and stalling registries: connection, then timeout by the deadline", .timeLimit(.minutes(1)),
          arguments: RegistryHTTPClient.PlainHTTPEngine.allCases)
    func failures(_ engine: RegistryHTTPClient.PlainHTTPEngine) async throws {
        try await RegistryHTTPClient.withClient(configuration: .init(plainHTTPEngine: engine)) { client in
            let refused = try refusedPort()
            await #expect(throws: RegistryTransportError.connection) { _ = try await Self.call(Self.transport(port: refused, client: client)) }
            let silent = try SilentListener()
            var start = ContinuousClock.now
            await #expect(throws: RegistryTransportError.timeout) {
                _ = try await Self.call(Self.transport(port: silent.port, client: client), within: .milliseconds(300))
            }
            #expect(start.duration(to: .now) < .milliseconds(300) + .milliseconds(500))
            let stalling = try StallingBodyListener()
            start = ContinuousClock.now
            await #expect(throws: RegistryTransportError.timeout) {
                _ = try await Self.call(Self.transport(port: stalling.port, client: client), within: .milliseconds(300))
            }
            #expect(start.duration(to: .now) < .milliseconds(300) + .milliseconds(500))
        }
    }

    @Test("a call cancelled before it is sent is not sent, and its connection stays usable")
    func cancelledBeforeSending() async throws {
        let server = try ScriptedListener(replies: [.ok(body: "one"), .ok(body: "two")])
        try await RegistryHTTPClient.withClient { client in
            let transport = Self.transport(port: server.port, client: client)
            _ = try await Self.call(transport)
            let cancelled = Task { () async throws -> RegistryResponse in
                withUnsafeCurrentTask { $0?.cancel() }
                return try await Self.call(transport, idempotent: false)
            }
            await #expect(throws: RegistryTransportError.cancelled) { _ = try await cancelled.value }
            #expect(String(decoding: try await Self.call(transport).body, as: UTF8.self) == "two")
        }
        #expect(server.requests == 2)
        #expect(server.accepted == 1)
    }

    @Test("a cancelled call is cancelled at once; calls after shutdown fail with shutdown", .timeLimit(.minutes(1)))
    func cancellationAndShutdown() async throws {
        let silent = try SilentListener()
        let client = RegistryHTTPClient()
        let transport = Self.transport(port: silent.port, client: client)
        let start = ContinuousClock.now
        let call = Task { try await Self.call(transport, within: .seconds(10)) }
        try await Task.sleep(for: .milliseconds(100))
        call.cancel()
        await #expect(throws: RegistryTransportError.cancelled) { _ = try await call.value }
        #expect(start.duration(to: .now) < .seconds(2))
        try await client.shutdown()
        await #expect(throws: RegistryTransportError.shutdown) { _ = try await Self.call(transport) }
    }
}
