import Crypto
import Foundation
import Hummingbird
import Identifiers
import Logging
import RegistryAdapters
import Matching
import Normalization
import Reverification
import Storage
import Verification

/// `POST /v1/voucher-activations` — the gate before a voucher activates. Idempotent on `requestId`.
struct VoucherActivation: Sendable {
    /// The request body.
    struct Body: Decodable {
        struct Programme: Decodable {
            var id: String
            /// Region name (ru/kk/en) or КАТО.
            var region: String
            var periodStart: String
            var periodEnd: String
            var minimumAge: Int?
            var maximumAge: Int?
        }

        struct Section: Decodable {
            var name: String
            var requiresSportsClearance: Bool?
            /// `SPORT` or `ART` (`CULTURE`): the coach-load norm re-verification applies. Optional.
            var type: ProviderSectionType?
            /// Declared weekly sessions, `{"weekday": 1…7, "start": "HH:mm", "end": "HH:mm"}`. Optional.
            var schedule: [ScheduleSlot]?
            /// IINs of the section's coaches. Optional.
            var coaches: [String]?
        }

        struct Child: Decodable {
            var iin: String
            var surname: String?
            var firstName: String?
            var patronymic: String?
            var birthDate: String?
        }

        struct Parent: Decodable {
            var iin: String
            var surname: String?
            var firstName: String?
            var patronymic: String?
            var phone: String?
        }

        var requestId: String
        var programme: Programme
        var section: Section
        var providerId: String
        var child: Child
        var parent: Parent
    }

    let dependencies: GatewayDependencies

