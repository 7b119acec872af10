public import Foundation
public import X509
public import XMLSupport
import SwiftASN1

/// Verifies the WS-Security signature over a SOAP Body, refusing anything but the one accepted shape.
///
/// Accepted: exactly one `wsse:Security` header holding exactly one `ds:Signature`, whose `SignedInfo` has
/// exclusive C14N as canonicalization, a known `SignatureMethod`, and exactly one `Reference` with URI
/// `#id`, exactly one exclusive-C14N transform and a known `DigestMethod`; the id must occur once in the
/// whole document and name the envelope's `soap:Body` — the element the caller goes on to process. The
/// signer certificate (from `wsse:KeyIdentifier`, or `ds:X509Data/ds:X509Certificate` as signed by
/// generic tools) must be one of the pinned ``Configuration/trustedCertificates``, compared as DER.
///
/// Checks run cheapest first; each failure has its own ``SOAPError`` kind.
public struct WSSecurityVerifier: Sendable {
    /// What the verifier accepts.
    public struct Configuration: Sendable {
        /// The pinned signer certificates; a signature by any other certificate is refused. Default: none.
        public var trustedCertificates: [Certificate]
        /// Signature algorithms by URI. Default: ECDSA P-256/SHA-256 and RSA/SHA-256.
        public var signatureVerifiers: [any XMLSignatureVerifier]
        /// Digest algorithms by URI. Default: SHA-256.
        public var digestAlgorithms: [any XMLDigestAlgorithm]
        /// Whether an unsigned message is an error (``SOAPError/signatureMissing``). Default: `true`.
        public var requiresSignature: Bool
        /// Whether the signer certificate must be within its validity period. Default: `true`.
        public var checksValidityPeriod: Bool

        /// Creates a configuration; every parameter but the trusted certificates has the documented default.
        public init(
            trustedCertificates: [Certificate],
            signatureVerifiers: [any XMLSignatureVerifier] = [ECDSAP256SHA256Verifier(), RSASHA256Verifier()],
            digestAlgorithms: [any XMLDigestAlgorithm] = [SHA256Digest()],
            requiresSignature: Bool = true,
            checksValidityPeriod: Bool = true
        ) {
            self.trustedCertificates = trustedCertificates
            self.signatureVerifiers = signatureVerifiers
            self.digestAlgorithms = digestAlgorithms
            self.requiresSignature = requiresSignature
            self.checksValidityPeriod = checksValidityPeriod
        }
    }

    /// A verified signature.
    public struct Verification: Sendable {
        /// The signer certificate (one of the trusted ones).
        public let certificate: Certificate
        /// The `SignatureMethod` algorithm URI.
        public let signatureAlgorithm: String
        /// The signed Body — the same element as `envelope.body`.
        public let body: XMLElement
    }

    /// The configuration in use.
    public let configuration: Configuration
    /// The pinned certificates with their DER bytes, parsed once here rather than from every message, and their
    /// keys prepared for each signature algorithm.
    private let trusted: [(der: [UInt8], base64: String, certificate: Certificate, keyVerifiers: [String: any XMLSignatureKeyVerifier])]
    private let verifiers: [String: any XMLSignatureVerifier]
    private let digests: [String: any XMLDigestAlgorithm]

