public import Foundation
import Logging
import NIOCore
import PostgresNIO
public import Storage

// MARK: - BatchStore

extension PostgresGatewayStore {
    /// Saves a new job (and `audit` when given) in one transaction. `.conflict` when the id exists.
    public func createBatch(_ job: BatchJob, audit: AuditDraft?) async throws(StoreError) {
        let options = String(decoding: job.options, as: UTF8.self)
        let counts = PostgresJSONColumn.text(job.counts)
        let createdAt = PostgresJSONColumn.milliseconds(job.createdAt)
        let updatedAt = PostgresJSONColumn.milliseconds(job.updatedAt)
        try await transaction { connection in
            if audit != nil { try await self.lockAuditHead(connection) }
            try await connection.query(
                """
                INSERT INTO batch_job (id, status, input_name, options, counts, failure_reason, created_at, updated_at)
                VALUES (\(job.id), \(job.status.rawValue), \(job.inputName), \(options), \(counts), \(job.failureReason), \(createdAt), \(updatedAt))
                """, logger: self.logger)
            if let audit { try await self.appendAudit(audit, on: connection) }
        }
    }

    /// One job.
    public func batch(id: String) async throws(StoreError) -> BatchJob? {
        try await rows("SELECT * FROM batch_job WHERE id = \(id)").first.map { row throws(StoreError) in try Self.batchJob(PostgresColumns(row)) }
    }

    /// Jobs, newest first, optionally only those read from `inputName`.
    public func batches(inputName: String?, limit: Int) async throws(StoreError) -> [BatchJob] {
        let limit = Int64(max(0, limit))
        let rows =
            if let inputName {
                try await rows("SELECT * FROM batch_job WHERE input_name = \(inputName) ORDER BY created_at DESC, id DESC LIMIT \(limit)")
            } else {
                try await rows("SELECT * FROM batch_job ORDER BY created_at DESC, id DESC LIMIT \(limit)")
            }
        return try rows.map { row throws(StoreError) in try Self.batchJob(PostgresColumns(row)) }
    }

    /// Sets a job's status, counters and failure reason (and `audit` when given) in one transaction.
    public func updateBatch(id: String, status: BatchJob.Status, counts: [String: Int], failureReason: String?, at time: Date, audit: AuditDraft?)
        async throws(StoreError) -> BatchJob
    {
        let milliseconds = PostgresJSONColumn.milliseconds(time)
        let countsText = PostgresJSONColumn.text(counts)
        return try await transaction { connection in
            if audit != nil { try await self.lockAuditHead(connection) }
            let rows = try await connection.query(
                """
                UPDATE batch_job SET status = \(status.rawValue), counts = \(countsText), failure_reason = \(failureReason), updated_at = \(milliseconds)
                WHERE id = \(id) RETURNING *
                """, logger: self.logger
            ).collect()
            guard rows.count == 1 else { throw StoreError.notFound(kind: "batch", id: id) }
            if let audit { try await self.appendAudit(audit, on: connection) }
            return try Self.batchJob(PostgresColumns(rows[0]))
        }
    }

    /// Saves one chunk (results and covered lines) in one transaction; see `BatchStore.saveChunk`. The job's row is
    /// locked first, so chunks of one job (from any number of workers) merge their line ranges one at a time.
    @discardableResult
    public func saveChunk(batchID: String, lines: ClosedRange<Int64>, results: [BatchRowResult], at time: Date) async throws(StoreError) -> Int {
        let rows = try sealedRows(batchID: batchID, lines: lines, results: results)
        let milliseconds = PostgresJSONColumn.milliseconds(time)
        return try await transaction { connection in
            try await self.saveChunk(batchID: batchID, lines: lines, rows: rows, milliseconds: milliseconds, on: connection)
        }
    }

