import Foundation
import Hummingbird
import Identifiers
import RegistryAdapters
import Matching
import Normalization
import Storage
import Verification

/// `POST /v1/registrations/verify` — IIN validation at registration: local checks first (a bad IIN never reaches a
/// registry), a confirmed consent for that IIN, then the individuals registry and the declared data compared.
struct RegistrationVerification: Sendable {
    /// The request body.
    struct Body: Decodable {
        var iin: String
        var surname: String?
        var firstName: String?
        var patronymic: String?
        var birthDate: String?
        var requestId: String?
    }

    let dependencies: GatewayDependencies

    func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let body = try await request.decode(as: Body.self, context: context)
        let outcome = try await verify(body, context: context)
        return try DecisionRecorder(dependencies: dependencies, context: context).response(outcome, status: .ok)
    }

    /// The whole check, shared with the operator console's lookup: local IIN checks, the consent rule, the registry
    /// under the context's deadline, the comparison, and the recorded decision (with audit entry, and review when REVIEW).
    func verify(_ body: Body, context: GatewayRequestContext) async throws -> DecisionWriteOutcome {
        let iin: IIN
        do { iin = try IIN(body.iin) } catch { throw ServiceProblem.invalidIdentifier(error) }
        var birthDate: CalendarDate?
        if let text = body.birthDate, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            do { birthDate = try DateParser().parse(text) } catch {
                throw ServiceProblem.validationFailed(code: ReasonCode.birthDateInvalid.rawValue, detail: "birthDate cannot be read")
            }
        }
        let store = dependencies.store
        let subject = dependencies.protector.subjectKey(for: iin)
        guard try await dependencies.confirmedConsents.hasConfirmedConsent(subject, in: store) else { throw ServiceProblem.consentRequired }
        let result = await RegistryCall.run(within: context.deadline) { await dependencies.registries.persons.person(iin, within: $0) }
        switch result {
        case .unavailable, .invalidResponse:
            throw ServiceProblem.registryUnavailable
        case .found, .notFound:
            break
        }
        let declared = DeclaredPerson(
            iin: iin,
            fields: PersonFields(surname: body.surname, firstName: body.firstName, patronymic: body.patronymic, birthDate: birthDate))
        let (assessment, verdict) = FamilyPolicy(model: dependencies.model).assessPerson(declared, result)
        let id = GatewayIdentifiers.make("dec")
        let now = dependencies.now()
        var explanations: [String: MatchScore] = [:]
        if let score = assessment.score { explanations["person"] = score }
        var registry: [String: MaskedPerson] = [:]
        if let record = result.record { registry["person"] = MaskedPerson(record) }
        let review = verdict.decision == .review ? GatewayIdentifiers.make("rev") : nil
        let document = DecisionDocument(
            decisionId: id, kind: DecisionKind.registration.rawValue, decision: verdict.decision.rawValue, reasons: verdict.reasons,
            decidedAt: now, requestId: body.requestId, explanations: explanations, registry: registry,
            evidence: [result.evidence].compactMap { $0 }, reviewId: review)
        let recorder = DecisionRecorder(dependencies: dependencies, context: context)
        return try await recorder.record(
            document: document, kind: .registration, subjects: [subject], regionKATO: result.record?.registeredAddress?.region?.kato,
            fingerprint: nil, reviewID: review, voucher: nil)
    }
}
