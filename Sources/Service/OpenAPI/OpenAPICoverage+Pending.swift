import Hummingbird

extension OpenAPICoverage {
    /// Operations `openapi.yaml` documents whose routes have not landed yet (none today), each with the reason — the only ones
    /// the gateway's coverage check lets go unserved.
    ///
    /// Empty an entry when its route is registered: the check reports a pending operation that is served as
    /// ``stalePending``, so it fails until the list is brought up to date.
    public static let pendingOperations: [RouteTable.Route: String] = [:]
}
