import Identifiers
import Population
import Testing

/// Configured rates are honoured within statistical tolerance on 20,000 people.
struct RateTests {
    let population = PopulationFixture.population
    var configuration: PopulationConfiguration { population.configuration }

    private func expectNear(_ observed: Double, _ expected: Double, tolerance: Double, _ label: String) {
        #expect(abs(observed - expected) <= tolerance, "\(label): observed \(observed), expected \(expected) ± \(tolerance)")
    }

    @Test("per-registry name and missing-record defect rates are honoured")
    func defectRates() {
        let people = Double(population.people.count)
        for registry in [RegistryKind.individuals, .health] {
            let defects = population.defects.filter { $0.registry == registry }
            let names = Double(defects.filter { $0.kind.isNameDefect }.count)
            let missing = Double(defects.filter { $0.kind.isMissingRecord }.count)
            let rates = configuration.defects[registry]
            let records = people - missing
            expectNear(names / records, rates.nameVariant, tolerance: max(0.004, rates.nameVariant * 0.25), "\(registry) names")
            expectNear(missing / people, rates.missingRecord, tolerance: max(0.002, rates.missingRecord * 0.3), "\(registry) missing")
        }
        let pupils = Double(population.people.filter { $0.school != nil }.count)
        let notInEducation = Double(population.defects.filter { $0.kind == .childInHealthNotInEducation }.count)
        expectNear(notInEducation / pupils, configuration.defects.education.missingRecord, tolerance: 0.005, "child in health, not in НОБД")
        let notInHealth = Double(population.defects.filter { $0.kind == .childInEducationNotInHealth }.count)
        expectNear(notInHealth / pupils, configuration.defects.health.missingRecord, tolerance: 0.005, "child in НОБД, not in health")
    }

    @Test("day/month swaps happen only where the swapped date exists, at the configured rate")
    func birthDateSwaps() {
        let swaps = population.defects.filter { $0.kind == .birthDateDayMonthSwapped && $0.registry == .health }
        let eligible = population.people.filter { $0.birthDate.day <= 12 && $0.birthDate.day != $0.birthDate.month }.count
        expectNear(Double(swaps.count) / Double(eligible), configuration.defects.health.birthDateSwap, tolerance: 0.005, "health swaps")
        for swap in swaps {
            #expect(swap.truth != swap.recorded)
        }
    }

    @Test("birth records link most children born from 2010 and few born before")
    func birthRecordRates() {
        let from2010 = CalendarDate(year: 2010, month: 1, day: 1)!
        var recent = (linked: 0, total: 0)
        var older = (linked: 0, total: 0)
        for person in population.people where person.motherIIN != nil || person.fatherIIN != nil {
            let linked = population.individuals.birthRecords(involving: person.iin).contains { $0.childIIN == person.iin }
            if person.birthDate >= from2010 {
                recent.total += 1
                if linked { recent.linked += 1 }
            } else {
                older.total += 1
                if linked { older.linked += 1 }
            }
        }
        #expect(recent.total > 1000 && older.total > 500)
        expectNear(Double(recent.linked) / Double(recent.total), configuration.birthRecords.from2010, tolerance: 0.02, "from 2010")
        expectNear(Double(older.linked) / Double(older.total), configuration.birthRecords.before2010, tolerance: 0.03, "before 2010")
    }

    @Test("school enrolment covers children 6–17 at the configured rate, grade = age − 6")
    func schoolEnrolment() {
        let today = configuration.referenceDate
        let children = population.people.filter { !$0.isDeceased && (6...17).contains($0.age(on: today)) }
        let enrolled = children.filter { $0.school != nil }
        expectNear(Double(enrolled.count) / Double(children.count), configuration.life.schoolEnrolmentRate, tolerance: 0.01, "enrolment")
        for child in enrolled { #expect(child.school?.grade == child.age(on: today) - 6) }
    }

    @Test("names carry Kazakh letters, female surname forms and both patronymic patterns")
    func names() {
        let kazakhLetters: Set<Character> = ["Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І"]
        let kazakh = population.people.filter { $0.ethnicity == .kazakh }
        let withKazakhLetters = kazakh.filter { ($0.surname + $0.firstName + ($0.patronymic ?? "")).contains(where: kazakhLetters.contains) }
        #expect(Double(withKazakhLetters.count) / Double(kazakh.count) > 0.2)
        let patronymics = kazakh.compactMap(\.patronymic)
        #expect(patronymics.contains { $0.hasSuffix("ҰЛЫ") })
        #expect(patronymics.contains { $0.hasSuffix("ҚЫЗЫ") })
        #expect(patronymics.contains { $0.hasSuffix("ОВИЧ") })
        #expect(patronymics.contains { $0.hasSuffix("ОВНА") })
        #expect(kazakh.contains { $0.patronymic == nil })
        for person in population.people where person.gender == .female && person.surname.hasSuffix("ОВ") {
            Issue.record("female surname in male form")
        }
        for person in population.people {
            #expect(person.surname == person.surname.uppercased() && person.firstName == person.firstName.uppercased())
            #expect(person.engSurname.allSatisfy { $0.isASCII })
        }
        #expect(population.people.contains { $0.engSurname.contains("KH") || $0.engFirstName.contains("KH") })
    }

    @Test("deaths, disabilities, chronic conditions, clearances and providers are all present")
    func lifeAndProviders() {
        #expect(population.people.contains { $0.isDeceased })
        let patients = population.health.patients
        #expect(patients.contains { !$0.disabilities.isEmpty })
        #expect(patients.contains { $0.disabilities.contains { $0.category == .childUnder7 } })
        #expect(patients.contains { !$0.dispensary.isEmpty })
        #expect(patients.contains { !$0.clearances.isEmpty })
        #expect(!population.education.educators.isEmpty)
        let statuses = Set(population.business.entrepreneurs.map(\.status))
        #expect(statuses.contains(.active) && statuses.contains(.suspended) && statuses.contains(.terminated))
        #expect(population.business.legalEntities.contains { $0.status == .liquidated })
        for person in population.people { if let phone = person.phone { #expect(phone.hasPrefix("+77") && phone.count == 12) } }
    }
}
