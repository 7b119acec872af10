/// A registry dictionary item: a code with its Russian and Kazakh names (`{code, nameRu, nameKz}`).
///
/// Registries send coded values rather than bare strings; the code is what policies compare, the names are for
/// people.
public struct CodedValue: Sendable, Hashable, Codable {
    /// The dictionary code, e.g. `398`, `005`, `PEDAGOG_EXPERT`.
    public var code: String
    /// The Russian name, when the registry sent one.
    public var nameRu: String?
    /// The Kazakh name, when the registry sent one.
    public var nameKz: String?

    /// Creates a coded value.
    public init(code: String, nameRu: String? = nil, nameKz: String? = nil) {
        self.code = code
        self.nameRu = nameRu
        self.nameKz = nameKz
    }
}
