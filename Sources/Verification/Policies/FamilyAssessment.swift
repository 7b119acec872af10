public import Matching

/// `FamilyPolicy`'s verdict on a declaration: one decision, its reasons, and the parts it rests on.
public struct FamilyAssessment: Sendable, Hashable {
    /// The reasons with their weights.
    public var verdict: Verdict
    /// MATCH (every check passed), REVIEW (an operator must look) or MISMATCH (a check failed on registry facts).
    public var decision: MatchDecision { verdict.decision }
    /// Reasons in the order found; informational ones (e.g. `PARENT_LINK_BY_ADDRESS`) may accompany MATCH.
    public var reasons: [ReasonCode] { verdict.reasons }
    /// The child's assessment.
    public var child: PersonAssessment
    /// The parent's assessment.
    public var parent: PersonAssessment
    /// How parent and child are tied.
    public var link: ParentLink
    /// Registry message ids the verdict rests on.
    public var evidence: [RegistryEvidence]

    /// Creates an assessment.
    public init(verdict: Verdict, child: PersonAssessment, parent: PersonAssessment, link: ParentLink, evidence: [RegistryEvidence]) {
        self.verdict = verdict
        self.child = child
        self.parent = parent
        self.link = link
        self.evidence = evidence
    }
}
