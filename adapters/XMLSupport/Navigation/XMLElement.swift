internal import CLibXML2

/// One element of an ``XMLDocument``, navigated by namespace URI and local name (never by prefix).
///
/// A namespace argument of `nil` means "no namespace": SyncChannel's `request`, `requestInfo`, `data`… are
/// unqualified, while the envelope is not. Prefixes differ between registries, so they are only exposed
/// for diagnostics.
///
/// Sendable: `@unchecked` because it holds a pointer into the tree; safe under ``XMLDocument``'s invariant
/// (the tree is immutable) and because the element keeps its document alive.
public struct XMLElement: @unchecked Sendable {
    /// The document this element belongs to; holding it keeps the tree alive.
    public let document: XMLDocument
    let node: xmlNodePtr

    init(document: XMLDocument, node: xmlNodePtr) {
        self.document = document
        self.node = node
    }

    // MARK: - Name

    /// The local name, e.g. `Body` for `soap:Body`.
    public var localName: String { String(cString: node.pointee.name) }

    /// The namespace URI, or `nil` for an unqualified element.
    public var namespaceURI: String? {
        guard let href = node.pointee.ns?.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The prefix used in this document (diagnostics only; do not match on it).
    public var prefix: String? {
        guard let prefix = node.pointee.ns?.pointee.prefix else { return nil }
        return String(cString: prefix)
    }

    /// Whether this element is `{namespace}localName`; `namespace == nil` matches only unqualified elements.
    public func hasName(namespace: String?, localName: String) -> Bool {
        Self.matches(node, namespace: namespace, localName: localName)
    }

    /// The line where the element starts (libxml2 caps the stored value at 65535).
    public var line: Int { Int(xmlGetLineNo(node)) }

    // MARK: - Tree

    /// The parent element, or `nil` for the root.
    public var parent: XMLElement? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLElement(document: document, node: parent)
    }

    /// The child elements in document order (text, comments and processing instructions skipped).
    public var childElements: XMLChildElements { XMLChildElements(document: document, first: node.pointee.children) }

    /// The first child element named `{namespace}localName`, or `nil`.
    public func firstChild(namespace: String?, localName: String) -> XMLElement? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE && Self.matches(current, namespace: namespace, localName: localName) {
                return XMLElement(document: document, node: current)
            }
            child = current.pointee.next
        }
        return nil
    }

    /// All child elements named `{namespace}localName`, in document order.
    public func children(namespace: String?, localName: String) -> [XMLElement] {
        childElements.filter { $0.hasName(namespace: namespace, localName: localName) }
    }

    /// The first child element of any name, or `nil`.
    public var firstChildElement: XMLElement? {
        var iterator = childElements.makeIterator()
        return iterator.next()
    }

    // MARK: - Content

    /// The character data of the direct text and CDATA children, concatenated; `""` when there is none.
    ///
    /// Child elements' text is not included (use it on leaf elements such as `<messageId>`).
    public var text: String {
        var child = node.pointee.children
        var single: UnsafePointer<xmlChar>?
        var count = 0
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                let content = current.pointee.content
            {
                single = UnsafePointer(content)
                count += 1
            }
            child = current.pointee.next
        }
        if count == 0 { return "" }
        if count == 1, let single { return String(cString: single) }
        var bytes: [UInt8] = []
        child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                let content = current.pointee.content
            {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            child = current.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of the first child `{namespace}localName`, or `nil` when there is no such child.
    public func childText(namespace: String?, localName: String) -> String? {
        firstChild(namespace: namespace, localName: localName)?.text
    }

    /// Whether the element has at least one child element.
    public var hasChildElements: Bool { firstChildElement != nil }

    // MARK: - Attributes

    /// The value of attribute `{namespace}localName`; `namespace == nil` means an unprefixed attribute.
    public func attribute(namespace: String? = nil, localName: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if Self.matches(name: current.pointee.name, ns: current.pointee.ns, namespace: namespace, localName: localName) {
                return Self.value(of: current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// All attributes as `(namespace, localName, value)`, in document order (namespace declarations excluded).
    public var attributes: [(namespace: String?, localName: String, value: String)] {
        var result: [(namespace: String?, localName: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let namespace = current.pointee.ns?.pointee.href.map { String(cString: $0) }
            result.append((namespace, String(cString: current.pointee.name), Self.value(of: current)))
            attribute = current.pointee.next
        }
        return result
    }

    /// Resolves a prefix (`nil` for the default namespace) to its URI using the declarations in scope.
    public func namespaceURI(forPrefix prefix: String?) -> String? {
        let found: xmlNsPtr? =
            if let prefix { prefix.withCString { xmlSearchNs(document.pointer, node, $0) } } else { xmlSearchNs(document.pointer, node, nil) }
        return found?.pointee.href.map { String(cString: $0) }
    }

    // MARK: - Helpers

    static func value(of attribute: xmlAttrPtr) -> String {
        // Without entity references (DTDs are refused) an attribute's children are a single text node.
        if let child = attribute.pointee.children, child.pointee.next == nil, let content = child.pointee.content {
            return String(cString: content)
        }
        var bytes: [UInt8] = []
        var child = attribute.pointee.children
        while let current = child {
            if let content = current.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            child = current.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    static func matches(_ node: xmlNodePtr, namespace: String?, localName: String) -> Bool {
        matches(name: node.pointee.name, ns: node.pointee.ns, namespace: namespace, localName: localName)
    }

    @inline(__always)
    static func matches(name: UnsafePointer<xmlChar>?, ns: xmlNsPtr?, namespace: String?, localName: String) -> Bool {
        guard let name, equal(name, localName) else { return false }
        guard let namespace else { return ns == nil }
        guard let href = ns?.pointee.href else { return false }
        return equal(href, namespace)
    }

    /// Byte comparison of a NUL-terminated libxml2 string with a Swift string, without allocating.
    ///
    /// Inline rather than `xmlStrncmp`: names are short and most that do not match differ in their first byte.
    @inline(__always)
    static func equal(_ cString: UnsafePointer<xmlChar>, _ string: String) -> Bool {
        var string = string
        return string.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = cString[index]
                // The C string's NUL ends the comparison before anything past it is read.
                if byte != utf8[index] || byte == 0 { return false }
                index += 1
            }
            return cString[index] == 0
        }
    }
}

/// The child elements of an ``XMLElement``, lazily, in document order.
public struct XMLChildElements: Sequence, @unchecked Sendable {
    let document: XMLDocument
    let first: xmlNodePtr?

    /// Iterates child elements, skipping other node kinds.
    public struct Iterator: IteratorProtocol {
        let document: XMLDocument
        var cursor: xmlNodePtr?

        public mutating func next() -> XMLElement? {
            while let current = cursor {
                cursor = current.pointee.next
                if current.pointee.type == XML_ELEMENT_NODE {
                    return XMLElement(document: document, node: current)
                }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(document: document, cursor: first) }
}
