public import _CryptoExtras
public import X509

/// RSA PKCS#1 v1.5 / SHA-256 signing (`xmldsig-more#rsa-sha256`). About a millisecond per signature at
/// 2048 bits — prefer ``ECDSAP256SHA256Signer`` where the peer allows it.
///
/// `@unchecked Sendable` for the same reason as ``ECDSAP256SHA256Signer``: the key is immutable after creation.
public struct RSASHA256Signer: XMLSignatureSigner, @unchecked Sendable {
    private let key: _RSA.Signing.PrivateKey
    public var algorithm: String { XMLSignatureAlgorithm.rsaSHA256 }

    /// Signs with `key`.
    public init(key: _RSA.Signing.PrivateKey) { self.key = key }

    public func signature(for data: [UInt8]) throws -> [UInt8] {
        Array(try key.signature(for: data, padding: .insecurePKCS1v1_5).rawRepresentation)
    }
}

/// RSA PKCS#1 v1.5 / SHA-256 verification.
public struct RSASHA256Verifier: XMLSignatureVerifier {
    public var algorithm: String { XMLSignatureAlgorithm.rsaSHA256 }

    /// Creates the verifier.
    public init() {}

    public func isValidSignature(_ signature: [UInt8], for data: [UInt8], publicKey: Certificate.PublicKey) -> Bool {
        guard let key = _RSA.Signing.PublicKey(publicKey) else { return false }
        return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: data, padding: .insecurePKCS1v1_5)
    }
}
