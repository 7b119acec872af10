public import Foundation

/// API keys of the service's clients, stored hashed.
public protocol APIKeyStore: Sendable {
    /// Adds a key and, in the same transaction, an audit entry `apikey.created` (actor `system`, details: name, role).
    /// `.conflict` when the id or hash exists.
    func add(_ key: APIKeyRecord) async throws(StoreError)
    /// The unrevoked key with this hash.
    func key(hash: String) async throws(StoreError) -> APIKeyRecord?
    /// Revokes a key (its hash stops matching) and appends `audit`, atomically; returns the revoked record.
    /// `.notFound` for an unknown id, `.conflict` when already revoked.
    @discardableResult
    func revoke(id: String, at time: Date, audit: AuditDraft) async throws(StoreError) -> APIKeyRecord
    /// All keys (for bootstrap: "are there any?").
    func keys() async throws(StoreError) -> [APIKeyRecord]
}
