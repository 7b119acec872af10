import Foundation
import Identifiers
public import X509
public import XMLSupport
import SwiftASN1

/// Builds SOAP 1.1 envelopes whose Body is signed with WS-Security (`shep.md`, "Signatures").
///
/// The Body carries `wsu:Id`; `wsse:Security` (`mustUnderstand="1"`) holds one `ds:Signature` with one
/// `ds:Reference` to it, exclusive C14N as canonicalization and sole transform, the digest of
/// ``digest`` and the signature of ``signer``; `KeyInfo` carries the certificate as
/// `wsse:SecurityTokenReference/wsse:KeyIdentifier` (X509v3, Base64Binary).
///
/// ```swift
/// let signer = try WSSecuritySigner(signer: ECDSAP256SHA256Signer(key: key), certificate: certificate)
/// let bytes = try signer.signedEnvelope(request)
/// ```
public struct WSSecuritySigner: Sendable {
    /// Produces `SignatureValue`; its ``XMLSignatureSigner/algorithm`` becomes `SignatureMethod`.
    public let signer: any XMLSignatureSigner
    /// The signer certificate written into `KeyInfo` (must match the signer's key).
    public let certificate: Certificate
    /// The digest algorithm. Default: SHA-256.
    public var digest: any XMLDigestAlgorithm
    private let certificateBase64: String

    /// Creates a signer.
    ///
    /// - Throws: when the certificate cannot be DER-serialised.
    public init(signer: any XMLSignatureSigner, certificate: Certificate, digest: any XMLDigestAlgorithm = SHA256Digest()) throws {
        self.signer = signer
        self.certificate = certificate
        self.digest = digest
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        self.certificateBase64 = Data(serializer.serializedBytes).base64EncodedString()
    }

    /// A signed envelope carrying `request`.
    public func signedEnvelope(_ request: SendMessageRequest, bodyId: String = WSSecuritySigner.newBodyId()) throws -> [UInt8] {
        try signedEnvelope(bodyId: bodyId) { try request.write(into: &$0) }
    }

    /// A signed envelope carrying `response`.
    public func signedEnvelope(_ response: SendMessageResponse, bodyId: String = WSSecuritySigner.newBodyId()) throws -> [UInt8] {
        try signedEnvelope(bodyId: bodyId) { try response.write(into: &$0) }
    }

