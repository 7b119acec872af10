public import Foundation

/// Consents and their one-time codes.
public protocol ConsentStore: Sendable {
    /// Saves a new pending consent and appends `audit`.
    func create(_ consent: ConsentRecord, audit: AuditDraft) async throws(StoreError)
    /// One consent.
    func consent(id: String) async throws(StoreError) -> ConsentRecord?
    /// Records a confirmation attempt: `succeeded` sets `confirmedAt`, otherwise counts a failed attempt; appends
    /// `audit` when given, in the same transaction. Returns the updated record.
    ///
    /// The caller decides success (code hash, expiry, attempt limit); the store only records it.
    /// - Throws: `.notFound` for an unknown id, `.conflict` when the consent is already confirmed.
    func recordAttempt(id: String, succeeded: Bool, at time: Date, audit: AuditDraft?) async throws(StoreError) -> ConsentRecord
    /// Records the SMS gateway's message id once the code message went out. `.notFound` for an unknown id.
    func recordCodeSent(id: String, smsMessageID: String) async throws(StoreError)
    /// Whether `subject` has a confirmed consent (a confirmed consent stays valid).
    func hasConfirmedConsent(subject: SubjectKey) async throws(StoreError) -> Bool
}
