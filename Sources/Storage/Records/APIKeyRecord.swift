public import Foundation

/// A client's API key as stored: its SHA-256 hash, never the key.
public struct APIKeyRecord: Sendable, Hashable {
    /// What the key may do.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Registration front end: registration checks, consents, voucher activations.
        case registrar
        /// Provider administrator: provider checks.
        case providerAdmin = "provider-admin"
        /// Akimat operator: reviews, batches, everything a registrar may do.
        case `operator`
        /// Auditor: read-only decisions and audit log.
        case auditor
    }

    /// Key id (`key_…`), safe to log.
    public var id: String
    /// Human name, e.g. "bootstrap-operator".
    public var name: String
    /// The role.
    public var role: Role
    /// SHA-256 hex of the key.
    public var keyHash: String
    /// When it was created.
    public var createdAt: Date
    /// When it was revoked, if it was.
    public var revokedAt: Date?

    /// Creates a record.
    public init(id: String, name: String, role: Role, keyHash: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.keyHash = keyHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
