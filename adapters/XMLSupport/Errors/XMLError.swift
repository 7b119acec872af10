/// Why an XML document could not be parsed, navigated or canonicalized.
///
/// One opaque struct for the whole module: compare against the static members
/// (`error == .depthLimitExceeded`) — equality looks at the kind only, the position is diagnostic.
/// ``shortDescription`` carries no payload and no position, so it is safe as a metric label.
/// ``description`` adds the libxml2 error code and the line/column where libxml2 reported them; it never
/// contains document content.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case documentTooLarge = "xml.document_too_large"
        case depthLimitExceeded = "xml.depth_limit_exceeded"
        case textLimitExceeded = "xml.text_limit_exceeded"
        case attributeLimitExceeded = "xml.attribute_limit_exceeded"
        case documentTypeForbidden = "xml.doctype_forbidden"
        case unsupportedEncoding = "xml.unsupported_encoding"
        case malformed = "xml.malformed"
        case emptyDocument = "xml.empty_document"
        case canonicalizationFailed = "xml.canonicalization_failed"
        case invalidFragment = "xml.invalid_fragment"
        case resourceExhausted = "xml.resource_exhausted"
    }

    private let code: Code

    /// 1-based line where the problem was detected, when known.
    public let line: Int?

    /// 1-based column where the problem was detected, when libxml2 reports it.
    public let column: Int?

    /// The libxml2 `xmlParserErrors` value behind a ``malformed`` error, when there is one.
    public let libxml2Code: Int?

    private init(_ code: Code, line: Int? = nil, column: Int? = nil, libxml2Code: Int? = nil) {
        self.code = code
        self.line = line
        self.column = column
        self.libxml2Code = libxml2Code
    }

    // MARK: - Kinds

    /// The input is larger than ``XMLParserConfiguration/maximumDocumentSize``; rejected before parsing.
    public static let documentTooLarge = XMLError(.documentTooLarge)
    /// Elements are nested deeper than ``XMLParserConfiguration/maximumDepth``.
    public static let depthLimitExceeded = XMLError(.depthLimitExceeded)
    /// A text run or attribute value is longer than ``XMLParserConfiguration/maximumTextSize``.
    public static let textLimitExceeded = XMLError(.textLimitExceeded)
    /// An element carries more attributes than ``XMLParserConfiguration/maximumAttributes``.
    public static let attributeLimitExceeded = XMLError(.attributeLimitExceeded)
    /// The document has a `<!DOCTYPE …>` (a DTD). Never accepted: it is the door to entity expansion and XXE.
    public static let documentTypeForbidden = XMLError(.documentTypeForbidden)
    /// The document is not in UTF-8 (declared another encoding or starts with a UTF-16/UTF-32 byte order).
    public static let unsupportedEncoding = XMLError(.unsupportedEncoding)
    /// The input is not well-formed XML (truncated, bad bytes, undeclared entity, …); see ``libxml2Code``.
    public static let malformed = XMLError(.malformed)
    /// The input holds no root element.
    public static let emptyDocument = XMLError(.emptyDocument)
    /// libxml2 could not canonicalize the requested subtree.
    public static let canonicalizationFailed = XMLError(.canonicalizationFailed)
    /// Bytes offered as an XML fragment are not exactly one well-formed element.
    public static let invalidFragment = XMLError(.invalidFragment)
    /// libxml2 could not allocate a parser or output buffer.
    public static let resourceExhausted = XMLError(.resourceExhausted)

    /// This error kind at a position in the input.
    func at(line: Int?, column: Int?, libxml2Code: Int? = nil) -> XMLError {
        XMLError(code, line: line, column: column, libxml2Code: libxml2Code ?? self.libxml2Code)
    }

    // MARK: - Descriptions

    /// A constant, payload-free label (e.g. `xml.depth_limit_exceeded`) for metrics and logs.
    public var shortDescription: String { code.rawValue }

    public var description: String {
        var text = "XMLError(\(code.rawValue)"
        if let libxml2Code { text += ", libxml2 code \(libxml2Code)" }
        if let line { text += ", line \(line)" }
        if let column { text += ", column \(column)" }
        return text + ")"
    }

    // MARK: - Equality by kind

    /// Two errors are equal when they are of the same kind; line, column and libxml2 code are ignored.
    public static func == (lhs: XMLError, rhs: XMLError) -> Bool { lhs.code == rhs.code }

    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
