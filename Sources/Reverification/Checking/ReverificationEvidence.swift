public import Identifiers
public import Verification

/// What the registries say now about a voucher: the voucher gate's evidence (child, parent, birth acts, health,
/// enrolment, provider) plus the other parents its birth acts name, looked up in ГБД ФЛ.
public struct ReverificationEvidence: Sendable {
    /// The gate's evidence; `nil` when an IIN of the subject fails the local checks (no registry asked).
    public var activation: VoucherActivationEvidence?
    /// Other parents named in the child's birth acts, by IIN.
    public var birthRecordParents: [IIN: RegistryResult<PersonRecord>]

    /// Creates evidence.
    public init(activation: VoucherActivationEvidence?, birthRecordParents: [IIN: RegistryResult<PersonRecord>] = [:]) {
        self.activation = activation
        self.birthRecordParents = birthRecordParents
    }

    /// Whether any part got no usable answer (unavailable or invalid): such a result is never OK.
    public var isIncomplete: Bool {
        guard let activation else { return false }
        let outcomes = [activation.enrolment.outcome, activation.provider.outcome, activation.family.health?.outcome ?? .found]
        return activation.family.isIncomplete || outcomes.contains { $0 == .unavailable || $0 == .invalidResponse }
    }

    /// Which registries gave no usable answer, for the change record.
    public var unavailableRegistries: [RegistryName] {
        guard let activation else { return [] }
        var names: [RegistryName] = []
        func add(_ outcome: RegistryOutcome?, _ name: RegistryName) {
            if outcome == .unavailable || outcome == .invalidResponse, !names.contains(name) { names.append(name) }
        }
        add(activation.family.child.outcome, .individuals)
        add(activation.family.parent.outcome, .individuals)
        add(activation.family.birthRecords.outcome, .individuals)
        add(activation.family.health?.outcome, .health)
        add(activation.enrolment.outcome, .education)
        add(activation.provider.outcome, .business)
        return names
    }
}