    func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let bytes = Data(buffer.readableBytesView)
        let body: Body
        do { body = try JSONDecoder().decode(Body.self, from: bytes) } catch let error as DecodingError {
            throw ServiceProblem(decodingError: error)
        }
        let requestID = body.requestId.trimmingCharacters(in: .whitespaces)
        guard !requestID.isEmpty, requestID.count <= 128 else { throw ServiceProblem.badRequest("requestId must be 1–128 characters", code: "REQUEST_ID_INVALID") }
        // The fingerprint is over the canonical JSON (sorted keys), so a replay with the same content but another key order matches.
        let fingerprint = requestFingerprint(bytes)
        let store = dependencies.store
        if let earlier = try await store.decision(kind: .voucherActivation, clientRequestID: requestID) {
            guard earlier.requestFingerprint == fingerprint else {
                throw ServiceProblem.conflict("requestId was used before with a different body.", code: "REQUEST_ID_REUSED")
            }
            return try DecisionRecorder(dependencies: dependencies, context: context).response(.replayed(earlier), status: .ok)
        }
        let programme = try Self.programme(body.programme)
        guard let provider = try? ProviderIdentifier(typed: body.providerId) else {
            throw ServiceProblem.validationFailed(code: "PROVIDER_ID_INVALID", detail: "providerId is neither a valid BIN nor a valid IIN")
        }
        var coaches: [String] = []
        for typed in body.section.coaches ?? [] {
            guard let coach = try? IIN(typed) else {
                throw ServiceProblem.validationFailed(code: "COACH_IIN_INVALID", detail: "section.coaches holds a value that is not a valid IIN")
            }
            coaches.append(coach.unmasked)
        }
        var declaration = FamilyDeclaration(
            childIIN: body.child.iin, childSurname: body.child.surname ?? "", childFirstName: body.child.firstName ?? "",
            childPatronymic: body.child.patronymic ?? "", childBirthDate: body.child.birthDate ?? "", parentIIN: body.parent.iin,
            parentSurname: body.parent.surname ?? "", parentFirstName: body.parent.firstName ?? "", parentPatronymic: body.parent.patronymic ?? "",
            parentPhone: body.parent.phone ?? "", region: "")
        declaration.region = programme.region
        let requiresClearance = body.section.requiresSportsClearance ?? false
        let policy = VoucherActivationPolicy(family: FamilyPolicy(model: dependencies.model))
        var evidence: VoucherActivationEvidence?
        var childSubject: SubjectKey?
        var subjects: [SubjectKey] = []
        if let child = declaration.child.iin, let parent = declaration.parent.iin {
            let registries = dependencies.registries
            let collector = VoucherActivationCollector(
                family: FamilyEvidenceCollector(persons: registries.persons, birthRecords: registries.birthRecords, health: registries.health),
                education: registries.education, business: dependencies.providerStatus)
            var gathered = await collector.collect(child: child, parent: parent, provider: provider, within: context.deadline)
            let subject = dependencies.protector.subjectKey(for: child)
            childSubject = subject
            subjects = [subject, dependencies.protector.subjectKey(for: parent)]
            gathered.hasOverlappingVoucher = !(try await store.activeVouchers(child: subject, overlapping: programme.periodStart, programme.periodEnd)).isEmpty
            evidence = gathered
        }
        let recorder = DecisionRecorder(dependencies: dependencies, context: context)
        // What re-verification needs of an activated voucher; stored with the voucher in the decision's transaction.
        let section = VoucherSection(
            name: body.section.name, type: body.section.type, requiresSportsClearance: requiresClearance, schedule: body.section.schedule ?? [])
        let (child, parent, coachIINs) = (declaration.child.iin, declaration.parent.iin, coaches)
        let subject: (VoucherRecord, VoucherActivationAssessment) -> ReverificationSubject? = { voucher, assessment in
            guard let child, let parent else { return nil }
            return ReverificationSubject(
                voucherID: voucher.id, decisionID: voucher.decisionID, programme: programme, providerID: provider.digits, section: section,
                child: .init(
                    iin: child.unmasked, surname: body.child.surname, firstName: body.child.firstName, patronymic: body.child.patronymic,
                    birthDate: body.child.birthDate),
                parent: .init(
                    iin: parent.unmasked, surname: body.parent.surname, firstName: body.parent.firstName, patronymic: body.parent.patronymic,
                    phone: body.parent.phone),
                coachIINs: coachIINs, activationReasons: assessment.reasons.map(\.rawValue))
        }
        var assessment = policy.assess(declaration, programme: programme, requiresSportsClearance: requiresClearance, evidence: evidence)
        var outcome = try await write(
            assessment, evidence: evidence, body: body, programme: programme, childSubject: childSubject, subjects: subjects, fingerprint: fingerprint,
            recorder: recorder, subject: subject)
        if case .voucherConflict = outcome, var evidence {
            // Another request activated a voucher for this child meanwhile: decide again with that fact.
            evidence.hasOverlappingVoucher = true
            assessment = policy.assess(declaration, programme: programme, requiresSportsClearance: requiresClearance, evidence: evidence)
            outcome = try await write(
                assessment, evidence: evidence, body: body, programme: programme, childSubject: childSubject, subjects: subjects, fingerprint: fingerprint,
                recorder: recorder, subject: subject)
        }
        return try recorder.response(outcome, status: .created)
    }

    private func write(
        _ assessment: VoucherActivationAssessment, evidence: VoucherActivationEvidence?, body: Body, programme: VoucherProgramme,
        childSubject: SubjectKey?, subjects: [SubjectKey], fingerprint: String, recorder: DecisionRecorder,
        subject: (VoucherRecord, VoucherActivationAssessment) -> ReverificationSubject?
    ) async throws -> DecisionWriteOutcome {
        let id = GatewayIdentifiers.make("dec")
        let now = dependencies.now()
        var explanations: [String: MatchScore] = [:]
        if let score = assessment.family.child.score { explanations["child"] = score }
        if let score = assessment.family.parent.score { explanations["parent"] = score }
        var registry: [String: MaskedPerson] = [:]
        if let record = evidence?.family.child.record { registry["child"] = MaskedPerson(record) }
        if let record = evidence?.family.parent.record { registry["parent"] = MaskedPerson(record) }
        var facts = [
            "programmeId": programme.id, "periodStart": programme.periodStart.description, "periodEnd": programme.periodEnd.description,
            "regionKATO": programme.region.kato, "section": body.section.name, "parentLink": assessment.family.link.rawValue,
        ]
        if let age = assessment.childAge { facts["childAge"] = String(age) }
        var voucher: VoucherRecord?
        if assessment.decision == .activate, let childSubject {
            let voucherID = GatewayIdentifiers.make("vch")
            facts["voucherId"] = voucherID
            voucher = VoucherRecord(
                id: voucherID, child: childSubject, programmeID: programme.id, periodStart: programme.periodStart, periodEnd: programme.periodEnd,
                decisionID: id, activatedAt: now)
        }
        let review = assessment.decision == .review ? GatewayIdentifiers.make("rev") : nil
        let document = DecisionDocument(
            decisionId: id, kind: DecisionKind.voucherActivation.rawValue, decision: assessment.decision.rawValue, reasons: assessment.reasons,
            decidedAt: now, requestId: body.requestId, explanations: explanations, registry: registry, facts: facts, evidence: assessment.evidence,
            reviewId: review)
        let voucherSubject = try voucher.flatMap { subject($0, assessment) }.map { try $0.encoded() }
        return try await recorder.record(
            document: document, kind: .voucherActivation, subjects: subjects, regionKATO: programme.region.kato, fingerprint: fingerprint,
            reviewID: review, voucher: voucher, voucherSubject: voucherSubject)
    }

    static func programme(_ body: Body.Programme) throws -> VoucherProgramme {
        let region: AdministrativeRegion
        if let byKATO = AdministrativeRegion(kato: body.region) {
            region = byKATO
        } else {
            do { region = try AdministrativeRegion.recognize(body.region) } catch {
                throw ServiceProblem.validationFailed(code: ReasonCode.regionUnknown.rawValue, detail: "programme.region is not a region of Kazakhstan")
            }
        }
        let parser = DateParser()
        guard let start = try? parser.parse(body.periodStart), let end = try? parser.parse(body.periodEnd), start <= end else {
            throw ServiceProblem.validationFailed(code: "PERIOD_INVALID", detail: "programme.periodStart/periodEnd must be dates with start ≤ end")
        }
        let minimum = body.minimumAge ?? 5
        let maximum = body.maximumAge ?? 17
        guard minimum >= 0, minimum <= maximum else {
            throw ServiceProblem.validationFailed(code: "AGE_RANGE_INVALID", detail: "programme.minimumAge must be ≤ maximumAge")
        }
        return VoucherProgramme(id: body.id, region: region, periodStart: start, periodEnd: end, minimumAge: minimum, maximumAge: maximum)
    }
}
