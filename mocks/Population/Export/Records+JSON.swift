import Identifiers

// MARK: - Shared parts

extension JSONWriter {
    mutating func person(_ person: RegistryPerson) {
        field("iin", person.iin.unmasked)
        field("surname", person.surname)
        field("firstName", person.firstName)
        field("patronymic", person.patronymic)
        field("birthDate", person.birthDate.description)
        field("gender", person.gender.rawValue)
    }

    mutating func address(_ key: String, _ address: Address) {
        openObject(key)
        field("regionKATO", address.regionKATO)
        field("katoCode", address.katoCode)
        field("locality", address.locality)
        field("street", address.street)
        field("building", address.building)
        field("flat", address.flat)
        close()
    }
}

extension RecordReader {
    func registryPerson() throws(Failure) -> RegistryPerson {
        RegistryPerson(iin: try iin("iin"), surname: try string("surname"), firstName: try string("firstName"),
                       patronymic: optionalString("patronymic"), birthDate: try date("birthDate"), gender: try code("gender"))
    }

    func address(_ key: String) throws(Failure) -> Address {
        let object = nested(key)
        return Address(regionKATO: try object.string("regionKATO"), katoCode: try object.string("katoCode"), locality: try object.string("locality"),
                       street: try object.string("street"), building: try object.int("building"), flat: object.optionalInt("flat"))
    }
}

// MARK: - Truth

extension Person {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.field("iin", iin.unmasked)
        writer.field("surname", surname)
        writer.field("firstName", firstName)
        writer.field("patronymic", patronymic)
        writer.field("engSurname", engSurname)
        writer.field("engFirstName", engFirstName)
        writer.field("birthDate", birthDate.description)
        writer.field("gender", gender.rawValue)
        writer.field("ethnicity", ethnicity.rawValue)
        writer.field("householdID", householdID)
        writer.address("address", address)
        writer.field("phone", phone)
        writer.field("deathDate", deathDate?.description)
        writer.field("motherIIN", motherIIN?.unmasked)
        writer.field("fatherIIN", fatherIIN?.unmasked)
        writer.field("iinDeviates", iinDeviates)
        if let school {
            writer.openObject("school")
            writer.field("schoolBIN", school.schoolBIN.text)
            writer.field("grade", school.grade)
            writer.field("classLetter", school.classLetter)
            writer.field("language", school.language.rawValue)
            writer.field("enrolledOn", school.enrolledOn.description)
            writer.close()
        } else {
            writer.field("school", nil as String?)
        }
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        var school: SchoolPlacement?
        if !r.isNull("school") {
            let s = r.nested("school")
            school = SchoolPlacement(schoolBIN: try s.bin("schoolBIN"), grade: try s.int("grade"), classLetter: try s.string("classLetter"),
                                     language: try s.code("language"), enrolledOn: try s.date("enrolledOn"))
        }
        self.init(
            iin: try r.iin("iin"), surname: try r.string("surname"), firstName: try r.string("firstName"), patronymic: r.optionalString("patronymic"),
            engSurname: try r.string("engSurname"), engFirstName: try r.string("engFirstName"), birthDate: try r.date("birthDate"),
            gender: try r.code("gender"), ethnicity: try r.code("ethnicity"), householdID: try r.int("householdID"), address: try r.address("address"),
            phone: r.optionalString("phone"), deathDate: r.optionalDate("deathDate"), motherIIN: r.optionalIIN("motherIIN"),
            fatherIIN: r.optionalIIN("fatherIIN"), iinDeviates: try r.bool("iinDeviates"), school: school)
    }
}

// MARK: - ГБД ФЛ

extension IndividualRecord {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.person(person)
        writer.field("engSurname", engSurname)
        writer.field("engFirstName", engFirstName)
        writer.field("nationality", nationality.rawValue)
        writer.field("nationalityCode", nationality.nationalityCode)
        writer.field("citizenshipCode", citizenshipCode)
        writer.field("lifeStatus", lifeStatus.rawValue)
        writer.field("deathDate", deathDate?.description)
        writer.address("regAddress", address)
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        self.init(person: try r.registryPerson(), engSurname: try r.string("engSurname"), engFirstName: try r.string("engFirstName"),
                  nationality: try r.code("nationality"), citizenshipCode: try r.string("citizenshipCode"), lifeStatus: try r.code("lifeStatus"),
                  deathDate: r.optionalDate("deathDate"), address: try r.address("regAddress"))
    }
}

extension BirthRecord {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.field("actNumber", actNumber)
        writer.field("actDate", actDate.description)
        writer.field("registrationKATO", registrationKATO)
        writer.field("childIIN", childIIN.unmasked)
        writer.field("motherIIN", motherIIN?.unmasked)
        writer.field("fatherIIN", fatherIIN?.unmasked)
        writer.field("fatherBasis", fatherBasis?.rawValue)
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        self.init(actNumber: try r.string("actNumber"), actDate: try r.date("actDate"), registrationKATO: try r.string("registrationKATO"),
                  childIIN: try r.iin("childIIN"), motherIIN: r.optionalIIN("motherIIN"), fatherIIN: r.optionalIIN("fatherIIN"),
                  fatherBasis: r.optionalCode("fatherBasis"))
    }
}

