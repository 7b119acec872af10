public import Crypto
public import X509

/// Signs the canonical `ds:SignedInfo` with one algorithm — the seam for production's GOST 34.310.
///
/// Conformers hold a private key and the URI written as `SignatureMethod/@Algorithm`.
public protocol XMLSignatureSigner: Sendable {
    /// The `SignatureMethod` algorithm URI, e.g. ``XMLSignatureAlgorithm/ecdsaSHA256``.
    var algorithm: String { get }
    /// The raw `SignatureValue` bytes over `data` (the canonical SignedInfo).
    func signature(for data: [UInt8]) throws -> [UInt8]
}

/// Checks a `SignatureValue` with one algorithm, given the signer certificate's public key.
public protocol XMLSignatureVerifier: Sendable {
    /// The `SignatureMethod` algorithm URI this verifier handles.
    var algorithm: String { get }
    /// Whether `signature` is valid over `data` for `publicKey`; `false` also for a key of the wrong type.
    func isValidSignature(_ signature: [UInt8], for data: [UInt8], publicKey: Certificate.PublicKey) -> Bool
    /// Checks against one pinned key, prepared once. Default: no preparation (see ``XMLSignatureKeyVerifier``).
    func prepared(for publicKey: Certificate.PublicKey) -> any XMLSignatureKeyVerifier
}

/// Computes a `DigestValue` with one algorithm.
public protocol XMLDigestAlgorithm: Sendable {
    /// The `DigestMethod` algorithm URI, e.g. ``XMLSignatureAlgorithm/sha256``.
    var algorithm: String { get }
    /// The digest of `data`.
    func digest(_ data: UnsafeRawBufferPointer) -> [UInt8]
}

/// Algorithm URIs used by XML-DSig over SyncChannel.
public enum XMLSignatureAlgorithm {
    /// ECDSA P-256 with SHA-256 (XML-DSig 1.1; value is raw `r‖s`, 64 bytes). Our default.
    public static let ecdsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
    /// RSA PKCS#1 v1.5 with SHA-256.
    public static let rsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    /// Kazakhstan's GOST 34.310-2004 with GOST 34.311-95 (production; not implemented here).
    public static let gost34310 = "http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311"
    /// SHA-256 digest.
    public static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"
    /// Exclusive C14N 1.0 without comments: the only canonicalization and transform accepted.
    public static let exclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
}

// MARK: - ECDSA P-256

/// ECDSA P-256 / SHA-256 signing; the signature value is raw `r‖s` as XML-DSig 1.1 requires (not DER).
///
/// `@unchecked Sendable`: swift-crypto does not mark the private key `Sendable` on this platform, but it is an
/// immutable value (its BoringSSL key object is never modified after creation and signing only reads it),
/// so sharing it between tasks is safe.
public struct ECDSAP256SHA256Signer: XMLSignatureSigner, @unchecked Sendable {
    private let key: P256.Signing.PrivateKey
    public var algorithm: String { XMLSignatureAlgorithm.ecdsaSHA256 }

    /// Signs with `key`.
    public init(key: P256.Signing.PrivateKey) { self.key = key }

    public func signature(for data: [UInt8]) throws -> [UInt8] {
        Array(try key.signature(for: data).rawRepresentation)
    }
}

/// ECDSA P-256 / SHA-256 verification of raw `r‖s` signature values.
public struct ECDSAP256SHA256Verifier: XMLSignatureVerifier {
    public var algorithm: String { XMLSignatureAlgorithm.ecdsaSHA256 }

    /// Creates the verifier.
    public init() {}

    public func isValidSignature(_ signature: [UInt8], for data: [UInt8], publicKey: Certificate.PublicKey) -> Bool {
        guard let key = P256.Signing.PublicKey(publicKey),
            let value = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
        else { return false }
        return key.isValidSignature(value, for: data)
    }

    /// A P-256 key gets its precomputed multiples (``P256PinnedKeyVerifier``); any other key the general check.
    public func prepared(for publicKey: Certificate.PublicKey) -> any XMLSignatureKeyVerifier {
        guard P256.Signing.PublicKey(publicKey) != nil else {
            return KeyBoundXMLSignatureVerifier(verifier: self, publicKey: publicKey)
        }
        return P256PinnedKeyVerifier(publicKey: publicKey)
    }
}

// MARK: - SHA-256

/// SHA-256 digests (`http://www.w3.org/2001/04/xmlenc#sha256`).
public struct SHA256Digest: XMLDigestAlgorithm {
    public var algorithm: String { XMLSignatureAlgorithm.sha256 }

    /// Creates the digest algorithm.
    public init() {}

    public func digest(_ data: UnsafeRawBufferPointer) -> [UInt8] { Array(SHA256.hash(data: data)) }
}
