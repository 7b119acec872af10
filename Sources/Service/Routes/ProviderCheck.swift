import Foundation
import Hummingbird
import Identifiers
import Logging
import Matching
import Normalization
import RegistryAdapters
import Storage
import Verification

/// `POST /v1/provider-checks` — provider qualification: the entity is active in the business registry (BIN, or IIN
/// for an entrepreneur), its head is who the request says, and every coach exists, is alive, matches the declared
/// names, holds a diploma relevant to the section type, a valid qualification category and — for sport — a valid
/// sports medical clearance.
///
/// Every identifier is checked locally first (422 `invalid-identifier` with the field's `path`; a bad one never
/// reaches a registry). The registries are asked concurrently under the request deadline
/// (``ProviderQualificationChecker``); a registry that cannot answer makes its requirements UNKNOWN, so the decision
/// is REVIEW with `REGISTRY_UNAVAILABLE` — never QUALIFIED, never NOT_QUALIFIED. REVIEW opens a review item.
/// Idempotent on `requestId` when one is sent (same body → the stored decision, 200 `Idempotent-Replayed: true`;
/// another body → 409 `REQUEST_ID_REUSED`).
struct ProviderCheck: Sendable {
    /// The request body.
    struct Body: Decodable {
        /// The provider: exactly one of `bin` (legal entity) and `iin` (individual entrepreneur).
        struct Provider: Decodable {
            var bin: String?
            var iin: String?
        }

        /// The head or a coach as declared.
        struct Person: Decodable {
            var iin: String
            var surname: String?
            var firstName: String?
            var patronymic: String?

            var declaration: ProviderPersonDeclaration {
                ProviderPersonDeclaration(iin: iin, surname: surname, firstName: firstName, patronymic: patronymic)
            }
        }

        var requestId: String?
        var provider: Provider
        /// `SPORT`, `ART` or `CULTURE` (an alias of ART), any case.
        var sectionType: String
        var head: Person?
        var coaches: [Person]
    }

    /// At most this many coaches per check (each costs two or three registry calls).
    static let maximumCoaches = 50

    let dependencies: GatewayDependencies

    func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let bytes = Data(buffer.readableBytesView)
        let body: Body
        do { body = try JSONDecoder().decode(Body.self, from: bytes) } catch let error as DecodingError {
            throw ServiceProblem(decodingError: error)
        }
        let requestID = try Self.clientRequestID(body.requestId)
        let fingerprint = requestFingerprint(bytes)
        let recorder = DecisionRecorder(dependencies: dependencies, context: context)
        if let requestID, let earlier = try await dependencies.store.decision(kind: .providerCheck, clientRequestID: requestID) {
            guard earlier.requestFingerprint == fingerprint else {
                throw ServiceProblem.conflict("requestId was used before with a different body.", code: "REQUEST_ID_REUSED")
            }
            return try recorder.response(.replayed(earlier), status: .ok)
        }
        let checked = try Self.validate(body)

        let registries = dependencies.registries
        let checker = ProviderQualificationChecker(
            collector: ProviderQualificationCollector(
                business: registries.business, persons: registries.persons, education: registries.education, health: registries.health),
            policy: ProviderQualificationPolicy(model: dependencies.model))
        let now = dependencies.now()
        let (assessment, evidence) = await checker.check(checked.request, within: context.deadline, on: BIN.today(now: now))
        context.logger.debug(
            "provider check assessed",
            metadata: [
                "provider": "\(checked.provider)", "section": "\(assessment.section.rawValue)", "decision": "\(assessment.decision.rawValue)",
                "requirements": "\(assessment.requirements.count)", "incomplete": "\(evidence?.isIncomplete ?? false)",
            ])

