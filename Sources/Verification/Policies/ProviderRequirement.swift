/// One rule a provider must meet to qualify; the id each entry of the per-requirement result list carries.
///
/// Stable strings (clients, reports and the operator console key on them).
public enum ProviderRequirement: String, Sendable, Hashable, Codable, CaseIterable {
    /// The provider is in the business registry and its status is `ACTIVE`.
    case entityActive = "ENTITY_ACTIVE"
    /// The head is who the request says: for a legal entity the registry's head has the declared IIN and the
    /// declared names match the individuals registry; for an entrepreneur the holder is the person (alive, and the
    /// declared names match when given).
    case headIdentity = "HEAD_IDENTITY"
    /// The coach is in the individuals registry and the declared names match (Fellegi–Sunter model).
    case coachIdentity = "COACH_IDENTITY"
    /// The individuals registry does not record the coach as deceased.
    case coachAlive = "COACH_ALIVE"
    /// НОБД lists a diploma with a specialty relevant to the section type (``ProviderSpecialtyCatalogue``).
    case coachDiploma = "COACH_DIPLOMA"
    /// НОБД lists a qualification category that is valid on the check date.
    case coachCategory = "COACH_CATEGORY"
    /// The health registry lists a sports medical clearance valid on the check date (sport sections only).
    case coachHealthClearance = "COACH_HEALTH_CLEARANCE"
    /// The request declares at least one coach.
    case coachesDeclared = "COACHES_DECLARED"
}
