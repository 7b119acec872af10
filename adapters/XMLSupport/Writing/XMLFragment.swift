/// Serialized XML that is exactly one well-formed element, ready to embed in a larger document.
///
/// Build one with ``init(_:)`` (an ``XMLWriter`` closure, always well-formed) or check foreign bytes with
/// ``init(validating:configuration:)``. A fragment declares every namespace it uses, so it means the same
/// wherever it is inserted.
public struct XMLFragment: Sendable, Hashable {
    /// The UTF-8 bytes of the element.
    public let bytes: [UInt8]

    /// Writes a fragment with `build`; the closure must leave no element open.
    public init(_ build: (inout XMLWriter) throws -> Void) rethrows {
        var writer = XMLWriter(xmlDeclaration: false, reservingCapacity: 512)
        try build(&writer)
        precondition(writer.depth == 0, "XMLFragment builder left \(writer.depth) element(s) open")
        bytes = writer.bytes
    }

    /// Takes the output of a finished writer (no open element, no XML declaration).
    public init(_ writer: XMLWriter) {
        precondition(writer.depth == 0, "XMLFragment from a writer with \(writer.depth) element(s) open")
        precondition(!writer.hasDeclaration, "XMLFragment from a writer that wrote an XML declaration")
        bytes = writer.bytes
    }

    /// Accepts `bytes` after parsing them under `configuration`.
    ///
    /// - Throws: ``XMLError/invalidFragment`` when the bytes carry an XML declaration, or an ``XMLError``
    ///   from the parse (not one well-formed element, limits, DOCTYPE).
    public init(validating bytes: [UInt8], configuration: XMLParserConfiguration = .default) throws {
        if bytes.starts(with: Array("<?xml".utf8)) { throw XMLError.invalidFragment }
        _ = try XMLDocument(parsing: bytes, configuration: configuration)
        self.bytes = bytes
    }
}
