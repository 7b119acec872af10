public import XMLSupport

/// Why a SOAP message could not be read, built, signed or verified.
///
/// Compare with the static members (`error == .digestMismatch`); equality looks at the kind only.
/// ``shortDescription`` is a constant label for metrics. ``element`` names the schema element involved
/// (a constant such as `responseInfo/messageId`), never a value from the message.
public struct SOAPError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case xml = "soap.xml"
        case notAnEnvelope = "soap.not_an_envelope"
        case versionMismatch = "soap.version_mismatch"
        case missingElement = "soap.missing_element"
        case unexpectedContent = "soap.unexpected_content"
        case signatureMissing = "wss.signature_missing"
        case malformedSignature = "wss.malformed_signature"
        case unsupportedAlgorithm = "wss.unsupported_algorithm"
        case referenceNotBody = "wss.reference_not_body"
        case duplicateId = "wss.duplicate_id"
        case digestMismatch = "wss.digest_mismatch"
        case certificateMissing = "wss.certificate_missing"
        case certificateInvalid = "wss.certificate_invalid"
        case untrustedCertificate = "wss.untrusted_certificate"
        case certificateNotValidNow = "wss.certificate_not_valid_now"
        case badSignature = "wss.bad_signature"
        case signingFailed = "wss.signing_failed"
    }

    private let code: Code

    /// The schema element concerned, when there is one (e.g. `requestInfo/messageId`).
    public let element: String?

    /// The XML error behind ``xml(_:)``.
    public let xmlError: XMLError?

    private init(_ code: Code, element: String? = nil, xmlError: XMLError? = nil) {
        self.code = code
        self.element = element
        self.xmlError = xmlError
    }

    // MARK: - Message structure

    /// The bytes are not acceptable XML (limits, DOCTYPE, encoding, well-formedness); see ``xmlError``.
    public static func xml(_ error: XMLError) -> SOAPError { SOAPError(.xml, xmlError: error) }
    /// Kind-only value of ``xml(_:)`` for comparisons.
    public static let xml = SOAPError(.xml)
    /// The root element is not `{SOAP 1.1}Envelope`.
    public static let notAnEnvelope = SOAPError(.notAnEnvelope)
    /// The envelope is SOAP 1.2; SyncChannel speaks SOAP 1.1 only.
    public static let versionMismatch = SOAPError(.versionMismatch)
    /// A required element is absent or empty; see ``element``.
    public static let missingElement = SOAPError(.missingElement)
    /// An element is present but not what the schema allows here; see ``element``.
    public static let unexpectedContent = SOAPError(.unexpectedContent)

    static func missing(_ element: String) -> SOAPError { SOAPError(.missingElement, element: element) }
    static func unexpected(_ element: String) -> SOAPError { SOAPError(.unexpectedContent, element: element) }

    // MARK: - WS-Security

    /// A signature is required but the message has none.
    public static let signatureMissing = SOAPError(.signatureMissing)
    /// The Security header or `ds:Signature` is not in the accepted shape (one Signature, one Reference, …).
    public static let malformedSignature = SOAPError(.malformedSignature)
    /// A canonicalization, transform, digest or signature algorithm URI we do not accept.
    public static let unsupportedAlgorithm = SOAPError(.unsupportedAlgorithm)
    /// The signed reference does not resolve to the SOAP Body that is processed (signature wrapping).
    public static let referenceNotBody = SOAPError(.referenceNotBody)
    /// An id value occurs more than once in the document (signature wrapping).
    public static let duplicateId = SOAPError(.duplicateId)
    /// The Body's digest differs from the signed `DigestValue`: the Body was modified.
    public static let digestMismatch = SOAPError(.digestMismatch)
    /// No signer certificate in `KeyInfo`.
    public static let certificateMissing = SOAPError(.certificateMissing)
    /// The signer certificate is not valid base64 DER X.509 or has an unsupported key.
    public static let certificateInvalid = SOAPError(.certificateInvalid)
    /// The signer certificate is not one of the trusted certificates.
    public static let untrustedCertificate = SOAPError(.untrustedCertificate)
    /// The signer certificate is outside its validity period.
    public static let certificateNotValidNow = SOAPError(.certificateNotValidNow)
    /// The signature value does not verify over `SignedInfo` with the signer's key.
    public static let badSignature = SOAPError(.badSignature)
    /// The signing key failed to produce a signature.
    public static let signingFailed = SOAPError(.signingFailed)

    static func malformedSignature(_ element: String) -> SOAPError { SOAPError(.malformedSignature, element: element) }
    static func unsupportedAlgorithm(_ element: String) -> SOAPError { SOAPError(.unsupportedAlgorithm, element: element) }

    // MARK: - Descriptions

    /// A constant, payload-free label (e.g. `wss.digest_mismatch`) for metrics and logs.
    public var shortDescription: String { code.rawValue }

    public var description: String {
        var text = "SOAPError(\(code.rawValue)"
        if let element { text += ", element \(element)" }
        if let xmlError { text += ", \(xmlError)" }
        return text + ")"
    }

    /// Two errors are equal when they are of the same kind.
    public static func == (lhs: SOAPError, rhs: SOAPError) -> Bool { lhs.code == rhs.code }

    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
