public import Foundation
import Logging
import PostgresNIO
public import Storage

// MARK: - BatchChunkLeaseStore

extension PostgresGatewayStore: BatchChunkLeaseStore {
    /// Plans a job's chunks; chunks already planned (same first line) stay as they are.
    public func planChunks(batchID: String, chunks: [BatchChunkPlan], at time: Date) async throws(StoreError) {
        guard !chunks.isEmpty else { return }
        let firsts = chunks.map(\.lines.lowerBound)
        let lasts = chunks.map(\.lines.upperBound)
        let counts = chunks.map { Int64($0.rows) }
        try await transaction { connection in
            let job = try await connection.query("SELECT id FROM batch_job WHERE id = \(batchID) FOR UPDATE", logger: self.logger).collect()
            guard job.count == 1 else { throw StoreError.notFound(kind: "batch", id: batchID) }
            try await connection.query(
                """
                INSERT INTO batch_lease_chunk (batch_id, first_line, last_line, rows, state)
                SELECT \(batchID), f, l, n, 'pending' FROM unnest(\(firsts)::bigint[], \(lasts)::bigint[], \(counts)::bigint[]) AS t(f, l, n)
                ON CONFLICT DO NOTHING
                """, logger: self.logger)
        }
    }

    /// Leases the first available chunk with `FOR UPDATE SKIP LOCKED`: rows another worker is leasing right now are
    /// skipped, not waited for.
    public func leaseChunk(worker: String, batchID: String?, duration: Duration, at time: Date) async throws(StoreError) -> BatchChunkLease? {
        let now = PostgresJSONColumn.milliseconds(time)
        let expires = now + Self.milliseconds(duration)
        let rows: [PostgresRow]
        if let batchID {
            rows = try await self.rows(
                """
                UPDATE batch_lease_chunk c SET state = 'leased', worker = \(worker), lease_token = c.lease_token + 1,
                       lease_expires_at = \(expires), attempts = c.attempts + 1
                WHERE (c.batch_id, c.first_line) = (
                    SELECT l.batch_id, l.first_line FROM batch_lease_chunk l JOIN batch_job j ON j.id = l.batch_id
                    WHERE l.batch_id = \(batchID) AND j.status = 'running'
                      AND (l.state = 'pending' OR (l.state = 'leased' AND l.lease_expires_at < \(now)))
                    ORDER BY l.first_line LIMIT 1 FOR UPDATE OF l SKIP LOCKED)
                RETURNING c.*
                """)
        } else {
            rows = try await self.rows(
                """
                UPDATE batch_lease_chunk c SET state = 'leased', worker = \(worker), lease_token = c.lease_token + 1,
                       lease_expires_at = \(expires), attempts = c.attempts + 1
                WHERE (c.batch_id, c.first_line) = (
                    SELECT l.batch_id, l.first_line FROM batch_lease_chunk l JOIN batch_job j ON j.id = l.batch_id
                    WHERE j.status = 'running' AND (l.state = 'pending' OR (l.state = 'leased' AND l.lease_expires_at < \(now)))
                    ORDER BY j.created_at, l.batch_id, l.first_line LIMIT 1 FOR UPDATE OF l SKIP LOCKED)
                RETURNING c.*
                """)
        }
        return try rows.first.map { row throws(StoreError) in try Self.lease(PostgresColumns(row)) }
    }

    /// Extends a lease still held (same worker and token, not done).
    public func renewLease(_ lease: BatchChunkLease, duration: Duration, at time: Date) async throws(StoreError) -> BatchChunkLease {
        let expires = PostgresJSONColumn.milliseconds(time) + Self.milliseconds(duration)
        let first = lease.lines.lowerBound
        let rows = try await rows(
            """
            UPDATE batch_lease_chunk SET lease_expires_at = \(expires)
            WHERE batch_id = \(lease.batchID) AND first_line = \(first) AND state = 'leased' AND worker = \(lease.worker) AND lease_token = \(lease.token)
            RETURNING *
            """)
        guard let row = rows.first else { throw .conflict("lease on chunk \(lease.batchID)/\(first) was lost") }
        return try Self.lease(PostgresColumns(row))
    }

    /// Saves the results and marks the chunk done in one transaction, if the lease still holds.
    @discardableResult
    public func completeChunk(_ lease: BatchChunkLease, results: [BatchRowResult], at time: Date) async throws(StoreError) -> Int {
        let rows = try sealedRows(batchID: lease.batchID, lines: lease.lines, results: results)
        let milliseconds = PostgresJSONColumn.milliseconds(time)
        let first = lease.lines.lowerBound
        return try await transaction { connection in
            let held = try await connection.query(
                """
                SELECT 1 FROM batch_lease_chunk
                WHERE batch_id = \(lease.batchID) AND first_line = \(first) AND state = 'leased' AND worker = \(lease.worker) AND lease_token = \(lease.token)
                FOR UPDATE
                """, logger: self.logger
            ).collect()
            guard held.count == 1 else { throw StoreError.conflict("lease on chunk \(lease.batchID)/\(first) was lost") }
            let inserted = try await self.saveChunk(batchID: lease.batchID, lines: lease.lines, rows: rows, milliseconds: milliseconds, on: connection)
            try await connection.query(
                """
                UPDATE batch_lease_chunk SET state = 'done', done_at = \(milliseconds), lease_expires_at = NULL
                WHERE batch_id = \(lease.batchID) AND first_line = \(first)
                """, logger: self.logger)
            return inserted
        }
    }

    /// Chunk counts by state at `time`.
    public func chunkProgress(batchID: String, at time: Date) async throws(StoreError) -> BatchChunkProgress {
        let now = PostgresJSONColumn.milliseconds(time)
        let rows = try await rows(
            """
            SELECT count(*) FILTER (WHERE state = 'pending') AS pending,
                   count(*) FILTER (WHERE state = 'leased' AND lease_expires_at >= \(now)) AS leased,
                   count(*) FILTER (WHERE state = 'leased' AND lease_expires_at < \(now)) AS expired,
                   count(*) FILTER (WHERE state = 'done') AS done
            FROM batch_lease_chunk WHERE batch_id = \(batchID)
            """)
        guard let row = rows.first else { return BatchChunkProgress(pending: 0, leased: 0, expired: 0, done: 0) }
        let columns = PostgresColumns(row)
        return BatchChunkProgress(
            pending: Int(try columns.integer("pending")), leased: Int(try columns.integer("leased")), expired: Int(try columns.integer("expired")),
            done: Int(try columns.integer("done")))
    }

    // MARK: - Helpers

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }

    static func lease(_ columns: PostgresColumns) throws(StoreError) -> BatchChunkLease {
        guard let worker = try columns.optionalText("worker"), let expires = try columns.optionalDate("lease_expires_at") else {
            throw .database("leased chunk without worker or expiry")
        }
        return BatchChunkLease(
            batchID: try columns.text("batch_id"), lines: try columns.integer("first_line")...columns.integer("last_line"),
            rows: Int(try columns.integer("rows")), worker: worker, token: try columns.integer("lease_token"), attempt: Int(try columns.integer("attempts")),
            expiresAt: expires)
    }
}
