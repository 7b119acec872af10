import Foundation
import Storage

/// One logged-in operator or auditor: held in memory by ``ConsoleSessionStore``, named by a random id in an HttpOnly
/// cookie; every POST must carry its ``csrfToken``.
struct ConsoleSession: Sendable {
    /// The cookie's value (random, 256 bits).
    let id: String
    /// The per-session CSRF token (random, 256 bits), written into every form.
    let csrfToken: String
    /// The API key the user logged in with (its record: id, name, role — never the key).
    let client: APIKeyRecord
    /// When the user logged in.
    let createdAt: Date
    /// The last request seen (idle expiry).
    var lastSeenAt: Date
}
