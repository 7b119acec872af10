import Identifiers

/// Builds each registry's view of the true population, with the registry's own injected defects.
///
/// Each registry uses its own random stream, so the four views can be built concurrently and adding a
/// feature to one never changes another. Cross-registry decisions (a school child missing from health must
/// not also be missing from НОБД) use stateless per-person draws both sides agree on.
struct RegistryBuilder: Sendable {
    let configuration: PopulationConfiguration
    let people: [Person]
    let organisations: Organisations

    /// Whether the health registry misses person `index` (shared by the health and education builders).
    func missingFromHealth(_ index: Int) -> Bool {
        PopulationRandom.unit(seed: configuration.seed, stream: .healthMissing, index: index) < configuration.defects.health.missingRecord
    }

    // MARK: - ГБД ФЛ

    func individuals() -> (IndividualsRegistry, [Defect]) {
        var random = PopulationRandom(seed: configuration.seed, stream: .individuals)
        var injector = DefectInjector(registry: .individuals, configuration: configuration)
        let today = configuration.referenceDate
        let from2010 = CalendarDate(year: 2010, month: 1, day: 1)!
        var records: [IndividualRecord] = []
        records.reserveCapacity(people.count)
        var births: [BirthRecord] = []
        for person in people {
            if random.chance(configuration.defects.individuals.missingRecord) {
                injector.missing(person, kind: .missingRecord)
            } else {
                let view = injector.view(of: person, using: &random)
                records.append(IndividualRecord(
                    person: view, engSurname: person.engSurname, engFirstName: person.engFirstName, nationality: person.ethnicity,
                    citizenshipCode: "398", lifeStatus: person.isDeceased ? .deceased : .normal, deathDate: person.deathDate, address: person.address))
            }
            guard person.motherIIN != nil || person.fatherIIN != nil else { continue }
            let rate = person.birthDate >= from2010 ? configuration.birthRecords.from2010 : configuration.birthRecords.before2010
            guard random.chance(rate) else { continue }
            var fatherBasis: FatherBasis?
            var father = person.fatherIIN
            if father != nil {
                fatherBasis = random.chance(0.9) ? .marriage : .paternityEstablished
            } else if person.patronymic != nil {
                fatherBasis = .motherStatement
                father = nil
            }
            let actDate = min(person.birthDate.adding(days: random.int(in: 1...30)), today)
            let number = String(births.count + 1)
            births.append(BirthRecord(
                actNumber: String(repeating: "0", count: max(0, 7 - number.count)) + number, actDate: actDate,
                registrationKATO: person.address.katoCode, childIIN: person.iin, motherIIN: person.motherIIN, fatherIIN: father,
                fatherBasis: fatherBasis))
        }
        return (IndividualsRegistry(persons: records, birthRecords: births), injector.defects)
    }

    // MARK: - НОБД

    func education() -> (EducationRegistry, [Defect]) {
        var random = PopulationRandom(seed: configuration.seed, stream: .education)
        var injector = DefectInjector(registry: .education, configuration: configuration)
        let academicYear = configuration.referenceDate.month >= 9
            ? "\(configuration.referenceDate.year)-\(configuration.referenceDate.year + 1)"
            : "\(configuration.referenceDate.year - 1)-\(configuration.referenceDate.year)"
        var students: [StudentRecord] = []
        for (index, person) in people.enumerated() {
            if let placement = person.school {
                if !missingFromHealth(index) && random.chance(configuration.defects.education.missingRecord) {
                    injector.missing(person, kind: .childInHealthNotInEducation)
                    continue
                }
                students.append(student(injector.view(of: person, using: &random), placement, academicYear))
            } else if let stale = organisations.stalePlacements[index], random.chance(configuration.defects.deadSoulRate) {
                injector.stale(person)
                students.append(student(person.registryView, stale, academicYear))
            }
        }
        var educators: [EducatorRecord] = []
        for facts in organisations.educators {
            let person = people[facts.person]
            if random.chance(configuration.defects.education.missingRecord) {
                injector.missing(person, kind: .missingRecord)
                continue
            }
            educators.append(EducatorRecord(
                person: injector.view(of: person, using: &random), employer: facts.employer, position: facts.position, diplomas: facts.diplomas,
                category: facts.category, categoryAssignedOn: facts.categoryAssignedOn, categoryValidUntil: facts.categoryValidUntil,
                experienceYears: facts.experienceYears))
        }
        return (EducationRegistry(schools: organisations.schools, students: students, educators: educators), injector.defects)
    }

    private func student(_ view: RegistryPerson, _ placement: SchoolPlacement, _ academicYear: String) -> StudentRecord {
        StudentRecord(person: view, schoolBIN: placement.schoolBIN, academicYear: academicYear, grade: placement.grade,
                      classLetter: placement.classLetter, language: placement.language, enrolledOn: placement.enrolledOn, status: .studying)
    }

    // MARK: - Health

