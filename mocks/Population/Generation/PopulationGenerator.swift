import Foundation
public import Identifiers

/// Generates a deterministic synthetic population from a `PopulationConfiguration`.
///
/// The same configuration yields the same `Population` — and the same exported bytes — on every run:
/// all randomness comes from seeded streams, work is split into chunks that depend only on the seed and
/// the chunk index, and results are concatenated in order. Uses up to all cores.
///
/// ```swift
/// let population = try PopulationGenerator(configuration: .init(seed: 7, people: 50_000)).generate()
/// let record = population.individuals.person(someIIN)
/// ```
public struct PopulationGenerator: Sendable {
    /// What to generate.
    public let configuration: PopulationConfiguration

    /// Creates a generator.
    public init(configuration: PopulationConfiguration) {
        self.configuration = configuration
    }

    /// Generates the population.
    ///
    /// - Throws: `PopulationError.invalidConfiguration` when a rate is outside 0…1 or the size is negative.
    public func generate() throws(PopulationError) -> Population {
        try configuration.validate()
        let drafts = households()
        let today = configuration.referenceDate

        // Identifiers, in population order.
        var identifiers = IdentifierAllocator(seed: configuration.seed)
        identifiers.reserve(capacity: drafts.count + drafts.count / 50 + 1024)
        var deviationRandom = PopulationRandom(seed: configuration.seed, stream: .identifiers, index: 1)
        var iins: [IIN] = []
        var deviates: [Bool] = []
        iins.reserveCapacity(drafts.count)
        deviates.reserveCapacity(drafts.count)
        for draft in drafts {
            let deviate = deviationRandom.chance(configuration.iinDeviationRate)
            deviates.append(deviate)
            iins.append(identifiers.iin(birthDate: draft.birthDate, gender: draft.gender, deviate: deviate, notAfter: today))
        }

        var organisationBuilder = OrganisationBuilder(configuration: configuration)
        let organisations = organisationBuilder.build(people: drafts, iins: iins, identifiers: &identifiers)

        var people: [Person] = []
        people.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            people.append(Person(
                iin: iins[index], surname: draft.surname, firstName: draft.firstName, patronymic: draft.patronymic,
                engSurname: draft.engSurname, engFirstName: draft.engFirstName, birthDate: draft.birthDate, gender: draft.gender,
                ethnicity: draft.ethnicity, householdID: draft.householdID, address: draft.address, phone: draft.phone,
                deathDate: draft.deathDate, motherIIN: draft.mother >= 0 ? iins[draft.mother] : nil,
                fatherIIN: draft.father >= 0 ? iins[draft.father] : nil, iinDeviates: deviates[index], school: organisations.placements[index]))
        }

        // The four registry views are independent: build them concurrently.
        let builder = RegistryBuilder(configuration: configuration, people: people, organisations: organisations)
        let views = parallelMap(count: 4) { index -> RegistryView in
            switch index {
            case 0: let (view, defects) = builder.individuals(); return .individuals(view, defects)
            case 1: let (view, defects) = builder.education(); return .education(view, defects)
            case 2: let (view, defects) = builder.health(); return .health(view, defects)
            default: let (view, defects) = builder.business(); return .business(view, defects)
            }
        }
        guard case .individuals(let individuals, let individualDefects) = views[0],
            case .education(let education, let educationDefects) = views[1],
            case .health(let health, let healthDefects) = views[2],
            case .business(let business, let businessDefects) = views[3]
        else { preconditionFailure("registry views out of order") }

        var providers: [(id: ProviderID, activity: Activity)] = organisations.legalEntities
            .filter { $0.activity.isVoucherProvider && $0.status == .active }
            .map { (.bin($0.bin), $0.activity) }
        providers += organisations.entrepreneurs
            .filter { $0.activity.isVoucherProvider && $0.status == .active }
            .map { (.iin(iins[$0.person]), $0.activity) }
        var declarationBuilder = DeclarationBuilder(
            configuration: configuration, people: people, parentIndexes: drafts.map { ($0.mother, $0.father) }, providers: providers)
        let (declarations, declarationTruth) = declarationBuilder.build(identifiers: &identifiers)

        return Population(
            configuration: configuration, people: people, individuals: individuals, education: education, health: health, business: business,
            declarations: declarations, declarationTruth: declarationTruth,
            defects: individualDefects + educationDefects + healthDefects + businessDefects)
    }

    /// Households in seeded chunks (built concurrently), concatenated in chunk order and cut to exactly
    /// `configuration.people` people.
    private func households() -> [PersonDraft] {
        let target = configuration.people
        guard target > 0 else { return [] }
        let builder = HouseholdBuilder(configuration: configuration)
        let peoplePerChunk = builder.householdsPerChunk * 3
        var drafts: [PersonDraft] = []
        drafts.reserveCapacity(target + peoplePerChunk)
        var nextChunk = 0
        while drafts.count < target {
            let missing = target - drafts.count
            let batch = max(1, min(64, (missing + peoplePerChunk - 1) / peoplePerChunk))
            let first = nextChunk
            let chunks = parallelMap(count: batch) { builder.chunk(first + $0) }
            for chunk in chunks {
                let offset = drafts.count
                for var draft in chunk {
                    if draft.mother >= 0 { draft.mother += offset }
                    if draft.father >= 0 { draft.father += offset }
                    drafts.append(draft)
                }
                if drafts.count >= target { break }
            }
            nextChunk += batch
        }
        drafts.removeLast(drafts.count - target)
        return drafts
    }
}

/// One registry's view and defects, as built concurrently.
private enum RegistryView: Sendable {
    case individuals(IndividualsRegistry, [Defect])
    case education(EducationRegistry, [Defect])
    case health(HealthRegistry, [Defect])
    case business(BusinessRegistry, [Defect])
}
