public import Identifiers

/// A pupil's enrolment as НОБД holds it.
///
/// A record may describe a child who has died ("dead soul", status still `.studying`) — compare with the
/// truth to find out.
public struct StudentRecord: Sendable, Hashable {
    /// The pupil as НОБД records them.
    public let person: RegistryPerson
    /// The school's BIN.
    public let schoolBIN: BIN
    /// Academic year, e.g. "2025-2026".
    public let academicYear: String
    /// Grade 0…11 (0 is the pre-school class).
    public let grade: Int
    /// Class letter.
    public let classLetter: String
    /// Language of instruction.
    public let language: InstructionLanguage
    /// Enrolment date at this school.
    public let enrolledOn: CalendarDate
    /// Enrolment status as recorded.
    public let status: EnrolmentStatus

    /// Creates an enrolment record.
    public init(
        person: RegistryPerson, schoolBIN: BIN, academicYear: String, grade: Int, classLetter: String, language: InstructionLanguage,
        enrolledOn: CalendarDate, status: EnrolmentStatus
    ) {
        self.person = person
        self.schoolBIN = schoolBIN
        self.academicYear = academicYear
        self.grade = grade
        self.classLetter = classLetter
        self.language = language
        self.enrolledOn = enrolledOn
        self.status = status
    }
}

/// НОБД enrolment status.
public enum EnrolmentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case studying = "STUDYING"
    case graduated = "GRADUATED"
    case transferred = "TRANSFERRED"
    case expelled = "EXPELLED"
}
