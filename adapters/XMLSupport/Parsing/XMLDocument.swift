internal import CLibXML2
internal import CXMLArena

/// A parsed, immutable XML document: the owner of one libxml2 tree.
///
/// Parse with ``init(parsing:configuration:)-(some Collection<UInt8>,_)`` and navigate from ``root``.
/// The libxml2 tree is freed exactly once, in `deinit`; every ``XMLElement`` keeps its document alive, so an
/// element can never outlive the memory it points into. The tree lives in the document's own arena (CXMLArena,
/// unless `QORGAN_XML_ARENA` turns arenas off), given back in one step after the tree is freed.
///
/// ```swift
/// let document = try XMLDocument(parsing: bytes)
/// let body = document.root.firstChild(namespace: "http://schemas.xmlsoap.org/soap/envelope/", localName: "Body")
/// ```
///
/// Sendable: `@unchecked`, under this invariant — no API mutates the tree after the initialiser returns
/// (navigation, text, attributes and canonicalization only read it), and concurrent reads of an unchanging
/// libxml2 tree are thread-safe (they touch no shared mutable state; the document's name dictionary is only
/// written while parsing).
public final class XMLDocument: @unchecked Sendable {
    let pointer: xmlDocPtr
    /// The arena the tree was allocated in (`nil`: with `malloc`), given back after the tree is freed.
    private let arena: OpaquePointer?

    /// Parses UTF-8 XML under the safety limits of `configuration`.
    ///
    /// - Throws: ``XMLError`` — ``XMLError/documentTooLarge`` before any parsing, a limit error, a DOCTYPE,
    ///   a non-UTF-8 encoding or ``XMLError/malformed`` with line and column.
    public convenience init(parsing bytes: some Collection<UInt8>, configuration: XMLParserConfiguration = .default) throws {
        guard bytes.count <= configuration.maximumDocumentSize else { throw XMLError.documentTooLarge }
        let parsed = try bytes.withContiguousStorageIfAvailable { buffer in
            try SafeParser.parse(UnsafeRawBufferPointer(buffer), configuration: configuration)
        } ?? Array(bytes).withUnsafeBytes { try SafeParser.parse($0, configuration: configuration) }
        self.init(parsed)
    }

    /// Parses the UTF-8 encoding of `text` under the safety limits of `configuration`.
    ///
    /// - Throws: ``XMLError``, as ``init(parsing:configuration:)-(some Collection<UInt8>,_)``.
    public convenience init(parsing text: String, configuration: XMLParserConfiguration = .default) throws {
        var text = text
        let parsed = try text.withUTF8 { try SafeParser.parse(UnsafeRawBufferPointer($0), configuration: configuration) }
        self.init(parsed)
    }

    /// Parses raw memory the caller keeps alive for the duration of the call.
    ///
    /// - Throws: ``XMLError``, as ``init(parsing:configuration:)-(some Collection<UInt8>,_)``.
    public convenience init(parsing buffer: UnsafeRawBufferPointer, configuration: XMLParserConfiguration = .default) throws {
        self.init(try SafeParser.parse(buffer, configuration: configuration))
    }

    /// Whether every namespace declared in the document is a plain absolute URI, so that the Swift exclusive
    /// canonicalization may run (C14N 1.0 must fail on relative namespace URIs anywhere in the document; libxml2
    /// decides the rest).
    let hasOnlyPlainNamespaceURIs: Bool

    /// Takes ownership of the tree a parse produced; it is freed in `deinit`.
    init(_ parsed: SafeParser.Parsed) {
        self.pointer = parsed.document
        self.arena = parsed.arena
        self.hasOnlyPlainNamespaceURIs = parsed.hasOnlyPlainNamespaceURIs
    }

    deinit {
        LibXML2Runtime.freeDocument(pointer, arena: arena)
    }

    /// Whether the tree was allocated in its own arena (on unless `QORGAN_XML_ARENA` turns arenas off) rather than
    /// with `malloc`; for diagnostics and tests.
    public var isArenaAllocated: Bool { arena != nil }

    /// Bytes of the document's arena in use (tree, parser context and dictionary); 0 without an arena.
    public var arenaBytes: Int { arena.map { Int(qorgan_xml_arena_used_bytes($0)) } ?? 0 }

    /// The document (root) element. A parsed document always has one.
    public var root: XMLElement {
        // SafeParser rejects documents without a root element, and the tree is never modified.
        XMLElement(document: self, node: xmlDocGetRootElement(pointer)!)
    }
}
