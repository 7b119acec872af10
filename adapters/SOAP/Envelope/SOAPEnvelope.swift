public import XMLSupport

/// A parsed SOAP 1.1 envelope: the document plus its Header and Body elements.
///
/// ```swift
/// let envelope = try SOAPEnvelope(parsing: bytes)
/// if let fault = try envelope.fault() { … } else { let response = try SendMessageResponse(envelope: envelope) }
/// ```
public struct SOAPEnvelope: Sendable {
    /// The whole document (kept alive by this value).
    public let document: XMLDocument
    /// `soap:Header`, when present.
    public let header: XMLElement?
    /// `soap:Body`.
    public let body: XMLElement

    /// Parses and checks the envelope structure under the XML safety limits.
    ///
    /// - Throws: ``SOAPError/xml(_:)`` for unacceptable XML, ``SOAPError/versionMismatch`` for SOAP 1.2,
    ///   ``SOAPError/notAnEnvelope`` for any other root, ``SOAPError/missingElement`` without a Body.
    public init(parsing bytes: some Collection<UInt8>, configuration: XMLParserConfiguration = .default) throws {
        let document: XMLDocument
        do {
            document = try XMLDocument(parsing: bytes, configuration: configuration)
        } catch let error as XMLError {
            throw SOAPError.xml(error)
        }
        try self.init(document: document)
    }

    /// Checks the structure of an already parsed document.
    ///
    /// - Throws: as ``init(parsing:configuration:)``.
    public init(document: XMLDocument) throws {
        let root = document.root
        guard root.localName == "Envelope", let namespace = root.namespaceURI else { throw SOAPError.notAnEnvelope }
        guard namespace == SOAPNamespace.envelope else {
            throw namespace == SOAPNamespace.envelope12 ? SOAPError.versionMismatch : SOAPError.notAnEnvelope
        }
        var header: XMLElement?
        var body: XMLElement?
        for (index, child) in root.childElements.enumerated() {
            if child.hasName(namespace: SOAPNamespace.envelope, localName: "Header"), index == 0 {
                header = child
            } else if child.hasName(namespace: SOAPNamespace.envelope, localName: "Body"), body == nil {
                body = child
            } else {
                // SOAP 1.1 allows trailing elements, but a second Body or a late Header is a wrapping vector.
                throw SOAPError.unexpected("Envelope/\(child.localName)")
            }
        }
        guard let body else { throw SOAPError.missing("Envelope/Body") }
        self.document = document
        self.header = header
        self.body = body
    }

    /// The first element inside the Body (the operation or the fault), if any.
    public var bodyContent: XMLElement? { body.firstChildElement }

    /// The fault, when the Body carries `soap:Fault`.
    ///
    /// - Throws: ``SOAPError/missingElement`` when the fault lacks `faultcode` or `faultstring`.
    public func fault() throws -> SOAPFault? {
        guard let content = bodyContent, content.hasName(namespace: SOAPNamespace.envelope, localName: "Fault") else {
            return nil
        }
        return try SOAPFault(element: content)
    }
}
