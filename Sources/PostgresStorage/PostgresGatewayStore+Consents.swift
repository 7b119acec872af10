public import Foundation
import Logging
import PostgresNIO
public import Storage

// MARK: - ConsentStore

extension PostgresGatewayStore {
    /// Saves a new pending consent and appends `audit`, in one transaction. `.conflict` when the id exists.
    public func create(_ consent: ConsentRecord, audit: AuditDraft) async throws(StoreError) {
        let createdAt = PostgresJSONColumn.milliseconds(consent.createdAt)
        let expiresAt = PostgresJSONColumn.milliseconds(consent.expiresAt)
        let confirmedAt = consent.confirmedAt.map(PostgresJSONColumn.milliseconds)
        let attempts = Int64(consent.failedAttempts)
        try await transaction { connection in
            try await self.lockAuditHead(connection)
            try await connection.query(
                """
                INSERT INTO consent (id, subject_key, code_hash, created_at, expires_at, failed_attempts, confirmed_at, sms_message_id)
                VALUES (\(consent.id), \(consent.subject.hex), \(consent.codeHash), \(createdAt), \(expiresAt), \(attempts), \(confirmedAt),
                        \(consent.smsMessageID))
                """, logger: self.logger)
            try await self.appendAudit(audit, on: connection)
        }
    }

    /// One consent.
    public func consent(id: String) async throws(StoreError) -> ConsentRecord? {
        try await rows("SELECT * FROM consent WHERE id = \(id)").first.map { row throws(StoreError) in try Self.consent(PostgresColumns(row)) }
    }

    /// Records a confirmation attempt (see `ConsentStore.recordAttempt`); the consent row is locked, so concurrent
    /// attempts on several gateways are counted one by one.
    public func recordAttempt(id: String, succeeded: Bool, at time: Date, audit: AuditDraft?) async throws(StoreError) -> ConsentRecord {
        let milliseconds = PostgresJSONColumn.milliseconds(time)
        return try await transaction { connection in
            if audit != nil { try await self.lockAuditHead(connection) }
            guard let row = try await connection.query("SELECT * FROM consent WHERE id = \(id) FOR UPDATE", logger: self.logger).collect().first else {
                throw StoreError.notFound(kind: "consent", id: id)
            }
            guard try Self.consent(PostgresColumns(row)).confirmedAt == nil else { throw StoreError.conflict("consent \(id) is already confirmed") }
            let updated: [PostgresRow]
            if succeeded {
                updated = try await connection.query("UPDATE consent SET confirmed_at = \(milliseconds) WHERE id = \(id) RETURNING *", logger: self.logger)
                    .collect()
            } else {
                updated = try await connection.query(
                    "UPDATE consent SET failed_attempts = failed_attempts + 1 WHERE id = \(id) RETURNING *", logger: self.logger
                ).collect()
            }
            if let audit { try await self.appendAudit(audit, on: connection) }
            guard let first = updated.first else { throw StoreError.notFound(kind: "consent", id: id) }
            return try Self.consent(PostgresColumns(first))
        }
    }

    /// Records the SMS gateway's message id of the code message.
    public func recordCodeSent(id: String, smsMessageID: String) async throws(StoreError) {
        let updated = try await rows("UPDATE consent SET sms_message_id = \(smsMessageID) WHERE id = \(id) RETURNING id")
        if updated.isEmpty { throw .notFound(kind: "consent", id: id) }
    }

    /// Whether `subject` has a confirmed consent.
    public func hasConfirmedConsent(subject: SubjectKey) async throws(StoreError) -> Bool {
        !(try await rows("SELECT 1 FROM consent WHERE subject_key = \(subject.hex) AND confirmed_at IS NOT NULL LIMIT 1")).isEmpty
    }

    static func consent(_ columns: PostgresColumns) throws(StoreError) -> ConsentRecord {
        ConsentRecord(
            id: try columns.text("id"), subject: SubjectKey(hex: try columns.text("subject_key")), codeHash: try columns.text("code_hash"),
            createdAt: try columns.date("created_at"), expiresAt: try columns.date("expires_at"),
            failedAttempts: Int(try columns.integer("failed_attempts")), confirmedAt: try columns.optionalDate("confirmed_at"),
            smsMessageID: try columns.optionalText("sms_message_id"))
    }
}
