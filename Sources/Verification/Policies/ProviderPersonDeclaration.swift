import Identifiers
import Matching

/// A person a provider check declares — the head or a coach: the IIN as typed and the names.
///
/// Kept as typed (so it round-trips as JSON); ``declared`` parses it. `description` never shows the digits or
/// names.
public struct ProviderPersonDeclaration: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The IIN as typed (blanks and dashes allowed).
    public var iin: String
    /// Surname.
    public var surname: String?
    /// First name.
    public var firstName: String?
    /// Patronymic; `nil` when none.
    public var patronymic: String?

    /// Creates a declaration.
    public init(iin: String, surname: String? = nil, firstName: String? = nil, patronymic: String? = nil) {
        self.iin = iin
        self.surname = surname
        self.firstName = firstName
        self.patronymic = patronymic
    }

    /// The parsed person: a checked IIN (or its error) and the names to compare (blank names count as missing).
    public var declared: DeclaredPerson {
        func blankToNil(_ text: String?) -> String? {
            guard let text, text.contains(where: { !$0.isWhitespace }) else { return nil }
            return text
        }
        return DeclaredPerson(
            typedIIN: iin,
            fields: PersonFields(surname: blankToNil(surname), firstName: blankToNil(firstName), patronymic: blankToNil(patronymic)))
    }

    /// `ProviderPersonDeclaration(<masked IIN>)`, or `(invalid IIN)`.
    public var description: String {
        "ProviderPersonDeclaration(\((try? IIN(iin))?.masked ?? "invalid IIN"))"
    }
}
