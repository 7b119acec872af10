public import Identifiers

/// The voucher gate's verdict with its reasons and the parts it rests on.
public struct VoucherActivationAssessment: Sendable, Hashable {
    /// ACTIVATE, REVIEW or REJECT.
    public var decision: VoucherDecision
    /// Reasons in the order found (informational ones — priority categories, shared address — may accompany ACTIVATE).
    public var reasons: [ReasonCode]
    /// The identity, life-status, link and region part.
    public var family: FamilyAssessment
    /// The child's age on the period start, per the registry's birth date.
    public var childAge: Int?
    /// Registry message ids.
    public var evidence: [RegistryEvidence]

    /// Creates an assessment.
    public init(decision: VoucherDecision, reasons: [ReasonCode], family: FamilyAssessment, childAge: Int?, evidence: [RegistryEvidence]) {
        self.decision = decision
        self.reasons = reasons
        self.family = family
        self.childAge = childAge
        self.evidence = evidence
    }
}
