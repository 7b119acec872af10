/// Why a store operation failed. Conflicts are expected outcomes callers handle; the rest are faults.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No such object (`kind`, `id`).
    case notFound(kind: String, id: String)
    /// The operation conflicts with the current state (e.g. review already resolved).
    case conflict(String)
    /// The payload could not be decrypted or authenticated (wrong key, or tampering).
    case payloadUnreadable(id: String)
    /// The database reported an error (message without personal data).
    case database(String)
    /// A migration failed or the schema is newer than this build.
    case migration(String)

    /// A short label for metrics and logs: `not-found`, `conflict`, `payload-unreadable`, `database`, `migration`.
    public var shortDescription: String {
        switch self {
        case .notFound: "not-found"
        case .conflict: "conflict"
        case .payloadUnreadable: "payload-unreadable"
        case .database: "database"
        case .migration: "migration"
        }
    }

    /// A message without personal data.
    public var description: String {
        switch self {
        case .notFound(let kind, let id): "\(kind) \(id) not found"
        case .conflict(let message): "conflict: \(message)"
        case .payloadUnreadable(let id): "payload of \(id) cannot be decrypted (wrong key or tampered)"
        case .database(let message): "database error: \(message)"
        case .migration(let message): "migration error: \(message)"
        }
    }
}
