public import SOAP
public import XMLSupport

/// How a SOAP adapter talks SyncChannel v10 to its registry: who we are on the bus, how requests are signed, whose
/// signatures on answers are trusted.
public struct SyncChannelClientConfiguration: Sendable {
    /// Our sender login and password on the bus. No default.
    public var sender: SyncChannelSender
    /// Signs each request's Body (WS-Security); `nil` sends unsigned requests. No default.
    public var signer: WSSecuritySigner?
    /// Verifies each answer's signature against the pinned trust set before anything in it is used. No default.
    public var verifier: WSSecurityVerifier
    /// Path of the SyncChannel endpoint below the base URL. Default: `/`.
    public var path: String
    /// Limits for parsing answers. Default: `XMLParserConfiguration.default` (10 MiB, depth 256).
    public var parser: XMLParserConfiguration

    /// Creates a configuration.
    public init(
        sender: SyncChannelSender, signer: WSSecuritySigner?, verifier: WSSecurityVerifier, path: String = "/",
        parser: XMLParserConfiguration = .default
    ) {
        self.sender = sender
        self.signer = signer
        self.verifier = verifier
        self.path = path
        self.parser = parser
    }
}
