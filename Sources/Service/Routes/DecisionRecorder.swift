import Foundation
import Hummingbird
import Logging
import Storage
import Verification

/// Writes a decision (with its audit entry, and a review or voucher) and turns the outcome into a response.
struct DecisionRecorder: Sendable {
    let dependencies: GatewayDependencies
    let context: GatewayRequestContext

    func record(
        document: DecisionDocument, kind: DecisionKind, subjects: [SubjectKey], regionKATO: String?, fingerprint: String?, reviewID: String?,
        voucher: VoucherRecord?, voucherSubject: Data? = nil
    ) async throws -> DecisionWriteOutcome {
        let now = dependencies.now()
        let codes = document.reasons.map(\.code)
        let messageIDs = document.evidence.map(\.messageId)
        let decision = StoredDecision(
            id: document.decisionId, kind: kind, outcome: document.decision, reasonCodes: codes, subjects: subjects,
            clientRequestID: document.requestId, requestFingerprint: fingerprint, regionKATO: regionKATO, registryMessageIDs: messageIDs,
            createdAt: now, payload: document.encoded())
        let review = reviewID.map {
            ReviewItem(id: $0, decisionID: document.decisionId, kind: kind, reasonCodes: codes, regionKATO: regionKATO, createdAt: now)
        }
        let audit = AuditDraft(
            actor: context.actorName, action: "decision.recorded", subjectID: document.decisionId, registryMessageIDs: messageIDs,
            details: ["kind": kind.rawValue, "outcome": document.decision, "reasons": codes.joined(separator: ","), "request_id": context.requestID])
        let outcome = try await dependencies.store.record(
            DecisionWrite(decision: decision, review: review, voucher: voucher, audit: audit, voucherSubject: voucherSubject))
        if case .recorded = outcome {
            context.logger.info(
                "decision recorded",
                metadata: ["decision_id": "\(document.decisionId)", "kind": "\(kind.rawValue)", "outcome": "\(document.decision)"])
            GatewayDecisionMetrics.count(kind: kind, outcome: document.decision)
        }
        return outcome
    }

    /// The decision document as the response; a replay is marked with `Idempotent-Replayed: true`.
    func response(_ outcome: DecisionWriteOutcome, status: HTTPResponse.Status) throws -> Response {
        switch outcome {
        case .recorded(let decision):
            return Self.json(decision.payload, status: status)
        case .replayed(let decision):
            var response = Self.json(decision.payload, status: .ok)
            response.headers[HTTPFields.Element.Name("Idempotent-Replayed")!] = "true"
            return response
        case .voucherConflict:
            throw ServiceProblem.conflict("The child already has an active voucher for an overlapping period.", code: ReasonCode.duplicateVoucher.rawValue)
        }
    }

    static func json(_ data: Data, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
