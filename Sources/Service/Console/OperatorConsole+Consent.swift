import Foundation
import Hummingbird
import Storage

/// The consent a lookup needs: a one-time code by SMS to the person's phone, confirmed by the operator when the person
/// tells it (`POST /v1/consents` and `…/confirm`'s flow, audited the same way).
extension OperatorConsole {
    func requestConsent(_ context: GatewayRequestContext, _ page: Page) async throws -> Response {
        let echo = ["iin": page.form["iin"] ?? "", "phone": page.form["phone"] ?? ""]
        do {
            let consent = try await ConsentFlow(dependencies: dependencies).requestCode(
                ConsentFlow.CreateBody(iin: echo["iin"] ?? "", phone: echo["phone"] ?? ""), context: context)
            return lookupPage(page, form: echo, result: nil, error: nil, notice: page.text("codeSent"), consentID: consent.id)
        } catch let problem as ServiceProblem {
            return lookupPage(page, form: echo, result: nil, error: consentMessage(problem, page), status: problem.status)
        }
    }

    func confirmConsent(_ context: GatewayRequestContext, _ page: Page) async throws -> Response {
        let id = try context.parameters.require("id")
        let echo = ["iin": page.form["iin"] ?? ""]
        do {
            _ = try await ConsentFlow(dependencies: dependencies).confirmCode(id: id, ConsentFlow.ConfirmBody(code: page.form["code"] ?? ""), context: context)
            return lookupPage(page, form: echo, result: nil, error: nil, notice: page.text("consentConfirmed"))
        } catch let problem as ServiceProblem {
            let retry = problem.code == "CONSENT_CODE_INVALID" ? id : nil
            return lookupPage(page, form: echo, result: nil, error: consentMessage(problem, page), status: problem.status, consentID: retry)
        }
    }

    /// A refusal of the consent flow in the page's language.
    func consentMessage(_ problem: ServiceProblem, _ page: Page) -> String {
        let key: String? =
            switch problem.code {
            case "PHONE_INVALID": "phoneInvalid"
            case "CONSENT_CODE_INVALID": "codeInvalid"
            case "CONSENT_CODE_EXPIRED": "codeExpired"
            case "CONSENT_LOCKED": "consentLocked"
            case "REGISTRY_UNAVAILABLE": "registryDown"
            default: nil
            }
        if problem.type == "invalid-identifier" { return page.text("iinInvalid") + " (\(problem.code ?? ""))" }
        return key.map(page.text) ?? (problem.detail ?? problem.title)
    }
}
