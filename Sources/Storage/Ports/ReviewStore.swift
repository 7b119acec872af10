/// The operators' review queue.
public protocol ReviewStore: Sendable {
    /// Reviews matching `query`, oldest first.
    func reviews(_ query: ReviewQuery) async throws(StoreError) -> [ReviewItem]
    /// One review.
    func review(id: String) async throws(StoreError) -> ReviewItem?
    /// Resolves an open review and appends `audit`, atomically; a voucher is activated with it when given
    /// (operator ACTIVATE). Throws `.conflict` when already resolved, `.notFound` for an unknown id.
    func resolve(id: String, resolution: String, comment: String, actor: String, voucher: VoucherRecord?, audit: AuditDraft)
        async throws(StoreError) -> ReviewItem
}
