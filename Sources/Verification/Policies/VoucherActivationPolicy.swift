public import Identifiers
public import Matching

/// The gate before a voucher activates: `FamilyPolicy` (child and parent exist, alive, match, are linked, live in
/// the programme's region), then age, school enrolment, health (priority categories, sports clearance), other
/// active vouchers and the provider's status. Pure.
///
/// Missing evidence never activates: an unavailable registry gives REVIEW with `REGISTRY_UNAVAILABLE`; only
/// registry statements reject.
public struct VoucherActivationPolicy: Sendable {
    /// The identity part.
    public var family: FamilyPolicy
    /// School age: a child of these ages (on the period start) must be enrolled in НОБД. Default 7…17.
    public var schoolAges: ClosedRange<Int>

    /// Creates a policy.
    public init(family: FamilyPolicy = FamilyPolicy(), schoolAges: ClosedRange<Int> = 7...17) {
        self.family = family
        self.schoolAges = schoolAges
    }

    /// The verdict.
    ///
    /// - Parameters:
    ///   - declaration: the parsed declaration; its `region` should be the programme's region.
    ///   - programme: period, ages, region.
    ///   - requiresSportsClearance: whether the section needs a medical clearance.
    ///   - evidence: `nil` when an IIN failed the local checks (no registry asked).
    public func assess(
        _ declaration: FamilyDeclaration, programme: VoucherProgramme, requiresSportsClearance: Bool, evidence: VoucherActivationEvidence?
    ) -> VoucherActivationAssessment {
        let familyAssessment = family.assess(declaration, evidence: evidence?.family)
        var verdict = familyAssessment.verdict
        guard let evidence else {
            return VoucherActivationAssessment(decision: Self.decision(verdict), reasons: verdict.reasons, family: familyAssessment, childAge: nil, evidence: [])
        }
        let start = programme.periodStart
        let birthDate = evidence.family.child.record?.birthDate
        let age = birthDate.map { $0.years(until: start) }
        if let age, !(programme.minimumAge...programme.maximumAge).contains(age) { verdict.reject(.ageOutOfRange) }

        if let age, schoolAges.contains(age) {
            switch evidence.enrolment {
            case .found(let enrolment, _):
                if enrolment.status != .studying { verdict.review(.notEnrolled) }
            case .notFound: verdict.review(.notEnrolled)
            case .unavailable: verdict.review(.registryUnavailable)
            case .invalidResponse: verdict.review(.registryResponseInvalid)
            }
        }

        switch evidence.family.health {
        case .found(let facts, _)?:
            if facts.disabilities.contains(where: { $0.isCurrent(on: start) }) { verdict.note(.priorityDisability) }
            if facts.dispensary.contains(where: \.isActive) { verdict.note(.priorityChronicCondition) }
            if requiresSportsClearance && facts.validClearance(on: start) == nil { verdict.reject(.sportsClearanceMissing) }
        case .notFound?:
            if requiresSportsClearance { verdict.reject(.sportsClearanceMissing) }
        // Without the health answer neither the priority categories nor a clearance are known: never activate on
        // that (the fault suite caught ACTIVATE during a health outage when no clearance was required).
        case .unavailable?, nil:
            verdict.review(.registryUnavailable)
        case .invalidResponse?:
            verdict.review(.registryResponseInvalid)
        }

        if evidence.hasOverlappingVoucher { verdict.reject(.duplicateVoucher) }

        switch evidence.provider {
        case .found(let status, _):
            if !status.isOperating { verdict.reject(.providerInactive) }
        case .notFound: verdict.reject(.providerNotFound)
        case .unavailable: verdict.review(.registryUnavailable)
        case .invalidResponse: verdict.review(.registryResponseInvalid)
        }
        return VoucherActivationAssessment(
            decision: Self.decision(verdict), reasons: verdict.reasons, family: familyAssessment, childAge: age, evidence: evidence.evidence)
    }

    static func decision(_ verdict: Verdict) -> VoucherDecision {
        switch verdict.decision {
        case .match: .activate
        case .review: .review
        case .mismatch: .reject
        }
    }
}
