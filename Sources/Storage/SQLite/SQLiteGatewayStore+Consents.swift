public import Foundation
import GRDB

// MARK: - ConsentStore

extension SQLiteGatewayStore {
    /// Saves a new pending consent and appends `audit`, in one transaction. `.conflict` when the id exists.
    public func create(_ consent: ConsentRecord, audit: AuditDraft) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO consent (id, subject_key, code_hash, created_at, expires_at, failed_attempts, confirmed_at, sms_message_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    consent.id, consent.subject.hex, consent.codeHash, SQLiteColumnCoding.milliseconds(consent.createdAt),
                    SQLiteColumnCoding.milliseconds(consent.expiresAt), consent.failedAttempts,
                    consent.confirmedAt.map(SQLiteColumnCoding.milliseconds), consent.smsMessageID,
                ])
            try Self.appendAudit(audit, in: db)
        }
    }

    /// One consent.
    public func consent(id: String) async throws(StoreError) -> ConsentRecord? {
        try await read { db in try Self.fetchConsent(id: id, in: db) }
    }

    /// Records a confirmation attempt (see `ConsentStore.recordAttempt`).
    public func recordAttempt(id: String, succeeded: Bool, at time: Date, audit: AuditDraft?) async throws(StoreError) -> ConsentRecord {
        let milliseconds = SQLiteColumnCoding.milliseconds(time)
        return try await write { db in
            guard let consent = try Self.fetchConsent(id: id, in: db) else { throw StoreError.notFound(kind: "consent", id: id) }
            guard consent.confirmedAt == nil else { throw StoreError.conflict("consent \(id) is already confirmed") }
            if succeeded {
                try db.execute(sql: "UPDATE consent SET confirmed_at = ? WHERE id = ?", arguments: [milliseconds, id])
            } else {
                try db.execute(sql: "UPDATE consent SET failed_attempts = failed_attempts + 1 WHERE id = ?", arguments: [id])
            }
            if let audit { try Self.appendAudit(audit, in: db) }
            guard let updated = try Self.fetchConsent(id: id, in: db) else { throw StoreError.notFound(kind: "consent", id: id) }
            return updated
        }
    }

    /// Records the SMS gateway's message id of the code message.
    public func recordCodeSent(id: String, smsMessageID: String) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "UPDATE consent SET sms_message_id = ? WHERE id = ?", arguments: [smsMessageID, id])
            if db.changesCount == 0 { throw StoreError.notFound(kind: "consent", id: id) }
        }
    }

    /// Whether `subject` has a confirmed consent.
    public func hasConfirmedConsent(subject: SubjectKey) async throws(StoreError) -> Bool {
        try pointRead { db in
            try Bool.fetchOneCached(
                db, sql: "SELECT EXISTS (SELECT 1 FROM consent WHERE subject_key = ? AND confirmed_at IS NOT NULL)", arguments: [subject.hex])
                ?? false
        }
    }

    // MARK: - Inside transactions

    static func fetchConsent(id: String, in db: Database) throws -> ConsentRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM consent WHERE id = ?", arguments: [id]) else { return nil }
        typealias C = SQLiteColumnCoding
        return ConsentRecord(
            id: try C.text(row, "id"), subject: SubjectKey(hex: try C.text(row, "subject_key")), codeHash: try C.text(row, "code_hash"),
            createdAt: C.date(try C.integer(row, "created_at")), expiresAt: C.date(try C.integer(row, "expires_at")),
            failedAttempts: Int(try C.integer(row, "failed_attempts")), confirmedAt: C.date(try C.optionalInteger(row, "confirmed_at")),
            smsMessageID: try C.optionalText(row, "sms_message_id"))
    }
}