    func health() -> (HealthRegistry, [Defect]) {
        var random = PopulationRandom(seed: configuration.seed, stream: .health)
        var injector = DefectInjector(registry: .health, configuration: configuration)
        let today = configuration.referenceDate
        let life = configuration.life
        let regionIndex = Dictionary(uniqueKeysWithValues: Region.all.enumerated().map { ($1.kato, $0) })
        var patients: [PatientRecord] = []
        patients.reserveCapacity(people.count)
        var clearanceNumber = 0
        for (index, person) in people.enumerated() {
            if missingFromHealth(index) {
                injector.missing(person, kind: person.school != nil ? .childInEducationNotInHealth : .missingRecord)
                continue
            }
            let view = injector.view(of: person, using: &random)
            let age = person.age(on: today)
            let clinics = organisations.polyclinicsByRegion[regionIndex[person.address.regionKATO] ?? 0]
            let clinic = random.pick(clinics)
            let attachedFrom = max(person.birthDate, CalendarDate.random(from: CalendarDate(year: 2015, month: 1, day: 1)!, to: today, using: &random))
            let attachment = Attachment(organizationBIN: clinic, territorialSite: random.int(in: 1...40), attachedFrom: attachedFrom,
                                        attachedTo: person.deathDate)
            var disabilities: [Disability] = []
            if random.chance(life.disabilityRate) {
                let from = CalendarDate.random(from: max(person.birthDate, today.adding(years: -6)), to: person.deathDate ?? today, using: &random)
                let ageAtDecision = person.birthDate.years(until: from)
                let category: DisabilityCategory =
                    ageAtDecision < 7 ? .childUnder7 : [.group1, .group2, .group3][random.weighted([0.15, 0.45, 0.4])]
                let cause = ageAtDecision < 18 ? "с детства" : ["общее заболевание", "с детства", "трудовое увечье"][random.weighted([0.7, 0.2, 0.1])]
                let indefinite = ageAtDecision >= 18 && category != .group3 && random.chance(0.3)
                disabilities.append(Disability(category: category, cause: cause, from: from,
                                               until: indefinite ? nil : from.adding(years: random.int(in: 1...2)).adding(days: -1),
                                               icd10: random.pick(HealthTables.disabling)))
            }
            var dispensary: [DispensaryRegistration] = []
            if random.chance(life.chronicConditionRate) {
                for _ in 0..<(random.chance(0.8) ? 1 : 2) {
                    let condition = random.pick(HealthTables.chronic)
                    let taken = CalendarDate.random(from: max(person.birthDate, today.adding(years: -10)), to: person.deathDate ?? today, using: &random)
                    let removed = random.chance(0.1) ? CalendarDate.random(from: taken, to: today, using: &random) : person.deathDate
                    dispensary.append(DispensaryRegistration(icd10: condition.code, diagnosisRu: condition.nameRu, takenOn: taken, removedOn: removed))
                }
            }
            var clearances: [SportsClearance] = []
            if person.deathDate == nil, (6...18).contains(age), random.chance(life.sportsClearanceRate) {
                clearanceNumber += 1
                let issued = CalendarDate.random(from: today.adding(years: -1), to: today, using: &random)
                let severe = disabilities.contains { $0.category == .group1 || $0.category == .group2 }
                let group: HealthGroup = !dispensary.isEmpty || severe ? .special : [.basic, .preparatory][random.weighted([0.85, 0.15])]
                let digits = String(clearanceNumber)
                clearances.append(SportsClearance(
                    clearanceID: "SC-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits, issuedOn: issued,
                    validUntil: issued.adding(years: 1).adding(days: -1), issuerBIN: clinic, admitted: severe ? random.chance(0.3) : random.chance(0.96),
                    healthGroup: group))
            }
            patients.append(PatientRecord(person: view, attachment: attachment, disabilities: disabilities, dispensary: dispensary, clearances: clearances))
        }
        return (HealthRegistry(patients: patients), injector.defects)
    }

    // MARK: - ГБД ЮЛ

    func business() -> (BusinessRegistry, [Defect]) {
        var random = PopulationRandom(seed: configuration.seed, stream: .business)
        var injector = DefectInjector(registry: .business, configuration: configuration)
        var entrepreneurs: [EntrepreneurRecord] = []
        for facts in organisations.entrepreneurs {
            let person = people[facts.person]
            if random.chance(configuration.defects.business.missingRecord) {
                injector.missing(person, kind: .missingRecord)
                continue
            }
            entrepreneurs.append(EntrepreneurRecord(
                holder: injector.view(of: person, using: &random), tradeName: facts.tradeName, registeredOn: facts.registeredOn,
                status: facts.status, statusChangedOn: facts.statusChangedOn, activity: facts.activity, katoCode: person.address.katoCode))
        }
        return (BusinessRegistry(legalEntities: organisations.legalEntities, entrepreneurs: entrepreneurs), injector.defects)
    }
}
