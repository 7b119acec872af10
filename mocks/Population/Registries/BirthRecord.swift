public import Identifiers

/// A ЗАГС birth act as ГБД ФЛ serves it: the digital parent–child link.
///
/// Most children born from 2010 on have one; most born before do not (paper-era acts were never
/// digitised), at the rates in `PopulationConfiguration.birthRecords`.
public struct BirthRecord: Sendable, Hashable {
    /// Act number, unique in the population, e.g. "0012345".
    public let actNumber: String
    /// Date the act was registered (a few days after the birth).
    public let actDate: CalendarDate
    /// КАТО code of the registering body's settlement.
    public let registrationKATO: String
    /// The child.
    public let childIIN: IIN
    /// The mother, when recorded.
    public let motherIIN: IIN?
    /// The father, when recorded with an IIN (absent when entered on the mother's statement).
    public let fatherIIN: IIN?
    /// How the father entry was made; `nil` when there is no father entry.
    public let fatherBasis: FatherBasis?

    /// Creates a birth act.
    public init(
        actNumber: String, actDate: CalendarDate, registrationKATO: String, childIIN: IIN, motherIIN: IIN?, fatherIIN: IIN?,
        fatherBasis: FatherBasis?
    ) {
        self.actNumber = actNumber
        self.actDate = actDate
        self.registrationKATO = registrationKATO
        self.childIIN = childIIN
        self.motherIIN = motherIIN
        self.fatherIIN = fatherIIN
        self.fatherBasis = fatherBasis
    }
}

/// The legal basis of the father entry in a birth act.
public enum FatherBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// Parents married: the husband is recorded.
    case marriage = "MARRIAGE"
    /// Paternity established by a joint statement or a court.
    case paternityEstablished = "PATERNITY_ESTABLISHED"
    /// Entered on the mother's statement: a name only, no link to a real person.
    case motherStatement = "MOTHER_STATEMENT"
}
