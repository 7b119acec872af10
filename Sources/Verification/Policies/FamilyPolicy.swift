public import Identifiers
public import Matching
import Normalization

/// Decides whether a parent's declaration about a child agrees with the registries: both people exist and are
/// alive, the declared data matches theirs (Fellegi–Sunter model), the parent is tied to the child, the region is
/// right. Pure: the evidence is gathered beforehand (`FamilyEvidenceCollector`).
///
/// Only registry statements count against a declaration: an unavailable registry yields REVIEW with
/// `REGISTRY_UNAVAILABLE`, never MISMATCH and never "not found".
public struct FamilyPolicy: Sendable {
    /// The match model for identity comparisons.
    public var model: MatchModel

    /// Creates a policy.
    public init(model: MatchModel = .default) {
        self.model = model
    }

    /// The verdict on `declaration` given `evidence` (from `FamilyEvidenceCollector`; `nil` when an IIN failed the
    /// local checks and no registry was asked).
    public func assess(_ declaration: FamilyDeclaration, evidence: FamilyEvidence?) -> FamilyAssessment {
        var verdict = Verdict()
        if let error = declaration.child.iinError { verdict.reject(ReasonCode(rawValue: error.code)) }
        if let error = declaration.parent.iinError { verdict.reject(ReasonCode(rawValue: error.code)) }
        if declaration.birthDateUnreadable { verdict.review(.birthDateInvalid) }
        if declaration.regionUnrecognised { verdict.review(.regionUnknown) }
        guard let evidence, let childIIN = declaration.child.iin, let parentIIN = declaration.parent.iin else {
            return FamilyAssessment(
                verdict: verdict, child: .init(registryOutcome: nil), parent: .init(registryOutcome: nil), link: .unknown, evidence: [])
        }
        let child = person(declaration.child, evidence.child, isChild: true, verdict: &verdict)
        let parent = person(declaration.parent, evidence.parent, isChild: false, verdict: &verdict)
        let link = link(child: childIIN, parent: parentIIN, evidence: evidence, verdict: &verdict)
        if let declared = declaration.region, let registered = evidence.child.record?.registeredAddress?.region, declared != registered {
            verdict.reject(.regionMismatch)
        }
        return FamilyAssessment(verdict: verdict, child: child, parent: parent, link: link, evidence: evidence.evidence)
    }

    /// Compares a declared person with the registry's answer.
    public func assessPerson(_ declared: DeclaredPerson, _ result: RegistryResult<PersonRecord>) -> (PersonAssessment, Verdict) {
        var verdict = Verdict()
        let assessment = person(declared, result, isChild: true, verdict: &verdict)
        return (assessment, verdict)
    }

    private func person(_ declared: DeclaredPerson, _ result: RegistryResult<PersonRecord>, isChild: Bool, verdict: inout Verdict) -> PersonAssessment {
        switch result {
        case .found(let record, _):
            var registry = record.personFields
            registry.region = nil
            let score: MatchScore
            if let prepared = declared.comparisonForm, prepared.region == nil {
                score = model.score(prepared, PreparedPerson(registry))
            } else {
                var fields = declared.fields
                fields.region = nil
                score = model.score(fields, registry)
            }
            if record.isDeceased { verdict.reject(isChild ? .personDeceased : .parentDeceased) }
            switch score.decision {
            case .match: break
            case .review: verdict.review(isChild ? .identityUncertain : .parentIdentityUncertain)
            case .mismatch: verdict.reject(isChild ? Self.mismatchReason(score) : .parentIdentityMismatch)
            }
            return PersonAssessment(registryOutcome: .found, score: score, deceased: record.isDeceased)
        case .notFound:
            verdict.reject(isChild ? .personNotFound : .parentNotFound)
            return PersonAssessment(registryOutcome: .notFound)
        case .unavailable:
            verdict.review(.registryUnavailable)
            return PersonAssessment(registryOutcome: .unavailable)
        case .invalidResponse:
            verdict.review(.registryResponseInvalid)
            return PersonAssessment(registryOutcome: .invalidResponse)
        }
    }

    /// The most telling reason for an identity mismatch: the birth date when it weighs against, else the names.
    static func mismatchReason(_ score: MatchScore) -> ReasonCode {
        if let date = score.contribution(of: .birthDate), !date.isMissing, date.weight < 0 {
            let names = [PersonField.surname, .firstName].compactMap { score.contribution(of: $0) }
            if names.allSatisfy({ $0.isMissing || $0.weight > 0 }) { return .birthDateMismatch }
        }
        return .nameMismatch
    }

    private func link(child: IIN, parent: IIN, evidence: FamilyEvidence, verdict: inout Verdict) -> ParentLink {
        let parentGender = evidence.parent.record?.gender ?? parent.plausibility.gender
        switch evidence.birthRecords {
        case .found(let records, _):
            let acts = records.filter { $0.status != .cancelled && $0.child.iin == child }
            if acts.contains(where: { $0.links(parent: parent, child: child) }) { return .birthRecord }
            let contradicted = acts.contains { act in
                let slot = parentGender == .female ? act.mother : act.father
                guard let other = slot?.iin else { return false }
                return other != parent && !(parentGender == .male && act.fatherBasis == .motherStatement)
            }
            if contradicted {
                verdict.reject(.parentLinkMismatch)
                return .contradicted
            }
            return fallback(evidence: evidence, verdict: &verdict)
        case .notFound:
            return fallback(evidence: evidence, verdict: &verdict)
        case .unavailable:
            verdict.review(.registryUnavailable)
            return .unknown
        case .invalidResponse:
            verdict.review(.registryResponseInvalid)
            return .unknown
        }
    }

    private func fallback(evidence: FamilyEvidence, verdict: inout Verdict) -> ParentLink {
        // The addresses come from the person answers: when one of them failed, the link is unknown (the failure is
        // already a REVIEW), not "missing" — a failed registry says nothing about the family.
        for answer in [evidence.child, evidence.parent] {
            switch answer {
            case .unavailable, .invalidResponse: return .unknown
            case .found, .notFound: continue
            }
        }
        if let a = evidence.child.record?.registeredAddress, let b = evidence.parent.record?.registeredAddress, Self.sameDwelling(a, b) {
            verdict.note(.parentLinkByAddress)
            return .sharedAddress
        }
        verdict.review(.parentLinkMissing)
        return .missing
    }

    /// Same settlement, street, building and flat — every part present on both sides.
    static func sameDwelling(_ a: RegisteredAddress, _ b: RegisteredAddress) -> Bool {
        guard let street = a.street, let building = a.building, a.katoCode != nil || a.locality != nil else { return false }
        return a.katoCode == b.katoCode && a.locality == b.locality && street == b.street && building == b.building && a.flat == b.flat
    }
}
