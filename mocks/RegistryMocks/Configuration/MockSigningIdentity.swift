public import Crypto
public import Foundation
public import SOAP
import SwiftASN1
public import X509

/// A private key with its self-signed certificate: what signs the SOAP mocks' responses, and what a test client
/// signs its requests with.
///
/// Made at run time (``generate(commonName:)``); no private key is ever committed. ECDSA P-256 with SHA-256.
public struct MockSigningIdentity: Sendable {
    /// The private key's raw scalar (kept as bytes so the identity is a plain `Sendable` value).
    private let privateKeyBytes: Data
    /// The self-signed certificate of ``privateKey``.
    public let certificate: Certificate

    /// Wraps an existing key and its certificate.
    public init(privateKey: P256.Signing.PrivateKey, certificate: Certificate) {
        self.privateKeyBytes = privateKey.rawRepresentation
        self.certificate = certificate
    }

    /// The private key.
    public var privateKey: P256.Signing.PrivateKey {
        // The bytes came from a valid key's rawRepresentation, so they always form a key again.
        try! P256.Signing.PrivateKey(rawRepresentation: privateKeyBytes)
    }

    /// A fresh key and a self-signed certificate valid from an hour ago for `validity`.
    ///
    /// - Throws: ``RegistryMocksError/identityFailed`` when the certificate cannot be built.
    public static func generate(commonName: String, validity: Duration = .seconds(365 * 86_400)) throws(RegistryMocksError) -> MockSigningIdentity {
        let key = P256.Signing.PrivateKey()
        do {
            let subject = try DistinguishedName {
                CountryName("KZ")
                OrganizationName("Qorgan mock registries")
                CommonName(commonName)
            }
            let now = Date()
            let certificate = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: .init(key.publicKey),
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(Double(validity.components.seconds)),
                issuer: subject,
                subject: subject,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    KeyUsage(digitalSignature: true)
                },
                issuerPrivateKey: .init(key)
            )
            return MockSigningIdentity(privateKey: key, certificate: certificate)
        } catch {
            throw .identityFailed("certificate")
        }
    }

    /// A WS-Security signer using this identity (ECDSA P-256/SHA-256).
    ///
    /// - Throws: ``RegistryMocksError/identityFailed`` when the certificate cannot be serialised.
    public func wsSecuritySigner() throws(RegistryMocksError) -> WSSecuritySigner {
        do {
            return try WSSecuritySigner(signer: ECDSAP256SHA256Signer(key: privateKey), certificate: certificate)
        } catch {
            throw .identityFailed("signer")
        }
    }

    /// The certificate as PEM.
    public var certificatePEM: String {
        get throws(RegistryMocksError) {
            do { return try certificate.serializeAsPEM().pemString } catch { throw .identityFailed("certificate PEM") }
        }
    }

    /// The private key as PKCS#8 PEM.
    public var privateKeyPEM: String { privateKey.pemRepresentation }
}
