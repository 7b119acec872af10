/// A name (or one name part) in both normal forms: the display canonical and the comparison key.
///
/// ```swift
/// let name = NormalizedName("  серiк-\tболат ")
/// name.canonical  // "СЕРІК-БОЛАТ" (Latin i inside a Cyrillic word is the Kazakh І)
/// name.key        // SERIKBOLAT
/// ```
public struct NormalizedName: Sendable, Hashable, CustomStringConvertible {
    /// Upper-case display form: NFC, blanks collapsed, dashes unified, look-alikes repaired to the word's
    /// script, Kazakh letters kept — see `NameNormalizer.canonical(_:)`.
    public let canonical: String
    /// The folded comparison key — see `NameKeyEncoder`.
    public let key: NameKey

    /// Normalises `text`.
    public init(_ text: String) {
        self.canonical = NameNormalizer.canonical(text)
        self.key = NameKey(text)
    }

    /// Whether the text had no letters: missing data.
    public var isEmpty: Bool { key.isEmpty }

    /// The canonical form.
    public var description: String { canonical }
}
