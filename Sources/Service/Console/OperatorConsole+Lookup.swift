import Foundation
import Hummingbird
import Identifiers
import Matching
import Storage

/// One IIN through the registration check (`POST /v1/registrations/verify`'s flow: local checks, consent, registry,
/// comparison, recorded decision), with its explanation.
extension OperatorConsole {
    /// The form's fields, echoed back on errors (the IIN too: the operator typed it and sees it on their own screen).
    static let lookupFields = ["iin", "surname", "firstName", "patronymic", "birthDate"]

    func lookupPage(
        _ page: Page, form: [String: String], result: [String: Any]?, error: String?, status: HTTPResponse.Status = .ok, notice: String? = nil,
        consentID: String? = nil
    ) -> Response {
        var values: [String: Any] = ["form": form]
        if let result { values["result"] = result }
        if let error { values["error"] = error }
        if let notice { values["notice"] = notice }
        if let consentID { values["consentId"] = consentID }
        return render("lookup", titleKey: "lookupTitle", page, values: values, status: status)
    }

    func lookup(_ context: GatewayRequestContext, _ page: Page) async throws -> Response {
        var echo: [String: String] = [:]
        for name in Self.lookupFields { echo[name] = page.form[name] ?? "" }
        let text = page.form["iin"] ?? ""
        // The same local check the flow starts with, here only for a message in the page's language.
        do { _ = try IIN(text) } catch {
            let message = page.language == .ru ? error.message(.ru) : "\(page.text("iinInvalid")) (\(error.code))"
            return lookupPage(page, form: echo, result: nil, error: message, status: .unprocessableContent)
        }
        let body = RegistrationVerification.Body(
            iin: text, surname: page.form["surname"], firstName: page.form["firstName"], patronymic: page.form["patronymic"],
            birthDate: page.form["birthDate"], requestId: nil)
        let outcome: DecisionWriteOutcome
        do {
            outcome = try await RegistrationVerification(dependencies: dependencies).verify(body, context: context)
        } catch let problem as ServiceProblem {
            let key: String? =
                switch problem.code {
                case "CONSENT_REQUIRED": "consentRequired"
                case "REGISTRY_UNAVAILABLE": "registryDown"
                case "BIRTH_DATE_INVALID": "badBirthDate"
                default: nil
                }
            let message = key.map(page.text) ?? (problem.detail ?? problem.title)
            return lookupPage(page, form: echo, result: nil, error: message, status: problem.status)
        }
        let stored: StoredDecision
        switch outcome {
        case .recorded(let decision), .replayed(let decision): stored = decision
        case .voucherConflict: throw ServiceProblem.internalError
        }
        let document = try JSONDecoder().decode(DecisionDocument.self, from: stored.payload)
        var declared: [PersonField: String] = [:]
        for (field, name) in [(PersonField.surname, "surname"), (.firstName, "firstName"), (.patronymic, "patronymic"), (.birthDate, "birthDate")] {
            if let value = page.form[name] { declared[field] = value }
        }
        let view = ConsoleDecisionView(document: document, language: page.language, declared: declared)
        var result: [String: Any] = ["id": document.decisionId, "outcome": document.decision, "reasons": view.reasons, "people": view.people]
        if let review = document.reviewId { result["reviewId"] = review }
        return lookupPage(page, form: echo, result: result, error: nil)
    }
}
