/// One named thing `/ready` asks about — "store writable", "individuals registry reachable" — as an async closure
/// answering ``Status/ok`` or ``Status/failed(reason:)``. The reason is shown in the `/ready` body, so it must not
/// carry personal data (it is masked anyway).
///
/// ```swift
/// ReadinessCheck(name: "store") { await store.isWritable() ? .ok : .failed(reason: "not writable") }
/// ```
public struct ReadinessCheck: Sendable {
    /// What the check says.
    public enum Status: Sendable, Hashable {
        /// Ready.
        case ok
        /// Not ready, and why (no personal data).
        case failed(reason: String)
    }

    /// The check's name in the `/ready` body, e.g. `store`, `registry.individuals`.
    public let name: String
    /// Runs the check.
    public let check: @Sendable () async -> Status

    /// A check named `name`.
    public init(name: String, check: @escaping @Sendable () async -> Status) {
        self.name = name
        self.check = check
    }
}
