import Foundation
import Hummingbird
import Storage

/// The audit log: search by decision (subject) id or registry message id, and the hash chain's status.
extension OperatorConsole {
    func auditPage(_ request: Request, _ page: Page) async throws -> Response {
        let query = request.uri.queryParameters
        func field(_ name: String) -> String? {
            query[Substring(name)].map(String.init).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let subject = field("subject")
        let message = field("message")
        var values: [String: Any] = ["query": ["subject": subject ?? "", "message": message ?? ""]]
        let verdict = try await dependencies.store.verifyChain()
        let chain: [String: Any] =
            switch verdict {
            case .intact(let entries): ["kind": "intact", "text": "\(page.text("chainIntact")) (\(entries) \(page.text("entries")))"]
            case .edited(let sequence): ["kind": "broken", "text": "\(page.text("chainEdited"))\(sequence)"]
            case .deleted(let sequence): ["kind": "broken", "text": "\(page.text("chainDeleted"))\(sequence)"]
            }
        values["chain"] = chain
        var status = HTTPResponse.Status.ok
        if subject != nil || message != nil {
            let entries = try await dependencies.store.entries(
                AuditQuery(subjectID: subject, registryMessageID: message, limit: configuration.auditPageSize))
            let rows: [[String: Any]] = entries.map { entry in
                [
                    "sequence": entry.sequence, "time": internetDateTime(entry.recordedAt), "actor": entry.draft.actor, "action": entry.draft.action,
                    "subject": entry.draft.subjectID,
                    "details": entry.draft.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
                    "messages": entry.draft.registryMessageIDs.joined(separator: " "),
                ]
            }
            values["searched"] = true
            values["entries"] = rows
            values["hasEntries"] = !rows.isEmpty
        } else if query["subject"] != nil || query["message"] != nil {
            values["error"] = page.text("auditNeedOne")
            status = .badRequest
        }
        return render("audit", titleKey: "auditTitle", page, values: values, status: status)
    }
}
