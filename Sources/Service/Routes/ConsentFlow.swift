import Crypto
import Foundation
import Hummingbird
import Identifiers
import RegistryAdapters
import Normalization
import Storage
import Verification

/// `POST /v1/consents` (a one-time code by SMS) and `POST /v1/consents/{id}/confirm`.
struct ConsentFlow: Sendable {
    struct CreateBody: Decodable {
        var iin: String
        var phone: String
    }

    struct ConfirmBody: Decodable {
        var code: String
    }

    struct ConsentView: Encodable {
        var consentId: String
        var status: String
        var expiresAt: String
    }

    let dependencies: GatewayDependencies

    static func codeHash(id: String, code: String) -> String {
        sha256Hex(Array((id + ":" + code).utf8))
    }

    func create(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let body = try await request.decode(as: CreateBody.self, context: context)
        let consent = try await requestCode(body, context: context)
        return try DecisionQueries.encode(
            ConsentView(consentId: consent.id, status: "pending", expiresAt: internetDateTime(consent.expiresAt)), status: .created)
    }

    /// Opens a consent and sends its one-time code by SMS — shared with the operator console: local IIN and phone
    /// checks, the record with its `consent.requested` audit entry, the SMS (503 when the gateway cannot send).
    func requestCode(_ body: CreateBody, context: GatewayRequestContext) async throws -> ConsentRecord {
        let iin: IIN
        do { iin = try IIN(body.iin) } catch { throw ServiceProblem.invalidIdentifier(error) }
        let phone: PhoneNumber
        do { phone = try PhoneNumber(body.phone) } catch {
            throw ServiceProblem.validationFailed(code: "PHONE_INVALID", detail: "phone must be a Kazakhstan mobile number")
        }
        var generator = SystemRandomNumberGenerator()
        let code = String(format: "%06d", Int(generator.next() % 1_000_000))
        let id = GatewayIdentifiers.make("cns")
        let now = dependencies.now()
        let consent = ConsentRecord(
            id: id, subject: dependencies.protector.subjectKey(for: iin), codeHash: Self.codeHash(id: id, code: code), createdAt: now,
            expiresAt: now.addingTimeInterval(dependencies.consent.codeLifetime))
        let actor = context.actorName
        try await dependencies.store.create(consent, audit: AuditDraft(actor: actor, action: "consent.requested", subjectID: id))
        let text = "Qorgan: код согласия \(code). Келісім коды \(code). Никому не сообщайте / ешкімге айтпаңыз."
        let sent = await RegistryCall.run(within: context.deadline) {
            await dependencies.registries.sms.send(SMSMessage(recipient: phone, text: text, sender: "1414"), within: $0)
        }
        guard case .found(let receipt, _) = sent else { throw ServiceProblem.registryUnavailable }
        try await dependencies.store.recordCodeSent(id: id, smsMessageID: receipt.id)
        return consent
    }

    func confirm(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: ConfirmBody.self, context: context)
        let consent = try await confirmCode(id: id, body, context: context)
        return try DecisionQueries.encode(ConsentView(consentId: id, status: "confirmed", expiresAt: internetDateTime(consent.expiresAt)), status: .ok)
    }

    /// Checks a consent's code — shared with the operator console: 404 unknown, 410 expired, 409 locked after too many
    /// wrong codes, 422 wrong code (counted); a confirmed consent stays confirmed. Returns the consent.
    func confirmCode(id: String, _ body: ConfirmBody, context: GatewayRequestContext) async throws -> ConsentRecord {
        let store = dependencies.store
        guard let consent = try await store.consent(id: id) else { throw ServiceProblem.notFound("No consent \(id).") }
        if consent.confirmedAt != nil {
            dependencies.confirmedConsents.insert(consent.subject)
            return consent
        }
        let now = dependencies.now()
        guard now < consent.expiresAt else {
            throw ServiceProblem(status: .gone, type: "consent-expired", title: "Consent code expired", code: "CONSENT_CODE_EXPIRED")
        }
        guard consent.failedAttempts < dependencies.consent.maximumAttempts else {
            throw ServiceProblem.conflict("Too many wrong codes; request a new consent.", code: "CONSENT_LOCKED")
        }
        let matches = Self.codeHash(id: id, code: body.code.trimmingCharacters(in: .whitespaces)) == consent.codeHash
        let actor = context.actorName
        _ = try await store.recordAttempt(
            id: id, succeeded: matches, at: now, audit: matches ? AuditDraft(actor: actor, action: "consent.confirmed", subjectID: id) : nil)
        guard matches else {
            throw ServiceProblem.validationFailed(code: "CONSENT_CODE_INVALID", detail: "The code does not match.")
        }
        dependencies.confirmedConsents.insert(consent.subject)
        return consent
    }
}
