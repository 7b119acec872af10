import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import Verification

/// The one HTTP client every registry transport shares (one connection pool, one event-loop group).
///
/// Create it once at start-up and ``shutdown()`` it at the end, or scope it with ``withClient(configuration:_:)``.
/// NIO and AsyncHTTPClient types stay inside this module.
public final class RegistryHTTPClient: Sendable {
    /// Settings of the shared client (AsyncHTTPClient applies these per client, not per request).
    public struct Configuration: Sendable, Hashable {
        /// Time to establish a TCP connection. Default: 1 second.
        public var connectTimeout: Duration
        /// Longest silence while reading a response. Default: 10 seconds (per-registry attempt budgets are shorter).
        public var readTimeout: Duration
        /// Idle connections are closed after this long. Default: 60 seconds.
        public var idleTimeout: Duration
        /// Soft limit of HTTP/1.1 connections per host. Default: 16.
        public var connectionsPerHost: Int
        /// What serves `http://` registries. Default: ``PlainHTTPEngine/pool``.
        public var plainHTTPEngine: PlainHTTPEngine
        /// Requests in flight at once on one kept-alive connection of the ``PlainHTTPEngine/pool`` engine (HTTP/1.1
        /// pipelining, answered in order; requests written in one turn of the event loop share a write). Default: 1,
        /// no pipelining. Only for servers known to handle pipelined requests.
        public var pipelineDepth: Int

        /// Creates a configuration (defaults: connect 1 s, read 10 s, idle 60 s, 16 connections per host).
        public init(
            connectTimeout: Duration = .seconds(1), readTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60),
            connectionsPerHost: Int = 16, plainHTTPEngine: PlainHTTPEngine = .pool, pipelineDepth: Int = 1
        ) {
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.idleTimeout = idleTimeout
            self.connectionsPerHost = connectionsPerHost
            self.plainHTTPEngine = plainHTTPEngine
            self.pipelineDepth = max(1, pipelineDepth)
        }

