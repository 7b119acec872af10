import Foundation
import Logging

/// Fetches, caches and refreshes the bearer token of one OAuth2 client (client-credentials grant).
///
/// Concurrent callers share one fetch. A token is refreshed ``OAuth2ClientCredentials/refreshMargin`` before it
/// expires, and at once after the registry refused it (``invalidate(_:)``).
actor OAuth2TokenProvider {
    private struct TokenResponse: Decodable {
        let access_token: String
        let token_type: String?
        let expires_in: Double?
    }

    private let credentials: OAuth2ClientCredentials
    private let tokenURL: String
    private let client: RegistryHTTPClient
    private let clock: any TransportClock
    private let maximumResponseBytes: Int
    private var cache: OAuth2TokenCache
    private var inFlight: Task<Result<String, RegistryTransportError>, Never>?

    init(credentials: OAuth2ClientCredentials, baseURL: String, client: RegistryHTTPClient, clock: any TransportClock, maximumResponseBytes: Int) {
        self.credentials = credentials
        self.tokenURL = baseURL + credentials.tokenPath
        self.client = client
        self.clock = clock
        self.maximumResponseBytes = maximumResponseBytes
        self.cache = OAuth2TokenCache(refreshMargin: credentials.refreshMargin)
    }

    /// A usable token: the cached one, or a fresh one fetched by `deadline`.
    func token(deadline: ContinuousClock.Instant) async throws(RegistryTransportError) -> String {
        if let token = cache.usableToken(at: clock.now) { return token }
        let task: Task<Result<String, RegistryTransportError>, Never>
        if let inFlight {
            task = inFlight
        } else {
            task = Task { await self.fetch(deadline: deadline) }
            inFlight = task
        }
        let result = await task.value  // bounded by the fetch's own deadline, also when this caller is cancelled
        if inFlight == task { inFlight = nil }
        return try result.get()
    }

    /// Forgets `token` after the registry answered 401 to it.
    func invalidate(_ token: String) {
        cache.invalidate(token)
    }

    private func fetch(deadline: ContinuousClock.Instant) async -> Result<String, RegistryTransportError> {
        var form = "grant_type=client_credentials&client_id=\(Self.formEncode(credentials.clientId))"
        form += "&client_secret=\(Self.formEncode(credentials.clientSecret))"
        if let scope = credentials.scope { form += "&scope=\(Self.formEncode(scope))" }
        let sentAt = clock.now
        let response: RegistryResponse
        do {
            response = try await client.perform(
                url: tokenURL, method: .post,
                headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded"), (name: "Accept", value: "application/json")],
                body: Array(form.utf8), isIdempotent: true, maximumResponseBytes: maximumResponseBytes, deadline: deadline)
        } catch {
            return .failure(error)
        }
        guard response.isSuccess else {
            if response.status == 400 || response.status == 401 || response.status == 403 { return .failure(.authentication(status: response.status)) }
            return .failure(.httpStatus(response.status))
        }
        guard let decoded = try? JSONDecoder().decode(TokenResponse.self, from: Data(response.body)), !decoded.access_token.isEmpty else {
            return .failure(.authentication(status: response.status))
        }
        let lifetime = decoded.expires_in.map { Duration.milliseconds(Int64($0 * 1000)) } ?? credentials.defaultLifetime
        cache.store(decoded.access_token, lifetime: lifetime, at: sentAt)
        return .success(decoded.access_token)
    }

    private static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
