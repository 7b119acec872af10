/// URIs of the WS-Security X.509 token profile that `shep.md` prescribes for the signer certificate.
enum WSSecurityURI {
    /// `KeyIdentifier/@ValueType`: an X.509 v3 certificate.
    static let x509v3 =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3"
    /// `KeyIdentifier/@EncodingType`: base64.
    static let base64Binary =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"
}
