internal import CLibXML2

/// One parse of one document with a fresh libxml2 parser context and the limit-enforcing SAX hooks.
///
/// Options: `XML_PARSE_NONET` (no network — belt and braces, since DTDs are refused anyway); never `XML_PARSE_NOENT` (no entity substitution), never `XML_PARSE_DTDLOAD`/`DTDATTR`/`DTDVALID`,
/// never `XML_PARSE_HUGE` (keeps libxml2's own hard limits); `XML_PARSE_NOERROR`/`NOWARNING` plus a
/// per-context structured error handler, so nothing reaches stderr. The SAX hooks wrap libxml2's own
/// SAX2 tree builder and stop the parser (`xmlStopParser`) at the first limit violation or DOCTYPE, so a
/// hostile document costs at most the work up to that point.
enum SafeParser {
    static let options: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue
    )

    /// A parsed tree and what the parse noticed about it.
    struct Parsed {
        /// The document, which the caller owns (free with ``LibXML2Runtime/freeDocument(_:arena:)``).
        let document: xmlDocPtr
        /// The arena holding the document's tree, or `nil` when it was allocated with `malloc`.
        let arena: OpaquePointer?
        /// Whether every non-empty namespace declaration is a plain absolute URI
        /// (``ExclusiveCanonicalizer/isPlainAbsoluteURI(_:)``).
        let hasOnlyPlainNamespaceURIs: Bool
    }

    /// Parses `buffer` and returns the document, which the caller owns (free with ``LibXML2Runtime/freeDocument(_:arena:)``).
    static func parse(_ buffer: UnsafeRawBufferPointer, configuration: XMLParserConfiguration) throws -> Parsed {
        guard buffer.count <= configuration.maximumDocumentSize, buffer.count <= Int(Int32.max) else {
            throw XMLError.documentTooLarge
        }
        guard let base = buffer.baseAddress, !buffer.isEmpty else { throw XMLError.emptyDocument }
        if hasNonUTF8ByteOrder(buffer) { throw XMLError.unsupportedEncoding.at(line: 1, column: 1) }

        return try LibXML2Runtime.withQuietErrors {
            // The tree, the parser context and the dictionary are allocated in the document's arena; a failed
            // parse gives the arena back at once, a successful one hands it to the document.
            let arena = LibXML2Runtime.beginArena()
            do {
                let parsed = try parseTree(base, count: buffer.count, arena: arena, configuration: configuration)
                LibXML2Runtime.endArena(arena)
                return parsed
            } catch {
                LibXML2Runtime.endArena(arena)
                LibXML2Runtime.releaseArena(arena)
                throw error
            }
        }
    }

    /// The parse proper, with its parser context; every document it returns or frees is libxml2's to free.
    private static func parseTree(
        _ base: UnsafeRawPointer, count: Int, arena: OpaquePointer?, configuration: XMLParserConfiguration
    ) throws -> Parsed {
        guard let context = xmlNewParserCtxt() else { throw XMLError.resourceExhausted }
        defer { xmlFreeParserCtxt(context) }
        guard let sax = context.pointee.sax else { throw XMLError.resourceExhausted }

        var state = ParseState(configuration: configuration)
        return try withUnsafeMutablePointer(to: &state) { statePointer in
            context.pointee._private = UnsafeMutableRawPointer(statePointer)
            defer { context.pointee._private = nil }
            sax.pointee.internalSubset = rejectDocumentType
            sax.pointee.externalSubset = nil
            sax.pointee.entityDecl = nil
            sax.pointee.getEntity = nil
            sax.pointee.getParameterEntity = nil
            sax.pointee.resolveEntity = nil
            sax.pointee.startElementNs = guardedStartElement
            sax.pointee.endElementNs = guardedEndElement
            sax.pointee.characters = guardedCharacters
            sax.pointee.ignorableWhitespace = guardedCharacters
            sax.pointee.cdataBlock = guardedCDataBlock
            sax.pointee.serror = recordError

            let document = xmlCtxtReadMemory(
                context,
                base.assumingMemoryBound(to: CChar.self),
                Int32(count),
                nil,
                nil,
                options
            )
            if let violation = statePointer.pointee.violation {
                if let document { xmlFreeDoc(document) }
                throw violation
            }
            // Namespace well-formedness too: libxml2 keeps an element with an undeclared prefix (`b:c` with no
            // `xmlns:b`) and only clears `nsWellFormed`; canonical forms of such a tree are ill-defined (the
            // fuzzer found ours and libxml2's differ), so a signed message like that is refused, not guessed at.
            guard let document, context.pointee.wellFormed != 0, context.pointee.nsWellFormed != 0 else {
                if let document { xmlFreeDoc(document) }
                throw statePointer.pointee.firstError ?? lastError(of: context)
            }
            if !isUTF8(declaredEncoding: document.pointee.encoding) {
                xmlFreeDoc(document)
                throw XMLError.unsupportedEncoding.at(line: 1, column: nil)
            }
            guard xmlDocGetRootElement(document) != nil else {
                xmlFreeDoc(document)
                throw XMLError.emptyDocument
            }
            return Parsed(
                document: document, arena: arena, hasOnlyPlainNamespaceURIs: statePointer.pointee.hasOnlyPlainNamespaceURIs)
        }
    }

    /// UTF-16 and UTF-32 byte-order marks (or the zero bytes of their `<`): we accept UTF-8 only.
    private static func hasNonUTF8ByteOrder(_ buffer: UnsafeRawBufferPointer) -> Bool {
        guard buffer.count >= 2 else { return false }
        return buffer[0] == 0xFE || buffer[0] == 0xFF || buffer[0] == 0x00 || buffer[1] == 0x00
    }

    private static func isUTF8(declaredEncoding: UnsafePointer<xmlChar>?) -> Bool {
        guard let declaredEncoding else { return true }
        return xmlStrcasecmp(declaredEncoding, "UTF-8") == 0 || xmlStrcasecmp(declaredEncoding, "UTF8") == 0
    }

    private static func lastError(of context: xmlParserCtxtPtr) -> XMLError {
        let error = context.pointee.lastError
        if error.code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue) { return .emptyDocument }
        if error.code == 0 { return .malformed }
        return XMLError.malformed.at(
            line: error.line > 0 ? Int(error.line) : nil,
            column: error.int2 > 0 ? Int(error.int2) : nil,
            libxml2Code: Int(error.code)
        )
    }
}

