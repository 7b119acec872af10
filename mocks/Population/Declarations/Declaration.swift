/// A parent's registration as typed into the voucher platform — raw text, noisy, sometimes fraudulent.
///
/// Every field is the string the parent entered; nothing is normalised. The truth about each declaration is
/// in the matching `DeclarationTruth`.
public struct Declaration: Sendable, Hashable {
    /// Declaration id, e.g. "D0000042" — unique, stable for a seed.
    public let id: String
    /// Submission timestamp as the platform exports it, `yyyy-MM-dd HH:mm`.
    public let submittedAt: String
    /// Parent's IIN as typed.
    public let parentIIN: String
    /// Parent's surname as typed.
    public let parentSurname: String
    /// Parent's first name as typed.
    public let parentFirstName: String
    /// Parent's patronymic as typed (may be empty).
    public let parentPatronymic: String
    /// Parent's phone as typed.
    public let parentPhone: String
    /// Child's IIN as typed.
    public let childIIN: String
    /// Child's surname as typed.
    public let childSurname: String
    /// Child's first name as typed.
    public let childFirstName: String
    /// Child's patronymic as typed (may be empty).
    public let childPatronymic: String
    /// Child's birth date as typed (various formats).
    public let childBirthDate: String
    /// Region as chosen/typed (Russian name).
    public let region: String
    /// Provider's IIN or BIN as typed.
    public let providerID: String
    /// Section (activity) name.
    public let section: String

    /// Creates a declaration from raw fields.
    public init(
        id: String, submittedAt: String, parentIIN: String, parentSurname: String, parentFirstName: String, parentPatronymic: String,
        parentPhone: String, childIIN: String, childSurname: String, childFirstName: String, childPatronymic: String,
        childBirthDate: String, region: String, providerID: String, section: String
    ) {
        self.id = id
        self.submittedAt = submittedAt
        self.parentIIN = parentIIN
        self.parentSurname = parentSurname
        self.parentFirstName = parentFirstName
        self.parentPatronymic = parentPatronymic
        self.parentPhone = parentPhone
        self.childIIN = childIIN
        self.childSurname = childSurname
        self.childFirstName = childFirstName
        self.childPatronymic = childPatronymic
        self.childBirthDate = childBirthDate
        self.region = region
        self.providerID = providerID
        self.section = section
    }

    /// CSV column names, in export order.
    public static let columns = [
        "id", "submitted_at", "parent_iin", "parent_surname", "parent_first_name", "parent_patronymic", "parent_phone",
        "child_iin", "child_surname", "child_first_name", "child_patronymic", "child_birth_date", "region", "provider_id", "section",
    ]

    /// The fields in `columns` order.
    public var fields: [String] {
        [id, submittedAt, parentIIN, parentSurname, parentFirstName, parentPatronymic, parentPhone, childIIN, childSurname,
         childFirstName, childPatronymic, childBirthDate, region, providerID, section]
    }

    /// Rebuilds a declaration from fields in `columns` order; `nil` when the count is wrong.
    public init?(fields: [String]) {
        guard fields.count == Self.columns.count else { return nil }
        self.init(
            id: fields[0], submittedAt: fields[1], parentIIN: fields[2], parentSurname: fields[3], parentFirstName: fields[4],
            parentPatronymic: fields[5], parentPhone: fields[6], childIIN: fields[7], childSurname: fields[8], childFirstName: fields[9],
            childPatronymic: fields[10], childBirthDate: fields[11], region: fields[12], providerID: fields[13], section: fields[14])
    }
}
