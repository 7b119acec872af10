public import Hummingbird
import Logging

/// One `info` line per answered request: `qorgan.http.request` with method, route template, status, duration in
/// microseconds — never the concrete path (it may carry ids), a query or a body.
/// Sits outside ``ProblemMiddleware`` so it logs the status actually answered.
public struct AccessLogMiddleware: RouterMiddleware {
    /// An access log middleware.
    public init() {}

    /// Logs the request once it is answered.
    public func handle(
        _ request: Request, context: GatewayRequestContext, next: (Request, GatewayRequestContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = start.duration(to: .now)
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        context.logger.info(
            "qorgan.http.request",
            metadata: [
                "http.method": .string(RouteMetricsMiddleware<GatewayRequestContext>.methodLabel(request.method)),
                "http.route": .string(RouteMetricsMiddleware<GatewayRequestContext>.routeLabel(context.endpointPath)),
                "http.status": .stringConvertible(response.status.code),
                "duration_us": .stringConvertible(microseconds),
            ]
        )
        return response
    }
}
