public import Identifiers

/// ``ProviderQualificationPolicy``'s verdict on a provider check: the decision, the per-requirement result list, the
/// reasons and the registry answers it rests on. Codable: the service stores and returns it as JSON.
///
/// Holds no names and only masked IINs.
public struct ProviderQualificationAssessment: Sendable, Hashable, Codable {
    /// QUALIFIED, REVIEW or NOT_QUALIFIED (see ``ProviderQualificationDecision``).
    public var decision: ProviderQualificationDecision
    /// The section type checked for.
    public var section: ProviderSectionType
    /// The date validity (category, clearance) was judged on.
    public var assessedOn: CalendarDate
    /// Every requirement's result: the provider's first (`ENTITY_ACTIVE`, `HEAD_IDENTITY`), then each coach's in
    /// request order.
    public var requirements: [ProviderRequirementResult]
    /// The distinct reasons of every FAILED or UNKNOWN requirement in list order, followed by `COACH_NOT_QUALIFIED`
    /// when a coach requirement failed and `PROVIDER_NOT_QUALIFIED` when the decision is NOT_QUALIFIED.
    public var reasons: [ReasonCode]
    /// Every registry answer gathered for the check (registry, message id).
    public var evidence: [RegistryEvidence]

    /// Creates an assessment; the decision and reasons follow from `requirements`.
    public init(section: ProviderSectionType, assessedOn: CalendarDate, requirements: [ProviderRequirementResult], evidence: [RegistryEvidence]) {
        let decision = ProviderQualificationDecision(results: requirements)
        var reasons: [ReasonCode] = []
        for result in requirements where result.status != .passed {
            if let reason = result.reason, !reasons.contains(reason) { reasons.append(reason) }
        }
        if requirements.contains(where: { $0.subject.kind == .coach && $0.status == .failed }), !reasons.contains(.coachNotQualified) {
            reasons.append(.coachNotQualified)
        }
        if decision == .notQualified, !reasons.contains(.providerNotQualified) { reasons.append(.providerNotQualified) }
        self.decision = decision
        self.section = section
        self.assessedOn = assessedOn
        self.requirements = requirements
        self.reasons = reasons
        self.evidence = evidence
    }

    /// The provider-level results (`ENTITY_ACTIVE`, `HEAD_IDENTITY`, `COACHES_DECLARED`).
    public var providerResults: [ProviderRequirementResult] { requirements.filter { $0.subject.kind != .coach } }

    /// The results about coach number `index`.
    public func coachResults(_ index: Int) -> [ProviderRequirementResult] {
        requirements.filter { $0.subject.kind == .coach && $0.subject.coachIndex == index }
    }

    /// The result of `requirement`, for coach number `coach` when given; `nil` when it was not assessed.
    public func result(_ requirement: ProviderRequirement, coach: Int? = nil) -> ProviderRequirementResult? {
        requirements.first { $0.requirement == requirement && $0.subject.coachIndex == coach }
    }
}
