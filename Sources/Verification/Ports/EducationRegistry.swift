public import Identifiers

/// Asks the education database (НОБД) about pupils and educators.
public protocol EducationRegistry: Sendable {
    /// The pupil's current enrolment.
    func enrolment(of iin: IIN, within deadline: Deadline) async -> RegistryResult<StudentEnrolment>
    /// The educator's employment, diplomas and qualification category.
    func qualification(of iin: IIN, within deadline: Deadline) async -> RegistryResult<EducatorQualification>
}
