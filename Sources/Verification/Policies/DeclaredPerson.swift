public import Identifiers
public import Matching

/// One person as a declaration states them: a checked IIN (or why it failed) and the fields to compare.
public struct DeclaredPerson: Sendable, Hashable {
    /// The IIN when it passed the local checks.
    public var iin: IIN?
    /// Why the typed IIN failed the local checks (`IIN_*` code), when it did.
    public var iinError: IdentifierError?
    /// Names and birth date as typed (names raw; the comparison normalises them).
    public var fields: PersonFields

    /// Creates a declared person.
    public init(iin: IIN?, iinError: IdentifierError? = nil, fields: PersonFields) {
        self.iin = iin
        self.iinError = iinError
        self.fields = fields
    }

    /// Parses a typed IIN leniently (blanks, dashes); keeps the error instead of throwing.
    public init(typedIIN: String, fields: PersonFields) {
        do {
            self.init(iin: try IIN(typedIIN), fields: fields)
        } catch {
            self.init(iin: nil, iinError: error, fields: fields)
        }
    }
}
