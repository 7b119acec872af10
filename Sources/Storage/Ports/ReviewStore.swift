/// The operators' review queue.
public protocol ReviewStore: Sendable {
    /// Reviews matching `query`, oldest first.
    func reviews(_ query: ReviewQuery) async throws(StoreError) -> [ReviewItem]
    /// One review.
    func review(id: String) async throws(StoreError) -> ReviewItem?
    /// Resolves an open review and appends `audit`, atomically; a voucher is activated with it when given
    /// (operator ACTIVATE), or the voucher `suspending` names is suspended (operator SUSPEND after re-verification;
    /// one already suspended stays as it was). Throws `.conflict` when already resolved, `.notFound` for an unknown
    /// review or voucher (nothing is written then).
    func resolve(
        id: String, resolution: String, comment: String, actor: String, voucher: VoucherRecord?, suspending voucherID: String?, audit: AuditDraft
    ) async throws(StoreError) -> ReviewItem
}

extension ReviewStore {
    /// Resolves an open review, activating `voucher` when given, suspending none.
    public func resolve(id: String, resolution: String, comment: String, actor: String, voucher: VoucherRecord?, audit: AuditDraft)
        async throws(StoreError) -> ReviewItem
    {
        try await resolve(id: id, resolution: resolution, comment: comment, actor: actor, voucher: voucher, suspending: nil, audit: audit)
    }
}
