/// How one field is compared: ordered levels, the first whose rule holds wins; the last is `else`.
///
/// When either record lacks the field, no level applies and the comparison weighs zero.
public struct FieldComparison: Sendable, Hashable, Codable {
    /// The field compared.
    public var field: PersonField
    /// What the comparison is about, in plain words.
    public var description: String
    /// Levels from the closest agreement to `else`.
    public var levels: [ComparisonLevel]

    /// Creates a comparison.
    public init(field: PersonField, description: String, levels: [ComparisonLevel]) {
        self.field = field
        self.description = description
        self.levels = levels
    }
}
