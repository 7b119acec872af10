public import XMLSupport

/// Writes SOAP 1.1 envelopes (unsigned; see ``WSSecuritySigner`` for signed ones).
///
/// The envelope binds `soap` to SOAP 1.1 on the root; the body closure writes the Body's content.
public enum SOAPEnvelopeWriter {
    /// An unsigned envelope around `body`.
    ///
    /// - Parameters:
    ///   - header: the Header's content; `nil` writes no Header.
    ///   - body: writes the Body's content (the operation element or a fault).
    /// - Returns: the UTF-8 bytes, with an XML declaration.
    public static func envelope(
        header: ((inout XMLWriter) -> Void)? = nil,
        body: (inout XMLWriter) -> Void
    ) -> [UInt8] {
        var writer = XMLWriter(xmlDeclaration: true, reservingCapacity: 2048)
        writer.startElement("Envelope", prefix: "soap")
        writer.declareNamespace(prefix: "soap", uri: SOAPNamespace.envelope)
        if let header {
            writer.startElement("Header", prefix: "soap")
            header(&writer)
            writer.endElement()
        }
        writer.startElement("Body", prefix: "soap")
        body(&writer)
        writer.endElement()
        writer.endElement()
        return writer.bytes
    }

    /// An envelope carrying `fault`; `detail` writes the detail element's content.
    public static func fault(_ fault: SOAPFault, detail: ((inout XMLWriter) -> Void)? = nil) -> [UInt8] {
        envelope { writer in fault.write(into: &writer, detail: detail) }
    }
}
