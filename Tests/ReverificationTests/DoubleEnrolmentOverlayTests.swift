import Identifiers
import Population
import RegistryAdapters
import Testing
import Verification

/// The double-enrolment event end to end: the overlay puts a second `STUDYING` record in НОБД, the mock answers with
/// both `student` elements, and the education adapter reports the second school as concurrent.
struct DoubleEnrolmentOverlayTests {
    @Test func secondSchoolReachesTheAdapter() async throws {
        let population = try PopulationGenerator(configuration: PopulationConfiguration(seed: 31, people: 1_500)).generate()
        let events = try PopulationEvents.generate(
            for: population,
            configuration: PopulationEventConfiguration(
                seed: 2, childDeathRate: 0, moveRate: 0, expulsionRate: 0, fictitiousParentRate: 0, doubleEnrolmentRate: 1, liquidationRate: 0,
                sharedCoaches: 0))
        let doubles = events.events(.doubleEnrolment)
        try #require(doubles.count >= 3)
        let later = population.applying(events)
        for event in doubles {
            let child = try #require(event.childIIN)
            let records = later.education.students(child)
            #expect(records.count == 2)
            #expect(records.allSatisfy { $0.status == .studying })
            #expect(records.last?.schoolBIN == event.secondSchoolBIN)
            #expect(records.first?.schoolBIN != event.secondSchoolBIN)
            #expect(population.education.students(child).count == 1)  // the population itself is untouched
        }
        let sample = Array(doubles.prefix(3))
        try await RegistryHarness.withAdapters(population, events: events) { adapters in
            for event in sample {
                let child = try #require(event.childIIN)
                let answer = await adapters.education.enrolment(of: child, within: .after(.seconds(10)))
                let enrolment = try #require(answer.record)
                #expect(enrolment.status == .studying)
                #expect(enrolment.school.bin == population.education.student(child)?.schoolBIN)
                #expect(enrolment.concurrentSchools.map(\.bin) == [event.secondSchoolBIN])
            }
            // A pupil the events left alone has a single enrolment.
            let single = try #require(population.education.students.first { record in !doubles.contains { $0.childIIN == record.person.iin } })
            let alone = await adapters.education.enrolment(of: single.person.iin, within: .after(.seconds(10)))
            #expect(alone.record?.concurrentSchools.isEmpty == true)
        }
    }
}