        let id = GatewayIdentifiers.make("dec")
        let review = assessment.decision == .review ? GatewayIdentifiers.make("rev") : nil
        var facts = [
            "providerId": checked.provider.masked, "providerKind": checked.provider.kindName, "sectionType": assessment.section.rawValue,
            "assessedOn": assessment.assessedOn.description, "coaches": String(checked.request.coaches.count),
        ]
        if let head = checked.request.head.flatMap({ try? IIN($0.iin) }) { facts["headIin"] = head.masked }
        var explanations: [String: MatchScore] = [:]
        for result in assessment.requirements {
            guard let score = result.score else { continue }
            switch result.subject.kind {
            case .head: explanations["head"] = score
            case .coach: explanations["coach.\(result.subject.coachIndex ?? 0)"] = score
            case .provider: break
            }
        }
        let document = DecisionDocument(
            decisionId: id, kind: DecisionKind.providerCheck.rawValue, decision: assessment.decision.rawValue, reasons: assessment.reasons,
            decidedAt: now, requestId: requestID, explanations: explanations, facts: facts, evidence: assessment.evidence, reviewId: review,
            requirements: assessment.requirements.map(DecisionDocument.Requirement.init))
        let outcome = try await recorder.record(
            document: document, kind: .providerCheck, subjects: checked.subjects.map(dependencies.protector.subjectKey(for:)),
            regionKATO: Self.regionKATO(evidence), fingerprint: requestID == nil ? nil : fingerprint, reviewID: review, voucher: nil)
        return try recorder.response(outcome, status: .created)
    }

    // MARK: - Validation

    /// The request as the checker takes it, with every identifier already known to be valid.
    struct Checked {
        var request: ProviderCheckRequest
        var provider: ProviderIdentifier
        /// The IINs the decision is about (entrepreneur, head, coaches), without duplicates: the decision's subjects.
        var subjects: [IIN]
    }

    static func clientRequestID(_ typed: String?) throws -> String? {
        guard let typed else { return nil }
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 128 else { throw ServiceProblem.badRequest("requestId must be 1–128 characters", code: "REQUEST_ID_INVALID") }
        return trimmed
    }

    /// Checks the identifiers locally (422 naming the field), the section type and the number of coaches.
    static func validate(_ body: Body) throws -> Checked {
        let provider: ProviderIdentifier
        switch (body.provider.bin, body.provider.iin) {
        case (let bin?, nil):
            do { provider = .legalEntity(try BIN(bin)) } catch { throw ServiceProblem.invalidIdentifier(error, path: "provider.bin") }
        case (nil, let iin?):
            do { provider = .entrepreneur(try IIN(iin)) } catch { throw ServiceProblem.invalidIdentifier(error, path: "provider.iin") }
        default:
            throw ServiceProblem.validationFailed(
                code: "PROVIDER_ID_REQUIRED", detail: "provider needs exactly one of bin (legal entity) and iin (individual entrepreneur)")
        }
        let section: ProviderSectionType
        switch body.sectionType.trimmingCharacters(in: .whitespaces).uppercased() {
        case "SPORT": section = .sport
        case "ART", "CULTURE": section = .art
        default: throw ServiceProblem.validationFailed(code: "SECTION_TYPE_INVALID", detail: "sectionType must be SPORT, ART or CULTURE")
        }
        guard body.coaches.count <= maximumCoaches else {
            throw ServiceProblem.validationFailed(code: "TOO_MANY_COACHES", detail: "at most \(maximumCoaches) coaches per check")
        }
        var subjects: [IIN] = []
        func note(_ iin: IIN) { if !subjects.contains(iin) { subjects.append(iin) } }
        if case .entrepreneur(let iin) = provider { note(iin) }
        if let head = body.head {
            do { note(try IIN(head.iin)) } catch { throw ServiceProblem.invalidIdentifier(error, path: "head.iin") }
        }
        for (index, coach) in body.coaches.enumerated() {
            do { note(try IIN(coach.iin)) } catch { throw ServiceProblem.invalidIdentifier(error, path: "coaches[\(index)].iin") }
        }
        let request = ProviderCheckRequest(
            providerID: provider.digits, section: section, head: body.head?.declaration, coaches: body.coaches.map(\.declaration))
        return Checked(request: request, provider: provider, subjects: subjects)
    }

    /// The region of the provider's registered address (for the review queue's region filter), when the registry
    /// stated one.
    static func regionKATO(_ evidence: ProviderQualificationEvidence?) -> String? {
        let code = evidence?.legalEntity?.record?.katoCode ?? evidence?.entrepreneur?.record?.katoCode
        return code.flatMap(AdministrativeRegion.init(kato:))?.kato
    }
}

extension ProviderIdentifier {
    /// `legal-entity` or `entrepreneur` (a decision fact).
    fileprivate var kindName: String {
        switch self {
        case .legalEntity: "legal-entity"
        case .entrepreneur: "entrepreneur"
        }
    }
}
