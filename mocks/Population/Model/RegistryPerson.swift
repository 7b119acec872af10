public import Identifiers

/// The identifying fields of a person as one registry holds them — possibly with an injected defect.
///
/// Every registry record that describes a person embeds one; compare it with `Person.registryView` to see
/// what the registry got wrong.
public struct RegistryPerson: Sendable, Hashable {
    /// The IIN the registry files the record under (always the person's true IIN).
    public let iin: IIN
    /// Surname as recorded.
    public let surname: String
    /// First name as recorded.
    public let firstName: String
    /// Patronymic as recorded; `nil` when absent.
    public let patronymic: String?
    /// Birth date as recorded.
    public let birthDate: CalendarDate
    /// Sex as recorded.
    public let gender: Gender

    /// Creates a record view from its fields.
    public init(iin: IIN, surname: String, firstName: String, patronymic: String?, birthDate: CalendarDate, gender: Gender) {
        self.iin = iin
        self.surname = surname
        self.firstName = firstName
        self.patronymic = patronymic
        self.birthDate = birthDate
        self.gender = gender
    }

    /// "SURNAME FIRSTNAME PATRONYMIC", as a full-name field holds it.
    public var fullName: String {
        var text = surname + " " + firstName
        if let patronymic { text += " " + patronymic }
        return text
    }
}
