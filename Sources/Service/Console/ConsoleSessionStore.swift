import Foundation
import Storage
import Synchronization

/// The console's sessions, in memory (a restart logs everyone out): keyed by the SHA-256 of the session id, each with
/// an idle and an absolute expiry (``ConsoleConfiguration``), at most ``ConsoleConfiguration/maximumSessions``.
final class ConsoleSessionStore: Sendable {
    private let sessions = Mutex<[String: ConsoleSession]>([:])
    let configuration: ConsoleConfiguration

    init(configuration: ConsoleConfiguration) {
        self.configuration = configuration
    }

    /// Starts a session for `client`; drops expired sessions, and the least recently used one when full.
    func create(client: APIKeyRecord, now: Date) -> ConsoleSession {
        let session = ConsoleSession(id: ConsoleToken.make(), csrfToken: ConsoleToken.make(), client: client, createdAt: now, lastSeenAt: now)
        sessions.withLock { table in
            table = table.filter { !isExpired($0.value, now: now) }
            if table.count >= configuration.maximumSessions, let oldest = table.min(by: { $0.value.lastSeenAt < $1.value.lastSeenAt }) {
                table.removeValue(forKey: oldest.key)
            }
            table[sha256Hex(Array(session.id.utf8))] = session
        }
        return session
    }

    /// The live session with this id, its idle clock restarted; `nil` (and forgotten) when expired.
    func session(id: String, now: Date) -> ConsoleSession? {
        let key = sha256Hex(Array(id.utf8))
        return sessions.withLock { table in
            guard var session = table[key] else { return nil }
            guard !isExpired(session, now: now) else {
                table.removeValue(forKey: key)
                return nil
            }
            session.lastSeenAt = now
            table[key] = session
            return session
        }
    }

    /// Ends a session; returns it when it existed.
    @discardableResult
    func remove(id: String) -> ConsoleSession? {
        sessions.withLock { $0.removeValue(forKey: sha256Hex(Array(id.utf8))) }
    }

    /// Sessions held now (tests).
    var count: Int { sessions.withLock { $0.count } }

    private func isExpired(_ session: ConsoleSession, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) > configuration.sessionIdleTimeout.timeInterval
            || now.timeIntervalSince(session.createdAt) > configuration.sessionAbsoluteTimeout.timeInterval
    }
}
