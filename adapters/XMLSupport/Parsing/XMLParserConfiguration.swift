/// Limits applied to every parse, so a hostile document fails fast with an ``XMLError``.
///
/// What is never configurable: DTDs (`<!DOCTYPE`) are always rejected — SOAP 1.1 forbids them and they are
/// the way in for entity expansion (billion laughs) and external entities (XXE); the network is never used;
/// entities are never substituted; only UTF-8 input is accepted.
///
/// ```swift
/// var configuration = XMLParserConfiguration.default
/// configuration.maximumDocumentSize = 64 * 1024
/// let document = try XMLDocument(parsing: bytes, configuration: configuration)
/// ```
public struct XMLParserConfiguration: Sendable, Hashable {
    /// Largest accepted input, in bytes, checked before libxml2 sees a byte. Default: 10 MiB (10,485,760).
    public var maximumDocumentSize: Int

    /// Deepest accepted element nesting (the root element is depth 1). Default: 256.
    ///
    /// libxml2 itself refuses documents deeper than 256 because `XML_PARSE_HUGE` is never set, so larger
    /// values behave like 256 (reported as ``XMLError/malformed``).
    public var maximumDepth: Int

    /// Longest accepted run of character data between two tags, and longest attribute value, in bytes of
    /// UTF-8. Default: 1 MiB (1,048,576). libxml2's own ceiling without `XML_PARSE_HUGE` is 10,000,000.
    public var maximumTextSize: Int

    /// Most attributes (namespace declarations included) accepted on one element. Default: 64.
    public var maximumAttributes: Int

    /// Creates a configuration; every parameter defaults to the documented default.
    public init(
        maximumDocumentSize: Int = 10 * 1024 * 1024,
        maximumDepth: Int = 256,
        maximumTextSize: Int = 1024 * 1024,
        maximumAttributes: Int = 64
    ) {
        self.maximumDocumentSize = maximumDocumentSize
        self.maximumDepth = maximumDepth
        self.maximumTextSize = maximumTextSize
        self.maximumAttributes = maximumAttributes
    }

    /// 10 MiB documents, depth 256, 1 MiB text runs, 64 attributes per element.
    public static let `default` = XMLParserConfiguration()
}