    /// Creates a verifier.
    ///
    /// - Throws: when a trusted certificate cannot be DER-serialised.
    public init(configuration: Configuration) throws {
        self.configuration = configuration
        let verifiers = Dictionary(configuration.signatureVerifiers.map { ($0.algorithm, $0) }, uniquingKeysWith: { first, _ in first })
        self.trusted = try configuration.trustedCertificates.map { certificate in
            let der = try Self.der(certificate)
            let keyVerifiers = verifiers.mapValues { $0.prepared(for: certificate.publicKey) }
            return (der, Data(der).base64EncodedString(), certificate, keyVerifiers)
        }
        self.verifiers = verifiers
        self.digests = Dictionary(configuration.digestAlgorithms.map { ($0.algorithm, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Verifies the signature over `envelope.body`.
    ///
    /// - Parameter now: the time the certificate's validity period is checked against.
    /// - Returns: the verification, or `nil` for an unsigned message when signatures are not required.
    /// - Throws: a ``SOAPError`` naming the first failed check.
    public func verify(_ envelope: SOAPEnvelope, now: Date = Date()) throws -> Verification? {
        guard let signature = try Self.findSignature(in: envelope) else {
            if configuration.requiresSignature { throw SOAPError.signatureMissing }
            return nil
        }

        // Shape of SignedInfo and the algorithms it names.
        let signedInfo = try Self.single(signature, SOAPNamespace.xmldsig, "SignedInfo")
        let canonicalization = try Self.single(signedInfo, SOAPNamespace.xmldsig, "CanonicalizationMethod")
        guard canonicalization.attribute(localName: "Algorithm") == XMLSignatureAlgorithm.exclusiveC14N else {
            throw SOAPError.unsupportedAlgorithm("SignedInfo/CanonicalizationMethod")
        }
        let signatureMethod = try Self.single(signedInfo, SOAPNamespace.xmldsig, "SignatureMethod")
        guard let algorithm = signatureMethod.attribute(localName: "Algorithm"), verifiers[algorithm] != nil else {
            throw SOAPError.unsupportedAlgorithm("SignedInfo/SignatureMethod")
        }
        let reference = try Self.single(signedInfo, SOAPNamespace.xmldsig, "Reference")
        let transforms = try Self.single(reference, SOAPNamespace.xmldsig, "Transforms")
        let transform = try Self.single(transforms, SOAPNamespace.xmldsig, "Transform")
        guard transform.attribute(localName: "Algorithm") == XMLSignatureAlgorithm.exclusiveC14N else {
            throw SOAPError.unsupportedAlgorithm("Reference/Transform")
        }
        let digestMethod = try Self.single(reference, SOAPNamespace.xmldsig, "DigestMethod")
        guard let digestURI = digestMethod.attribute(localName: "Algorithm"), let digest = digests[digestURI] else {
            throw SOAPError.unsupportedAlgorithm("Reference/DigestMethod")
        }

        // The reference must resolve, uniquely, to the Body we process.
        guard let uri = reference.attribute(localName: "URI"), uri.hasPrefix("#"), uri.count > 1 else {
            throw SOAPError.referenceNotBody
        }
        try Self.checkReference(id: String(uri.dropFirst()), resolvesTo: envelope.body, in: envelope.document)

        // Signer certificate: present, pinned (byte for byte, so the pinned certificate's parsed form is the one the
        // message carries), current.
        // The usual case, the value exactly as we would encode a pinned certificate, needs no decoding.
        let certificateText = try Self.certificateText(in: signature)
        let pinnedIndex: Int
        if let index = trusted.firstIndex(where: { $0.base64 == certificateText }) {
            pinnedIndex = index
        } else {
            guard let certificateDER = Self.base64(certificateText), !certificateDER.isEmpty else { throw SOAPError.certificateInvalid }
            guard let index = trusted.firstIndex(where: { $0.der == certificateDER }) else { throw SOAPError.untrustedCertificate }
            pinnedIndex = index
        }
        let certificate = trusted[pinnedIndex].certificate
        guard let keyVerifier = trusted[pinnedIndex].keyVerifiers[algorithm] else {
            throw SOAPError.unsupportedAlgorithm("SignedInfo/SignatureMethod")
        }
        if configuration.checksValidityPeriod, !(certificate.notValidBefore...certificate.notValidAfter).contains(now) {
            throw SOAPError.certificateNotValidNow
        }

        // Digest of the Body, then the signature over SignedInfo.
        guard let expectedDigest = Self.base64(try Self.single(reference, SOAPNamespace.xmldsig, "DigestValue").text) else {
            throw SOAPError.malformedSignature("Reference/DigestValue")
        }
        let bodyPrefixes = Self.inclusivePrefixes(of: transform)
        let actualDigest = try Self.xml {
            try envelope.body.withExclusiveCanonicalization(inclusiveNamespacePrefixes: bodyPrefixes) { digest.digest($0) }
        }
        guard Self.constantTimeEqual(actualDigest, expectedDigest) else { throw SOAPError.digestMismatch }

        guard let signatureValue = Self.base64(try Self.single(signature, SOAPNamespace.xmldsig, "SignatureValue").text) else {
            throw SOAPError.malformedSignature("Signature/SignatureValue")
        }
        let canonicalSignedInfo = try Self.xml {
            try signedInfo.exclusiveCanonicalization(inclusiveNamespacePrefixes: Self.inclusivePrefixes(of: canonicalization))
        }
        guard keyVerifier.isValidSignature(signatureValue, for: canonicalSignedInfo) else {
            throw SOAPError.badSignature
        }
        return Verification(certificate: certificate, signatureAlgorithm: algorithm, body: envelope.body)
    }

    // MARK: - Structure

    /// The one `ds:Signature` of the one `wsse:Security` header, or `nil` when there is no Security header.
    private static func findSignature(in envelope: SOAPEnvelope) throws -> XMLElement? {
        guard let header = envelope.header else { return nil }
        let securities = header.children(namespace: SOAPNamespace.wsse, localName: "Security")
        guard let security = securities.first else { return nil }
        guard securities.count == 1 else { throw SOAPError.malformedSignature("Header/Security") }
        let signatures = security.children(namespace: SOAPNamespace.xmldsig, localName: "Signature")
        guard let signature = signatures.first else { return nil }
        guard signatures.count == 1 else { throw SOAPError.malformedSignature("Security/Signature") }
        return signature
    }

    private static func single(_ parent: XMLElement, _ namespace: String, _ name: String) throws -> XMLElement {
        var match: XMLElement?
        for child in parent.childElements where child.hasName(namespace: namespace, localName: name) {
            guard match == nil else { throw SOAPError.malformedSignature("\(parent.localName)/\(name)") }
            match = child
        }
        guard let match else { throw SOAPError.malformedSignature("\(parent.localName)/\(name)") }
        return match
    }

    /// Refuses a reference that is not exactly the processed Body, and any id that occurs twice.
    ///
    /// Ids are `wsu:Id`, `xml:id` and unqualified `Id`/`ID`/`id` attributes — every spelling a resolver
    /// (ours, xmlsec's, a JAX-WS stack's) might honour, so no two parties can resolve `#id` differently.
    private static func checkReference(id: String, resolvesTo body: XMLElement, in document: XMLDocument) throws {
        var seen = Set<String>()
        var target: XMLElement?
        for (element, value) in document.root.subtreeAttributes(named: idAttributeNames) {
            guard seen.insert(value).inserted else { throw SOAPError.duplicateId }
            if value == id { target = element }
        }
        guard let target, target == body else { throw SOAPError.referenceNotBody }
    }

    /// The attributes that can carry an id.
    private static let idAttributeNames: [(namespace: String?, localName: String)] = [
        (nil, "Id"), (nil, "ID"), (nil, "id"), (SOAPNamespace.wsu, "Id"), ("http://www.w3.org/XML/1998/namespace", "id"),
    ]

    private static func inclusivePrefixes(of method: XMLElement) -> [String] {
        guard let list = method.firstChild(namespace: SOAPNamespace.exclusiveC14N, localName: "InclusiveNamespaces")?
            .attribute(localName: "PrefixList")
        else { return [] }
        return list.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }

    /// The base64 text of the signer certificate in `KeyInfo`.
    private static func certificateText(in signature: XMLElement) throws -> String {
        guard let keyInfo = signature.firstChild(namespace: SOAPNamespace.xmldsig, localName: "KeyInfo") else {
            throw SOAPError.certificateMissing
        }
        let text: String
        if let identifier = keyInfo.firstChild(namespace: SOAPNamespace.wsse, localName: "SecurityTokenReference")?
            .firstChild(namespace: SOAPNamespace.wsse, localName: "KeyIdentifier")
        {
            if let valueType = identifier.attribute(localName: "ValueType"), valueType != WSSecurityURI.x509v3 {
                throw SOAPError.certificateInvalid
            }
            text = identifier.text
        } else if let x509 = keyInfo.firstChild(namespace: SOAPNamespace.xmldsig, localName: "X509Data")?
            .firstChild(namespace: SOAPNamespace.xmldsig, localName: "X509Certificate")
        {
            text = x509.text
        } else {
            throw SOAPError.certificateMissing
        }
        return text
    }

    // MARK: - Bytes

    /// Strict base64, XML whitespace allowed (generic tools wrap lines).
    private static func base64(_ text: String) -> [UInt8]? { XMLBase64.decode(text) }

    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }

    private static func der(_ certificate: Certificate) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return serializer.serializedBytes
    }

    private static func xml<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as XMLError {
            throw SOAPError.xml(error)
        }
    }
}
