import Identifiers
import Population
import RegistryMocks
import RegistryTransport
import Testing
import Verification

/// Provider qualification through the real adapters against the in-process mocks, on providers picked from the
/// synthetic population: an active art school whose picked coaches meet every rule is QUALIFIED, a liquidated
/// provider is NOT_QUALIFIED.
///
/// Sport providers are not used for QUALIFIED: the population issues sports clearances only to people aged 6–18,
/// so no coach (22–65) has one.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ProviderQualificationMockTests {
    /// Big enough to hold art schools with qualifying coaches (the harness's 600 people hold about two coaches).
    static let population: Population = try! PopulationGenerator(configuration: PopulationConfiguration(seed: 4_242, people: 30_000)).generate()

    static var referenceDate: CalendarDate { population.configuration.referenceDate }

    /// A person's declaration as the operator would type it: the true names (the registries may hold variants).
    static func declaration(_ iin: IIN) -> ProviderPersonDeclaration {
        let person = population.person(iin)!
        return ProviderPersonDeclaration(iin: iin.unmasked, surname: person.surname, firstName: person.firstName, patronymic: person.patronymic)
    }

    /// Whether the registries hold the person without any injected defect (so names compare cleanly).
    static func clean(_ iin: IIN) -> Bool { population.defects(for: iin).isEmpty }

    /// Whether an educator meets every art-section rule by the population's own facts.
    static func qualifiesForArt(_ educator: EducatorRecord) -> Bool {
        let iin = educator.person.iin
        guard let truth = population.person(iin), !truth.isDeceased, clean(iin) else { return false }
        guard !["PEDAGOG", "NO_CATEGORY"].contains(educator.category.rawValue) else { return false }
        guard let validUntil = educator.categoryValidUntil, referenceDate <= validUntil else { return false }
        return educator.diplomas.contains { ["Музыкальное образование", "Хореография"].contains($0.specialty) }
    }

    /// An active art school with a living, cleanly recorded head and the coaches of it that qualify.
    static func qualifiedArtSchool() -> (BIN, IIN, [IIN])? {
        for entity in population.business.legalEntities where entity.status.rawValue == "ACTIVE" && entity.activity.rawValue == "85520" {
            guard let head = entity.headIIN, population.person(head)?.isDeceased == false, clean(head) else { continue }
            let coaches = population.education.educators.filter {
                if case .bin(let bin) = $0.employer, bin == entity.bin { return qualifiesForArt($0) }
                return false
            }
            if !coaches.isEmpty { return (entity.bin, head, coaches.map(\.person.iin)) }
        }
        return nil
    }

    static func checker(_ harness: MockHarness) throws -> ProviderQualificationChecker {
        ProviderQualificationChecker(
            collector: ProviderQualificationCollector(
                business: try harness.business(), persons: try harness.gbdfl(), education: try harness.education(), health: harness.health()))
    }

    static func withHarness(_ body: (MockHarness) async throws -> Void) async throws {
        let mocks = try await MockRegistries.start(population: population)
        let client = RegistryHTTPClient()
        do {
            try await body(MockHarness(mocks: mocks, client: client))
        } catch {
            try? await client.shutdown()
            await mocks.shutdown()
            throw error
        }
        try? await client.shutdown()
        await mocks.shutdown()
    }

    @Test("an active art school from the population, with its qualifying coaches, is QUALIFIED through the mocks")
    func qualifiedArtSchool() async throws {
        let (bin, head, coaches) = try #require(Self.qualifiedArtSchool(), "no active art school with a qualifying coach in the population")
        let request = ProviderCheckRequest(
            providerID: bin.text, section: .art, head: Self.declaration(head), coaches: coaches.map(Self.declaration))
        try await Self.withHarness { harness in
            let (assessment, evidence) = try await Self.checker(harness).check(request, within: .after(.seconds(10)), on: Self.referenceDate)
            #expect(assessment.decision == .qualified, "\(assessment.requirements.filter { $0.status != .passed })")
            #expect(assessment.requirements.count == 2 + 4 * coaches.count)
            #expect(assessment.requirements.allSatisfy { !$0.messageIds.isEmpty })
            #expect(evidence?.isIncomplete == false)
            #expect(Set(assessment.evidence.map(\.registry)) == [.business, .individuals, .education])
        }
    }

    @Test("a liquidated provider from the population is NOT_QUALIFIED through the mocks")
    func liquidatedProvider() async throws {
        let entity = try #require(Self.population.business.legalEntities.first { $0.status.rawValue == "LIQUIDATED" && $0.headIIN != nil })
        let coach = try #require(Self.population.education.educators.first { Self.qualifiesForArt($0) })
        let request = ProviderCheckRequest(
            providerID: entity.bin.text, section: .art, head: Self.declaration(entity.headIIN!), coaches: [Self.declaration(coach.person.iin)])
        try await Self.withHarness { harness in
            let (assessment, _) = try await Self.checker(harness).check(request, within: .after(.seconds(10)), on: Self.referenceDate)
            #expect(assessment.decision == .notQualified)
            #expect(assessment.result(.entityActive)?.status == .failed)
            #expect(assessment.result(.entityActive)?.reason == .providerInactive)
            #expect(assessment.result(.entityActive)?.evidence.first?.registry == .business)
            #expect(assessment.reasons.contains(.providerNotQualified))
        }
    }
}
