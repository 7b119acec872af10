public import Identifiers

/// What the registries say about a child and the parent who declared them, gathered for one decision.
///
/// Each part keeps its own ``RegistryResult``: one slow registry costs its part (`.unavailable(.timeout)`), not
/// the whole picture.
public struct FamilyEvidence: Sendable {
    /// The child in the individuals registry.
    public var child: RegistryResult<PersonRecord>
    /// The parent in the individuals registry.
    public var parent: RegistryResult<PersonRecord>
    /// Birth acts involving the child.
    public var birthRecords: RegistryResult<[BirthRecord]>
    /// The child's health facts; `nil` when not asked for.
    public var health: RegistryResult<HealthFacts>?

    /// Creates evidence from its parts.
    public init(
        child: RegistryResult<PersonRecord>, parent: RegistryResult<PersonRecord>, birthRecords: RegistryResult<[BirthRecord]>,
        health: RegistryResult<HealthFacts>? = nil
    ) {
        self.child = child
        self.parent = parent
        self.birthRecords = birthRecords
        self.health = health
    }

    /// The registry message ids every answered part rests on (for the decision and the audit entry).
    public var evidence: [RegistryEvidence] {
        [child.evidence, parent.evidence, birthRecords.evidence, health?.evidence].compactMap { $0 }
    }

    /// Whether any part got no usable answer (unavailable or invalid): such a decision must not activate.
    public var isIncomplete: Bool {
        [child.outcome, parent.outcome, birthRecords.outcome, health?.outcome ?? .found].contains { $0 == .unavailable || $0 == .invalidResponse }
    }
}

/// Gathers ``FamilyEvidence`` from the ports concurrently under one deadline.
///
/// ```swift
/// let collector = FamilyEvidenceCollector(persons: gbdfl, birthRecords: gbdfl, health: health)
/// let evidence = await collector.collect(child: child, parent: parent, within: .after(.seconds(3)))
/// ```
public struct FamilyEvidenceCollector: Sendable {
    /// The individuals registry.
    public var persons: any PersonRegistry
    /// The birth-record registry.
    public var birthRecords: any BirthRecordRegistry
    /// The health registry; `nil` to skip health facts.
    public var health: (any HealthRegistry)?

    /// Creates a collector.
    public init(persons: any PersonRegistry, birthRecords: any BirthRecordRegistry, health: (any HealthRegistry)? = nil) {
        self.persons = persons
        self.birthRecords = birthRecords
        self.health = health
    }

    private enum Part: Sendable {
        case child(RegistryResult<PersonRecord>)
        case parent(RegistryResult<PersonRecord>)
        case birthRecords(RegistryResult<[BirthRecord]>)
        case health(RegistryResult<HealthFacts>)
    }

    /// Asks every port at once; returns by `deadline` (parts still running then are `.unavailable(.timeout)`).
    public func collect(child: IIN, parent: IIN, within deadline: Deadline) async -> FamilyEvidence {
        let persons = self.persons
        let birthRecords = self.birthRecords
        let health = self.health
        var evidence = FamilyEvidence(child: .unavailable(.cancelled), parent: .unavailable(.cancelled), birthRecords: .unavailable(.cancelled))
        await withTaskGroup(of: Part.self) { group in
            group.addTask { .child(await RegistryCall.run(within: deadline) { await persons.person(child, within: $0) }) }
            group.addTask { .parent(await RegistryCall.run(within: deadline) { await persons.person(parent, within: $0) }) }
            group.addTask { .birthRecords(await RegistryCall.run(within: deadline) { await birthRecords.birthRecords(involving: child, within: $0) }) }
            if let health {
                group.addTask { .health(await RegistryCall.run(within: deadline) { await health.healthFacts(child, within: $0) }) }
            }
            for await part in group {
                switch part {
                case .child(let result): evidence.child = result
                case .parent(let result): evidence.parent = result
                case .birthRecords(let result): evidence.birthRecords = result
                case .health(let result): evidence.health = result
                }
            }
        }
        return evidence
    }
}
