import Foundation
import SOAP
import Testing
import X509
import XMLSupport

struct SignatureTests {
    private static let identity = Result { try TestIdentity.p256() }

    private func identity() throws -> TestIdentity { try Self.identity.get() }

    private func verifier(trusting certificates: [Certificate], requiresSignature: Bool = true) throws -> WSSecurityVerifier {
        try WSSecurityVerifier(configuration: .init(trustedCertificates: certificates, requiresSignature: requiresSignature))
    }

    private func signed(bodyId: String = "id-body-1") throws -> String {
        String(decoding: try identity().wsSecuritySigner().signedEnvelope(Samples.request(), bodyId: bodyId), as: UTF8.self)
    }

    private func verify(_ text: String, trusting: [Certificate]? = nil) throws -> WSSecurityVerifier.Verification? {
        try verifier(trusting: trusting ?? [identity().certificate]).verify(SOAPEnvelope(parsing: Array(text.utf8)))
    }

    @Test("signs with ECDSA P-256 by default and verifies, with the shep.md structure")
    func signsAndVerifiesECDSA() throws {
        let text = try signed()
        let envelope = try SOAPEnvelope(parsing: Array(text.utf8))
        let verification = try #require(try verifier(trusting: [identity().certificate]).verify(envelope))
        #expect(verification.signatureAlgorithm == XMLSignatureAlgorithm.ecdsaSHA256)
        #expect(verification.certificate == (try identity().certificate))
        #expect(verification.body == envelope.body)
        #expect(try SendMessageRequest(envelope: envelope).info == Samples.request().info)

        let security = try #require(envelope.header?.firstChild(namespace: SOAPNamespace.wsse, localName: "Security"))
        #expect(security.attribute(namespace: SOAPNamespace.envelope, localName: "mustUnderstand") == "1")
        let signature = try #require(security.firstChild(namespace: SOAPNamespace.xmldsig, localName: "Signature"))
        let value = try #require(signature.childText(namespace: SOAPNamespace.xmldsig, localName: "SignatureValue"))
        #expect(Data(base64Encoded: value)?.count == 64, "ECDSA value must be raw r||s, not DER")
        let identifier = try #require(
            signature.firstChild(namespace: SOAPNamespace.xmldsig, localName: "KeyInfo")?
                .firstChild(namespace: SOAPNamespace.wsse, localName: "SecurityTokenReference")?
                .firstChild(namespace: SOAPNamespace.wsse, localName: "KeyIdentifier"))
        #expect(identifier.attribute(localName: "ValueType")
            == "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3")
        #expect(identifier.attribute(localName: "EncodingType")
            == "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary")
        #expect(envelope.body.attribute(namespace: SOAPNamespace.wsu, localName: "Id") == "id-body-1")
    }

    @Test("checks each signature with the key verifier prepared for the pinned certificate, not the general check")
    func usesPreparedKeyVerifier() throws {
        let envelope = try SOAPEnvelope(parsing: Array(try signed().utf8))
        let certificate = try identity().certificate
        let preparedAccepts = try WSSecurityVerifier(
            configuration: .init(trustedCertificates: [certificate], signatureVerifiers: [SplitVerifier(preparedAccepts: true)]))
        #expect(try preparedAccepts.verify(envelope) != nil)
        let preparedRefuses = try WSSecurityVerifier(
            configuration: .init(trustedCertificates: [certificate], signatureVerifiers: [SplitVerifier(preparedAccepts: false)]))
        #expect(throws: SOAPError.badSignature) { try preparedRefuses.verify(envelope) }
    }

    /// ECDSA whose general check and prepared check disagree: the general one says the opposite of the real result.
    private struct SplitVerifier: XMLSignatureVerifier {
        let preparedAccepts: Bool
        var algorithm: String { XMLSignatureAlgorithm.ecdsaSHA256 }

        func isValidSignature(_ signature: [UInt8], for data: [UInt8], publicKey: Certificate.PublicKey) -> Bool { !preparedAccepts }

        func prepared(for publicKey: Certificate.PublicKey) -> any XMLSignatureKeyVerifier {
            preparedAccepts ? ECDSAP256SHA256Verifier().prepared(for: publicKey) : Refusing()
        }

        struct Refusing: XMLSignatureKeyVerifier {
            func isValidSignature(_ signature: [UInt8], for data: [UInt8]) -> Bool { false }
        }
    }

    @Test("signs and verifies with RSA-SHA256")
    func signsAndVerifiesRSA() throws {
        let rsa = try TestIdentity.rsa2048()
        let bytes = try rsa.wsSecuritySigner().signedEnvelope(Samples.request())
        let verification = try #require(try verifier(trusting: [rsa.certificate]).verify(SOAPEnvelope(parsing: bytes)))
        #expect(verification.signatureAlgorithm == XMLSignatureAlgorithm.rsaSHA256)
    }

    @Test("signs responses with either payload style")
    func signsResponses() throws {
        let response = SendMessageResponse(
            info: .init(messageId: "r-1", responseDate: "2025-02-03T10:15:01.000+05:00"),
            payload: .escapedXML(Array("<p:x xmlns:p=\"urn:p\">&amp;</p:x>".utf8)))
        let bytes = try identity().wsSecuritySigner().signedEnvelope(response)
        #expect(try verify(String(decoding: bytes, as: UTF8.self)) != nil)
    }

    @Test("rejects a modified Body")
    func rejectsModifiedBody() throws {
        let text = try signed().replacingOccurrences(of: "150601500436", with: "150601500437")
        #expect(throws: SOAPError.digestMismatch) { try verify(text) }
        let whitespace = try signed().replacingOccurrences(of: "<serviceId>", with: "<serviceId> ")
        #expect(throws: SOAPError.digestMismatch) { try verify(whitespace) }
    }

    @Test("rejects a signature wrapped away from the processed Body")
    func rejectsWrapping() throws {
        let text = try signed()
        let bodyStart = try #require(text.range(of: "<soap:Body"))
        let bodyEnd = try #require(text.range(of: "</soap:Body>"))
        let originalBody = String(text[bodyStart.lowerBound..<bodyEnd.upperBound])
        let evilBody = #"<soap:Body><typ:SendMessage xmlns:typ="http://bip.bee.kz/SyncChannel/v10/Types"/></soap:Body>"#
        // The signed Body moves into a header wrapper; a new, unsigned Body takes its place.
        let wrapped = text.replacingOccurrences(of: originalBody, with: evilBody)
            .replacingOccurrences(of: "</soap:Header>", with: "<w:Wrapper xmlns:w=\"urn:w\">\(originalBody)</w:Wrapper></soap:Header>")
        #expect(throws: SOAPError.referenceNotBody) { try verify(wrapped) }
        // The reference points at another element that carries the id.
        let elsewhere = text.replacingOccurrences(of: ##"URI="#id-body-1""##, with: ##"URI="#id-other""##)
            .replacingOccurrences(of: "<wsse:Security ", with: #"<wsse:Security xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" wsu:Id="id-other" "#)
        #expect(throws: SOAPError.referenceNotBody) { try verify(elsewhere) }
        let dangling = text.replacingOccurrences(of: ##"URI="#id-body-1""##, with: ##"URI="#nowhere""##)
        #expect(throws: SOAPError.referenceNotBody) { try verify(dangling) }
        let external = text.replacingOccurrences(of: ##"URI="#id-body-1""##, with: #"URI="http://127.0.0.1:9/x""#)
        #expect(throws: SOAPError.referenceNotBody) { try verify(external) }
    }

    @Test("rejects a duplicate id anywhere in the document")
    func rejectsDuplicateId() throws {
        let text = try signed()
        let duplicated = text.replacingOccurrences(of: "<requestInfo>", with: #"<requestInfo xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" wsu:Id="id-body-1">"#)
        #expect(throws: SOAPError.duplicateId) { try verify(duplicated) }
        let plainId = text.replacingOccurrences(of: "<wsse:Security ", with: #"<wsse:Security Id="id-body-1" "#)
        #expect(throws: SOAPError.duplicateId) { try verify(plainId) }
    }

    @Test("rejects unknown algorithms", arguments: [
        ("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", XMLSignatureAlgorithm.gost34310),
        ("http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2000/09/xmldsig#sha1"),
        (#"<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#""#, #"<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315""#),
        (#"<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#""#, #"<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature""#),
    ])
    func rejectsUnknownAlgorithms(_ replacement: (String, String)) throws {
        let text = try signed().replacingOccurrences(of: replacement.0, with: replacement.1)
        #expect(throws: SOAPError.unsupportedAlgorithm) { try verify(text) }
    }

    @Test("rejects a certificate outside the trusted set, even with a valid signature")
    func rejectsUntrustedCertificate() throws {
        let stranger = try TestIdentity.p256(name: "Stranger")
        let bytes = try stranger.wsSecuritySigner().signedEnvelope(Samples.request())
        #expect(throws: SOAPError.untrustedCertificate) {
            try verifier(trusting: [identity().certificate]).verify(SOAPEnvelope(parsing: bytes))
        }
        #expect(throws: SOAPError.untrustedCertificate) { try verifier(trusting: []).verify(SOAPEnvelope(parsing: bytes)) }
    }

    @Test("rejects a pinned certificate outside its validity period")
    func rejectsExpiredCertificate() throws {
        let expired = try TestIdentity.p256(notBefore: Date(timeIntervalSinceNow: -86_400 * 30), notAfter: Date(timeIntervalSinceNow: -86_400))
        let envelope = try SOAPEnvelope(parsing: expired.wsSecuritySigner().signedEnvelope(Samples.request()))
        #expect(throws: SOAPError.certificateNotValidNow) { try verifier(trusting: [expired.certificate]).verify(envelope) }
        let lenient = try WSSecurityVerifier(configuration: .init(trustedCertificates: [expired.certificate], checksValidityPeriod: false))
        #expect(try lenient.verify(envelope) != nil)
    }

    @Test("rejects a missing signature when one is required, accepts it when not")
    func handlesMissingSignature() throws {
        let unsigned = try SOAPEnvelope(parsing: Samples.request().envelope())
        #expect(throws: SOAPError.signatureMissing) { try verifier(trusting: [identity().certificate]).verify(unsigned) }
        #expect(try verifier(trusting: [identity().certificate], requiresSignature: false).verify(unsigned) == nil)
        let stripped = try signed().replacingOccurrences(of: #"<ds:Signature[\s\S]*</ds:Signature>"#, with: "", options: .regularExpression)
        #expect(throws: SOAPError.signatureMissing) { try verify(stripped) }
    }

    @Test("rejects a bad signature value and a tampered SignedInfo")
    func rejectsBadSignature() throws {
        let text = try signed()
        let valueRange = try #require(text.range(of: #"(?<=<ds:SignatureValue>)[^<]+"#, options: .regularExpression))
        var raw = try #require(Data(base64Encoded: String(text[valueRange])))
        raw[5] ^= 0x01
        let flipped = text.replacingCharacters(in: valueRange, with: raw.base64EncodedString())
        #expect(throws: SOAPError.badSignature) { try verify(flipped) }
        let garbage = text.replacingCharacters(in: valueRange, with: "AAAA")
        #expect(throws: SOAPError.badSignature) { try verify(garbage) }
        // A second signer's valid signature value over a different SignedInfo.
        let other = try signed(bodyId: "id-body-2")
        let otherRange = try #require(other.range(of: #"(?<=<ds:SignatureValue>)[^<]+"#, options: .regularExpression))
        let swapped = text.replacingCharacters(in: valueRange, with: String(other[otherRange]))
        #expect(throws: SOAPError.badSignature) { try verify(swapped) }
    }

    @Test("rejects a malformed or absent certificate and a doubled Signature")
    func rejectsMalformedSignature() throws {
        let text = try signed()
        let noKey = text.replacingOccurrences(of: #"<ds:KeyInfo>[\s\S]*</ds:KeyInfo>"#, with: "", options: .regularExpression)
        #expect(throws: SOAPError.certificateMissing) { try verify(noKey) }
        let badKey = text.replacingOccurrences(of: #"(?<=X509v3">)[^<]+"#, with: "bm90IGEgY2VydA==", options: .regularExpression)
        #expect(throws: SOAPError.untrustedCertificate) { try verify(badKey) }
        let notBase64 = text.replacingOccurrences(of: #"(?<=X509v3">)[^<]+"#, with: "%%%", options: .regularExpression)
        #expect(throws: SOAPError.certificateInvalid) { try verify(notBase64) }
        let wrongType = text.replacingOccurrences(of: "profile-1.0#X509v3", with: "profile-1.0#X509PKIPathv1")
        #expect(throws: SOAPError.certificateInvalid) { try verify(wrongType) }
        let signatureRange = try #require(text.range(of: #"<ds:Signature [\s\S]*</ds:Signature>"#, options: .regularExpression))
        let doubled = text.replacingCharacters(in: signatureRange, with: String(text[signatureRange]) + String(text[signatureRange]))
        #expect(throws: SOAPError.malformedSignature) { try verify(doubled) }
    }

    @Test("verifies concurrently with one shared verifier")
    func verifiesConcurrently() async throws {
        let bytes = try identity().wsSecuritySigner().signedEnvelope(Samples.request())
        let verifier = try verifier(trusting: [identity().certificate])
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 { group.addTask { try verifier.verify(SOAPEnvelope(parsing: bytes)) != nil } }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 16))
    }

    @Test("embeds SignedInfo in its canonical form, the bytes it signed; an algorithm URI that needs escaping still signs")
    func embedsCanonicalSignedInfo() throws {
        let text = try signed()
        let written = try #require(text.range(of: #"<ds:SignedInfo[\s\S]*</ds:SignedInfo>"#, options: .regularExpression))
        let envelope = try SOAPEnvelope(parsing: Array(text.utf8))
        let signedInfo = try #require(
            envelope.header?.firstChild(namespace: SOAPNamespace.wsse, localName: "Security")?
                .firstChild(namespace: SOAPNamespace.xmldsig, localName: "Signature")?
                .firstChild(namespace: SOAPNamespace.xmldsig, localName: "SignedInfo"))
        let canonical = try signedInfo.referenceExclusiveCanonicalization { Array($0) }
        #expect(String(decoding: canonical, as: UTF8.self) == String(text[written]))

        // A digest URI with '&' is escaped in the document, so SignedInfo goes through C14N before signing.
        struct AmpersandDigest: XMLDigestAlgorithm {
            var algorithm: String { "urn:test:sha256?a&b" }
            func digest(_ data: UnsafeRawBufferPointer) -> [UInt8] { SHA256Digest().digest(data) }
        }
        let signer = try WSSecuritySigner(signer: identity().signer, certificate: identity().certificate, digest: AmpersandDigest())
        let escaped = try signer.signedEnvelope(Samples.request())
        #expect(String(decoding: escaped, as: UTF8.self).contains("urn:test:sha256?a&amp;b"))
        let verifier = try WSSecurityVerifier(
            configuration: .init(trustedCertificates: [identity().certificate], digestAlgorithms: [AmpersandDigest()]))
        #expect(try verifier.verify(SOAPEnvelope(parsing: escaped)) != nil)
    }

    @Test("reads base64 values strictly, XML whitespace allowed", arguments: [
        ("AQID", [1, 2, 3] as [UInt8]?), ("AQI=", [1, 2]), ("AQ==", [1]), ("", []), (" A Q\nI\r\nD\t", [1, 2, 3]), ("AQ=\n=", [1]),
        ("AQI", nil), ("A===", nil), ("AQ==AQID", nil), ("AQ=I", nil), ("AQ%D", nil), ("=AQI", nil), ("AQ==\u{00A0}", nil),
    ])
    func readsBase64Strictly(text: String, expected: [UInt8]?) throws {
        // Where the value is valid, Foundation (whitespace removed) agrees; it is laxer on some invalid ones ("AQ=I").
        if let expected {
            let compact = String(String.UnicodeScalarView(text.unicodeScalars.filter { !" \t\r\n".unicodeScalars.contains($0) }))
            #expect(Data(base64Encoded: compact).map(Array.init) == expected)
        }
        let document = try signed().replacingOccurrences(of: #"(?<=<ds:SignatureValue>)[^<]+"#, with: text, options: .regularExpression)
        // Valid base64 of the wrong value is a bad signature; invalid base64 is a malformed SignatureValue.
        if expected == nil {
            #expect(throws: SOAPError.malformedSignature) { try verify(document) }
        } else {
            #expect(throws: SOAPError.badSignature) { try verify(document) }
        }
    }
}
