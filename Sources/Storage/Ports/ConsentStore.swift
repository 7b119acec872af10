public import Foundation

/// Consents and their one-time codes.
public protocol ConsentStore: Sendable {
    /// Saves a new pending consent and appends `audit`.
    func create(_ consent: ConsentRecord, audit: AuditDraft) async throws(StoreError)
    /// One consent.
    func consent(id: String) async throws(StoreError) -> ConsentRecord?
    /// Records a confirmation attempt: `succeeded` sets `confirmedAt` (and appends `audit`), otherwise counts a
    /// failed attempt. Returns the updated record.
    func recordAttempt(id: String, succeeded: Bool, at time: Date, audit: AuditDraft?) async throws(StoreError) -> ConsentRecord
    /// Whether `subject` has a confirmed consent (a confirmed consent stays valid).
    func hasConfirmedConsent(subject: SubjectKey) async throws(StoreError) -> Bool
}