// MARK: - НОБД

extension School {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.field("bin", bin.text)
        writer.field("nameRu", nameRu)
        writer.field("nameKz", nameKz)
        writer.field("katoCode", katoCode)
        writer.field("language", language.rawValue)
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        self.init(bin: try r.bin("bin"), nameRu: try r.string("nameRu"), nameKz: try r.string("nameKz"), katoCode: try r.string("katoCode"),
                  language: try r.code("language"))
    }
}

extension StudentRecord {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.person(person)
        writer.field("schoolBIN", schoolBIN.text)
        writer.field("academicYear", academicYear)
        writer.field("grade", grade)
        writer.field("classLetter", classLetter)
        writer.field("language", language.rawValue)
        writer.field("enrolledOn", enrolledOn.description)
        writer.field("status", status.rawValue)
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        self.init(person: try r.registryPerson(), schoolBIN: try r.bin("schoolBIN"), academicYear: try r.string("academicYear"),
                  grade: try r.int("grade"), classLetter: try r.string("classLetter"), language: try r.code("language"),
                  enrolledOn: try r.date("enrolledOn"), status: try r.code("status"))
    }
}

extension EducatorRecord {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.person(person)
        writer.openObject("employer")
        switch employer {
        case .bin(let bin): writer.field("type", "BIN"); writer.field("id", bin.text)
        case .iin(let iin): writer.field("type", "IIN"); writer.field("id", iin.unmasked)
        }
        writer.close()
        writer.field("position", position.rawValue)
        writer.openArray("diplomas")
        for diploma in diplomas {
            writer.open()
            writer.field("level", diploma.level.rawValue)
            writer.field("institution", diploma.institution)
            writer.field("specialty", diploma.specialty)
            writer.field("specialtyCode", diploma.specialtyCode)
            writer.field("series", diploma.series)
            writer.field("number", diploma.number)
            writer.field("graduationYear", diploma.graduationYear)
            writer.close()
        }
        writer.closeArray()
        writer.field("category", category.rawValue)
        writer.field("categoryAssignedOn", categoryAssignedOn?.description)
        writer.field("categoryValidUntil", categoryValidUntil?.description)
        writer.field("experienceYears", experienceYears)
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        let employerObject = r.nested("employer")
        let employer: ProviderID
        if try employerObject.string("type") == "IIN" { employer = .iin(try employerObject.iin("id")) } else { employer = .bin(try employerObject.bin("id")) }
        var diplomas: [Diploma] = []
        for d in r.list("diplomas") {
            diplomas.append(Diploma(level: try d.code("level"), institution: try d.string("institution"), specialty: try d.string("specialty"),
                                    specialtyCode: try d.string("specialtyCode"), series: try d.string("series"), number: try d.string("number"),
                                    graduationYear: try d.int("graduationYear")))
        }
        self.init(person: try r.registryPerson(), employer: employer, position: try r.code("position"), diplomas: diplomas,
                  category: try r.code("category"), categoryAssignedOn: r.optionalDate("categoryAssignedOn"),
                  categoryValidUntil: r.optionalDate("categoryValidUntil"), experienceYears: try r.int("experienceYears"))
    }
}

// MARK: - Health

extension PatientRecord {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.person(person)
        if let attachment {
            writer.openObject("attachment")
            writer.field("organizationBIN", attachment.organizationBIN.text)
            writer.field("territorialSite", attachment.territorialSite)
            writer.field("attachedFrom", attachment.attachedFrom.description)
            writer.field("attachedTo", attachment.attachedTo?.description)
            writer.close()
        } else {
            writer.field("attachment", nil as String?)
        }
        writer.openArray("disabilities")
        for item in disabilities {
            writer.open()
            writer.field("category", item.category.rawValue)
            writer.field("cause", item.cause)
            writer.field("from", item.from.description)
            writer.field("until", item.until?.description)
            writer.field("icd10", item.icd10)
            writer.close()
        }
        writer.closeArray()
        writer.openArray("dispensary")
        for item in dispensary {
            writer.open()
            writer.field("icd10", item.icd10)
            writer.field("diagnosisRu", item.diagnosisRu)
            writer.field("takenOn", item.takenOn.description)
            writer.field("removedOn", item.removedOn?.description)
            writer.close()
        }
        writer.closeArray()
        writer.openArray("clearances")
        for item in clearances {
            writer.open()
            writer.field("clearanceID", item.clearanceID)
            writer.field("issuedOn", item.issuedOn.description)
            writer.field("validUntil", item.validUntil.description)
            writer.field("issuerBIN", item.issuerBIN.text)
            writer.field("admitted", item.admitted)
            writer.field("healthGroup", item.healthGroup.rawValue)
            writer.close()
        }
        writer.closeArray()
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        var attachment: Attachment?
        if !r.isNull("attachment") {
            let a = r.nested("attachment")
            attachment = Attachment(organizationBIN: try a.bin("organizationBIN"), territorialSite: try a.int("territorialSite"),
                                    attachedFrom: try a.date("attachedFrom"), attachedTo: a.optionalDate("attachedTo"))
        }
        var disabilities: [Disability] = []
        for d in r.list("disabilities") {
            disabilities.append(Disability(category: try d.code("category"), cause: try d.string("cause"), from: try d.date("from"),
                                           until: d.optionalDate("until"), icd10: try d.string("icd10")))
        }
        var dispensary: [DispensaryRegistration] = []
        for d in r.list("dispensary") {
            dispensary.append(DispensaryRegistration(icd10: try d.string("icd10"), diagnosisRu: try d.string("diagnosisRu"),
                                                     takenOn: try d.date("takenOn"), removedOn: d.optionalDate("removedOn")))
        }
        var clearances: [SportsClearance] = []
        for c in r.list("clearances") {
            clearances.append(SportsClearance(clearanceID: try c.string("clearanceID"), issuedOn: try c.date("issuedOn"),
                                              validUntil: try c.date("validUntil"), issuerBIN: try c.bin("issuerBIN"), admitted: try c.bool("admitted"),
                                              healthGroup: try c.code("healthGroup")))
        }
        self.init(person: try r.registryPerson(), attachment: attachment, disabilities: disabilities, dispensary: dispensary, clearances: clearances)
    }
}

