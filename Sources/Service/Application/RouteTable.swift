public import Hummingbird
import Synchronization

/// The (method, path template) pairs a router serves, for answering 405 instead of 404 when a path exists but
/// not with the request's method. Filled once, after every route is registered
/// (``buildGatewayRouter(configuration:apiKeys:readiness:metrics:routes:)`` does it).
///
/// Templates use Hummingbird's description: `/v1/decisions/{id}`, `*` for a wildcard segment, `**` for the rest.
public final class RouteTable: Sendable {
    /// One route: its method and path template.
    public struct Route: Sendable, Hashable, CustomStringConvertible {
        /// The HTTP method.
        public var method: HTTPRequest.Method
        /// The path template, e.g. `/v1/decisions/{id}`.
        public var path: String

        /// A route.
        public init(method: HTTPRequest.Method, path: String) {
            self.method = method
            self.path = path
        }

        /// `GET /v1/decisions/{id}`.
        public var description: String { "\(method.rawValue) \(path)" }
    }

    private let state = Mutex<[Route]>([])

    /// An empty table.
    public init() {}

    /// Replaces the table's routes.
    public func install(_ routes: [Route]) {
        state.withLock { $0 = routes }
    }

    /// Replaces the table's routes with those of `router`.
    public func install<Context>(from router: Router<Context>) {
        install(router.routes.map { Route(method: $0.method, path: $0.path.description) })
    }

    /// The routes in the table.
    public var routes: [Route] { state.withLock { $0 } }

    /// The methods served on a concrete request path, sorted by name; empty when no template matches it.
    public func methods(forPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let matching = state.withLock { routes in routes.filter { Self.template($0.path, matches: segments) } }
        return Array(Set(matching.map(\.method))).sorted { $0.rawValue < $1.rawValue }
    }

    /// Whether a template matches the segments of a concrete path.
    static func template(_ template: String, matches segments: [Substring]) -> Bool {
        let parts = template.split(separator: "/", omittingEmptySubsequences: true)
        var index = 0
        for part in parts {
            if part == "**" { return true }
            guard index < segments.count else { return false }
            let segment = segments[index]
            if part == "*" || (part.hasPrefix("{") && part.hasSuffix("}")) {
                // any single segment
            } else if let open = part.firstIndex(of: "{"), part.hasSuffix("}") {
                // prefix{param}
                guard segment.hasPrefix(part[..<open]) else { return false }
            } else if part.hasPrefix("{"), let close = part.firstIndex(of: "}") {
                // {param}suffix
                guard segment.hasSuffix(part[part.index(after: close)...]) else { return false }
            } else if part != segment {
                return false
            }
            index += 1
        }
        return index == segments.count
    }
}
