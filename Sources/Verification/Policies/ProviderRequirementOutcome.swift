import Matching

/// Accumulates what one provider requirement found before it becomes a ``ProviderRequirementResult``: any failure
/// → FAILED (the first failure's reason), else any unknown → UNKNOWN (the first unknown's reason), else PASSED.
struct ProviderRequirementOutcome {
    private var failure: ReasonCode?
    private var uncertainty: ReasonCode?
    /// The registry answers looked at.
    private(set) var evidence: [RegistryEvidence] = []
    /// The identity score, when names were compared.
    var score: MatchScore?

    /// A reason the requirement is not met.
    mutating func fail(_ reason: ReasonCode) {
        if failure == nil { failure = reason }
    }

    /// A reason the requirement cannot be decided.
    mutating func unknown(_ reason: ReasonCode) {
        if uncertainty == nil { uncertainty = reason }
    }

    /// Notes `result`'s evidence; `.notFound` fails with `notFound`, unavailable/invalid are unknown. Returns whether
    /// the record was found (so the caller may look at it).
    mutating func answered<Record>(_ result: RegistryResult<Record>, notFound: ReasonCode) -> Bool {
        if let answer = result.evidence, !evidence.contains(answer) { evidence.append(answer) }
        switch result {
        case .found: return true
        case .notFound: fail(notFound)
        case .unavailable: unknown(.registryUnavailable)
        case .invalidResponse: unknown(.registryResponseInvalid)
        }
        return false
    }

    /// The result for `requirement` about `subject`.
    func result(_ requirement: ProviderRequirement, _ subject: ProviderRequirementSubject) -> ProviderRequirementResult {
        let status: ProviderRequirementStatus = failure != nil ? .failed : uncertainty != nil ? .unknown : .passed
        return ProviderRequirementResult(
            requirement: requirement, subject: subject, status: status, reason: failure ?? uncertainty, evidence: evidence, score: score)
    }
}
