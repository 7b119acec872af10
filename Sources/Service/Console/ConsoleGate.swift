import Foundation
import Hummingbird
import Storage

/// Who may see a console page: the session from the cookie, the role rules and the CSRF check.
///
/// Operators may do everything; auditors read only (no resolving, uploading or verifying). Every POST must carry the
/// session's CSRF token (form field `csrf`, or header `X-CSRF-Token` for the script's upload).
struct ConsoleGate: Sendable {
    /// The session cookie (HttpOnly, SameSite=Strict, path `/console`, `Secure` when configured).
    static let sessionCookie = "qorgan_console_session"
    /// Header the upload script sends the CSRF token in.
    static let csrfHeader = HTTPFields.Element.Name("X-CSRF-Token")!
    /// Roles that may log in.
    static let readers: Set<APIKeyRecord.Role> = [.operator, .auditor]
    /// Roles that may change things.
    static let writers: Set<APIKeyRecord.Role> = [.operator]

    let sessions: ConsoleSessionStore
    let now: @Sendable () -> Date

    /// The request's live session, if any.
    func session(_ request: Request) -> ConsoleSession? {
        guard let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty else { return nil }
        return sessions.session(id: id, now: now())
    }

    /// The session when its role is one of `roles`.
    func authorize(_ request: Request, roles: Set<APIKeyRecord.Role>) throws(ConsoleDenial) -> ConsoleSession {
        guard let session = session(request) else { throw .unauthenticated }
        guard roles.contains(session.client.role) else { throw .forbidden }
        return session
    }

    /// Refuses a POST whose token is not the session's.
    func checkCSRF(_ session: ConsoleSession, token: String?) throws(ConsoleDenial) {
        guard let token, ConsoleToken.equal(token, session.csrfToken) else { throw .csrf }
    }

    /// The session cookie for `id` (`maxAge` 0 deletes it).
    static func cookie(_ id: String, maxAge: Int?, secure: Bool) -> Cookie {
        Cookie(name: sessionCookie, value: id, maxAge: maxAge, path: "/console", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
