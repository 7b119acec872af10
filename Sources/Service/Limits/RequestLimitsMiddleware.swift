public import Hummingbird
import Logging
import Verification

/// Sets each request's limits from the configuration: its ``GatewayRequestContext/deadline`` (now +
/// ``GatewayServiceConfiguration/requestDeadline``) and its body limit
/// (``GatewayServiceConfiguration/maxRequestBodySize``, or ``GatewayServiceConfiguration/maxUploadBodySize`` on the
/// ``uploadRoutes``). A `Content-Length` above the limit is answered 413 at once, before any body is read; a chunked
/// body is cut off at the limit while it is decoded or streamed.
public struct RequestLimitsMiddleware: RouterMiddleware {
    /// The deadline given to each request.
    public let requestDeadline: Duration
    /// The largest body accepted, in bytes.
    public let maxRequestBodySize: Int
    /// The largest upload accepted on ``uploadRoutes``, in bytes.
    public let maxUploadBodySize: Int

    /// Routes (method and path template) whose body is a file upload and gets ``maxUploadBodySize``.
    public static let uploadRoutes: Set<RouteTable.Route> = [
        RouteTable.Route(method: .post, path: "/v1/batches"), RouteTable.Route(method: .post, path: "/console/batches"),
    ]

    /// Limits from a configuration.
    public init(configuration: GatewayServiceConfiguration) {
        self.requestDeadline = configuration.requestDeadline
        self.maxRequestBodySize = configuration.maxRequestBodySize
        self.maxUploadBodySize = configuration.maxUploadBodySize
    }

    /// Applies the limits.
    public func handle(
        _ request: Request, context: GatewayRequestContext, next: (Request, GatewayRequestContext) async throws -> Response
    ) async throws -> Response {
        let limit = limit(method: request.method, endpointPath: context.endpointPath)
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw ServiceProblem.payloadTooLarge(limit: limit)
        }
        var context = context
        context.deadline = .after(requestDeadline)
        context.maxUploadSize = limit
        return try await next(request, context)
    }

    /// The body limit of a request to `endpointPath` (the matched route template) with `method`.
    func limit(method: HTTPRequest.Method, endpointPath: String?) -> Int {
        guard let endpointPath else { return maxRequestBodySize }
        return Self.uploadRoutes.contains(RouteTable.Route(method: method, path: endpointPath)) ? maxUploadBodySize : maxRequestBodySize
    }
}
