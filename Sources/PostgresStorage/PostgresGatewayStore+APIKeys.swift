public import Foundation
import Logging
import PostgresNIO
public import Storage

// MARK: - APIKeyStore

extension PostgresGatewayStore {
    /// Adds a key and its `apikey.created` audit entry (actor `system`; details: name, role), in one transaction.
    public func add(_ key: APIKeyRecord) async throws(StoreError) {
        let createdAt = PostgresJSONColumn.milliseconds(key.createdAt)
        let revokedAt = key.revokedAt.map(PostgresJSONColumn.milliseconds)
        try await transaction { connection in
            try await self.lockAuditHead(connection)
            try await connection.query(
                """
                INSERT INTO api_key (id, name, role, key_hash, created_at, revoked_at)
                VALUES (\(key.id), \(key.name), \(key.role.rawValue), \(key.keyHash), \(createdAt), \(revokedAt))
                """, logger: self.logger)
            try await self.appendAudit(
                AuditDraft(actor: "system", action: "apikey.created", subjectID: key.id, details: ["name": key.name, "role": key.role.rawValue]),
                on: connection)
        }
    }

    /// The unrevoked key with this hash.
    public func key(hash: String) async throws(StoreError) -> APIKeyRecord? {
        try await rows("SELECT * FROM api_key WHERE key_hash = \(hash) AND revoked_at IS NULL").first.map { row throws(StoreError) in
            try Self.apiKey(PostgresColumns(row))
        }
    }

    /// Revokes a key and appends `audit`, in one transaction.
    @discardableResult
    public func revoke(id: String, at time: Date, audit: AuditDraft) async throws(StoreError) -> APIKeyRecord {
        let milliseconds = PostgresJSONColumn.milliseconds(time)
        return try await transaction { connection in
            try await self.lockAuditHead(connection)
            guard let row = try await connection.query("SELECT * FROM api_key WHERE id = \(id) FOR UPDATE", logger: self.logger).collect().first else {
                throw StoreError.notFound(kind: "api key", id: id)
            }
            var key = try Self.apiKey(PostgresColumns(row))
            guard key.revokedAt == nil else { throw StoreError.conflict("api key \(id) is already revoked") }
            try await connection.query("UPDATE api_key SET revoked_at = \(milliseconds) WHERE id = \(id)", logger: self.logger)
            try await self.appendAudit(audit, on: connection)
            key.revokedAt = AuditCanonicalForm.date(milliseconds: milliseconds)
            return key
        }
    }

    /// All keys, revoked ones included, oldest first.
    public func keys() async throws(StoreError) -> [APIKeyRecord] {
        try await rows("SELECT * FROM api_key ORDER BY created_at, id").map { row throws(StoreError) in try Self.apiKey(PostgresColumns(row)) }
    }

    static func apiKey(_ columns: PostgresColumns) throws(StoreError) -> APIKeyRecord {
        guard let role = APIKeyRecord.Role(rawValue: try columns.text("role")) else { throw .database("unknown api key role") }
        return APIKeyRecord(
            id: try columns.text("id"), name: try columns.text("name"), role: role, keyHash: try columns.text("key_hash"),
            createdAt: try columns.date("created_at"), revokedAt: try columns.optionalDate("revoked_at"))
    }
}
