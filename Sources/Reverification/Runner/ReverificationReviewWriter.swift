import Foundation
import Identifiers
import Normalization
import Storage
import Verification

/// Puts a flagged re-verification into the operators' review queue: one decision (kind `voucher-activation`, outcome
/// `REVIEW` or `SUSPEND_SUGGESTED`, document ``ReverificationDecisionDocument``) with its review item and audit entry, in one store transaction. Idempotent per run
/// and voucher (client request id `reverify:<run>:<voucher>`), so a resumed run never queues a voucher twice.
/// Nothing is suspended: an operator resolves the review.
struct ReverificationReviewWriter: Sendable {
    let store: any DecisionStore
    let protector: PersonalDataProtector
    let actor: String

    /// Records `result` (flagged) for `subject`; returns the decision and review ids (the earlier ones on a replay).
    func record(_ result: ReverificationResult, subject: ReverificationSubject, runID: String, at time: Date) async throws(StoreError)
        -> (decisionID: String, reviewID: String?)
    {
        let decisionID = ReverificationIdentifiers.make("dec")
        let reviewID = ReverificationIdentifiers.make("rev")
        let messageIDs = result.evidence.map(\.messageId)
        let document = ReverificationDecisionDocument(
            decisionId: decisionID, decision: result.outcome.rawValue, reasons: result.reasons, voucherId: subject.voucherID, runId: runID,
            activationDecisionId: subject.decisionID, changes: result.changes, contradictions: result.contradictions, evidence: messageIDs,
            reviewId: reviewID, decidedAt: time)
        let payload = (try? document.encoded()) ?? Data("{}".utf8)
        var subjects: [SubjectKey] = []
        if let child = try? IIN(subject.child.iin) { subjects.append(protector.subjectKey(for: child)) }
        if let parent = try? IIN(subject.parent.iin) { subjects.append(protector.subjectKey(for: parent)) }
        let region = subject.programme.region.kato
        let write = DecisionWrite(
            decision: StoredDecision(
                id: decisionID, kind: .voucherActivation, outcome: result.outcome.rawValue, reasonCodes: result.reasons, subjects: subjects,
                clientRequestID: "reverify:\(runID):\(subject.voucherID)", regionKATO: region, registryMessageIDs: messageIDs, createdAt: time,
                payload: payload),
            review: ReviewItem(id: reviewID, decisionID: decisionID, kind: .voucherActivation, reasonCodes: result.reasons, regionKATO: region, createdAt: time),
            audit: AuditDraft(
                actor: actor, action: "voucher.reverified", subjectID: decisionID, registryMessageIDs: messageIDs,
                details: ["outcome": result.outcome.rawValue, "voucherId": subject.voucherID, "runId": runID, "reviewId": reviewID]))
        switch try await store.record(write) {
        case .recorded(let decision): return (decision.id, reviewID)
        case .replayed(let earlier): return (earlier.id, nil)
        case .voucherConflict: return (decisionID, nil)  // no voucher is written here; cannot happen
        }
    }
}
