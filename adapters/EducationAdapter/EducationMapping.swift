import Identifiers
import SyncChannelClient
import Verification
import XMLSupport

/// Pure mapping from НОБД answer `data` to domain records (see README for the field table).
enum EducationMapping {
    /// `data/student`, one element per enrolment НОБД holds. The answer's current enrolment is the first one with
    /// status `STUDYING` (else the first); the other `STUDYING` ones at a different school become `concurrentSchools`.
    static func enrolment(from data: XMLElement) throws(WireMappingError) -> StudentEnrolment {
        let elements = data.children(namespace: nil, localName: "student")
        guard !elements.isEmpty else { throw WireMappingError(field: "data/student") }
        var enrolments: [StudentEnrolment] = []
        for element in elements { enrolments.append(try enrolment(student: element)) }
        var current = enrolments.first { $0.status == .studying } ?? enrolments[0]
        for other in enrolments where other.status == .studying && other.school.bin != current.school.bin {
            if !current.concurrentSchools.contains(where: { $0.bin == other.school.bin }) { current.concurrentSchools.append(other.school) }
        }
        return current
    }

    /// One `student` element.
    private static func enrolment(student: XMLElement) throws(WireMappingError) -> StudentEnrolment {
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
