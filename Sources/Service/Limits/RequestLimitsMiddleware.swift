public import Hummingbird
import Logging
import Verification

/// Sets each request's limits from the configuration: its ``GatewayRequestContext/deadline`` (now +
/// ``GatewayServiceConfiguration/requestDeadline``) and its body limit
/// (``GatewayServiceConfiguration/maxRequestBodySize``). A `Content-Length` above the limit is answered 413 at once,
/// before any body is read; a chunked body is cut off at the limit while it is decoded.
public struct RequestLimitsMiddleware: RouterMiddleware {
    /// The deadline given to each request.
    public let requestDeadline: Duration
    /// The largest body accepted, in bytes.
    public let maxRequestBodySize: Int

    /// Limits from a configuration.
    public init(configuration: GatewayServiceConfiguration) {
        self.requestDeadline = configuration.requestDeadline
        self.maxRequestBodySize = configuration.maxRequestBodySize
    }

    /// Applies the limits.
    public func handle(
        _ request: Request, context: GatewayRequestContext, next: (Request, GatewayRequestContext) async throws -> Response
    ) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxRequestBodySize {
            throw ServiceProblem.payloadTooLarge(limit: maxRequestBodySize)
        }
        var context = context
        context.deadline = .after(requestDeadline)
        context.maxUploadSize = maxRequestBodySize
        return try await next(request, context)
    }
}
