/// The cached bearer token of one OAuth2 client, as a value: whether it can be used at a given instant, and when it
/// must be refreshed. Time comes in as an argument, so the refresh rule is tested without sleeping.
public struct OAuth2TokenCache: Sendable, Hashable {
    /// The cached access token, when any.
    public private(set) var token: String?
    /// When the cached token expires (as the server stated, on our clock).
    public private(set) var expiresAt: ContinuousClock.Instant?
    /// Refresh this long before expiry.
    public let refreshMargin: Duration

    /// An empty cache.
    public init(refreshMargin: Duration) {
        self.refreshMargin = refreshMargin
    }

    /// The token when it is still good at `now` (more than the refresh margin before expiry), otherwise `nil`.
    public func usableToken(at now: ContinuousClock.Instant) -> String? {
        guard let token, let expiresAt else { return nil }
        return now < expiresAt.advanced(by: .zero - refreshMargin) ? token : nil
    }

    /// Stores a token received at `now` that lives for `lifetime`.
    public mutating func store(_ token: String, lifetime: Duration, at now: ContinuousClock.Instant) {
        self.token = token
        expiresAt = now.advanced(by: lifetime)
    }

    /// Forgets `token` (the registry refused it); a newer token already stored stays.
    public mutating func invalidate(_ token: String) {
        guard self.token == token else { return }
        self.token = nil
        expiresAt = nil
    }
}
