public import Identifiers
public import Matching

/// A person as another record mentions them: a parent in a birth act, a pupil, a company head.
///
/// Names are as the registry holds them (often upper-case Cyrillic); compare them through `Matching`.
public struct PersonReference: Sendable, Hashable, Codable {
    /// The IIN, when the record carries one (a father recorded on the mother's statement has none).
    public var iin: IIN?
    /// Surname.
    public var surname: String?
    /// First name.
    public var firstName: String?
    /// Patronymic; `nil` when none.
    public var patronymic: String?
    /// Birth date, when the record carries it.
    public var birthDate: CalendarDate?
    /// Sex, when the record carries it.
    public var gender: Gender?

    /// Creates a reference; every field defaults to missing.
    public init(
        iin: IIN? = nil, surname: String? = nil, firstName: String? = nil, patronymic: String? = nil, birthDate: CalendarDate? = nil,
        gender: Gender? = nil
    ) {
        self.iin = iin
        self.surname = surname
        self.firstName = firstName
        self.patronymic = patronymic
        self.birthDate = birthDate
        self.gender = gender
    }

    /// The fields `Matching` compares.
    public var personFields: PersonFields {
        PersonFields(surname: surname, firstName: firstName, patronymic: patronymic, birthDate: birthDate, gender: gender)
    }
}
