/// How a request to a registry proves who we are.
///
/// `description` never shows a secret.
public enum RegistryCredentials: Sendable, CustomStringConvertible {
    /// No credentials at the HTTP level (SyncChannel carries its sender and signature inside the envelope).
    case none
    /// A fixed API key in a header (e.g. the SMS gateway's `X-API-Key`).
    case apiKey(header: String, value: String)
    /// An OAuth2 client-credentials bearer token, fetched, cached and refreshed by the transport.
    case oauth2ClientCredentials(OAuth2ClientCredentials)

    /// The kind of credentials, without secrets.
    public var description: String {
        switch self {
        case .none: "none"
        case .apiKey(let header, _): "apiKey(\(header): ***)"
        case .oauth2ClientCredentials(let credentials): "oauth2(\(credentials.clientId))"
        }
    }
}

/// An OAuth2 client (RFC 6749 §4.4, client-credentials grant) and how to keep its token fresh.
public struct OAuth2ClientCredentials: Sendable, CustomStringConvertible {
    /// Path of the token endpoint below the registry's base URL. Default: `/oauth/token`.
    public var tokenPath: String
    /// The client id.
    public var clientId: String
    /// The client secret (never logged).
    public var clientSecret: String
    /// The scope to ask for, when the registry needs one. Default: none.
    public var scope: String?
    /// Refresh this long before the token expires. Default: 30 seconds.
    public var refreshMargin: Duration
    /// Lifetime assumed when the token response has no `expires_in`. Default: 60 seconds.
    public var defaultLifetime: Duration

    /// Creates client credentials.
    public init(
        tokenPath: String = "/oauth/token", clientId: String, clientSecret: String, scope: String? = nil, refreshMargin: Duration = .seconds(30),
        defaultLifetime: Duration = .seconds(60)
    ) {
        self.tokenPath = tokenPath
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.scope = scope
        self.refreshMargin = refreshMargin
        self.defaultLifetime = defaultLifetime
    }

    /// `OAuth2ClientCredentials(<client id>)` — never the secret.
    public var description: String { "OAuth2ClientCredentials(\(clientId))" }
}
