/// The append-only, hash-chained audit log.
public protocol AuditLog: Sendable {
    /// Appends an entry on its own (most entries are appended inside the writes that cause them).
    @discardableResult
    func append(_ draft: AuditDraft) async throws(StoreError) -> AuditEntry
    /// Entries matching `query`, newest first.
    func entries(_ query: AuditQuery) async throws(StoreError) -> [AuditEntry]
    /// Walks the whole chain and reports the first edited or deleted entry.
    func verifyChain() async throws(StoreError) -> AuditChainStatus
}
