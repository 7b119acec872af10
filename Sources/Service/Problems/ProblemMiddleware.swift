public import Hummingbird
public import Logging
import NIOCore
import Storage

/// Turns every error thrown below it into an `application/problem+json` answer with the right status:
///
/// | thrown | answer |
/// |---|---|
/// | ``ServiceProblem`` | as it says |
/// | Hummingbird `HTTPError` / other `HTTPResponseError` | its status; `type` from the status (`not-found`, …); its message as detail, masked |
/// | no route for the path (404) when the path exists with other methods | 405 `method-not-allowed` + `Allow` |
/// | body larger than the limit | 413 `payload-too-large` |
/// | `DecodingError` | 400 `invalid-json` with the coding path, no values |
/// | `StoreError` | ``ServiceProblem/init(storeError:)`` |
/// | `CancellationError` | 503 `service-unavailable` |
/// | anything else | 500 `internal-error`, logged with its type only |
///
/// Installed by ``buildGatewayRouter(configuration:apiKeys:readiness:metrics:routes:)``; the 405 check uses the
/// ``RouteTable`` filled in once all routes are registered.
public struct ProblemMiddleware: RouterMiddleware {
    /// The registered routes, for telling 405 from 404.
    public let routes: RouteTable

    /// A problem middleware answering 405 for paths `routes` knows with other methods.
    public init(routes: RouteTable = RouteTable()) {
        self.routes = routes
    }

    /// Runs the chain and converts any error into a problem response.
    public func handle(
        _ request: Request, context: GatewayRequestContext, next: (Request, GatewayRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = Self.problem(for: error, logger: context.logger)
            // The router found no endpoint (its not-found responder ran): maybe the path exists with other methods.
            if problem.status == .notFound, context.endpointPath == nil || context.endpointPath == "NotFound" {
                let allowed = routes.methods(forPath: request.uri.path)
                if !allowed.isEmpty, !allowed.contains(request.method) { problem = .methodNotAllowed(allowed: allowed) }
            }
            return problem.makeResponse(requestID: context.requestID)
        }
    }

    /// The problem an error is answered with (see the table above; 405 needs the route table and is not decided here).
    /// Unexpected errors are logged at `error` level with their type name only — their description may hold data.
    public static func problem(for error: any Error, logger: Logger) -> ServiceProblem {
        switch error {
        case let problem as ServiceProblem:
            return problem
        case let decoding as DecodingError:
            return ServiceProblem(decodingError: decoding)
        case let store as StoreError:
            let problem = ServiceProblem(storeError: store)
            if problem.status.code >= 500 {
                logger.error("qorgan.service.store_error", metadata: ["error": "\(store)"])
            }
            return problem
        case is NIOTooManyBytesError:
            return .payloadTooLarge(limit: -1).withoutLimit
        case is CancellationError:
            return .serviceUnavailable("The request was cancelled.")
        case let httpError as HTTPError:
            return problem(status: httpError.status, message: httpError.body, headers: httpError.headers)
        case let responseError as any HTTPResponseError:
            return problem(status: responseError.status, message: nil, headers: [:])
        default:
            logger.error("qorgan.service.unexpected_error", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            return .internalError
        }
    }

    /// The problem for a bare HTTP status (Hummingbird's errors).
    static func problem(status: HTTPResponse.Status, message: String?, headers: HTTPFields) -> ServiceProblem {
        var kept = HTTPFields()
        for field in headers where field.name != .contentType && field.name != .contentLength {
            kept.append(field)
        }
        switch status {
        case .notFound:
            return ServiceProblem(status: status, type: "not-found", title: "Not found", detail: message ?? "No route for this path.", headers: kept)
        case .contentTooLarge:
            return ServiceProblem(status: status, type: "payload-too-large", title: "Request body too large", detail: message, headers: kept)
        case .badRequest:
            return ServiceProblem(status: status, type: "bad-request", title: "Bad request", detail: message, headers: kept)
        case .unauthorized:
            return ServiceProblem(status: status, type: "unauthenticated", title: "Authentication required", detail: message, headers: kept)
        case .forbidden:
            return ServiceProblem(status: status, type: "forbidden", title: "Forbidden", detail: message, headers: kept)
        case .tooManyRequests:
            return ServiceProblem(status: status, type: "rate-limited", title: "Too many requests", detail: message, headers: kept)
        case .serviceUnavailable:
            return ServiceProblem(status: status, type: "service-unavailable", title: "Service unavailable", detail: message, headers: kept)
        default:
            if status.code >= 500 {
                // A server-side message may describe internals: keep the status, drop the words.
                return ServiceProblem(status: status, type: "http-\(status.code)", title: status.reasonPhrase, headers: kept)
            }
            return ServiceProblem(status: status, type: "http-\(status.code)", title: status.reasonPhrase, detail: message, headers: kept)
        }
    }
}

extension ServiceProblem {
    /// The 413 problem when the limit is not known at the throw site.
    fileprivate var withoutLimit: ServiceProblem {
        var problem = self
        problem.extensions.removeValue(forKey: "limitBytes")
        problem.detail = "The request body is too large."
        return problem
    }
}
