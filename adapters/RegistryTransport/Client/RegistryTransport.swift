public import CoreMetrics
public import Logging
import Metrics
import Synchronization

/// Calls one registry over the shared client with its timeouts, bounded concurrency, retries with back-off, circuit
/// breaker, credentials and metrics.
///
/// ```swift
/// let transport = RegistryTransport(configuration: health, client: shared, logger: logger)
/// let response = try await transport.execute(
///     RegistryRequest(method: .get, path: "/api/v1/patients/\(iin)", operation: "patient"), deadline: deadline)
/// ```
///
/// What the caller gets back: every answer whose status carries meaning for the adapter (2xx, 4xx, and 5xx that
/// were not retried or are not retryable — a SOAP fault arrives as HTTP 500), or a ``RegistryTransportError``:
/// `timeout`, `connection`, `breakerOpen`, `rateLimited` (429 until retries ran out), `httpStatus` (retryable 5xx
/// until retries ran out), `authentication` (401 after one token refresh), `cancelled`.
///
/// Breaker bookkeeping per attempt: timeouts, connection failures and 5xx count as failures; 429 and cancellation
/// are neutral; every other answer is a success.
public final class RegistryTransport: Sendable {
    /// The configuration.
    public let configuration: RegistryEndpointConfiguration
    private let client: RegistryHTTPClient
    private let logger: Logger
    private let clock: any TransportClock
    private let metrics: RegistryMetrics
    private let semaphore: AsyncSemaphore
    private let breaker: Mutex<CircuitBreaker>
    private let random: @Sendable () -> Double
    private let tokens: OAuth2TokenProvider?

