/// Everything the voucher gate looks at, gathered under one deadline (`VoucherActivationCollector`) plus the
/// store's answer about other vouchers.
public struct VoucherActivationEvidence: Sendable {
    /// Child, parent, birth records and the child's health facts.
    public var family: FamilyEvidence
    /// The child's school enrolment in НОБД.
    public var enrolment: RegistryResult<StudentEnrolment>
    /// The provider's status in the business registry.
    public var provider: RegistryResult<BusinessStatus>
    /// Whether the child already has an active voucher for an overlapping period (from the store).
    public var hasOverlappingVoucher: Bool

    /// Creates evidence.
    public init(family: FamilyEvidence, enrolment: RegistryResult<StudentEnrolment>, provider: RegistryResult<BusinessStatus>,
                hasOverlappingVoucher: Bool = false) {
        self.family = family
        self.enrolment = enrolment
        self.provider = provider
        self.hasOverlappingVoucher = hasOverlappingVoucher
    }

    /// Registry message ids the decision rests on.
    public var evidence: [RegistryEvidence] {
        family.evidence + [enrolment.evidence, provider.evidence].compactMap { $0 }
    }
}
