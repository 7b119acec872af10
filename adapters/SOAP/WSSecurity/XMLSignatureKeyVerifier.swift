public import X509

/// Checks `SignatureValue`s with one algorithm against one pinned public key, prepared once for that key.
///
/// ``WSSecurityVerifier`` prepares one per pinned certificate and algorithm, so that work which depends only on the
/// key (decoding it, precomputed tables) is not repeated for every message.
public protocol XMLSignatureKeyVerifier: Sendable {
    /// Whether `signature` is valid over `data` (the canonical SignedInfo) for the prepared key.
    func isValidSignature(_ signature: [UInt8], for data: [UInt8]) -> Bool
}

extension XMLSignatureVerifier {
    /// The general preparation: every check goes to ``isValidSignature(_:for:publicKey:)`` with the key.
    public func prepared(for publicKey: Certificate.PublicKey) -> any XMLSignatureKeyVerifier {
        KeyBoundXMLSignatureVerifier(verifier: self, publicKey: publicKey)
    }
}

/// An ``XMLSignatureVerifier`` with its public key fixed; no preparation of its own.
struct KeyBoundXMLSignatureVerifier: XMLSignatureKeyVerifier {
    let verifier: any XMLSignatureVerifier
    let publicKey: Certificate.PublicKey

    func isValidSignature(_ signature: [UInt8], for data: [UInt8]) -> Bool {
        verifier.isValidSignature(signature, for: data, publicKey: publicKey)
    }
}
