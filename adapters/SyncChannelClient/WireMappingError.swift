/// A registry answer lacks a required element or holds a value that cannot be read.
///
/// Carries only the element's path, never its content. Adapters turn it into
/// `.invalidResponse(.unexpectedContent(field))`.
public struct WireMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Path of the offending element, e.g. `person/iin`.
    public let field: String

    /// Creates an error naming `field`.
    public init(field: String) {
        self.field = field
    }

    /// A stable label: `wire_mapping`.
    public var shortDescription: String { "wire_mapping" }

    /// `wire_mapping(person/iin)`.
    public var description: String { "wire_mapping(\(field))" }
}
