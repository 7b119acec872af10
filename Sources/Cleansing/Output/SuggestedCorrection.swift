/// A correction proposed from the registry: this field should read `suggested` instead of `current`.
///
/// Both values are personal data; `description` prints only the field.
public struct SuggestedCorrection: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The field to correct.
    public var field: CleansingColumn
    /// The value in the input (normalised), empty when missing.
    public var current: String
    /// The value the registry holds.
    public var suggested: String

    /// Creates a suggestion.
    public init(field: CleansingColumn, current: String, suggested: String) {
        self.field = field
        self.current = current
        self.suggested = suggested
    }

    /// `SuggestedCorrection(surname)`.
    public var description: String { "SuggestedCorrection(\(field.rawValue))" }
}