        /// Every default.
        public static let `default` = Configuration()
    }

    /// What serves `http://` registries (`https://` ones always go through AsyncHTTPClient).
    public enum PlainHTTPEngine: String, Sendable, Hashable, CaseIterable, Codable {
        /// Kept-alive connections on NIO's event loops, one exchange each, the deadline enforced on the event loop.
        /// A 100,000-row cleanse spent 344–432 µs of cleanser CPU per row on it against 439–458 µs on AsyncHTTPClient
        /// (interleaved runs, BENCHMARKS.md).
        case pool
        /// AsyncHTTPClient, as for `https://`.
        case asyncHTTPClient
    }

    let client: HTTPClient
    let plainPool: PlainHTTPConnectionPool?
    /// `http://` URLs already read into pool targets: a client calls a handful of registry URLs over and over.
    private let plainTargets = Mutex([String: PlainHTTPTarget]())
    /// Distinct URLs remembered before the memo starts afresh.
    private static let plainTargetMemoLimit = 64

    /// Creates the shared client on the process-wide NIO event-loop group.
    public init(configuration: Configuration = .default) {
        var settings = HTTPClient.Configuration(
            timeout: .init(connect: Self.timeAmount(configuration.connectTimeout), read: Self.timeAmount(configuration.readTimeout)))
        settings.connectionPool = .init(
            idleTimeout: Self.timeAmount(configuration.idleTimeout),
            concurrentHTTP1ConnectionsPerHostSoftLimit: configuration.connectionsPerHost)
        settings.connectionPool.retryConnectionEstablishment = false  // our RetryPolicy decides; a refused connection fails at once
        settings.redirectConfiguration = .disallow
        settings.httpVersion = .http1Only
        settings.tracing.tracer = nil  // no distributed tracing here: spares a span and its attributes per call
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
        plainPool =
            configuration.plainHTTPEngine == .pool
            ? PlainHTTPConnectionPool(
                configuration: .init(
                    connectTimeout: Self.timeAmount(configuration.connectTimeout), readTimeout: Self.timeAmount(configuration.readTimeout),
                    idleTimeout: Self.timeAmount(configuration.idleTimeout), maximumIdlePerHost: configuration.connectionsPerHost,
                    pipelineDepth: configuration.pipelineDepth))
            : nil
    }

    /// Runs `body` with a fresh shared client and shuts it down afterwards, also when `body` throws.
    public static func withClient<Result: Sendable>(
        configuration: Configuration = .default, _ body: (RegistryHTTPClient) async throws -> Result
    ) async throws -> Result {
        let client = RegistryHTTPClient(configuration: configuration)
        do {
            let result = try await body(client)
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Closes every connection; calls made afterwards fail with ``RegistryTransportError/shutdown``.
    public func shutdown() async throws {
        await plainPool?.shutdown()
        try await client.shutdown()
    }

    /// The pool target of an `http://` URL, read once per URL.
    private func plainTarget(_ url: String) -> PlainHTTPTarget? {
        if let known = plainTargets.withLock({ $0[url] }) { return known }
        guard let target = PlainHTTPTarget(url: url) else { return nil }
        plainTargets.withLock { memo in
            if memo.count >= Self.plainTargetMemoLimit { memo.removeAll() }
            memo[url] = target
        }
        return target
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// One HTTP exchange, body collected, bounded by `deadline`. For `http://` URLs on the ``PlainHTTPEngine/pool``
    /// engine the pool enforces it on the event loop; otherwise AsyncHTTPClient enforces it until the response head,
    /// and the shared `DeadlineWatchdog` cancels a call whose body is still arriving then (a server that sends
    /// headers and then stalls cannot hold the call).
    func perform(
        url: String, method: RegistryRequest.Method, headers: [(name: String, value: String)], body: [UInt8]?, isIdempotent: Bool,
        maximumResponseBytes: Int, deadline: ContinuousClock.Instant
    ) async throws(RegistryTransportError) -> RegistryResponse {
        if let plainPool, let target = plainTarget(url) {
            let budget = ContinuousClock.now.duration(to: deadline)
            guard budget > .zero else { throw .timeout }
            return try await plainPool.perform(
                target: target, method: method.rawValue, headers: headers, body: body, isIdempotent: isIdempotent,
                maximumResponseBytes: maximumResponseBytes, deadline: NIODeadline.now() + Self.timeAmount(budget))
        }
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method.rawValue)
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let budget = ContinuousClock.now.duration(to: deadline)
        guard budget > .zero else { throw .timeout }
        let nioDeadline = NIODeadline.now() + Self.timeAmount(budget)
        let client = self.client
        let prepared = request
        var (outcome, expired) = await DeadlineWatchdog.shared.run(until: deadline) { () -> Result<RegistryResponse, RegistryTransportError> in
            do {
                let response = try await client.execute(prepared, deadline: nioDeadline)
                let bytes = try await response.body.collect(upTo: maximumResponseBytes)
                return .success(
                    RegistryResponse(
                        status: Int(response.status.code), headers: response.headers.map { (name: $0.name, value: $0.value) },
                        body: Array(buffer: bytes)))
            } catch {
                return .failure(Self.classify(error))
            }
        }
        // Cancelled by the watchdog (the deadline passed while the body was still arriving), not by our caller.
        if expired, case .failure(.cancelled) = outcome { outcome = .failure(.timeout) }
        switch outcome {
        case .success(let response): return response
        case .failure(let error): throw error
        }
    }

    static func classify(_ error: any Error) -> RegistryTransportError {
        if error is CancellationError { return .cancelled }
        if error is NIOTooManyBytesError { return .responseTooLarge }
        if let error = error as? HTTPClientError {
            if [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout].contains(error) { return .timeout }
            if error == .cancelled { return .cancelled }
            if error == .alreadyShutdown { return .shutdown }
            if [.invalidURL, .emptyHost, .emptyScheme].contains(error) { return .invalidRequest }
        }
        return .connection
    }
}
