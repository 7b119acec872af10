import Identifiers
import Population
import Testing

struct IdentifierTests {
    let population = PopulationFixture.population

    @Test("every IIN passes IIN(_:) and is unique")
    func validAndUnique() throws {
        var seen = Set<IIN>()
        for person in population.people {
            let reparsed = try IIN(person.iin.unmasked)
            #expect(reparsed == person.iin)
            #expect(seen.insert(person.iin).inserted)
        }
        #expect(seen.count == population.people.count)
    }

    @Test("IIN digits match birth date and sex except for the deviating share")
    func consistency() {
        var deviating = 0
        for person in population.people {
            let plausibility = person.iin.plausibility
            let consistent = plausibility.birthDate == person.birthDate && plausibility.gender == person.gender
            if person.iinDeviates {
                deviating += 1
                #expect(!consistent)
            } else {
                #expect(consistent)
            }
        }
        let share = Double(deviating) / Double(population.people.count)
        #expect(share > 0.001 && share < 0.006, "deviating share \(share)")
    }

    @Test("every BIN is valid and unique, schools and polyclinics included")
    func bins() throws {
        var seen = Set<BIN>()
        for entity in population.business.legalEntities {
            _ = try BIN(entity.bin.text, asOf: population.configuration.referenceDate)
            #expect(seen.insert(entity.bin).inserted)
        }
        for school in population.education.schools { #expect(population.business.legalEntity(school.bin) != nil) }
    }

    @Test("parent links point at people of the population, born earlier")
    func parentLinks() {
        for person in population.people {
            for parent in [person.motherIIN, person.fatherIIN].compactMap({ $0 }) {
                let found = population.person(parent)
                #expect(found != nil)
                if let found { #expect(found.birthDate < person.birthDate) }
            }
        }
    }
}
