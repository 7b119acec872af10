public import Identifiers
public import Normalization

/// `PersonFields` with every name normalised once, ready to be compared many times.
///
/// Blank names become missing. Prepare a registry record once and compare it against each declaration.
public struct PreparedPerson: Sendable, Hashable {
    /// Surname in both normal forms.
    public let surname: NormalizedName?
    /// Surname without -ов/-ева/-ұлы… (`NameKey.surnameStem`).
    public let surnameStem: NameKey?
    /// First name in both normal forms.
    public let firstName: NormalizedName?
    /// Patronymic in both normal forms.
    public let patronymic: NormalizedName?
    /// Patronymic read as father's name + sex.
    public let patronymicForm: PatronymicForm?
    /// Birth date.
    public let birthDate: CalendarDate?
    /// Sex.
    public let gender: Gender?
    /// Region.
    public let region: AdministrativeRegion?
    /// Phone.
    public let phone: PhoneNumber?

    /// Normalises `fields`.
    public init(_ fields: PersonFields) {
        func name(_ text: String?) -> NormalizedName? {
            guard let text else { return nil }
            let name = NormalizedName(text)
            return name.isEmpty ? nil : name
        }
        self.surname = name(fields.surname)
        self.surnameStem = surname?.key.surnameStem
        self.firstName = name(fields.firstName)
        self.patronymic = name(fields.patronymic)
        self.patronymicForm = patronymic.map { PatronymicForm($0.key) }
        self.birthDate = fields.birthDate
        self.gender = fields.gender
        self.region = fields.region
        self.phone = fields.phone
    }

    /// Whether `field` has a value.
    public func has(_ field: PersonField) -> Bool {
        switch field {
        case .surname: surname != nil
        case .firstName: firstName != nil
        case .patronymic: patronymic != nil
        case .birthDate: birthDate != nil
        case .gender: gender != nil
        case .region: region != nil
        case .phone: phone != nil
        }
    }
}
