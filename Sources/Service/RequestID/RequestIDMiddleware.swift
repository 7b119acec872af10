public import Hummingbird
import Logging

/// Gives every request its id: the client's `X-Request-ID` when ``RequestIdentifier/isAcceptable(_:)``, otherwise
/// a generated one. Stores it in ``GatewayRequestContext/requestID`` and in the request logger's metadata
/// (`request_id`, and Hummingbird's `hb.request.id` so both name the same id), and echoes it in the
/// `X-Request-ID` response header — also on error answers, which it turns into problem responses itself if an
/// error ever gets past ``ProblemMiddleware``.
public struct RequestIDMiddleware: RouterMiddleware {
    /// The header name, `X-Request-ID`.
    public static let headerName = HTTPFields.Element.Name("X-Request-ID")!

    /// A request id middleware.
    public init() {}

    /// Assigns the id, runs the rest of the chain and echoes the id.
    public func handle(
        _ request: Request, context: GatewayRequestContext, next: (Request, GatewayRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        let id: String
        if let incoming = request.headers[Self.headerName], RequestIdentifier.isAcceptable(incoming) {
            id = incoming
        } else {
            id = RequestIdentifier.generate()
        }
        context.requestID = id
        context.logger[metadataKey: JSONLogHandler.requestIDKey] = .string(id)
        context.logger[metadataKey: "hb.request.id"] = .string(id)
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as ServiceProblem {
            response = problem.makeResponse(requestID: id)
        } catch {
            response = ProblemMiddleware.problem(for: error, logger: context.logger).makeResponse(requestID: id)
        }
        response.headers[Self.headerName] = id
        return response
    }
}