    /// Which input lines are done: the merged chunk ranges.
    public func completedLines(batchID: String) async throws(StoreError) -> BatchCoverage {
        let rows = try await rows("SELECT first_line, last_line FROM batch_chunk WHERE batch_id = \(batchID) ORDER BY first_line")
        return BatchCoverage(ranges: try rows.map { row throws(StoreError) in
            let columns = PostgresColumns(row)
            return try columns.integer("first_line")...columns.integer("last_line")
        })
    }

    /// One page of results after `afterLine`, in line order, payloads decrypted.
    public func results(batchID: String, afterLine: Int64, limit: Int) async throws(StoreError) -> [BatchRowResult] {
        let limit = Int64(max(0, limit))
        let rows = try await rows(
            "SELECT line, status, payload FROM batch_result WHERE batch_id = \(batchID) AND line > \(afterLine) ORDER BY line LIMIT \(limit)")
        return try rows.map { row throws(StoreError) in
            let columns = PostgresColumns(row)
            let line = try columns.integer("line")
            return BatchRowResult(
                line: line, status: try columns.text("status"),
                payload: try protector.open(columns.blob("payload"), context: Self.batchRowContext(batchID, line)))
        }
    }

    /// How many stored results carry each status.
    public func resultCounts(batchID: String) async throws(StoreError) -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await rows("SELECT status, count FROM batch_status_count WHERE batch_id = \(batchID)") {
            let columns = PostgresColumns(row)
            counts[try columns.text("status")] = Int(try columns.integer("count"))
        }
        return counts
    }

    /// Claims the notification of `subject` for this batch: `true` the first time only, whichever process asks.
    public func claimNotification(batchID: String, subject: SubjectKey, line: Int64, at time: Date) async throws(StoreError) -> Bool {
        let milliseconds = PostgresJSONColumn.milliseconds(time)
        return !(try await rows(
            """
            INSERT INTO batch_notification (batch_id, subject_key, line, claimed_at) VALUES (\(batchID), \(subject.hex), \(line), \(milliseconds))
            ON CONFLICT DO NOTHING RETURNING line
            """)).isEmpty
    }

    /// Records that the claimed notification went out.
    public func markNotificationSent(batchID: String, subject: SubjectKey, smsMessageID: String, at time: Date) async throws(StoreError) {
        let milliseconds = PostgresJSONColumn.milliseconds(time)
        let updated = try await rows(
            """
            UPDATE batch_notification SET sent_at = \(milliseconds), sms_message_id = \(smsMessageID)
            WHERE batch_id = \(batchID) AND subject_key = \(subject.hex) RETURNING line
            """)
        if updated.isEmpty { throw .notFound(kind: "notification claim", id: batchID + "/" + subject.description) }
    }

    /// The claim for `subject` in this batch, if any.
    public func notificationClaim(batchID: String, subject: SubjectKey) async throws(StoreError) -> NotificationClaim? {
        try await rows("SELECT * FROM batch_notification WHERE batch_id = \(batchID) AND subject_key = \(subject.hex)").first.map {
            row throws(StoreError) in
            let columns = PostgresColumns(row)
            return NotificationClaim(
                batchID: try columns.text("batch_id"), subject: SubjectKey(hex: try columns.text("subject_key")), line: try columns.integer("line"),
                claimedAt: try columns.date("claimed_at"), sentAt: try columns.optionalDate("sent_at"), smsMessageID: try columns.optionalText("sms_message_id"))
        }
    }

    // MARK: - Inside transactions

    static func batchRowContext(_ batchID: String, _ line: Int64) -> String { "batch:\(batchID):\(line)" }

    /// A chunk's results checked against its lines and sealed (before any transaction: encryption needs no lock).
    struct SealedRows: Sendable {
        var lines: [Int64] = []
        var statuses: [String] = []
        var payloads: [ByteBuffer] = []
    }

    func sealedRows(batchID: String, lines: ClosedRange<Int64>, results: [BatchRowResult]) throws(StoreError) -> SealedRows {
        guard lines.lowerBound >= 1 else { throw .conflict("chunk lines must start at 1 or later") }
        if let stray = results.first(where: { !lines.contains($0.line) }) {
            throw .conflict("result line \(stray.line) lies outside chunk lines \(lines.lowerBound)…\(lines.upperBound)")
        }
        var sealed = SealedRows()
        sealed.lines.reserveCapacity(results.count)
        sealed.statuses.reserveCapacity(results.count)
        sealed.payloads.reserveCapacity(results.count)
        for result in results {
            sealed.lines.append(result.line)
            sealed.statuses.append(result.status)
            sealed.payloads.append(PostgresJSONColumn.bytes(try protector.seal(result.payload, context: Self.batchRowContext(batchID, result.line))))
        }
        return sealed
    }

    /// Saves a chunk inside the caller's transaction: locks the job row, inserts the new results (a line already
    /// saved keeps its first result), adds to the status counts (in status order, so concurrent chunks never
    /// deadlock) and merges `lines` into the covered ranges. Returns how many results were new.
    func saveChunk(batchID: String, lines: ClosedRange<Int64>, rows: SealedRows, milliseconds: Int64, on connection: PostgresConnection) async throws
        -> Int
    {
        let job = try await connection.query(
            "UPDATE batch_job SET updated_at = \(milliseconds) WHERE id = \(batchID) RETURNING id", logger: logger
        ).collect()
        guard job.count == 1 else { throw StoreError.notFound(kind: "batch", id: batchID) }
        var added: [String: Int64] = [:]
        var inserted = 0
        if !rows.lines.isEmpty {
            let stream = try await connection.query(
                """
                INSERT INTO batch_result (batch_id, line, status, payload)
                SELECT \(batchID), l, s, p FROM unnest(\(rows.lines)::bigint[], \(rows.statuses)::text[], \(rows.payloads)::bytea[]) AS t(l, s, p)
                ON CONFLICT DO NOTHING RETURNING status
                """, logger: logger)
            for try await status in stream.decode(String.self) {
                added[status, default: 0] += 1
                inserted += 1
            }
        }
        for (status, count) in added.sorted(by: { $0.key < $1.key }) {
            try await connection.query(
                """
                INSERT INTO batch_status_count (batch_id, status, count) VALUES (\(batchID), \(status), \(count))
                ON CONFLICT (batch_id, status) DO UPDATE SET count = batch_status_count.count + excluded.count
                """, logger: logger)
        }
        try await cover(lines, batchID: batchID, on: connection)
        return inserted
    }

    /// Adds `lines` to the batch's merged ranges: every stored range overlapping or touching it is folded in.
    func cover(_ lines: ClosedRange<Int64>, batchID: String, on connection: PostgresConnection) async throws {
        let above = lines.upperBound + 1
        let below = lines.lowerBound - 1
        let touching = try await connection.query(
            """
            DELETE FROM batch_chunk WHERE batch_id = \(batchID) AND first_line <= \(above) AND last_line >= \(below)
            RETURNING first_line, last_line
            """, logger: logger
        ).collect()
        var low = lines.lowerBound
        var high = lines.upperBound
        for row in touching {
            let columns = PostgresColumns(row)
            low = min(low, try columns.integer("first_line"))
            high = max(high, try columns.integer("last_line"))
        }
        try await connection.query("INSERT INTO batch_chunk (batch_id, first_line, last_line) VALUES (\(batchID), \(low), \(high))", logger: logger)
    }

    static func batchJob(_ columns: PostgresColumns) throws(StoreError) -> BatchJob {
        guard let status = BatchJob.Status(rawValue: try columns.text("status")) else { throw .database("unknown batch status") }
        return BatchJob(
            id: try columns.text("id"), status: status, inputName: try columns.text("input_name"), options: Data(try columns.text("options").utf8),
            counts: try columns.intMap("counts"), failureReason: try columns.optionalText("failure_reason"),
            createdAt: try columns.date("created_at"), updatedAt: try columns.date("updated_at"))
    }
}
