import Identifiers
import Testing
import Verification

/// The provider collector's timing and concurrency. Elapsed-time bounds: `scripts/test.sh` runs suites matching
/// `OrchestrationTests` on their own, one test at a time, so other suites' CPU-bound work cannot starve the timers.
@Suite(.serialized)
struct ProviderQualificationOrchestrationTests {
    typealias World = ProviderWorld

    @Test("a hanging registry costs at most the deadline, and its requirements are UNKNOWN", .timeLimit(.minutes(1)), arguments: [
        RegistryName.business, .individuals, .education, .health,
    ])
    func hangingRegistry(registry: RegistryName) async {
        var world = World()
        let affected: Set<ProviderRequirement>
        switch registry {
        case .business:
            world.businessBehaviour = .hang
            affected = [.entityActive, .headIdentity]
        case .individuals:
            world.personsBehaviour = .hang
            affected = [.headIdentity, .coachIdentity, .coachAlive]
        case .education:
            world.educationBehaviour = .hang
            affected = [.coachDiploma, .coachCategory]
        default:
            world.healthBehaviour = .hang
            affected = [.coachHealthClearance]
        }
        let start = ContinuousClock.now
        let (assessment, evidence) = await world.check(World.clubRequest, within: .milliseconds(300))
        let elapsed = start.duration(to: .now)
        #expect(elapsed >= .milliseconds(290), "returned before the deadline: \(elapsed)")
        #expect(elapsed < .milliseconds(300) + .milliseconds(500), "took \(elapsed)")
        #expect(assessment.decision == .review)
        #expect(assessment.reasons == [.registryUnavailable])
        #expect(Set(assessment.requirements.filter { $0.status == .unknown }.map(\.requirement)) == affected)
        #expect(evidence?.isIncomplete == true)
    }

    @Test("many coaches are asked with bounded concurrency, each coach once")
    func boundedConcurrency() async {
        var world = World()
        world.maximumConcurrentCalls = 4
        var request = World.clubRequest
        var coaches: [ProviderPersonDeclaration] = []
        for iin in World.iins(count: 20) {
            world.persons[iin] = PersonRecord(iin: iin, surname: "ТРЕНЕР", firstName: "НОМЕР")
            world.educators[iin] = World.educator(iin, specialty: "Физическая культура", code: nil)
            world.health[iin] = World.clearedHealth(iin)
            coaches.append(ProviderPersonDeclaration(iin: iin.unmasked, surname: "Тренер", firstName: "Номер"))
        }
        coaches.append(coaches[0])  // declared twice: asked once
        request.coaches = coaches
        let (assessment, evidence) = await world.check(request)
        #expect(assessment.decision == .qualified, "\(assessment.reasons)")
        #expect(world.calls.maximumInFlight <= 4)
        #expect(world.calls.maximumInFlight >= 2)
        #expect(world.calls.calls(.individuals) == 21)  // head + 20 distinct coaches
        #expect(world.calls.calls(.education) == 20)
        #expect(world.calls.calls(.health) == 20)
        #expect(evidence?.coaches.count == 21)
        #expect(assessment.coachResults(20).count == 5)
        #expect(assessment.coachResults(20).allSatisfy { $0.status == .passed })
    }

    @Test("a deadline that has already passed asks no registry and yields REVIEW")
    func expiredDeadline() async {
        let world = World()
        let (assessment, _) = await world.check(World.clubRequest, within: .zero)
        #expect(world.calls.totalCalls == 0)
        #expect(assessment.decision == .review)
        #expect(assessment.reasons == [.registryUnavailable])
    }
}
