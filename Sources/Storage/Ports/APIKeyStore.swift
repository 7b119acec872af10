/// API keys of the service's clients, stored hashed.
public protocol APIKeyStore: Sendable {
    /// Adds a key (and an audit entry `apikey.created`).
    func add(_ key: APIKeyRecord) async throws(StoreError)
    /// The unrevoked key with this hash.
    func key(hash: String) async throws(StoreError) -> APIKeyRecord?
    /// All keys (for bootstrap: "are there any?").
    func keys() async throws(StoreError) -> [APIKeyRecord]
}
