/// The fields a parent-record row can carry, whatever its header calls them.
public enum CleansingColumn: String, Sendable, Hashable, Codable, CaseIterable {
    /// Parent's IIN.
    case iin
    /// Surname.
    case surname
    /// First name.
    case firstName = "first_name"
    /// Patronymic.
    case patronymic
    /// Birth date.
    case birthDate = "birth_date"
    /// Mobile phone.
    case phone
    /// Region (name or КАТО).
    case region
    /// A child's IIN, when the export carries one.
    case childIIN = "child_iin"
    /// The platform's own record id.
    case recordID = "record_id"
}
