public import XMLSupport

/// A SOAP 1.1 fault: `faultcode`, `faultstring`, optional `faultactor` and `detail`.
public struct SOAPFault: Sendable {
    /// The fault code, namespace-resolved.
    public enum Code: Sendable, Hashable {
        /// `soap:Client` — the message was wrong; resending it unchanged will fail again.
        case client
        /// `soap:Server` — the receiver failed; the message may succeed later.
        case server
        /// `soap:VersionMismatch`.
        case versionMismatch
        /// `soap:MustUnderstand`.
        case mustUnderstand
        /// Any other code, as written (`prefix:local` or dotted subcodes such as `Client.Auth` keep their text).
        case other(String)

        var localName: String? {
            switch self {
            case .client: "Client"
            case .server: "Server"
            case .versionMismatch: "VersionMismatch"
            case .mustUnderstand: "MustUnderstand"
            case .other: nil
            }
        }
    }

    /// `faultcode`.
    public var code: Code
    /// `faultstring`: human-readable, may contain personal data — do not log.
    public var string: String
    /// `faultactor`, when present.
    public var actor: String?
    /// `detail` as read from a message (its first child element); `nil` when absent. Not used for writing.
    public private(set) var detail: XMLElement?

    /// A fault to write.
    public init(code: Code, string: String, actor: String? = nil) {
        self.code = code
        self.string = string
        self.actor = actor
        self.detail = nil
    }

    /// Reads a `soap:Fault` element.
    ///
    /// - Throws: ``SOAPError/missingElement`` when `faultcode` or `faultstring` is missing.
    public init(element: XMLElement) throws {
        guard let codeElement = element.firstChild(namespace: nil, localName: "faultcode") else {
            throw SOAPError.missing("Fault/faultcode")
        }
        guard let string = element.childText(namespace: nil, localName: "faultstring") else {
            throw SOAPError.missing("Fault/faultstring")
        }
        self.code = Self.resolve(codeElement)
        self.string = string
        self.actor = element.childText(namespace: nil, localName: "faultactor")
        self.detail = element.firstChild(namespace: nil, localName: "detail")?.firstChildElement
    }

    /// Resolves `prefix:Local` against the declarations in scope; only the SOAP 1.1 namespace maps to cases.
    private static func resolve(_ element: XMLElement) -> Code {
        let text = element.text.trimmingSpaces
        let parts = text.split(separator: ":", maxSplits: 1)
        let prefix: String? = parts.count == 2 ? String(parts[0]) : nil
        let local = String(parts.last ?? "")
        guard element.namespaceURI(forPrefix: prefix) == SOAPNamespace.envelope else { return .other(text) }
        switch local {
        case "Client": return .client
        case "Server": return .server
        case "VersionMismatch": return .versionMismatch
        case "MustUnderstand": return .mustUnderstand
        default: return .other(text)
        }
    }

    /// Writes `<soap:Fault>` (the `soap` prefix must be bound to SOAP 1.1 by the caller); `detail` writes the
    /// detail element's content, if any.
    public func write(into writer: inout XMLWriter, detail: ((inout XMLWriter) -> Void)? = nil) {
        writer.startElement("Fault", prefix: "soap")
        writer.element("faultcode", text: code.localName.map { "soap:\($0)" } ?? codeText)
        writer.element("faultstring", text: string)
        writer.optionalElement("faultactor", text: actor)
        if let detail {
            writer.startElement("detail")
            detail(&writer)
            writer.endElement()
        }
        writer.endElement()
    }

    private var codeText: String {
        if case .other(let text) = code { return text }
        return ""
    }
}

extension String {
    /// The string without leading and trailing XML whitespace.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
