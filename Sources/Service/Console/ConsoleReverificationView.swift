import Foundation
import Reverification
import Verification

/// The console's view of a re-verification decision (``ReverificationDecisionDocument``): the voucher it is about,
/// the facts that changed with the registry message they rest on, and the cross-registry contradictions.
struct ConsoleReverificationView {
    private let document: ReverificationDecisionDocument
    private let language: ConsoleLanguage

    /// The view in `language`, or `nil` when `payload` is not a re-verification decision.
    init?(payload: Data, language: ConsoleLanguage) {
        guard let document = ReverificationDecisionDocument.decoded(payload) else { return nil }
        self.document = document
        self.language = language
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

    /// The decision block the review page shows above: outcome, and the new reasons with the catalogue's messages.
    var decision: [String: Any] {
        let reasons = document.reasons.map { code -> [String: Any] in
            let reason = ReasonCode(rawValue: code)
            return ["code": code, "message": language == .ru ? reason.messageRu : reason.messageKk]
        }
        return ["id": document.decisionId, "outcome": document.decision, "reasons": reasons]
    }
}
