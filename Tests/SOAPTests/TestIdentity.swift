import Crypto
import Foundation
import SOAP
import SwiftASN1
import X509
import XMLSupport
import _CryptoExtras

/// A signing identity made at run time for tests: a fresh key and a self-signed certificate.
/// No private key is committed to the repository.
struct TestIdentity {
    let signer: any XMLSignatureSigner
    let certificate: Certificate
    /// PEM of the private key (PKCS#8) and certificate, for handing to xmlsec1.
    let privateKeyPEM: String
    let certificatePEM: String

    static func p256(name: String = "Qorgan Test Signer", notBefore: Date = Date(timeIntervalSinceNow: -3600),
                     notAfter: Date = Date(timeIntervalSinceNow: 86_400)) throws -> TestIdentity {
        let key = P256.Signing.PrivateKey()
        let certificate = try makeCertificate(
            publicKey: .init(key.publicKey), issuerKey: .init(key), algorithm: .ecdsaWithSHA256, name: name,
            notBefore: notBefore, notAfter: notAfter)
        return TestIdentity(
            signer: ECDSAP256SHA256Signer(key: key), certificate: certificate,
            privateKeyPEM: key.pemRepresentation, certificatePEM: try certificate.serializeAsPEM().pemString)
    }

    static func rsa2048(name: String = "Qorgan Test RSA Signer") throws -> TestIdentity {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let certificate = try makeCertificate(
            publicKey: .init(key.publicKey), issuerKey: .init(key), algorithm: .sha256WithRSAEncryption, name: name,
            notBefore: Date(timeIntervalSinceNow: -3600), notAfter: Date(timeIntervalSinceNow: 86_400))
        return TestIdentity(
            signer: RSASHA256Signer(key: key), certificate: certificate,
            privateKeyPEM: key.pemRepresentation, certificatePEM: try certificate.serializeAsPEM().pemString)
    }

    private static func makeCertificate(
        publicKey: Certificate.PublicKey, issuerKey: Certificate.PrivateKey, algorithm: Certificate.SignatureAlgorithm, name: String, notBefore: Date, notAfter: Date
    ) throws -> Certificate {
        let subject = try DistinguishedName {
            CountryName("KZ")
            OrganizationName("Qorgan tests")
            CommonName(name)
        }
        return try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: publicKey,
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: subject,
            subject: subject,
            signatureAlgorithm: algorithm,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                KeyUsage(digitalSignature: true)
            },
            issuerPrivateKey: issuerKey
        )
    }

    func wsSecuritySigner() throws -> WSSecuritySigner { try WSSecuritySigner(signer: signer, certificate: certificate) }
}

/// Synthetic SyncChannel messages shared by the tests.
enum Samples {
    static let soapNS = "http://schemas.xmlsoap.org/soap/envelope/"
    static let payloadNS = "urn:qorgan:mock:gbdfl:v1"

    static let personRequestFragment = XMLFragmentFactory.iin("150601500436")

    static func request(payload: SyncChannelPayload? = .element(personRequestFragment, xsiType: .init(prefix: "p", namespace: payloadNS, localName: "PersonRequest"))) -> SendMessageRequest {
        SendMessageRequest(
            info: .init(
                messageId: "3d0c6a52-9f1e-4c7b-8a44-1b2e5f6d7c80",
                serviceId: "MOCK_GBDFL_PERSON",
                messageDate: "2025-02-03T10:15:00.000+05:00",
                sender: SyncChannelSender(senderId: "qorgan-gateway", password: "not-a-real-password"),
                properties: [SyncChannelProperty(key: "CONNECTOR_CLIENT", value: "qorgan & co <test>")],
                sessionId: "{9a7e2f10-0b6c-4d58-9e3a-52c1d0f4e8b7}"
            ),
            payload: payload
        )
    }
}

enum XMLFragmentFactory {
    static func iin(_ value: String) -> XMLFragment {
        XMLFragment { writer in
            writer.startElement("PersonRequest", prefix: "p")
            writer.declareNamespace(prefix: "p", uri: Samples.payloadNS)
            writer.element("iin", prefix: "p", text: value)
            writer.endElement()
        }
    }
}
