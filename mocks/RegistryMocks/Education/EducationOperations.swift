import Identifiers
import Population
import XMLSupport

/// НОБД operations: pupil enrolments by IIN (one `student` element each), educator (diplomas, qualification category) by IIN.
///
/// Request payload: any element named `iin`, or the IIN as the escaped string.
enum EducationOperations {
    static func operations(population: Population, serviceIds: ServiceIdentifiers) -> [String: SyncChannelService.Operation] {
        let registry = population.education
        let business = population.business
        return [
            serviceIds.student: { call in
                guard let iin = call.identifier(named: "iin").flatMap({ try? IIN($0) }) else {
                    return RegistryAnswer(party: .education, result: .invalidIdentifier)
                }
                let records = registry.students(iin)
                guard !records.isEmpty else { return RegistryAnswer(party: .education, result: .notFound) }
                return RegistryAnswer(party: .education, result: .success) { writer in
                    for record in records { writer.student(record, school: registry.school(record.schoolBIN)) }
                }
            },
            serviceIds.educator: { call in
                guard let iin = call.identifier(named: "iin").flatMap({ try? IIN($0) }) else {
                    return RegistryAnswer(party: .education, result: .invalidIdentifier)
                }
                guard let record = registry.educator(iin) else { return RegistryAnswer(party: .education, result: .notFound) }
                let employerName: String? =
                    switch record.employer {
                    case .bin(let bin): business.legalEntity(bin)?.nameRu
                    case .iin(let holder): business.entrepreneur(holder)?.tradeName
                    }
                return RegistryAnswer(party: .education, result: .success) { writer in
                    writer.educator(record, employerName: employerName)
                }
            },
        ]
    }
}

extension XMLWriter {
    /// `<student>` (mock shape, `registries.md` §4).
    mutating func student(_ record: StudentRecord, school: School?) {
        startElement("student")
        registryPersonFields(record.person)
        startElement("school")
        element("bin", text: record.schoolBIN.text)
        if let school {
            element("nameRu", text: school.nameRu)
            element("nameKz", text: school.nameKz)
            element("katoCode", text: school.katoCode)
        }
        element("type", text: "GENERAL_SECONDARY")
        endElement()
        element("academicYear", text: record.academicYear)
        element("grade", text: String(record.grade))
        element("classLetter", text: record.classLetter)
        element("languageOfInstruction", text: record.language.rawValue)
        element("enrolledOn", text: record.enrolledOn.description)
        element("status", text: record.status.rawValue)
        endElement()
    }

    /// `<educator>` (mock shape, `registries.md` §4).
    mutating func educator(_ record: EducatorRecord, employerName: String?) {
        startElement("educator")
        registryPersonFields(record.person)
        startElement("employer")
        switch record.employer {
        case .bin(let bin): element("bin", text: bin.text)
        case .iin(let iin): element("iin", text: iin.unmasked)
        }
        optionalElement("name", text: employerName)
        endElement()
        dictionary("position", code: record.position.rawValue, nameRu: record.position.nameRu)
        startElement("education")
        for diploma in record.diplomas {
            startElement("diploma")
            element("level", text: diploma.level.rawValue)
            element("institution", text: diploma.institution)
            element("specialty", text: diploma.specialty)
            element("specialtyCode", text: diploma.specialtyCode)
            element("diplomaSeries", text: diploma.series)
            element("diplomaNumber", text: diploma.number)
            element("graduationYear", text: String(diploma.graduationYear))
            endElement()
        }
        endElement()
        startElement("qualificationCategory")
        dictionaryItem(code: record.category.rawValue, nameRu: record.category.nameRu, nameKz: record.category.nameKz)
        optionalElement("assignedOn", text: record.categoryAssignedOn?.description)
        optionalElement("validUntil", text: record.categoryValidUntil?.description)
        endElement()
        element("experienceYears", text: String(record.experienceYears))
        endElement()
    }
}
