import Foundation
import Logging
import PostgresNIO
public import Storage

// MARK: - AuditLog

extension PostgresGatewayStore {
    /// Appends one entry in its own transaction (under the chain head's row lock).
    @discardableResult
    public func append(_ draft: AuditDraft) async throws(StoreError) -> AuditEntry {
        try await transaction { connection in try await self.appendAudit(draft, on: connection) }
    }

    /// Entries matching `query`, newest first (by subject id, by registry message id, both, or the newest).
    public func entries(_ query: AuditQuery) async throws(StoreError) -> [AuditEntry] {
        var conditions: [String] = []
        var binds = PostgresBindings()
        var from = "audit_entry e"
        if let messageID = query.registryMessageID {
            from += " JOIN audit_message_id m ON m.sequence = e.sequence"
            binds.append(messageID)
            conditions.append("m.message_id = $\(binds.count)")
        }
        if let subjectID = query.subjectID {
            binds.append(subjectID)
            conditions.append("e.subject_id = $\(binds.count)")
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        binds.append(Int64(max(0, query.limit)))
        let rows = try await rows(
            PostgresQuery(unsafeSQL: "SELECT e.* FROM \(from) \(whereClause) ORDER BY e.sequence DESC LIMIT $\(binds.count)", binds: binds))
        return try rows.map { row throws(StoreError) in try Self.auditEntry(PostgresColumns(row)) }
    }

    /// Walks the chain in pages inside one snapshot and compares its end with the chain head.
    public func verifyChain() async throws(StoreError) -> AuditChainStatus {
        let pageSize = Int64(max(1, configuration.auditPageSize))
        return try await snapshot { connection in
            var verifier = AuditChainVerifier()
            var after: Int64 = 0
            while true {
                let rows = try await connection.query(
                    "SELECT * FROM audit_entry WHERE sequence > \(after) ORDER BY sequence LIMIT \(pageSize)", logger: self.logger
                ).collect()
                guard !rows.isEmpty else { break }
                for row in rows {
                    let columns = PostgresColumns(row)
                    let entry: AuditEntry
                    do {
                        entry = try Self.auditEntry(columns)
                    } catch {
                        // A column no longer decodes (set to NULL, or to text that is not JSON): edited.
                        return .edited(sequence: (try? columns.integer("sequence")) ?? verifier.lastSequence + 1)
                    }
                    if let broken = verifier.consume(CollectionOfOne(entry)) { return broken }
                    after = entry.sequence
                }
                if rows.count < pageSize { break }
            }
            let head = try await connection.query("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1", logger: self.logger).collect()
            let columns = head.first.map(PostgresColumns.init)
            return verifier.finish(headSequence: try columns?.integer("last_sequence"), headHash: try columns?.text("last_hash"))
        }
    }

    // MARK: - Inside transactions

    /// Appends `draft` as the next entry and moves the chain head, inside the caller's transaction. The head row is
    /// read `FOR UPDATE`: a concurrent appender waits for this transaction and then sees the new head.
    @discardableResult
    func appendAudit(_ draft: AuditDraft, on connection: PostgresConnection) async throws -> AuditEntry {
        let head = try await connection.query("SELECT last_sequence, last_hash FROM audit_head WHERE id = 1 FOR UPDATE", logger: logger).collect()
        guard let headRow = head.first else { throw StoreError.database("audit chain head is missing") }
        let columns = PostgresColumns(headRow)
        let previousSequence = try columns.integer("last_sequence")
        let previousHash = try columns.text("last_hash")
        let sequence = previousSequence + 1
        let milliseconds = AuditCanonicalForm.milliseconds(Date())
        let hash = AuditCanonicalForm.hash(previousHash: previousHash, sequence: sequence, recordedAtMilliseconds: milliseconds, draft: draft)
        let messageIDs = PostgresJSONColumn.text(draft.registryMessageIDs)
        let details = PostgresJSONColumn.text(draft.details)
        try await connection.query(
            """
            INSERT INTO audit_entry (sequence, recorded_at, actor, action, subject_id, registry_message_ids, details, previous_hash, hash)
            VALUES (\(sequence), \(milliseconds), \(draft.actor), \(draft.action), \(draft.subjectID), \(messageIDs), \(details), \(previousHash), \(hash))
            """, logger: logger)
        let distinct = Array(Set(draft.registryMessageIDs)).sorted()
        if !distinct.isEmpty {
            try await connection.query(
                "INSERT INTO audit_message_id (message_id, sequence) SELECT unnest(\(distinct)::text[]), \(sequence)", logger: logger)
        }
        try await connection.query("UPDATE audit_head SET last_sequence = \(sequence), last_hash = \(hash) WHERE id = 1", logger: logger)
        return AuditEntry(
            sequence: sequence, recordedAt: AuditCanonicalForm.date(milliseconds: milliseconds), draft: draft, previousHash: previousHash, hash: hash)
    }

    static func auditEntry(_ columns: PostgresColumns) throws(StoreError) -> AuditEntry {
        let draft = AuditDraft(
            actor: try columns.text("actor"), action: try columns.text("action"), subjectID: try columns.text("subject_id"),
            registryMessageIDs: try columns.list("registry_message_ids"), details: try columns.stringMap("details"))
        return AuditEntry(
            sequence: try columns.integer("sequence"), recordedAt: try columns.date("recorded_at"), draft: draft,
            previousHash: try columns.text("previous_hash"), hash: try columns.text("hash"))
    }
}
