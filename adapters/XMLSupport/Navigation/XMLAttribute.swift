internal import CLibXML2

/// One attribute of an ``XMLElement``, read in place: matching its name allocates nothing, and its value is copied
/// only when asked for.
///
/// Sendable: `@unchecked` for the same reason as ``XMLElement`` (a pointer into an immutable tree whose document the
/// value keeps alive).
public struct XMLAttribute: @unchecked Sendable {
    /// The element carrying the attribute (keeps the document alive).
    public let element: XMLElement
    let pointer: xmlAttrPtr

    /// The local name, e.g. `Id` for `wsu:Id`.
    public var localName: String { String(cString: pointer.pointee.name) }

    /// The namespace URI, or `nil` for an unprefixed attribute.
    public var namespaceURI: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// Whether the attribute is `{namespace}localName`; `namespace == nil` matches only unprefixed attributes.
    public func hasName(namespace: String?, localName: String) -> Bool {
        XMLElement.matches(name: pointer.pointee.name, ns: pointer.pointee.ns, namespace: namespace, localName: localName)
    }

    /// The value (entity and character references already resolved by the parser).
    public var value: String { XMLElement.value(of: pointer) }
}

/// The attributes of an ``XMLElement`` in document order, namespace declarations excluded; see
/// ``XMLElement/attributeNodes``.
public struct XMLAttributes: Sequence, @unchecked Sendable {
    let element: XMLElement

    /// Walks the element's attribute list.
    public struct Iterator: IteratorProtocol {
        let element: XMLElement
        var cursor: xmlAttrPtr?

        public mutating func next() -> XMLAttribute? {
            guard let current = cursor else { return nil }
            cursor = current.pointee.next
            return XMLAttribute(element: element, pointer: current)
        }
    }

    public func makeIterator() -> Iterator { Iterator(element: element, cursor: element.node.pointee.properties) }
}

extension XMLElement {
    /// The attributes, lazily and without copying names or values (unlike ``attributes``).
    public var attributeNodes: XMLAttributes { XMLAttributes(element: self) }
}
