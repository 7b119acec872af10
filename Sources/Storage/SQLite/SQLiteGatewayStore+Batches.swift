public import Foundation
import GRDB

// MARK: - BatchStore

extension SQLiteGatewayStore {
    /// Saves a new job (and `audit` when given) in one transaction. `.conflict` when the id exists.
    public func createBatch(_ job: BatchJob, audit: AuditDraft?) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO batch_job (id, status, input_name, options, counts, failure_reason, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    job.id, job.status.rawValue, job.inputName, String(decoding: job.options, as: UTF8.self), SQLiteColumnCoding.json(job.counts),
                    job.failureReason, SQLiteColumnCoding.milliseconds(job.createdAt), SQLiteColumnCoding.milliseconds(job.updatedAt),
                ])
            if let audit { try Self.appendAudit(audit, in: db) }
        }
    }

    /// One job.
    public func batch(id: String) async throws(StoreError) -> BatchJob? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM batch_job WHERE id = ?", arguments: [id]).map(Self.batchJob)
        }
    }

    /// Jobs, newest first, optionally only those read from `inputName`.
    public func batches(inputName: String?, limit: Int) async throws(StoreError) -> [BatchJob] {
        try await read { db in
            let rows =
                if let inputName {
                    try Row.fetchAll(
                        db, sql: "SELECT * FROM batch_job WHERE input_name = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                        arguments: [inputName, max(0, limit)])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM batch_job ORDER BY created_at DESC, id DESC LIMIT ?", arguments: [max(0, limit)])
                }
            return try rows.map(Self.batchJob)
        }
    }

    /// Sets a job's status, counters and failure reason (and `audit` when given) in one transaction.
    public func updateBatch(id: String, status: BatchJob.Status, counts: [String: Int], failureReason: String?, at time: Date, audit: AuditDraft?)
        async throws(StoreError) -> BatchJob
    {
        let milliseconds = SQLiteColumnCoding.milliseconds(time)
        return try await write { db in
            try db.execute(
                sql: "UPDATE batch_job SET status = ?, counts = ?, failure_reason = ?, updated_at = ? WHERE id = ?",
                arguments: [status.rawValue, SQLiteColumnCoding.json(counts), failureReason, milliseconds, id])
            guard db.changesCount == 1, let row = try Row.fetchOne(db, sql: "SELECT * FROM batch_job WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "batch", id: id)
            }
            if let audit { try Self.appendAudit(audit, in: db) }
            return try Self.batchJob(row)
        }
    }

    /// Saves one chunk (results and covered lines) in one transaction; see `BatchStore.saveChunk`.
    @discardableResult
    public func saveChunk(batchID: String, lines: ClosedRange<Int64>, results: [BatchRowResult], at time: Date) async throws(StoreError) -> Int {
        guard lines.lowerBound >= 1 else { throw .conflict("chunk lines must start at 1 or later") }
        if let stray = results.first(where: { !lines.contains($0.line) }) {
            throw .conflict("result line \(stray.line) lies outside chunk lines \(lines.lowerBound)…\(lines.upperBound)")
        }
        // Seal before taking the write lock: encryption is the expensive part and needs no transaction.
        var sealed: [(line: Int64, status: String, payload: Data)] = []
        sealed.reserveCapacity(results.count)
        for result in results {
            sealed.append((result.line, result.status, try protector.seal(result.payload, context: Self.batchRowContext(batchID, result.line))))
        }
        let rows = sealed
        let milliseconds = SQLiteColumnCoding.milliseconds(time)
        return try await write { db in
            try db.execute(sql: "UPDATE batch_job SET updated_at = ? WHERE id = ?", arguments: [milliseconds, batchID])
            guard db.changesCount == 1 else { throw StoreError.notFound(kind: "batch", id: batchID) }
            let insert = try db.cachedStatement(
                sql: "INSERT INTO batch_result (batch_id, line, status, payload) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            var added: [String: Int] = [:]
            var inserted = 0
            for row in rows {
                try insert.execute(arguments: [batchID, row.line, row.status, row.payload])
                if db.changesCount == 1 {
                    inserted += 1
                    added[row.status, default: 0] += 1
                }
            }
            for (status, count) in added {
                try db.execute(
                    sql: """
                        INSERT INTO batch_status_count (batch_id, status, count) VALUES (?, ?, ?)
                        ON CONFLICT (batch_id, status) DO UPDATE SET count = count + excluded.count
                        """,
                    arguments: [batchID, status, count])
            }
            try Self.cover(lines, batchID: batchID, in: db)
            return inserted
        }
    }

    /// Which input lines are done: the merged chunk ranges.
    public func completedLines(batchID: String) async throws(StoreError) -> BatchCoverage {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT first_line, last_line FROM batch_chunk WHERE batch_id = ? ORDER BY first_line", arguments: [batchID])
            return BatchCoverage(ranges: try rows.map { row throws(StoreError) in
                try SQLiteColumnCoding.integer(row, "first_line")...SQLiteColumnCoding.integer(row, "last_line")
            })
        }
    }

    /// One page of results after `afterLine`, in line order, payloads decrypted.
    public func results(batchID: String, afterLine: Int64, limit: Int) async throws(StoreError) -> [BatchRowResult] {
        let protector = self.protector
        return try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT line, status, payload FROM batch_result WHERE batch_id = ? AND line > ? ORDER BY line LIMIT ?",
                arguments: [batchID, afterLine, max(0, limit)])
            return try rows.map { row throws(StoreError) in
                let line = try SQLiteColumnCoding.integer(row, "line")
                return BatchRowResult(
                    line: line, status: try SQLiteColumnCoding.text(row, "status"),
                    payload: try protector.open(SQLiteColumnCoding.blob(row, "payload"), context: Self.batchRowContext(batchID, line)))
            }
        }
    }

    /// How many stored results carry each status.
    public func resultCounts(batchID: String) async throws(StoreError) -> [String: Int] {
        try await read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, count FROM batch_status_count WHERE batch_id = ?", arguments: [batchID]) {
                counts[try SQLiteColumnCoding.text(row, "status")] = Int(try SQLiteColumnCoding.integer(row, "count"))
            }
            return counts
        }
    }

    /// Claims the notification of `subject` for this batch: `true` the first time only.
    public func claimNotification(batchID: String, subject: SubjectKey, line: Int64, at time: Date) async throws(StoreError) -> Bool {
        let milliseconds = SQLiteColumnCoding.milliseconds(time)
        return try await write { db in
            try db.execute(
                sql: "INSERT INTO batch_notification (batch_id, subject_key, line, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [batchID, subject.hex, line, milliseconds])
            return db.changesCount == 1
        }
    }

    /// Records that the claimed notification went out.
    public func markNotificationSent(batchID: String, subject: SubjectKey, smsMessageID: String, at time: Date) async throws(StoreError) {
        let milliseconds = SQLiteColumnCoding.milliseconds(time)
        try await write { db in
            try db.execute(
                sql: "UPDATE batch_notification SET sent_at = ?, sms_message_id = ? WHERE batch_id = ? AND subject_key = ?",
                arguments: [milliseconds, smsMessageID, batchID, subject.hex])
            if db.changesCount == 0 { throw StoreError.notFound(kind: "notification claim", id: batchID + "/" + subject.description) }
        }
    }

    /// The claim for `subject` in this batch, if any.
    public func notificationClaim(batchID: String, subject: SubjectKey) async throws(StoreError) -> NotificationClaim? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM batch_notification WHERE batch_id = ? AND subject_key = ?", arguments: [batchID, subject.hex]
            ).map { row throws(StoreError) in
                typealias C = SQLiteColumnCoding
                return NotificationClaim(
                    batchID: try C.text(row, "batch_id"), subject: SubjectKey(hex: try C.text(row, "subject_key")), line: try C.integer(row, "line"),
                    claimedAt: C.date(try C.integer(row, "claimed_at")), sentAt: C.date(try C.optionalInteger(row, "sent_at")),
                    smsMessageID: try C.optionalText(row, "sms_message_id"))
            }
        }
    }

    // MARK: - Inside transactions

    static func batchRowContext(_ batchID: String, _ line: Int64) -> String { "batch:\(batchID):\(line)" }

    /// Adds `lines` to the batch's merged ranges: every stored range overlapping or touching it is folded in.
    static func cover(_ lines: ClosedRange<Int64>, batchID: String, in db: Database) throws {
        let touching = try Row.fetchAll(
            db,
            sql: "SELECT first_line, last_line FROM batch_chunk WHERE batch_id = ? AND first_line <= ? AND last_line >= ?",
            arguments: [batchID, lines.upperBound + 1, lines.lowerBound - 1])
        var low = lines.lowerBound
        var high = lines.upperBound
        for row in touching {
            low = min(low, row["first_line"] as Int64)
            high = max(high, row["last_line"] as Int64)
        }
        if !touching.isEmpty {
            try db.execute(
                sql: "DELETE FROM batch_chunk WHERE batch_id = ? AND first_line <= ? AND last_line >= ?",
                arguments: [batchID, lines.upperBound + 1, lines.lowerBound - 1])
        }
        try db.execute(sql: "INSERT INTO batch_chunk (batch_id, first_line, last_line) VALUES (?, ?, ?)", arguments: [batchID, low, high])
    }

    static func batchJob(_ row: Row) throws(StoreError) -> BatchJob {
        typealias C = SQLiteColumnCoding
        guard let status = BatchJob.Status(rawValue: try C.text(row, "status")) else { throw .database("unknown batch status") }
        return BatchJob(
            id: try C.text(row, "id"), status: status, inputName: try C.text(row, "input_name"), options: Data(try C.text(row, "options").utf8),
            counts: try C.intMap(C.text(row, "counts")), failureReason: try C.optionalText(row, "failure_reason"),
            createdAt: C.date(try C.integer(row, "created_at")), updatedAt: C.date(try C.integer(row, "updated_at")))
    }
}