    /// Creates a transport for one registry.
    ///
    /// - Parameters:
    ///   - configuration: the registry's endpoint configuration.
    ///   - client: the shared HTTP client.
    ///   - logger: where to log (debug level, constant messages, no payloads). Default: discards.
    ///   - metricsFactory: where metrics go. Default: the process-wide `MetricsSystem.factory` (a no-op until the
    ///     executable bootstraps one).
    ///   - clock: time source for back-off and the breaker. Default: the system's continuous clock.
    ///   - random: jitter draws in `0..<1`. Default: `Double.random(in:)`.
    public init(
        configuration: RegistryEndpointConfiguration, client: RegistryHTTPClient, logger: Logger = Logger(label: "qorgan.registry", factory: { _ in SwiftLogNoOpLogHandler() }),
        metricsFactory: (any MetricsFactory)? = nil, clock: any TransportClock = SystemTransportClock(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.configuration = configuration
        self.client = client
        var logger = logger
        logger[metadataKey: "qorgan.registry"] = "\(configuration.registry)"
        self.logger = logger
        self.clock = clock
        self.metrics = RegistryMetrics(registry: configuration.registry, factory: metricsFactory ?? MetricsSystem.factory)
        self.semaphore = AsyncSemaphore(permits: configuration.maximumConcurrentRequests)
        self.breaker = Mutex(CircuitBreaker(configuration: configuration.circuitBreaker))
        self.random = random
        if case .oauth2ClientCredentials(let credentials) = configuration.credentials {
            tokens = OAuth2TokenProvider(
                credentials: credentials, baseURL: configuration.baseURL, client: client, clock: clock,
                maximumResponseBytes: configuration.maximumResponseBytes)
        } else {
            tokens = nil
        }
        metrics.recordBreaker(.closed(failures: 0))
    }

    /// The breaker's current state.
    public var breakerState: CircuitBreaker.State { breaker.withLock { $0.state } }

    /// Sends `request` and returns the registry's answer, by `deadline` at the latest (and within the registry's
    /// total timeout).
    ///
    /// - Throws: ``RegistryTransportError``.
    public func execute(_ request: RegistryRequest, deadline: ContinuousClock.Instant) async throws(RegistryTransportError) -> RegistryResponse {
        let started = clock.now
        let callDeadline = min(deadline, started.advanced(by: configuration.timeout.total))
        do {
            let response = try await run(request, deadline: callDeadline)
            metrics.recordLatency(started.duration(to: clock.now), operation: request.operation, outcome: "status_\(response.status / 100)xx")
            return response
        } catch {
            metrics.recordLatency(started.duration(to: clock.now), operation: request.operation, outcome: error.shortDescription)
            metrics.recordError(error.shortDescription, operation: request.operation)
            logger.debug(
                "qorgan.registry.call.failed",
                metadata: ["qorgan.operation": "\(request.operation)", "qorgan.error": "\(error.shortDescription)"])
            throw error
        }
    }

    private func run(_ request: RegistryRequest, deadline: ContinuousClock.Instant) async throws(RegistryTransportError) -> RegistryResponse {
        do {
            try await semaphore.acquire()
        } catch {
            throw .cancelled
        }
        defer { semaphore.release() }
        let policy = configuration.retry
        let attempts = request.isIdempotent ? max(1, policy.maximumAttempts) : 1
        var refreshedToken = false
        var attempt = 1
        var lastError: RegistryTransportError = .timeout
        while true {
            if Task.isCancelled { throw .cancelled }
            guard clock.now < deadline else { throw lastError == .timeout || attempt == 1 ? .timeout : lastError }
            let permitted = breaker.withLock { $0.acquire(at: clock.now) }
            publishBreaker()
            guard permitted else { throw attempt == 1 ? .breakerOpen : lastError }

            let attemptDeadline = min(deadline, clock.now.advanced(by: configuration.timeout.attempt))
            var token: String?
            let outcome: Result<RegistryResponse, RegistryTransportError>
            do throws(RegistryTransportError) {
                token = try await tokens?.token(deadline: attemptDeadline)
                outcome = .success(try await send(request, token: token, deadline: attemptDeadline))
            } catch {
                outcome = .failure(error)
            }

            var retryAfter: Duration?
            switch outcome {
            case .success(let response):
                if response.status == 401, let tokens, let token {
                    breaker.withLock { $0.recordAbandoned() }
                    publishBreaker()
                    await tokens.invalidate(token)
                    guard !refreshedToken else { throw .authentication(status: 401) }
                    refreshedToken = true
                    logger.debug("qorgan.registry.token.refused", metadata: ["qorgan.operation": "\(request.operation)"])
                    continue  // one refresh, not counted as a retry
                }
                if response.status == 429 {
                    breaker.withLock { $0.recordAbandoned() }
                } else if response.status >= 500 {
                    breaker.withLock { $0.recordFailure(at: clock.now) }
                } else {
                    breaker.withLock { $0.recordSuccess() }
                }
                publishBreaker()
                if response.status == 401 { throw .authentication(status: 401) }
                guard policy.retryableStatuses.contains(response.status) else { return response }
                lastError = response.status == 429 ? .rateLimited : .httpStatus(response.status)
                metrics.recordError(lastError.shortDescription, operation: request.operation)
                if response.status == 429 || response.status == 503 {
                    retryAfter = RetryAfter.parse(response.header("Retry-After"))
                }
            case .failure(let error):
                if error == .cancelled {
                    breaker.withLock { $0.recordAbandoned() }
                    publishBreaker()
                    throw error
                }
                if error == .authentication() {
                    breaker.withLock { $0.recordAbandoned() }
                    publishBreaker()
                    throw error
                }
                breaker.withLock { $0.recordFailure(at: clock.now) }
                publishBreaker()
                lastError = error
                metrics.recordError(error.shortDescription, operation: request.operation)
                guard policy.retriesTransportFailures, error == .timeout || error == .connection else { throw error }
            }

            guard attempt < attempts,
                let delay = policy.delay(beforeRetry: attempt, retryAfter: retryAfter, random: random()),
                clock.now.advanced(by: delay) < deadline
            else { throw lastError }
            logger.debug(
                "qorgan.registry.call.retry",
                metadata: ["qorgan.operation": "\(request.operation)", "qorgan.attempt": "\(attempt)", "qorgan.error": "\(lastError.shortDescription)"])
            do {
                try await clock.sleep(for: delay)
            } catch {
                throw .cancelled
            }
            attempt += 1
        }
    }

    private func send(_ request: RegistryRequest, token: String?, deadline: ContinuousClock.Instant) async throws(RegistryTransportError) -> RegistryResponse {
        var headers = configuration.defaultHeaders
        switch configuration.credentials {
        case .none, .oauth2ClientCredentials: break
        case .apiKey(let header, let value): headers.append((name: header, value: value))
        }
        if let token { headers.append((name: "Authorization", value: "Bearer \(token)")) }
        headers.append(contentsOf: request.headers)
        return try await client.perform(
            url: configuration.baseURL + request.path, method: request.method, headers: headers, body: request.body,
            isIdempotent: request.isIdempotent, maximumResponseBytes: configuration.maximumResponseBytes, deadline: deadline)
    }

    private func publishBreaker() {
        metrics.recordBreaker(breakerState)
    }
}
