/// Serialized XML that is exactly one well-formed element, ready to embed in a larger document.
///
/// Build one with ``init(_:)`` (an ``XMLWriter`` closure, always well-formed) or check foreign bytes with
/// ``init(validating:configuration:)``. A fragment declares every namespace it uses, so it means the same
/// wherever it is inserted.
public struct XMLFragment: Sendable, Hashable {
    /// The UTF-8 bytes of the element.
    public let bytes: [UInt8]

    /// What a writer inserting this fragment needs to keep vouching for its canonical form; `nil` when the fragment
    /// is not known to be canonical.
    let canonicalShape: CanonicalFormTracker.FragmentShape?

    /// Writes a fragment with `build`; the closure must leave no element open. Elements without content are
    /// written as tag pairs, as canonical XML has them.
    public init(_ build: (inout XMLWriter) throws -> Void) rethrows {
        var writer = XMLWriter(xmlDeclaration: false, reservingCapacity: 512, emptyElementsAsTagPairs: true)
        try build(&writer)
        precondition(writer.depth == 0, "XMLFragment builder left \(writer.depth) element(s) open")
        bytes = writer.bytes
        canonicalShape = writer.canonicalForm.fragmentShape
    }

    /// Takes the output of a finished writer (no open element, no XML declaration).
    public init(_ writer: XMLWriter) {
        precondition(writer.depth == 0, "XMLFragment from a writer with \(writer.depth) element(s) open")
        precondition(!writer.hasDeclaration, "XMLFragment from a writer that wrote an XML declaration")
        bytes = writer.bytes
        canonicalShape = writer.canonicalForm.fragmentShape
    }

    /// Accepts `bytes` after parsing them under `configuration`.
    ///
    /// - Throws: ``XMLError/invalidFragment`` when the bytes carry an XML declaration, or an ``XMLError``
    ///   from the parse (not one well-formed element, limits, DOCTYPE).
    public init(validating bytes: [UInt8], configuration: XMLParserConfiguration = .default) throws {
        if bytes.starts(with: Array("<?xml".utf8)) { throw XMLError.invalidFragment }
        _ = try XMLDocument(parsing: bytes, configuration: configuration)
        self.bytes = bytes
        canonicalShape = nil
    }

    /// Fragments are equal when their bytes are.
    public static func == (lhs: XMLFragment, rhs: XMLFragment) -> Bool { lhs.bytes == rhs.bytes }

    /// Hashes the bytes.
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
