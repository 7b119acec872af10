public import Identifiers

/// Gathers the voucher gate's registry evidence concurrently under one deadline: child, parent, birth records,
/// health (`FamilyEvidenceCollector`), school enrolment and the provider's status.
public struct VoucherActivationCollector: Sendable {
    /// Child, parent, birth records, health.
    public var family: FamilyEvidenceCollector
    /// НОБД.
    public var education: any EducationRegistry
    /// ГБД ЮЛ.
    public var business: any BusinessRegistry

    /// Creates a collector (give `family` a health port).
    public init(family: FamilyEvidenceCollector, education: any EducationRegistry, business: any BusinessRegistry) {
        self.family = family
        self.education = education
        self.business = business
    }

    /// Asks every registry at once; parts still running at `deadline` become `.unavailable(.timeout)`.
    public func collect(child: IIN, parent: IIN, provider: ProviderIdentifier, within deadline: Deadline) async -> VoucherActivationEvidence {
        let education = self.education
        let business = self.business
        async let family = self.family.collect(child: child, parent: parent, within: deadline)
        async let enrolment = RegistryCall.run(within: deadline) { await education.enrolment(of: child, within: $0) }
        async let status: RegistryResult<BusinessStatus> = RegistryCall.run(within: deadline) { budget in
            switch provider {
            case .legalEntity(let bin):
                return await business.legalEntity(bin, within: budget).map(\.status)
            case .entrepreneur(let iin):
                return await business.entrepreneur(iin, within: budget).map(\.status)
            }
        }
        return VoucherActivationEvidence(family: await family, enrolment: await enrolment, provider: await status)
    }
}
