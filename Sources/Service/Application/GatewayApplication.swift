public import Hummingbird
public import Logging
public import Prometheus
public import Storage
import NIOCore

/// Builds the gateway's router: the cross-cutting middleware, the unauthenticated operational routes, and
/// `/v1` (authenticated, rate-limited) for the business routes `routes` adds.
///
/// Middleware, outermost first: request id → route metrics → access log (when enabled) → problem+json →
/// request limits (deadline, body size); then on `/v1` only: API-key authentication → per-key rate limit
/// (→ role requirement, per group).
///
/// Routes: `GET /health`, `GET /ready` (the `readiness` checks), `GET /metrics` (`metrics` in the Prometheus
/// text format), `GET /openapi.yaml`, and whatever `routes` registers under `/v1`.
///
/// Register every route inside `routes`: the table telling 405 from 404 is taken when it returns.
///
/// - Parameters:
///   - configuration: Limits, rate limit, key cache.
///   - apiKeys: Where API keys are looked up by hash.
///   - readiness: The checks `/ready` runs.
///   - metrics: The registry `/metrics` exposes and request metrics go to (the one swift-metrics was bootstrapped
///     with, see ``GatewayMetrics/bootstrap(registry:)``; tests pass a fresh one).
///   - routes: Adds the business routes.
/// - Returns: The router, e.g. for ``OpenAPICoverage`` or `Application(router:)`.
public func buildGatewayRouter(
    configuration: GatewayServiceConfiguration = .default,
    apiKeys: any APIKeyStore,
    readiness: [ReadinessCheck] = [],
    metrics: PrometheusCollectorRegistry,
    routes: (GatewayRoutes) throws -> Void = { _ in }
) rethrows -> Router<GatewayRequestContext> {
    let router = Router(context: GatewayRequestContext.self)
    let routeTable = RouteTable()

    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: RouteMetricsMiddleware<GatewayRequestContext>(registry: metrics))
    if configuration.accessLog { router.add(middleware: AccessLogMiddleware()) }
    router.add(middleware: ProblemMiddleware(routes: routeTable))
    router.add(middleware: RequestLimitsMiddleware(configuration: configuration))

    // MARK: Operational routes (no API key)
    HealthRoutes(checks: readiness, timeout: configuration.readinessCheckTimeout).register(on: router)
    router.get("metrics") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = GatewayMetrics.exposition
        headers[.cacheControl] = "no-store"
        let buffer = ByteBuffer(bytes: metrics.emitToBuffer())
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }
    let document = try? OpenAPIDocument.bundled()
    router.get("openapi.yaml") { _, _ in
        guard let document else { throw ServiceProblem.internalError }
        return document.response()
    }

    // MARK: Business routes (API key, rate limit)
    let v1 = router.group("v1")
        .add(
            middleware: APIKeyAuthenticationMiddleware(
                store: apiKeys, cacheTTL: configuration.authenticationCacheTTL, cacheSize: configuration.authenticationCacheSize
            )
        )
        .add(middleware: RateLimitMiddleware(configuration: configuration.rateLimit))
    // MARK: Operator console (its own session cookie, see OperatorConsole)
    try routes(GatewayRoutes(v1: v1, console: router.group("console")))

    routeTable.install(from: router)
    return router
}

/// Builds the gateway's Hummingbird application: ``buildGatewayRouter(configuration:apiKeys:readiness:metrics:routes:)``
/// listening on ``GatewayServiceConfiguration/host``:``GatewayServiceConfiguration/port``, logging with `logger`
/// (give it a ``JSONLogHandler``; each request's logger is derived from it). Run it with `runService()`, or add it
/// to a service group; add background services with `addServices(_:)`.
///
/// ```swift
/// let registry = GatewayMetrics.bootstrap()
/// let app = buildGatewayApplication(configuration: .default, apiKeys: store, readiness: checks,
///                                   metrics: registry, logger: logger) { routes in
///     BusinessRoutes(store: store, registries: registries).register(on: routes)
/// }
/// try await app.runService()
/// ```
public func buildGatewayApplication(
    configuration: GatewayServiceConfiguration = .default,
    apiKeys: any APIKeyStore,
    readiness: [ReadinessCheck] = [],
    metrics: PrometheusCollectorRegistry,
    logger: Logger,
    routes: (GatewayRoutes) throws -> Void = { _ in }
) rethrows -> Application<RouterResponder<GatewayRequestContext>> {
    let router = try buildGatewayRouter(configuration: configuration, apiKeys: apiKeys, readiness: readiness, metrics: metrics, routes: routes)
    let idleTimeout = configuration.idleTimeout.map { TimeAmount.nanoseconds(Int64($0.components.seconds) * 1_000_000_000 + $0.components.attoseconds / 1_000_000_000) }
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: idleTimeout)),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: configuration.serverName
        ),
        logger: logger
    )
}
