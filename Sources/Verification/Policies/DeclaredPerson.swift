public import Identifiers
public import Matching

/// One person as a declaration states them: a checked IIN (or why it failed) and the fields to compare.
public struct DeclaredPerson: Sendable, Hashable {
    /// The IIN when it passed the local checks.
    public var iin: IIN?
    /// Why the typed IIN failed the local checks (`IIN_*` code), when it did.
    public var iinError: IdentifierError?
    /// Names and birth date as typed (names raw; the comparison normalises them).
    public var fields: PersonFields {
        didSet { comparisonForm = nil }
    }
    /// `PreparedPerson(fields)` when the caller already built it (a batch row normalises its names once); the
    /// comparison prepares the fields itself otherwise. Changing ``fields`` drops it.
    public private(set) var comparisonForm: PreparedPerson?

    /// Creates a declared person.
    public init(iin: IIN?, iinError: IdentifierError? = nil, fields: PersonFields) {
        self.iin = iin
        self.iinError = iinError
        self.fields = fields
    }

    /// Creates a declared person whose fields are already prepared for comparison.
    ///
    /// - Parameter comparisonForm: must be `PreparedPerson(fields)` (checked in debug builds).
    public init(iin: IIN?, iinError: IdentifierError? = nil, fields: PersonFields, comparisonForm: PreparedPerson) {
        assert(comparisonForm == PreparedPerson(fields), "comparisonForm must be PreparedPerson(fields)")
        self.init(iin: iin, iinError: iinError, fields: fields)
        self.comparisonForm = comparisonForm
    }

    /// Equal when the IIN, its error and the fields are (the prepared form follows from the fields).
    public static func == (lhs: DeclaredPerson, rhs: DeclaredPerson) -> Bool {
        lhs.iin == rhs.iin && lhs.iinError == rhs.iinError && lhs.fields == rhs.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(iin)
        hasher.combine(iinError)
        hasher.combine(fields)
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
