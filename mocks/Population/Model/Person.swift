public import Identifiers

/// A synthetic person as they really are — the ground truth every registry view is compared with.
///
/// Names are what the person's identity documents say (upper-case Cyrillic, Kazakh letters where the
/// documents use them); registries may hold them differently (see `Defect`). Parent links are the true
/// biological/legal parents, whether or not a birth record exists for them.
public struct Person: Sendable, Hashable {
    /// The person's IIN; valid per `IIN(_:)`, unique in the population.
    public let iin: IIN
    /// Surname, upper-case Cyrillic.
    public let surname: String
    /// First name, upper-case Cyrillic.
    public let firstName: String
    /// Patronymic, upper-case Cyrillic; `nil` when the person has none.
    public let patronymic: String?
    /// Surname in the identity document's Latin spelling.
    public let engSurname: String
    /// First name in the identity document's Latin spelling.
    public let engFirstName: String
    /// True date of birth (the registry's value; the IIN's digits may deviate, see `iinDeviates`).
    public let birthDate: CalendarDate
    /// True sex.
    public let gender: Gender
    /// Ethnic group (nationality in ГБД ФЛ terms).
    public let ethnicity: Ethnicity
    /// Index of the household the person lives in (0-based, in generation order).
    public let householdID: Int
    /// Registered address (shared by the household).
    public let address: Address
    /// Mobile phone in E.164 form (`+77011234567`), `nil` when the person has none (most young children).
    public let phone: String?
    /// Date of death, `nil` while alive.
    public let deathDate: CalendarDate?
    /// The true mother, when she is part of the population.
    public let motherIIN: IIN?
    /// The true father, when he is part of the population.
    public let fatherIIN: IIN?
    /// Whether the IIN's date/sex digits deliberately disagree with `birthDate`/`gender` (allowed since 2013).
    public let iinDeviates: Bool
    /// Where the child really goes to school; `nil` for everyone not at school.
    public let school: SchoolPlacement?

    /// Creates a person from every field.
    public init(
        iin: IIN, surname: String, firstName: String, patronymic: String?, engSurname: String, engFirstName: String,
        birthDate: CalendarDate, gender: Gender, ethnicity: Ethnicity, householdID: Int, address: Address, phone: String?,
        deathDate: CalendarDate?, motherIIN: IIN?, fatherIIN: IIN?, iinDeviates: Bool, school: SchoolPlacement?
    ) {
        self.iin = iin
        self.surname = surname
        self.firstName = firstName
        self.patronymic = patronymic
        self.engSurname = engSurname
        self.engFirstName = engFirstName
        self.birthDate = birthDate
        self.gender = gender
        self.ethnicity = ethnicity
        self.householdID = householdID
        self.address = address
        self.phone = phone
        self.deathDate = deathDate
        self.motherIIN = motherIIN
        self.fatherIIN = fatherIIN
        self.iinDeviates = iinDeviates
        self.school = school
    }

    /// Whether the person has died.
    public var isDeceased: Bool { deathDate != nil }

    /// Age in whole years on `date`.
    public func age(on date: CalendarDate) -> Int { birthDate.years(until: date) }

    /// The person's name fields as a registry record holds them when nothing went wrong.
    public var registryView: RegistryPerson {
        RegistryPerson(iin: iin, surname: surname, firstName: firstName, patronymic: patronymic, birthDate: birthDate, gender: gender)
    }
}
