public import Hummingbird

/// Holds the OpenAPI document's operations against the routes a router serves: a route registered without
/// documentation, or documented without being registered, shows up in the result.
///
/// Operations documented ahead of their implementation may be named in `pending` (the gateway's list is
/// ``pendingOperations``): they are reported apart, in ``pending``, instead of in ``unserved``. A pending operation
/// that is served after all — or is not even documented — is ``stalePending``, so the list cannot outlive its reason.
///
/// ```swift
/// let coverage = OpenAPICoverage(document: try OpenAPIDocument.bundled(), router: router,
///                                pending: Set(OpenAPICoverage.pendingOperations.keys))
/// #expect(coverage.isComplete, "\(coverage)")
/// ```
public struct OpenAPICoverage: Sendable, Hashable, CustomStringConvertible {
    /// Served but not documented.
    public let undocumented: Set<RouteTable.Route>
    /// Documented but not served (pending operations excluded).
    public let unserved: Set<RouteTable.Route>
    /// Documented, not served yet, and named as pending.
    public let pending: Set<RouteTable.Route>
    /// Named as pending although served, or not documented: remove them from the pending list.
    public let stalePending: Set<RouteTable.Route>

    /// Compares documented operations with served routes. `HEAD` routes Hummingbird generates for `GET`s count as
    /// documented by the `GET`.
    ///
    /// - Parameter pending: documented operations allowed to be unserved for now (default none).
    public init(documented: Set<RouteTable.Route>, served: Set<RouteTable.Route>, pending: Set<RouteTable.Route> = []) {
        self.undocumented = served.filter { route in
            if documented.contains(route) { return false }
            if route.method == .head { return !documented.contains(.init(method: .get, path: route.path)) }
            return true
        }
        let missing = documented.subtracting(served)
        self.unserved = missing.subtracting(pending)
        self.pending = missing.intersection(pending)
        self.stalePending = pending.subtracting(missing)
    }

    /// Compares `document` with the routes registered on `router`.
    ///
    /// - Parameter pending: documented operations allowed to be unserved for now (default none).
    /// Routes under ``excludedPrefixes`` are left out.
    public init<Context>(document: OpenAPIDocument, router: Router<Context>, pending: Set<RouteTable.Route> = []) {
        let served = router.routes.map { RouteTable.Route(method: $0.method, path: $0.path.description) }
            .filter { route in !Self.excludedPrefixes.keys.contains { route.path == $0 || route.path.hasPrefix($0 + "/") } }
        self.init(documented: document.operations, served: Set(served), pending: pending)
    }

    /// Path prefixes the check leaves out, each with its reason: they are not part of the JSON API.
    public static let excludedPrefixes: [String: String] = [
        "/console": "the operator console: server-rendered HTML pages, a form login and a session cookie for people in a "
            + "browser, not a JSON API for clients (its few JSON endpoints only feed its own pages); see Sources/Service/Console"
    ]

    /// Whether every served route is documented, every documented operation is served or pending, and no pending
    /// entry is stale.
    public var isComplete: Bool { undocumented.isEmpty && unserved.isEmpty && stalePending.isEmpty }

    /// `undocumented: […]; unserved: […]; pending: […]; stale pending: […]`, each sorted.
    public var description: String {
        func list(_ routes: Set<RouteTable.Route>) -> String { "[" + routes.map(\.description).sorted().joined(separator: ", ") + "]" }
        return "undocumented: \(list(undocumented)); unserved: \(list(unserved)); pending: \(list(pending)); stale pending: \(list(stalePending))"
    }
}
