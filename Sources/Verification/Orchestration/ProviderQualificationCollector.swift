import Identifiers

/// Gathers ``ProviderQualificationEvidence`` from the ports concurrently under one deadline: the provider (legal
/// entity or entrepreneur), the head person, and per coach the person, the educator record and — for sport sections —
/// health facts.
///
/// Every call runs through ``RegistryCall/run(within:_:)`` with the same deadline, in one task group that keeps at
/// most ``maximumConcurrentCalls`` calls in flight (the provider and the head first, then the coaches in request
/// order); a coach declared twice is asked about once. The whole collection returns by the deadline (plus
/// scheduling slack), provided the ports honour cancellation: calls still running then, or not yet started, are
/// `.unavailable(.timeout)`. Identifiers that fail the local checks never reach a registry.
///
/// ```swift
/// let collector = ProviderQualificationCollector(business: gbdul, persons: gbdfl, education: nobd, health: health)
/// let evidence = await collector.collect(request, within: .after(.seconds(2)))
/// let assessment = ProviderQualificationPolicy().assess(request, evidence: evidence)
/// ```
public struct ProviderQualificationCollector: Sendable {
    /// The business registry (ГБД ЮЛ).
    public var business: any BusinessRegistry
    /// The individuals registry (ГБД ФЛ).
    public var persons: any PersonRegistry
    /// The education database (НОБД).
    public var education: any EducationRegistry
    /// The health registry.
    public var health: any HealthRegistry
    /// At most this many registry calls in flight at once. Default 16; values below 1 count as 1.
    public var maximumConcurrentCalls: Int

    /// Creates a collector.
    public init(
        business: any BusinessRegistry, persons: any PersonRegistry, education: any EducationRegistry, health: any HealthRegistry,
        maximumConcurrentCalls: Int = 16
    ) {
        self.business = business
        self.persons = persons
        self.education = education
        self.health = health
        self.maximumConcurrentCalls = maximumConcurrentCalls
    }

    private enum Part: Sendable {
        case legalEntity(RegistryResult<LegalEntity>)
        case entrepreneur(RegistryResult<IndividualEntrepreneur>)
        case head(RegistryResult<PersonRecord>)
        case coachPerson(IIN, RegistryResult<PersonRecord>)
        case coachQualification(IIN, RegistryResult<EducatorQualification>)
        case coachHealth(IIN, RegistryResult<HealthFacts>)
    }

    private typealias Job = @Sendable () async -> Part

    /// Asks every port the request needs; returns by `deadline`.
    ///
    /// - Returns: the evidence, or `nil` when the provider identifier fails the local checks (no registry is asked;
    ///   ``ProviderQualificationPolicy`` turns the identifier's error into the reason).
    public func collect(_ request: ProviderCheckRequest, within deadline: Deadline) async -> ProviderQualificationEvidence? {
        guard case .success(let provider) = request.provider else { return nil }
        let business = self.business
        let persons = self.persons
        let education = self.education
        let health = self.health

        var jobs: [Job] = []
        var headIIN: IIN?
        switch provider {
        case .legalEntity(let bin):
            jobs.append { .legalEntity(await RegistryCall.run(within: deadline) { await business.legalEntity(bin, within: $0) }) }
            headIIN = request.head?.declared.iin
        case .entrepreneur(let iin):
            jobs.append { .entrepreneur(await RegistryCall.run(within: deadline) { await business.entrepreneur(iin, within: $0) }) }
            headIIN = iin
        }
        if let headIIN {
            jobs.append { .head(await RegistryCall.run(within: deadline) { await persons.person(headIIN, within: $0) }) }
        }
        let coachIINs = request.coaches.map(\.declared.iin)
        var asked = Set<IIN>()
        for iin in coachIINs.compactMap({ $0 }) where asked.insert(iin).inserted {
            jobs.append { .coachPerson(iin, await RegistryCall.run(within: deadline) { await persons.person(iin, within: $0) }) }
            jobs.append {
                .coachQualification(iin, await RegistryCall.run(within: deadline) { await education.qualification(of: iin, within: $0) })
            }
            if request.section.requiresHealthClearance {
                jobs.append { .coachHealth(iin, await RegistryCall.run(within: deadline) { await health.healthFacts(iin, within: $0) }) }
            }
        }

        var evidence = ProviderQualificationEvidence(provider: provider)
        var coachPersons: [IIN: RegistryResult<PersonRecord>] = [:]
        var coachQualifications: [IIN: RegistryResult<EducatorQualification>] = [:]
        var coachHealth: [IIN: RegistryResult<HealthFacts>] = [:]
        let limit = max(1, maximumConcurrentCalls)
        await withTaskGroup(of: Part.self) { group in
            var pending = jobs.makeIterator()
            var inFlight = 0
            while inFlight < limit, let job = pending.next() {
                group.addTask(operation: job)
                inFlight += 1
            }
            while let part = await group.next() {
                switch part {
                case .legalEntity(let result): evidence.legalEntity = result
                case .entrepreneur(let result): evidence.entrepreneur = result
                case .head(let result): evidence.head = result
                case .coachPerson(let iin, let result): coachPersons[iin] = result
                case .coachQualification(let iin, let result): coachQualifications[iin] = result
                case .coachHealth(let iin, let result): coachHealth[iin] = result
                }
                if let job = pending.next() { group.addTask(operation: job) }
            }
        }
        let missing = UnavailabilityReason.cancelled
        evidence.coaches = coachIINs.map { iin in
            iin.map {
                ProviderCoachEvidence(
                    iin: $0, person: coachPersons[$0] ?? .unavailable(missing), qualification: coachQualifications[$0] ?? .unavailable(missing),
                    health: request.section.requiresHealthClearance ? coachHealth[$0] ?? .unavailable(missing) : nil)
            }
        }
        return evidence
    }
}
