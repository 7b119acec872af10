public import XMLSupport

/// The business payload carried in SyncChannel's `data` element.
///
/// Providers use one of two styles (`shep.md`, "Payload styles"): the payload as nested elements (with or
/// without `xsi:type`), or a whole XML document escaped into the text of `data` with
/// `xsi:type="xs:string"`. Both are written and read; a payload read from a message is ``received(_:)``.
public enum SyncChannelPayload: Sendable {
    /// Nested element(s), optionally typed with `xsi:type` (e.g. `p:PersonRequest` in `urn:…`).
    case element(XMLFragment, xsiType: XSIType?)
    /// An XML document (UTF-8 bytes) written as escaped text, with `xsi:type="xs:string"`.
    case escapedXML([UInt8])
    /// A payload read from a message; written back out in the style it arrived in.
    case received(SyncChannelData)

    /// A qualified `xsi:type` value; its prefix is declared on the `data` element.
    public struct XSIType: Sendable, Hashable {
        /// Prefix written in the value, e.g. `p`.
        public var prefix: String
        /// Namespace the prefix binds to.
        public var namespace: String
        /// Type name, e.g. `PersonRequest`.
        public var localName: String

        /// Creates `prefix:localName` with `prefix` bound to `namespace`.
        public init(prefix: String, namespace: String, localName: String) {
            self.prefix = prefix
            self.namespace = namespace
            self.localName = localName
        }
    }

    /// Writes `<data>` with this payload.
    func write(into writer: inout XMLWriter) throws {
        writer.startElement("data")
        switch self {
        case .element(let fragment, let xsiType):
            if let xsiType {
                writer.declareNamespace(prefix: "xsi", uri: SOAPNamespace.xsi)
                writer.declareNamespace(prefix: xsiType.prefix, uri: xsiType.namespace)
                writer.attribute("type", prefix: "xsi", value: "\(xsiType.prefix):\(xsiType.localName)")
            }
            writer.fragment(fragment)
        case .escapedXML(let bytes):
            Self.writeStringType(into: &writer)
            writer.text(utf8: bytes)
        case .received(let data):
            switch data.style {
            case .escapedString:
                Self.writeStringType(into: &writer)
                writer.text(data.element.text)
            case .nested, .empty:
                for child in data.element.childElements {
                    writer.fragment(try XMLFragment(validating: try child.exclusiveCanonicalization()))
                }
            }
        }
        writer.endElement()
    }

    private static func writeStringType(into writer: inout XMLWriter) {
        writer.declareNamespace(prefix: "xsi", uri: SOAPNamespace.xsi)
        writer.declareNamespace(prefix: "xs", uri: SOAPNamespace.xs)
        writer.attribute("type", prefix: "xsi", value: "xs:string")
    }
}

/// The `data` element of a received SyncChannel message, with the payload in either style.
public struct SyncChannelData: Sendable {
    /// How the payload is carried.
    public enum Style: Sendable, Hashable {
        /// Child elements inside `data`.
        case nested
        /// An escaped XML (or JSON) document in the text of `data` (`xsi:type="xs:string"`).
        case escapedString
        /// Neither child elements nor text.
        case empty
    }

    /// The `data` element itself.
    public let element: XMLElement
    /// The payload style, from `xsi:type` when it says `xs:string`, otherwise from the content.
    public let style: Style

    init(element: XMLElement) {
        self.element = element
        if element.hasChildElements {
            style = .nested
        } else if Self.isStringTyped(element) || !element.text.trimmingSpaces.isEmpty {
            style = .escapedString
        } else {
            style = .empty
        }
    }

    /// The `xsi:type` value as `(namespace, localName)`, when present and its prefix resolves.
    public var xsiType: (namespace: String?, localName: String)? {
        guard let value = element.attribute(namespace: SOAPNamespace.xsi, localName: "type") else { return nil }
        let parts = value.split(separator: ":", maxSplits: 1)
        let prefix = parts.count == 2 ? String(parts[0]) : nil
        return (element.namespaceURI(forPrefix: prefix), String(parts.last ?? ""))
    }

    /// The text of `data` (the escaped document, or a JSON string for providers that send JSON).
    public var text: String { element.text }

    /// The payload's root element: the first child for ``Style/nested``, or the escaped document parsed
    /// under `configuration` — the same safety limits as the outer message — for ``Style/escapedString``.
    ///
    /// - Throws: ``SOAPError/xml(_:)`` when the escaped document is unacceptable XML,
    ///   ``SOAPError/missingElement`` when there is no payload.
    public func payloadRoot(configuration: XMLParserConfiguration = .default) throws -> XMLElement {
        switch style {
        case .nested:
            guard let first = element.firstChildElement else { throw SOAPError.missing("data") }
            return first
        case .escapedString:
            do {
                return try XMLDocument(parsing: element.text, configuration: configuration).root
            } catch let error as XMLError {
                throw SOAPError.xml(error)
            }
        case .empty:
            throw SOAPError.missing("data")
        }
    }

    private static func isStringTyped(_ element: XMLElement) -> Bool {
        guard let value = element.attribute(namespace: SOAPNamespace.xsi, localName: "type") else { return false }
        let parts = value.split(separator: ":", maxSplits: 1)
        let prefix = parts.count == 2 ? String(parts[0]) : nil
        return parts.last == "string" && element.namespaceURI(forPrefix: prefix) == SOAPNamespace.xs
    }

    /// Finds `data` under `parent`, unqualified or (tolerated) in the SyncChannel Interfaces namespace.
    static func find(in parent: XMLElement) -> SyncChannelData? {
        let element = parent.firstChild(namespace: nil, localName: "data")
            ?? parent.firstChild(namespace: SOAPNamespace.syncChannelInterfaces, localName: "data")
        return element.map(SyncChannelData.init(element:))
    }
}
