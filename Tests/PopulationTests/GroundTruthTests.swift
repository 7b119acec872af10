import Identifiers
import Population
import Testing

/// Recounts every defect by comparing each registry view with the truth, and checks the ground truth lists
/// exactly those.
struct GroundTruthTests {
    let population = PopulationFixture.population

    /// "iin|category" for a recounted difference.
    private func key(_ iin: IIN, _ category: String) -> String { iin.unmasked + "|" + category }

    private func category(_ kind: DefectKind) -> String {
        if kind.isNameDefect { return "name" }
        if kind == .birthDateDayMonthSwapped { return "birthDate" }
        if kind == .deadSoul { return "deadSoul" }
        return "missing"
    }

    private func differences(_ view: RegistryPerson, _ truth: Person) -> [String] {
        var found: [String] = []
        if view.surname != truth.surname || view.firstName != truth.firstName || view.patronymic != truth.patronymic { found.append("name") }
        if view.birthDate != truth.birthDate { found.append("birthDate") }
        return found
    }

    private func groundTruth(_ registry: RegistryKind) -> [String] {
        population.defects.filter { $0.registry == registry }.map { key($0.iin, category($0.kind)) }.sorted()
    }

    @Test("ГБД ФЛ: every difference from the truth is in the ground truth and vice versa")
    func individuals() {
        var recount: [String] = []
        for person in population.people {
            guard let record = population.individuals.person(person.iin) else {
                recount.append(key(person.iin, "missing"))
                continue
            }
            recount += differences(record.person, person).map { key(person.iin, $0) }
            #expect(record.lifeStatus == (person.isDeceased ? .deceased : .normal))
        }
        #expect(recount.sorted() == groundTruth(.individuals))
    }

    @Test("health: every difference and every missing person is in the ground truth and vice versa")
    func health() {
        var recount: [String] = []
        for person in population.people {
            guard let record = population.health.patient(person.iin) else {
                recount.append(key(person.iin, "missing"))
                continue
            }
            recount += differences(record.person, person).map { key(person.iin, $0) }
        }
        #expect(recount.sorted() == groundTruth(.health))
        for defect in population.defects where defect.registry == .health && defect.kind == .childInEducationNotInHealth {
            #expect(population.education.student(defect.iin) != nil)
            #expect(population.person(defect.iin)?.school != nil)
        }
    }

    @Test("НОБД: pupils, dead souls and missing children match the ground truth")
    func education() {
        var recount: [String] = []
        for person in population.people {
            let record = population.education.student(person.iin)
            if person.school != nil {
                guard let record else {
                    recount.append(key(person.iin, "missing"))
                    continue
                }
                recount += differences(record.person, person).map { key(person.iin, $0) }
            } else if let record {
                #expect(person.isDeceased, "a pupil record for someone not at school must be a dead soul")
                #expect(record.status == .studying)
                recount.append(key(person.iin, "deadSoul"))
            }
            if let educator = population.education.educator(person.iin) {
                recount += differences(educator.person, person).map { key(person.iin, $0) }
            }
        }
        // Missing educators cannot be recounted from the truth alone: check each one is really absent.
        for defect in population.defects where defect.registry == .education && defect.kind == .missingRecord {
            #expect(population.education.educator(defect.iin) == nil)
            recount.append(key(defect.iin, "missing"))
        }
        for defect in population.defects where defect.kind == .childInHealthNotInEducation {
            #expect(population.health.patient(defect.iin) != nil)
        }
        #expect(recount.sorted() == groundTruth(.education))
        #expect(population.defects.contains { $0.kind == .deadSoul })
    }

    @Test("business registry: entrepreneurs' names match the ground truth; missing ones are absent")
    func business() {
        var recount: [String] = []
        for record in population.business.entrepreneurs {
            guard let person = population.person(record.holder.iin) else {
                Issue.record("entrepreneur is not a person of the population")
                continue
            }
            recount += differences(record.holder, person).map { key(person.iin, $0) }
        }
        for defect in population.defects where defect.registry == .business && defect.kind == .missingRecord {
            #expect(population.business.entrepreneur(defect.iin) == nil)
            recount.append(key(defect.iin, "missing"))
        }
        #expect(recount.sorted() == groundTruth(.business))
    }

    @Test("each ground-truth entry's recorded value is what the registry holds")
    func recordedValues() {
        for defect in population.defects where defect.registry == .health && defect.field == .surname {
            #expect(population.health.patient(defect.iin)?.person.surname == defect.recorded)
            #expect(population.person(defect.iin)?.surname == defect.truth)
        }
        for defect in population.defects where defect.kind == .nameKazakhLetterRussianised {
            #expect(defect.recorded.map { !$0.contains(where: { "ӘҒҚҢӨҰҮҺІ".contains($0) }) } == true)
        }
    }
}
