import Hummingbird
import Identifiers
import Verification

extension ServiceProblem {
    /// 422 for an IIN/BIN that fails the local checks, with its stable code and message.
    static func invalidIdentifier(_ error: IdentifierError) -> ServiceProblem {
        ServiceProblem(
            status: .unprocessableContent, type: "invalid-identifier", title: "Invalid identifier",
            detail: error.message(.en), code: error.code)
    }

    /// 422 for an IIN/BIN at `path` (`provider.bin`, `coaches[1].iin`) that fails the local checks; the path is also
    /// the `path` member. Never the value.
    static func invalidIdentifier(_ error: IdentifierError, path: String) -> ServiceProblem {
        var problem = invalidIdentifier(error)
        problem.detail = "\(path): \(error.message(.en))"
        problem.extensions["path"] = .string(path)
        return problem
    }

    /// 403: registration checks need a confirmed consent for the IIN.
    static var consentRequired: ServiceProblem {
        ServiceProblem(
            status: .forbidden, type: "consent-required", title: "Consent required",
            detail: "No confirmed consent to process this person's data; create one with POST /v1/consents.",
            code: ReasonCode.consentRequired.rawValue)
    }

    /// 503 + Retry-After: the registry could not answer (never reported as "not found").
    static var registryUnavailable: ServiceProblem {
        var headers = HTTPFields()
        headers[.retryAfter] = "5"
        return ServiceProblem(
            status: .serviceUnavailable, type: "registry-unavailable", title: "Registry unavailable",
            detail: "A state registry did not answer in time; retry later.", code: ReasonCode.registryUnavailable.rawValue, headers: headers)
    }
}
