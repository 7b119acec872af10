import Foundation
import Reverification
import Verification

/// The console's view of a re-verification decision (``ReverificationDecisionDocument``): the voucher it is about,
/// the facts that changed with the registry message they rest on, and the cross-registry contradictions.
struct ConsoleReverificationView {
    private let document: ReverificationDecisionDocument

    /// The view, or `nil` when `payload` is not a re-verification decision.
    init?(payload: Data) {
        guard let document = ReverificationDecisionDocument.decoded(payload) else { return nil }
        self.document = document
    }

    /// The template's values.
    var values: [String: Any] {
        [
            "voucherId": document.voucherId, "runId": document.runId, "activationDecisionId": document.activationDecisionId,
            "changes": document.changes.map { change in
                [
                    "fact": change.fact, "reason": change.reason, "now": change.now ?? "—", "registry": change.registry?.rawValue ?? "—",
                    "messageId": change.messageId ?? "",
                ] as [String: Any]
            },
            "contradictions": document.contradictions.map {
                ["kind": $0.kind.rawValue, "detail": $0.detail, "messageIds": $0.messageIds.joined(separator: ", ")] as [String: Any]
            },
            "hasContradictions": !document.contradictions.isEmpty,
        ]
    }

    /// The decision block the review page shows above (outcome and reason codes; the codes name new facts).
    var decision: [String: Any] {
        ["id": document.decisionId, "outcome": document.decision, "reasons": document.reasons.map { ["code": $0, "message": ""] as [String: Any] }]
    }
}
