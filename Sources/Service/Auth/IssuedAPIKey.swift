public import Storage

/// A freshly issued API key: the key itself (shown to its owner once, never stored) and the record to store.
public struct IssuedAPIKey: Sendable, Hashable {
    /// The key, `qk_` + 43 base64url characters. Secret: print it once, never log it.
    public let key: String
    /// The record the store keeps (id, name, role, SHA-256 hex of the key).
    public let record: APIKeyRecord

    /// Pairs a key with its record.
    public init(key: String, record: APIKeyRecord) {
        self.key = key
        self.record = record
    }

    /// The SHA-256 hex of ``key``, as stored.
    public var hash: String { record.keyHash }
}
