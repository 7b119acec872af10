import Foundation
import GRDB

// MARK: - AuditLog

extension SQLiteGatewayStore {
    /// Appends one entry in its own transaction.
    @discardableResult
    public func append(_ draft: AuditDraft) async throws(StoreError) -> AuditEntry {
        try await write { db in try Self.appendAudit(draft, in: db) }
    }

    /// Entries matching `query`, newest first (by subject id, by registry message id, both, or the newest).
    public func entries(_ query: AuditQuery) async throws(StoreError) -> [AuditEntry] {
        try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            var from = "audit_entry e"
            if let messageID = query.registryMessageID {
                from += " JOIN audit_message_id m ON m.sequence = e.sequence"
                conditions.append("m.message_id = ?")
                arguments += [messageID]
            }
            if let subjectID = query.subjectID {
                conditions.append("e.subject_id = ?")
                arguments += [subjectID]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [max(0, query.limit)]
            let rows = try Row.fetchAll(db, sql: "SELECT e.* FROM \(from) \(whereClause) ORDER BY e.sequence DESC LIMIT ?", arguments: arguments)
            return try rows.map(Self.auditEntry)
        }
    }

    /// Walks the chain in pages inside one read snapshot and compares its end with the chain head.
    public func verifyChain() async throws(StoreError) -> AuditChainStatus {
        let pageSize = max(1, configuration.auditPageSize)
        return try await read { db in try Self.verifyAuditChain(in: db, pageSize: pageSize) }
    }

    /// Verifies the audit chain of the database at `path` without keys and without writing (for `qorgan audit verify`).
    ///
    /// - Throws: `.notFound(kind: "database", …)` when there is no file, `.database` when it is not a Qorgan database.
    public static func verifyAuditChain(databaseAt path: String, pageSize: Int = 1_000) async throws(StoreError) -> AuditChainStatus {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(kind: "database", id: path) }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try await queue.read { db in
                guard try db.tableExists("audit_entry"), try db.tableExists("audit_head") else {
                    throw StoreError.database("no audit log in this database")
                }
                return try verifyAuditChain(in: db, pageSize: max(1, pageSize))
            }
        } catch {
            throw storeError(error)
        }
    }

    // MARK: - Inside transactions

    /// Appends `draft` as the next entry and moves the chain head, inside the caller's write transaction.
    @discardableResult
    static func appendAudit(_ draft: AuditDraft, in db: Database) throws -> AuditEntry {
        guard let head = try Row.fetchOneCached(db, sql: "SELECT last_sequence, last_hash FROM audit_head WHERE id = 1") else {
            throw StoreError.database("audit chain head is missing")
        }
        let previousSequence: Int64 = head["last_sequence"]
        let previousHash: String = head["last_hash"]
        let sequence = previousSequence + 1
        let milliseconds = SQLiteColumnCoding.milliseconds(Date())
        let hash = AuditCanonicalForm.hash(previousHash: previousHash, sequence: sequence, recordedAtMilliseconds: milliseconds, draft: draft)
        try db.executeCached(
            sql: """
                INSERT INTO audit_entry (sequence, recorded_at, actor, action, subject_id, registry_message_ids, details, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                sequence, milliseconds, draft.actor, draft.action, draft.subjectID, SQLiteColumnCoding.json(draft.registryMessageIDs),
                SQLiteColumnCoding.json(draft.details), previousHash, hash,
            ])
        for messageID in Set(draft.registryMessageIDs) {
            try db.executeCached(sql: "INSERT INTO audit_message_id (message_id, sequence) VALUES (?, ?)", arguments: [messageID, sequence])
        }
        try db.executeCached(sql: "UPDATE audit_head SET last_sequence = ?, last_hash = ? WHERE id = 1", arguments: [sequence, hash])
        return AuditEntry(
            sequence: sequence, recordedAt: SQLiteColumnCoding.date(milliseconds), draft: draft, previousHash: previousHash, hash: hash)
    }

    static func verifyAuditChain(in db: Database, pageSize: Int) throws -> AuditChainStatus {
        var verifier = AuditChainVerifier()
        var after: Int64 = 0
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM audit_entry WHERE sequence > ? ORDER BY sequence LIMIT ?", arguments: [after, pageSize])
            guard let last = rows.last else { break }
            for row in rows {
                let entry: AuditEntry
                do {
                    entry = try auditEntry(row)
                } catch {
                    // A column no longer decodes (e.g. set to NULL or to text that is not JSON): edited.
                    return .edited(sequence: row["sequence"])
                }
                if let broken = verifier.consume(CollectionOfOne(entry)) { return broken }
            }
            after = last["sequence"]
            if rows.count < pageSize { break }
        }
        let head = try Row.fetchOne(db, sql: "SELECT last_sequence, last_hash FROM audit_head WHERE id = 1")
        return verifier.finish(headSequence: head?["last_sequence"], headHash: head?["last_hash"])
    }

    static func auditEntry(_ row: Row) throws(StoreError) -> AuditEntry {
        typealias C = SQLiteColumnCoding
        let draft = AuditDraft(
            actor: try C.text(row, "actor"), action: try C.text(row, "action"), subjectID: try C.text(row, "subject_id"),
            registryMessageIDs: try C.list(C.text(row, "registry_message_ids")),
            details: try C.stringMap(C.text(row, "details")))
        return AuditEntry(
            sequence: try C.integer(row, "sequence"), recordedAt: C.date(try C.integer(row, "recorded_at")), draft: draft,
            previousHash: try C.text(row, "previous_hash"), hash: try C.text(row, "hash"))
    }
}
