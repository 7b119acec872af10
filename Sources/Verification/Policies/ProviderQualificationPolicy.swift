public import Identifiers
public import Matching

/// Decides whether a provider qualifies for a section type: the provider exists and is active, its head is who the
/// request says, and every coach exists, is alive, matches the declared names, holds a diploma relevant to the
/// section, a valid qualification category and — for sport — a valid sports medical clearance. Pure: the evidence is
/// gathered beforehand (``ProviderQualificationCollector``).
///
/// Each rule yields one ``ProviderRequirementResult``: FAILED only on a registry statement (found with facts that
/// fail the rule, or `.notFound`) or a locally invalid identifier; UNKNOWN when the registry was unavailable or its
/// answer untrustworthy, or a name match is uncertain. Any FAILED → NOT_QUALIFIED, else any UNKNOWN → REVIEW, else
/// QUALIFIED.
///
/// ```swift
/// let evidence = await collector.collect(request, within: .after(.seconds(2)))
/// let assessment = ProviderQualificationPolicy().assess(request, evidence: evidence)
/// ```
public struct ProviderQualificationPolicy: Sendable {
    /// The match model for identity comparisons (declared names against ГБД ФЛ).
    public var model: MatchModel
    /// Which diploma specialties fit which section type. Default ``ProviderSpecialtyCatalogue/standard``.
    public var specialties: ProviderSpecialtyCatalogue
    /// Category codes that mean "no qualification category" (compared upper-cased). Default
    /// ``noCategoryCodes``: `NO_CATEGORY` («без категории») and `PEDAGOG` («педагог», the entry level without
    /// attestation, which the domain notes count as no category).
    public var noCategoryCodes: Set<String>

    /// `NO_CATEGORY` and `PEDAGOG`.
    public static let noCategoryCodes: Set<String> = ["NO_CATEGORY", "PEDAGOG"]

    /// Creates a policy.
    public init(
        model: MatchModel = .default, specialties: ProviderSpecialtyCatalogue = .standard,
        noCategoryCodes: Set<String> = ProviderQualificationPolicy.noCategoryCodes
    ) {
        self.model = model
        self.specialties = specialties
        self.noCategoryCodes = noCategoryCodes
    }

    /// The verdict on `request` given `evidence`.
    ///
    /// - Parameters:
    ///   - request: what was asked.
    ///   - evidence: from ``ProviderQualificationCollector/collect(_:within:)``; `nil` when the provider identifier
    ///     failed the local checks (then the only result is a FAILED `ENTITY_ACTIVE` with the `BIN_*`/`IIN_*` code).
    ///     Evidence about another provider, or missing parts, count as unavailable (UNKNOWN), never as failures.
    ///   - date: the day a category's and a clearance's validity is judged on (default: today in Kazakhstan).
    public func assess(
        _ request: ProviderCheckRequest, evidence: ProviderQualificationEvidence?, on date: CalendarDate = BIN.today()
    ) -> ProviderQualificationAssessment {
        let provider: ProviderIdentifier
        switch request.provider {
        case .failure(let error):
            let result = ProviderRequirementResult(
                requirement: .entityActive, subject: .provider(nil), status: .failed, reason: ReasonCode(rawValue: error.code))
            return ProviderQualificationAssessment(section: request.section, assessedOn: date, requirements: [result], evidence: [])
        case .success(let parsed):
            provider = parsed
        }
        let collected = evidence.flatMap { $0.provider == provider ? $0 : nil } ?? ProviderQualificationEvidence(provider: provider)
        var results = [entityActive(provider, collected), headIdentity(provider, request.head?.declared, collected)]
        if request.coaches.isEmpty {
            results.append(ProviderRequirementResult(requirement: .coachesDeclared, subject: .provider(provider.masked), status: .unknown, reason: .coachesNotDeclared))
        }
        for (index, coach) in request.coaches.enumerated() {
            let coachEvidence = index < collected.coaches.count ? collected.coaches[index] : nil
            results += coachResults(index: index, declared: coach.declared, evidence: coachEvidence, section: request.section, on: date)
        }
        return ProviderQualificationAssessment(section: request.section, assessedOn: date, requirements: results, evidence: collected.evidence)
    }

