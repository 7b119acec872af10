import Foundation
import Synchronization

/// The health mock's issued bearer tokens and their expiry times.
final class TokenStore: Sendable {
    private let tokens = Mutex<[String: ContinuousClock.Instant]>([:])

    /// Issues a fresh opaque token valid for `lifetime` (a zero or negative lifetime issues an expired token).
    func issue(lifetime: Duration, now: ContinuousClock.Instant = .now) -> String {
        let token = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") + UUID().uuidString.lowercased().prefix(8)
        tokens.withLock { tokens in
            if tokens.count > 100_000 { tokens = tokens.filter { $0.value > now } }
            tokens[token] = now.advanced(by: lifetime)
        }
        return token
    }

    /// Why a token was refused, or `nil` when it is valid.
    enum Refusal: String, Sendable {
        case missing = "missing bearer token"
        case unknown = "unknown token"
        case expired = "token expired"
    }

    func check(_ token: String?, now: ContinuousClock.Instant = .now) -> Refusal? {
        guard let token, !token.isEmpty else { return .missing }
        guard let expiry = tokens.withLock({ $0[token] }) else { return .unknown }
        return expiry > now ? nil : .expired
    }
}
