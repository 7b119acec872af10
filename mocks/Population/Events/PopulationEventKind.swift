/// What happened after the reference date (the population's later events overlay).
public enum PopulationEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The child died: ГБД ФЛ records the death; НОБД and health keep their records (a dead soul).
    case childDeath = "CHILD_DEATH"
    /// The child's household moved to another region (new registered address in ГБД ФЛ).
    case move = "MOVE"
    /// The child was expelled from school (НОБД status `EXPELLED`).
    case expulsion = "EXPULSION"
    /// A voucher provider was liquidated (legal entity `LIQUIDATED`, entrepreneur `TERMINATED`).
    case liquidation = "LIQUIDATION"
    /// One coach is listed by several providers (the providers' declarations, not a registry).
    case sharedCoach = "SHARED_COACH"
    /// A pupil also appears on a second school's roll as studying (НОБД lists two current enrolments).
    case doubleEnrolment = "DOUBLE_ENROLMENT"
    /// A birth act's father was replaced by an IIN no person has (a fictitious parent in ЗАГС data).
    case fictitiousParent = "FICTITIOUS_PARENT"
}