    // MARK: - Provider

    private func entityActive(_ provider: ProviderIdentifier, _ evidence: ProviderQualificationEvidence) -> ProviderRequirementResult {
        let status: RegistryResult<BusinessStatus>
        switch provider {
        case .legalEntity: status = (evidence.legalEntity ?? Self.notCollected()).map(\.status)
        case .entrepreneur: status = (evidence.entrepreneur ?? Self.notCollected()).map(\.status)
        }
        var outcome = ProviderRequirementOutcome()
        if outcome.answered(status, notFound: .providerNotFound), let value = status.record, !value.isOperating {
            outcome.fail(.providerInactive)
        }
        return outcome.result(.entityActive, .provider(provider.masked))
    }

    private func headIdentity(_ provider: ProviderIdentifier, _ declared: DeclaredPerson?, _ evidence: ProviderQualificationEvidence) -> ProviderRequirementResult {
        var outcome = ProviderRequirementOutcome()
        switch provider {
        case .legalEntity:
            guard let declared else {
                outcome.unknown(.headNotDeclared)
                return outcome.result(.headIdentity, .head(nil))
            }
            if let error = declared.iinError {
                outcome.fail(ReasonCode(rawValue: error.code))
                return outcome.result(.headIdentity, .head(nil))
            }
            let entity = evidence.legalEntity ?? Self.notCollected()
            if outcome.answered(entity, notFound: .providerNotFound), let record = entity.record {
                if let registryHead = record.head?.iin {
                    if registryHead != declared.iin { outcome.fail(.headIdentityMismatch) }
                } else {
                    outcome.unknown(.headIdentityUncertain)
                }
            }
            identity(
                declared.fields, evidence.head ?? Self.notCollected(), notFound: .personNotFound, mismatch: .headIdentityMismatch,
                uncertain: .headIdentityUncertain, deceased: .headDeceased, into: &outcome)
            return outcome.result(.headIdentity, .head(declared.iin?.masked))
        case .entrepreneur(let iin):
            if let declared {
                if let error = declared.iinError {
                    outcome.fail(ReasonCode(rawValue: error.code))
                } else if declared.iin != iin {
                    outcome.fail(.headIdentityMismatch)
                }
            }
            identity(
                declared?.fields, evidence.head ?? Self.notCollected(), notFound: .personNotFound, mismatch: .headIdentityMismatch,
                uncertain: .headIdentityUncertain, deceased: .headDeceased, into: &outcome)
            return outcome.result(.headIdentity, .head(iin.masked))
        }
    }

    // MARK: - Shared

    /// Compares declared names (when any) with the registry's person and records deceased as a failure when
    /// `deceased` is given.
    func identity(
        _ declared: PersonFields?, _ result: RegistryResult<PersonRecord>, notFound: ReasonCode, mismatch: ReasonCode, uncertain: ReasonCode,
        deceased: ReasonCode?, into outcome: inout ProviderRequirementOutcome
    ) {
        guard outcome.answered(result, notFound: notFound), let record = result.record else { return }
        if let deceased, record.isDeceased { outcome.fail(deceased) }
        guard var fields = declared else { return }
        var registry = record.personFields
        registry.region = nil
        fields.region = nil
        let score = model.score(fields, registry)
        outcome.score = score
        switch score.decision {
        case .match: break
        case .review: outcome.unknown(uncertain)
        case .mismatch: outcome.fail(mismatch)
        }
    }

    /// A part that was never collected (missing evidence): unavailable, so UNKNOWN — never a failure.
    static func notCollected<Record>() -> RegistryResult<Record> { .unavailable(.other("not collected")) }
}
