import Identifiers
import SyncChannelClient
import Verification
import XMLSupport

/// Pure mapping from НОБД answer `data` to domain records (see README for the field table).
enum EducationMapping {
    /// `data/student`.
    static func enrolment(from data: XMLElement) throws(WireMappingError) -> StudentEnrolment {
        guard let student = data.wireChild("student") else { throw WireMappingError(field: "data/student") }
        let path = "student"
        guard let school = student.wireChild("school") else { throw WireMappingError(field: "student/school") }
        return StudentEnrolment(
            pupil: try student.wirePersonReference(path: path),
            school: Institution(
                bin: try school.wireBIN(path: "student/school"), nameRu: school.wireText("nameRu"), nameKz: school.wireText("nameKz"),
                katoCode: school.wireText("katoCode"), type: school.wireText("type")),
            academicYear: student.wireText("academicYear"), grade: try student.wireInt("grade", path: path),
            classLetter: student.wireText("classLetter"), languageOfInstruction: student.wireText("languageOfInstruction"),
            enrolledOn: try student.wireDate("enrolledOn", path: path), leftOn: try student.wireDate("leftOn", path: path),
            status: EnrolmentStatus(rawValue: try student.requiredWireText("status", path: path)))
    }

    /// `data/educator`.
    static func qualification(from data: XMLElement) throws(WireMappingError) -> EducatorQualification {
        guard let educator = data.wireChild("educator") else { throw WireMappingError(field: "data/educator") }
        let path = "educator"
        var employer: Employer?
        if let element = educator.wireChild("employer") {
            employer = Employer(
                bin: try element.wireBIN(path: "educator/employer"), iin: try element.wireIIN(path: "educator/employer"), name: element.wireText("name"))
        }
        var diplomas: [Diploma] = []
        for diploma in educator.wireChild("education")?.children(namespace: nil, localName: "diploma") ?? [] {
            diplomas.append(
                Diploma(
                    level: diploma.wireText("level"), institution: diploma.wireText("institution"), specialty: diploma.wireText("specialty"),
                    specialtyCode: diploma.wireText("specialtyCode"), series: diploma.wireText("diplomaSeries"),
                    number: diploma.wireText("diplomaNumber"), graduationYear: try diploma.wireInt("graduationYear", path: "educator/diploma")))
        }
        var category: QualificationCategory?
        if let element = educator.wireChild("qualificationCategory"), let code = element.wireText("code") {
            category = QualificationCategory(
                value: CodedValue(code: code, nameRu: element.wireText("nameRu"), nameKz: element.wireText("nameKz")),
                assignedOn: try element.wireDate("assignedOn", path: "educator/qualificationCategory"),
                validUntil: try element.wireDate("validUntil", path: "educator/qualificationCategory"))
        }
        return EducatorQualification(
            educator: try educator.wirePersonReference(path: path), employer: employer, position: educator.wireCodedValue("position"),
            diplomas: diplomas, category: category, experienceYears: try educator.wireInt("experienceYears", path: path))
    }
}