// MARK: - Per-parse state

/// Lives on the stack of ``SafeParser/parse(_:configuration:)``; the context's `_private` points at it.
struct ParseState {
    let maximumDepth: Int
    let maximumTextSize: Int
    let maximumAttributes: Int
    var depth = 0
    var textRun = 0
    var violation: XMLError?
    var firstError: XMLError?
    var hasOnlyPlainNamespaceURIs = true

    init(configuration: XMLParserConfiguration) {
        maximumDepth = configuration.maximumDepth
        maximumTextSize = configuration.maximumTextSize
        maximumAttributes = configuration.maximumAttributes
    }
}

@inline(__always)
private func parserContext(_ raw: UnsafeMutableRawPointer?) -> xmlParserCtxtPtr? {
    raw?.assumingMemoryBound(to: xmlParserCtxt.self)
}

@inline(__always)
private func parseState(_ context: xmlParserCtxtPtr) -> UnsafeMutablePointer<ParseState>? {
    context.pointee._private?.assumingMemoryBound(to: ParseState.self)
}

/// Records `error` as the reason and halts the parser; libxml2 stops at its next check.
private func stop(_ raw: UnsafeMutableRawPointer?, _ error: XMLError) {
    guard let context = parserContext(raw), let state = parseState(context) else { return }
    if state.pointee.violation == nil {
        state.pointee.violation = error.at(
            line: Int(xmlSAX2GetLineNumber(raw)),
            column: Int(xmlSAX2GetColumnNumber(raw))
        )
    }
    xmlStopParser(context)
}

// MARK: - SAX hooks (C callbacks; capture nothing)

private let rejectDocumentType: internalSubsetSAXFunc = { context, _, _, _ in
    stop(context, .documentTypeForbidden)
}

private let guardedStartElement: startElementNsSAX2Func = {
    context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes in
    guard let parser = parserContext(context), let state = parseState(parser) else { return }
    state.pointee.depth += 1
    state.pointee.textRun = 0
    if state.pointee.depth > state.pointee.maximumDepth {
        return stop(context, .depthLimitExceeded)
    }
    if Int(attributeCount) + Int(namespaceCount) > state.pointee.maximumAttributes {
        return stop(context, .attributeLimitExceeded)
    }
    if let namespaces, namespaceCount > 0, state.pointee.hasOnlyPlainNamespaceURIs {
        // Two pointers per declaration: prefix, URI.
        for index in 0..<Int(namespaceCount) {
            if let uri = namespaces[index * 2 + 1], uri.pointee != 0, !ExclusiveCanonicalizer.isPlainAbsoluteURI(uri) {
                state.pointee.hasOnlyPlainNamespaceURIs = false
            }
        }
    }
    if let attributes, attributeCount > 0 {
        // Five pointers per attribute: localname, prefix, URI, value start, value end.
        let limit = state.pointee.maximumTextSize
        for index in 0..<Int(attributeCount) {
            if let start = attributes[index * 5 + 3], let end = attributes[index * 5 + 4], end - start > limit {
                return stop(context, .textLimitExceeded)
            }
        }
    }
    xmlSAX2StartElementNs(
        context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes
    )
}

private let guardedEndElement: endElementNsSAX2Func = { context, localName, prefix, uri in
    if let parser = parserContext(context), let state = parseState(parser) {
        state.pointee.depth -= 1
        state.pointee.textRun = 0
    }
    xmlSAX2EndElementNs(context, localName, prefix, uri)
}

private let guardedCharacters: charactersSAXFunc = { context, characters, length in
    guard let parser = parserContext(context), let state = parseState(parser) else { return }
    state.pointee.textRun += Int(length)
    if state.pointee.textRun > state.pointee.maximumTextSize {
        return stop(context, .textLimitExceeded)
    }
    xmlSAX2Characters(context, characters, length)
}

private let guardedCDataBlock: cdataBlockSAXFunc = { context, characters, length in
    guard let parser = parserContext(context), let state = parseState(parser) else { return }
    state.pointee.textRun += Int(length)
    if state.pointee.textRun > state.pointee.maximumTextSize {
        return stop(context, .textLimitExceeded)
    }
    xmlSAX2CDataBlock(context, characters, length)
}

/// Keeps the first error libxml2 reports for this context (the most telling one); never prints.
private let recordError: xmlStructuredErrorFunc = { userData, error in
    guard let error, let context = parserContext(userData), let state = parseState(context) else { return }
    guard state.pointee.firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let code = Int(error.pointee.code)
    if code == Int(XML_ERR_USER_STOP.rawValue) { return }
    let kind: XMLError = code == Int(XML_ERR_DOCUMENT_EMPTY.rawValue) ? .emptyDocument : .malformed
    state.pointee.firstError = kind.at(
        line: error.pointee.line > 0 ? Int(error.pointee.line) : nil,
        column: error.pointee.int2 > 0 ? Int(error.pointee.int2) : nil,
        libxml2Code: code
    )
}
