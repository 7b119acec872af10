public import Matching

/// Checks one parent's declaration end to end: local IIN checks, the registries under one deadline, then
/// `FamilyPolicy`. A declaration with an invalid IIN never reaches a registry.
///
/// ```swift
/// let verifier = FamilyVerifier(collector: FamilyEvidenceCollector(persons: gbdfl, birthRecords: gbdfl), policy: FamilyPolicy(model: model))
/// let assessment = await verifier.verify(declaration, within: .after(.seconds(2)))
/// ```
public struct FamilyVerifier: Sendable {
    /// Gathers the evidence.
    public var collector: FamilyEvidenceCollector
    /// Decides.
    public var policy: FamilyPolicy

    /// Creates a verifier.
    public init(collector: FamilyEvidenceCollector, policy: FamilyPolicy) {
        self.collector = collector
        self.policy = policy
    }

    /// The verdict and the evidence it rests on (`nil` when no registry was asked).
    public func verify(_ declaration: FamilyDeclaration, within deadline: Deadline) async -> (FamilyAssessment, FamilyEvidence?) {
        guard let child = declaration.child.iin, let parent = declaration.parent.iin else {
            return (policy.assess(declaration, evidence: nil), nil)
        }
        let evidence = await collector.collect(child: child, parent: parent, within: deadline)
        return (policy.assess(declaration, evidence: evidence), evidence)
    }
}
