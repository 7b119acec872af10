public import Identifiers

/// A ЗАГС birth act: the legal link between a child and their parents.
///
/// A missing father, or one recorded on the mother's statement (no IIN), is not a link to a real person.
public struct BirthRecord: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The act number.
    public var actNumber: String
    /// The date the act was registered.
    public var actDate: CalendarDate?
    /// The registering body (code = its КАТО code).
    public var registrationBody: CodedValue?
    /// The child.
    public var child: PersonReference
    /// The mother, when recorded.
    public var mother: PersonReference?
    /// The father, when recorded.
    public var father: PersonReference?
    /// On what basis the father was recorded.
    public var fatherBasis: FatherBasis?
    /// Whether the act stands.
    public var status: BirthRecordStatus

    /// Creates a birth record.
    public init(
        actNumber: String, actDate: CalendarDate? = nil, registrationBody: CodedValue? = nil, child: PersonReference,
        mother: PersonReference? = nil, father: PersonReference? = nil, fatherBasis: FatherBasis? = nil, status: BirthRecordStatus = .active
    ) {
        self.actNumber = actNumber
        self.actDate = actDate
        self.registrationBody = registrationBody
        self.child = child
        self.mother = mother
        self.father = father
        self.fatherBasis = fatherBasis
        self.status = status
    }

    /// Whether this act (when not cancelled) names `parent` as mother or as legal father of `child`.
    ///
    /// A father recorded on the mother's statement does not count: that is not a legal link.
    public func links(parent: IIN, child childIIN: IIN) -> Bool {
        guard status != .cancelled, child.iin == childIIN else { return false }
        if mother?.iin == parent { return true }
        if father?.iin == parent, fatherBasis != .motherStatement { return true }
        return false
    }

    /// `BirthRecord(<act number>)` — no names.
    public var description: String { "BirthRecord(\(actNumber))" }
}

/// The basis on which a father is recorded in a birth act.
public struct FatherBasis: RawRepresentable, Sendable, Hashable, Codable {
    /// The registry's code.
    public var rawValue: String
    /// Creates a basis from the registry's code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Recorded because the parents are married.
    public static let marriage = FatherBasis(rawValue: "MARRIAGE")
    /// Recorded after paternity was established.
    public static let paternityEstablished = FatherBasis(rawValue: "PATERNITY_ESTABLISHED")
    /// Recorded on the mother's statement: not a legal link to a real person.
    public static let motherStatement = FatherBasis(rawValue: "MOTHER_STATEMENT")
}

/// Whether a birth act stands.
public struct BirthRecordStatus: RawRepresentable, Sendable, Hashable, Codable {
    /// The registry's code.
    public var rawValue: String
    /// Creates a status from the registry's code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The act is in force.
    public static let active = BirthRecordStatus(rawValue: "ACTIVE")
    /// The act was amended (e.g. after adoption or a name change) and is in force as amended.
    public static let amended = BirthRecordStatus(rawValue: "AMENDED")
    /// The act was cancelled.
    public static let cancelled = BirthRecordStatus(rawValue: "CANCELLED")
}
