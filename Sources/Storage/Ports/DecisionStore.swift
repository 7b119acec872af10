public import Foundation

/// Everything one decision writes, in one transaction: the decision, its audit entry, and a review item or a
/// voucher when the outcome calls for one.
public struct DecisionWrite: Sendable {
    /// The decision.
    public var decision: StoredDecision
    /// The review to open (REVIEW outcomes).
    public var review: ReviewItem?
    /// The voucher to activate (ACTIVATE outcomes).
    public var voucher: VoucherRecord?
    /// The audit entry for the decision.
    public var audit: AuditDraft
    /// What re-verification needs of the voucher (plain; the store seals it), kept with the voucher in the same
    /// transaction — as `ReverificationStore.saveVoucherSubject` would — so no voucher is ever active without it.
    /// Ignored without a voucher.
    public var voucherSubject: Data?

    /// Creates a write.
    public init(decision: StoredDecision, review: ReviewItem? = nil, voucher: VoucherRecord? = nil, audit: AuditDraft, voucherSubject: Data? = nil) {
        self.decision = decision
        self.review = review
        self.voucher = voucher
        self.audit = audit
        self.voucherSubject = voucherSubject
    }
}

/// What became of a `DecisionWrite`.
public enum DecisionWriteOutcome: Sendable {
    /// Written.
    case recorded(StoredDecision)
    /// The client request id was seen before for this kind: nothing written, the earlier decision returned.
    /// Compare its `requestFingerprint` with the new request's to tell a replay from a reused key.
    case replayed(StoredDecision)
    /// The voucher overlaps an active voucher of the same child (any programme): nothing written.
    case voucherConflict(existing: VoucherRecord)
}

/// Decisions with their evidence, looked up by id or client request id.
public protocol DecisionStore: Sendable {
    /// Writes the decision, audit entry and review/voucher atomically (see `DecisionWriteOutcome`). The idempotency
    /// and overlap checks run inside the same transaction, so concurrent writers cannot both win.
    func record(_ write: DecisionWrite) async throws(StoreError) -> DecisionWriteOutcome
    /// The decision with this id, payload decrypted.
    func decision(id: String) async throws(StoreError) -> StoredDecision?
    /// The decision recorded under this client request id for `kind`.
    func decision(kind: DecisionKind, clientRequestID: String) async throws(StoreError) -> StoredDecision?
}
