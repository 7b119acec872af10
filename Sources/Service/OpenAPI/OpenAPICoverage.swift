public import Hummingbird

/// Holds the OpenAPI document's operations against the routes a router serves: a route registered without
/// documentation, or documented without being registered, shows up in the result.
///
/// ```swift
/// let coverage = OpenAPICoverage(document: try OpenAPIDocument.bundled(), router: router)
/// #expect(coverage.undocumented.isEmpty, "routes missing from openapi.yaml: \(coverage.undocumented)")
/// #expect(coverage.unserved.isEmpty, "documented but not served: \(coverage.unserved)")
/// ```
public struct OpenAPICoverage: Sendable, Hashable {
    /// Served but not documented.
    public let undocumented: Set<RouteTable.Route>
    /// Documented but not served.
    public let unserved: Set<RouteTable.Route>

    /// Compares documented operations with served routes. `HEAD` routes Hummingbird generates for `GET`s count as
    /// documented by the `GET`.
    public init(documented: Set<RouteTable.Route>, served: Set<RouteTable.Route>) {
        self.undocumented = served.filter { route in
            if documented.contains(route) { return false }
            if route.method == .head { return !documented.contains(.init(method: .get, path: route.path)) }
            return true
        }
        self.unserved = documented.subtracting(served)
    }

    /// Compares `document` with the routes registered on `router`.
    public init<Context>(document: OpenAPIDocument, router: Router<Context>) {
        self.init(documented: document.operations, served: Set(router.routes.map { .init(method: $0.method, path: $0.path.description) }))
    }

    /// Whether the two sets are the same.
    public var isComplete: Bool { undocumented.isEmpty && unserved.isEmpty }
}
