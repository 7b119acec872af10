public import Identifiers
public import Normalization

/// What one side of a comparison says about a person — a declaration as typed, or a registry record.
///
/// Every field is optional: absent means *missing data*, which weighs zero (neither for nor against).
/// Names are raw text (normalised when compared); the other fields are already canonical values.
/// Lives in `Matching` until the `Verification` domain model exists.
public struct PersonFields: Sendable, Hashable, Codable {
    /// Surname as written (any script, any case).
    public var surname: String?
    /// First name as written.
    public var firstName: String?
    /// Patronymic as written; `nil` or blank when the person has none.
    public var patronymic: String?
    /// Birth date.
    public var birthDate: CalendarDate?
    /// Sex.
    public var gender: Gender?
    /// Region or city of republican significance.
    public var region: AdministrativeRegion?
    /// Mobile phone.
    public var phone: PhoneNumber?

    /// Creates a record; every field defaults to missing.
    public init(
        surname: String? = nil, firstName: String? = nil, patronymic: String? = nil, birthDate: CalendarDate? = nil,
        gender: Gender? = nil, region: AdministrativeRegion? = nil, phone: PhoneNumber? = nil
    ) {
        self.surname = surname
        self.firstName = firstName
        self.patronymic = patronymic
        self.birthDate = birthDate
        self.gender = gender
        self.region = region
        self.phone = phone
    }
}
