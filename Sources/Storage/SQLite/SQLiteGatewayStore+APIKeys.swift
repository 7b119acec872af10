public import Foundation
import GRDB

// MARK: - APIKeyStore

extension SQLiteGatewayStore {
    /// Adds a key and its `apikey.created` audit entry (actor `system`; details: name, role), in one transaction.
    public func add(_ key: APIKeyRecord) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO api_key (id, name, role, key_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    key.id, key.name, key.role.rawValue, key.keyHash, SQLiteColumnCoding.milliseconds(key.createdAt),
                    key.revokedAt.map(SQLiteColumnCoding.milliseconds),
                ])
            try Self.appendAudit(
                AuditDraft(actor: "system", action: "apikey.created", subjectID: key.id, details: ["name": key.name, "role": key.role.rawValue]),
                in: db)
        }
    }

    /// The unrevoked key with this hash.
    public func key(hash: String) async throws(StoreError) -> APIKeyRecord? {
        try pointRead { db in
            try Row.fetchOneCached(db, sql: "SELECT * FROM api_key WHERE key_hash = ? AND revoked_at IS NULL", arguments: [hash]).map(Self.apiKey)
        }
    }

    /// Revokes a key and appends `audit`, in one transaction.
    @discardableResult
    public func revoke(id: String, at time: Date, audit: AuditDraft) async throws(StoreError) -> APIKeyRecord {
        let milliseconds = SQLiteColumnCoding.milliseconds(time)
        return try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_key WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "api key", id: id)
            }
            var key = try Self.apiKey(row)
            guard key.revokedAt == nil else { throw StoreError.conflict("api key \(id) is already revoked") }
            try db.execute(sql: "UPDATE api_key SET revoked_at = ? WHERE id = ?", arguments: [milliseconds, id])
            try Self.appendAudit(audit, in: db)
            key.revokedAt = SQLiteColumnCoding.date(milliseconds)
            return key
        }
    }

    /// All keys, revoked ones included, oldest first.
    public func keys() async throws(StoreError) -> [APIKeyRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_key ORDER BY created_at, id").map(Self.apiKey)
        }
    }

    static func apiKey(_ row: Row) throws(StoreError) -> APIKeyRecord {
        typealias C = SQLiteColumnCoding
        guard let role = APIKeyRecord.Role(rawValue: try C.text(row, "role")) else { throw .database("unknown api key role") }
        return APIKeyRecord(
            id: try C.text(row, "id"), name: try C.text(row, "name"), role: role, keyHash: try C.text(row, "key_hash"),
            createdAt: C.date(try C.integer(row, "created_at")), revokedAt: C.date(try C.optionalInteger(row, "revoked_at")))
    }
}