    /// A signed envelope whose Body content is written by `body`.
    ///
    /// - Parameters:
    ///   - bodyId: the `wsu:Id` of the Body (an NCName, unique in the message).
    ///   - body: writes the Body's content.
    /// - Returns: the UTF-8 envelope, with an XML declaration.
    /// - Throws: ``SOAPError/signingFailed`` when the key fails, ``SOAPError/xml(_:)`` if the written Body
    ///   is not acceptable XML (e.g. over the parse limits), or what `body` throws.
    public func signedEnvelope(bodyId: String = WSSecuritySigner.newBodyId(), body: (inout XMLWriter) throws -> Void) throws -> [UInt8] {
        // 1. The Body, declaring every namespace it uses, so it canonicalizes the same alone and in place.
        var bodyWriter = XMLWriter(reservingCapacity: 2048, emptyElementsAsTagPairs: true)
        bodyWriter.startElement("Body", prefix: "soap")
        bodyWriter.declareNamespace(prefix: "soap", uri: SOAPNamespace.envelope)
        bodyWriter.declareNamespace(prefix: "wsu", uri: SOAPNamespace.wsu)
        bodyWriter.attribute("Id", prefix: "wsu", value: bodyId)
        try body(&bodyWriter)
        bodyWriter.endElement()
        let bodyBytes = bodyWriter.bytes

        // 2. Digest of its exclusive canonical form: the written bytes themselves when the writer vouches for them
        //    (tag pairs, namespaces declared where used, attributes in order), otherwise canonicalized from them.
        let digestValue = try Self.xml {
            try XMLCanonicalization.exclusive(ofWritten: bodyWriter).withUnsafeBytes { digest.digest($0) }
        }

        // 3. SignedInfo, and the signature over its canonical form. It is written in canonical form already (tag
        //    pairs, declarations and attributes in canonical order, values that need no escaping), so it is signed
        //    as written and embedded as signed; only a value that would need escaping sends it through C14N.
        let digestBase64 = Data(digestValue).base64EncodedString()
        let writtenCanonically = [signer.algorithm, digest.algorithm, bodyId].allSatisfy(Self.isCanonicalAttributeValue)
        var signedInfo = XMLWriter(reservingCapacity: 1024, emptyElementsAsTagPairs: true)
        signedInfo.startElement("SignedInfo", prefix: "ds")
        signedInfo.declareNamespace(prefix: "ds", uri: SOAPNamespace.xmldsig)
        signedInfo.startElement("CanonicalizationMethod", prefix: "ds")
        signedInfo.attribute("Algorithm", value: XMLSignatureAlgorithm.exclusiveC14N)
        signedInfo.endElement()
        signedInfo.startElement("SignatureMethod", prefix: "ds")
        signedInfo.attribute("Algorithm", value: signer.algorithm)
        signedInfo.endElement()
        signedInfo.startElement("Reference", prefix: "ds")
        signedInfo.attribute("URI", value: "#" + bodyId)
        signedInfo.startElement("Transforms", prefix: "ds")
        signedInfo.startElement("Transform", prefix: "ds")
        signedInfo.attribute("Algorithm", value: XMLSignatureAlgorithm.exclusiveC14N)
        signedInfo.endElement()
        signedInfo.endElement()
        signedInfo.startElement("DigestMethod", prefix: "ds")
        signedInfo.attribute("Algorithm", value: digest.algorithm)
        signedInfo.endElement()
        signedInfo.element("DigestValue", prefix: "ds", text: digestBase64)
        signedInfo.endElement()
        signedInfo.endElement()
        let signedInfoBytes = signedInfo.bytes
        let canonicalSignedInfo =
            writtenCanonically ? signedInfoBytes : try Self.xml { try XMLDocument(parsing: signedInfoBytes).root.exclusiveCanonicalization() }
        let signatureValue: [UInt8]
        do {
            signatureValue = try signer.signature(for: canonicalSignedInfo)
        } catch {
            throw SOAPError.signingFailed
        }

        // 4. The envelope: Header/Security/Signature, then the Body bytes exactly as digested.
        var writer = XMLWriter(xmlDeclaration: true, reservingCapacity: bodyBytes.count + signedInfoBytes.count + 2048)
        writer.startElement("Envelope", prefix: "soap")
        writer.declareNamespace(prefix: "soap", uri: SOAPNamespace.envelope)
        writer.startElement("Header", prefix: "soap")
        writer.startElement("Security", prefix: "wsse")
        writer.declareNamespace(prefix: "wsse", uri: SOAPNamespace.wsse)
        writer.attribute("mustUnderstand", prefix: "soap", value: "1")
        writer.startElement("Signature", prefix: "ds")
        writer.declareNamespace(prefix: "ds", uri: SOAPNamespace.xmldsig)
        writer.fragment(XMLFragment(signedInfo))
        writer.element("SignatureValue", prefix: "ds", text: Data(signatureValue).base64EncodedString())
        writer.startElement("KeyInfo", prefix: "ds")
        writer.startElement("SecurityTokenReference", prefix: "wsse")
        writer.startElement("KeyIdentifier", prefix: "wsse")
        writer.attribute("EncodingType", value: WSSecurityURI.base64Binary)
        writer.attribute("ValueType", value: WSSecurityURI.x509v3)
        writer.text(certificateBase64)
        writer.endElement()
        writer.endElement()
        writer.endElement()
        writer.endElement()
        writer.endElement()
        writer.endElement()
        writer.fragment(XMLFragment(bodyWriter))
        writer.endElement()
        return writer.bytes
    }

    /// Whether `value` reads the same written by ``XMLWriter`` and rendered by exclusive C14N: no character that
    /// either of them escapes (`&`, `<`, `>`, `"`, TAB, LF, CR) nor one the writer replaces (other C0 controls).
    static func isCanonicalAttributeValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "\"") }
    }

    /// A fresh Body id, `id-` followed by a lowercase UUID.
    public static func newBodyId() -> String { "id-" + RandomUUID.lowercased() }

    private static func xml<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as XMLError {
            throw SOAPError.xml(error)
        }
    }
}
