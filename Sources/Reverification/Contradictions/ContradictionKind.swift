/// A disagreement between registries about one person — reported per region and per provider.
public enum ContradictionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// ГБД ФЛ records the child as deceased while НОБД still has them studying or health has a current attachment.
    case deceasedButActiveElsewhere = "DECEASED_BUT_ACTIVE_ELSEWHERE"
    /// A school-age child the health registry knows but НОБД does not.
    case inHealthNotInEducation = "IN_HEALTH_NOT_IN_EDUCATION"
    /// A school-age child НОБД knows but the health registry does not.
    case inEducationNotInHealth = "IN_EDUCATION_NOT_IN_HEALTH"
    /// НОБД lists the pupil as currently studying at two or more schools.
    case enrolledInTwoSchools = "ENROLLED_IN_TWO_SCHOOLS"
    /// The child's birth act names a parent whose IIN ГБД ФЛ does not know.
    case birthRecordParentUnknown = "BIRTH_RECORD_PARENT_UNKNOWN"
}
