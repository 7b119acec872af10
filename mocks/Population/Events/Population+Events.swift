public import Identifiers

extension Population {
    /// The registries' view after `events`: ГБД ФЛ records deaths, moved addresses and fictitious fathers, НОБД the
    /// expulsions and double enrolments (a second `STUDYING` record at another school), ГБД ЮЛ the liquidations;
    /// health is unchanged (it records no deaths). The truth (`people`), declarations and defects stay as generated. Shared coaches change no registry (they are providers' data).
    public func applying(_ events: PopulationEvents) -> Population {
        var deaths: [IIN: CalendarDate] = [:]
        var movedHouseholds: [Int: (kato: String, date: CalendarDate)] = [:]
        var expelled = Set<IIN>()
        var fictitious: [IIN: IIN] = [:]
        var secondSchools: [IIN: (bin: BIN, date: CalendarDate)] = [:]
        var liquidated = Set<String>()
        var liquidatedOn: [String: CalendarDate] = [:]
        for event in events.events {
            switch event.kind {
            case .childDeath: if let child = event.childIIN { deaths[child] = event.date }
            case .move:
                if let child = event.childIIN, let kato = event.newRegionKATO, let household = person(child)?.householdID {
                    movedHouseholds[household] = (kato, event.date)
                }
            case .expulsion: if let child = event.childIIN { expelled.insert(child) }
            case .fictitiousParent: if let child = event.childIIN, let iin = event.fictitiousIIN { fictitious[child] = iin }
            case .liquidation:
                for provider in event.providers {
                    liquidated.insert(provider)
                    liquidatedOn[provider] = event.date
                }
            case .doubleEnrolment:
                if let child = event.childIIN, let school = event.secondSchoolBIN { secondSchools[child] = (school, event.date) }
            case .sharedCoach: break
            }
        }

        let persons = individuals.persons.map { record -> IndividualRecord in
            let iin = record.person.iin
            var lifeStatus = record.lifeStatus
            var deathDate = record.deathDate
            var address = record.address
            if let died = deaths[iin] {
                lifeStatus = .deceased
                deathDate = died
            }
            if let household = person(iin)?.householdID, let move = movedHouseholds[household], let region = Region.byKATO(move.kato) {
                address = Address(
                    regionKATO: region.kato, katoCode: region.centreKATO, locality: "г. " + region.centreRu, street: address.street,
                    building: address.building, flat: address.flat)
            }
            return IndividualRecord(
                person: record.person, engSurname: record.engSurname, engFirstName: record.engFirstName, nationality: record.nationality,
                citizenshipCode: record.citizenshipCode, lifeStatus: lifeStatus, deathDate: deathDate, address: address)
        }
        let births = individuals.birthRecords.map { act -> BirthRecord in
            guard let father = fictitious[act.childIIN] else { return act }
            return BirthRecord(
                actNumber: act.actNumber, actDate: act.actDate, registrationKATO: act.registrationKATO, childIIN: act.childIIN,
                motherIIN: act.motherIIN, fatherIIN: father, fatherBasis: act.fatherBasis)
        }
        let students = education.students.flatMap { record -> [StudentRecord] in
            let iin = record.person.iin
            if expelled.contains(iin) {
                return [StudentRecord(
                    person: record.person, schoolBIN: record.schoolBIN, academicYear: record.academicYear, grade: record.grade,
                    classLetter: record.classLetter, language: record.language, enrolledOn: record.enrolledOn, status: .expelled)]
            }
            guard let second = secondSchools.removeValue(forKey: iin) else { return [record] }
            return [record, StudentRecord(
                person: record.person, schoolBIN: second.bin, academicYear: record.academicYear, grade: record.grade,
                classLetter: record.classLetter, language: record.language, enrolledOn: second.date, status: .studying)]
        }
        let entities = business.legalEntities.map { entity -> LegalEntityRecord in
            guard liquidated.contains(entity.bin.text) else { return entity }
            return LegalEntityRecord(
                bin: entity.bin, nameRu: entity.nameRu, nameKz: entity.nameKz, legalForm: entity.legalForm, registeredOn: entity.registeredOn,
                status: .liquidated, statusChangedOn: liquidatedOn[entity.bin.text], activity: entity.activity, katoCode: entity.katoCode,
                address: entity.address, headIIN: entity.headIIN, headFullName: entity.headFullName)
        }
        let entrepreneurs = business.entrepreneurs.map { record -> EntrepreneurRecord in
            guard liquidated.contains(record.holder.iin.unmasked) else { return record }
            return EntrepreneurRecord(
                holder: record.holder, tradeName: record.tradeName, registeredOn: record.registeredOn, status: .terminated,
                statusChangedOn: liquidatedOn[record.holder.iin.unmasked], activity: record.activity, katoCode: record.katoCode)
        }
        return Population(
            configuration: configuration, people: people,
            individuals: IndividualsRegistry(persons: persons, birthRecords: births),
            education: EducationRegistry(schools: education.schools, students: students, educators: education.educators),
            health: health, business: BusinessRegistry(legalEntities: entities, entrepreneurs: entrepreneurs),
            declarations: declarations, declarationTruth: declarationTruth, defects: defects)
    }
}
