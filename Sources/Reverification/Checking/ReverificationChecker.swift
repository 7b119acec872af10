public import Verification
import Identifiers

/// Gathers a voucher's evidence again through the voucher gate's own collector (`VoucherActivationCollector`), then
/// looks up the other parents the child's birth acts name (for the "parent's IIN does not exist" contradiction).
public struct ReverificationChecker: Sendable {
    /// The voucher gate's collector (give its family collector a health port).
    public var collector: VoucherActivationCollector
    /// ГБД ФЛ, for the birth acts' other parents.
    public var persons: any PersonRegistry

    /// Creates a checker.
    public init(collector: VoucherActivationCollector, persons: any PersonRegistry) {
        self.collector = collector
        self.persons = persons
    }

    /// Creates a checker over the registry ports (the same wiring as the voucher gate).
    public init(persons: any PersonRegistry, birthRecords: any BirthRecordRegistry, health: any HealthRegistry, education: any EducationRegistry,
                business: any BusinessRegistry) {
        self.init(
            collector: VoucherActivationCollector(
                family: FamilyEvidenceCollector(persons: persons, birthRecords: birthRecords, health: health), education: education, business: business),
            persons: persons)
    }

    /// Asks every registry about `subject` under `deadline`.
    public func gather(_ subject: ReverificationSubject, within deadline: Deadline) async -> ReverificationEvidence {
        guard let child = try? IIN(subject.child.iin), let parent = try? IIN(subject.parent.iin), let provider = subject.provider else {
            return ReverificationEvidence(activation: nil)
        }
        let evidence = await collector.collect(child: child, parent: parent, provider: provider, within: deadline)
        var others: [IIN] = []
        if case .found(let acts, _) = evidence.family.birthRecords {
            for act in acts where act.status != .cancelled && act.child.iin == child {
                for named in [act.mother?.iin, act.father?.iin].compactMap({ $0 }) where named != parent && !others.contains(named) {
                    others.append(named)
                }
            }
        }
        var parents: [IIN: RegistryResult<PersonRecord>] = [:]
        if !others.isEmpty {
            let persons = self.persons
            var queries: [IIN: RegistryFanOut.Query<PersonRecord>] = [:]
            for iin in others { queries[iin] = { await persons.person(iin, within: $0) } }
            parents = await RegistryFanOut.collect(within: deadline, queries)
        }
        return ReverificationEvidence(activation: evidence, birthRecordParents: parents)
    }
}
