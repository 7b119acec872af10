public import Matching

/// One entry of a provider check's per-requirement result list: which rule, about whom, with what outcome, why, and
/// which registry answers it rests on.
public struct ProviderRequirementResult: Sendable, Hashable, Codable {
    /// The rule.
    public var requirement: ProviderRequirement
    /// Whom it is about.
    public var subject: ProviderRequirementSubject
    /// PASSED, FAILED or UNKNOWN.
    public var status: ProviderRequirementStatus
    /// Why it failed or is unknown (`nil` when passed); its Russian and Kazakh messages are on ``ReasonCode``.
    public var reason: ReasonCode?
    /// The registry answers (registry and message id) the outcome rests on; empty when no registry answered.
    public var evidence: [RegistryEvidence]
    /// The match score with its explanation, for identity requirements decided on names.
    public var score: MatchScore?

    /// Creates a result.
    public init(
        requirement: ProviderRequirement, subject: ProviderRequirementSubject, status: ProviderRequirementStatus, reason: ReasonCode? = nil,
        evidence: [RegistryEvidence] = [], score: MatchScore? = nil
    ) {
        self.requirement = requirement
        self.subject = subject
        self.status = status
        self.reason = reason
        self.evidence = evidence
        self.score = score
    }

    /// The registry message ids the outcome rests on.
    public var messageIds: [String] { evidence.map(\.messageId) }
}