// MARK: - ГБД ЮЛ

extension LegalEntityRecord {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.field("bin", bin.text)
        writer.field("nameRu", nameRu)
        writer.field("nameKz", nameKz)
        writer.field("legalForm", legalForm.rawValue)
        writer.field("registeredOn", registeredOn.description)
        writer.field("status", status.rawValue)
        writer.field("statusChangedOn", statusChangedOn?.description)
        writer.field("okedCode", activity.okedCode)
        writer.field("okedNameRu", activity.nameRu)
        writer.field("katoCode", katoCode)
        writer.field("address", address)
        writer.field("headIIN", headIIN?.unmasked)
        writer.field("headFullName", headFullName)
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        self.init(bin: try r.bin("bin"), nameRu: try r.string("nameRu"), nameKz: try r.string("nameKz"), legalForm: try r.code("legalForm"),
                  registeredOn: try r.date("registeredOn"), status: try r.code("status"), statusChangedOn: r.optionalDate("statusChangedOn"),
                  activity: try r.code("okedCode"), katoCode: try r.string("katoCode"), address: try r.string("address"),
                  headIIN: r.optionalIIN("headIIN"), headFullName: try r.string("headFullName"))
    }
}

extension EntrepreneurRecord {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.person(holder)
        writer.field("tradeName", tradeName)
        writer.field("registeredOn", registeredOn.description)
        writer.field("status", status.rawValue)
        writer.field("statusChangedOn", statusChangedOn?.description)
        writer.field("okedCode", activity.okedCode)
        writer.field("okedNameRu", activity.nameRu)
        writer.field("katoCode", katoCode)
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        self.init(holder: try r.registryPerson(), tradeName: try r.string("tradeName"), registeredOn: try r.date("registeredOn"),
                  status: try r.code("status"), statusChangedOn: r.optionalDate("statusChangedOn"), activity: try r.code("okedCode"),
                  katoCode: try r.string("katoCode"))
    }
}

// MARK: - Ground truth

extension Defect {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.field("registry", registry.rawValue)
        writer.field("kind", kind.rawValue)
        writer.field("iin", iin.unmasked)
        writer.field("field", field?.rawValue)
        writer.field("truth", truth)
        writer.field("recorded", recorded)
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        self.init(registry: try r.code("registry"), kind: try r.code("kind"), iin: try r.iin("iin"), field: r.optionalCode("field"),
                  truth: r.optionalString("truth"), recorded: r.optionalString("recorded"))
    }
}

extension DeclarationTruth {
    func write(to writer: inout JSONWriter) {
        writer.open()
        writer.field("declarationID", declarationID)
        writer.field("fraud", fraud?.rawValue)
        writer.openArray("noise")
        for kind in noise { writer.element(kind.rawValue) }
        writer.closeArray()
        writer.field("parentIIN", parentIIN.unmasked)
        writer.field("childIIN", childIIN?.unmasked)
        writer.field("childRegionKATO", childRegionKATO)
        writer.close()
    }

    init(reading r: RecordReader) throws(RecordReader.Failure) {
        var noise: [NoiseKind] = []
        for item in r.value["noise"].array {
            guard let text = item.string, let kind = NoiseKind(rawValue: text) else { throw RecordReader.Failure(reason: "field 'noise' has an unknown code") }
            noise.append(kind)
        }
        self.init(declarationID: try r.string("declarationID"), fraud: r.optionalCode("fraud"), noise: noise, parentIIN: try r.iin("parentIIN"),
                  childIIN: r.optionalIIN("childIIN"), childRegionKATO: r.optionalString("childRegionKATO"))
    }
}
