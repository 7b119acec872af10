/// Which of the two national 12-digit identifiers a value or an error is about.
public enum IdentifierKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// ИИН / ЖСН — individual identification number of a natural person.
    case iin = "IIN"
    /// БИН / БСН — business identification number of a legal entity, branch or joint entrepreneurship.
    case bin = "BIN"
}
