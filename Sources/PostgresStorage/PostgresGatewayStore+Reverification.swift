public import Foundation
public import Identifiers
import Logging
import PostgresNIO
public import Storage

// MARK: - ReverificationStore

/// Re-verification of active vouchers on PostgreSQL, as on SQLite (`SQLiteGatewayStore+Reverification`). Voucher ids
/// compare and sort with `COLLATE "C"` (bytes, as SQLite does), so a run's checkpoint means the same whatever the
/// database's collation.
extension PostgresGatewayStore: ReverificationStore {
    /// Saves (or replaces) the sealed subject of a voucher. `.notFound` when the voucher does not exist.
    public func saveVoucherSubject(_ subject: VoucherSubjectRecord) async throws(StoreError) {
        let sealed = PostgresJSONColumn.bytes(try protector.seal(subject.payload, context: Self.voucherSubjectContext(subject.voucherID)))
        try await transaction { connection in
            let voucher = try await connection.query("SELECT 1 FROM voucher WHERE id = \(subject.voucherID)", logger: self.logger).collect()
            guard voucher.count == 1 else { throw StoreError.notFound(kind: "voucher", id: subject.voucherID) }
            try await self.upsertVoucherSubject(voucherID: subject.voucherID, activatedAt: subject.activatedAt, sealed: sealed, on: connection)
        }
    }

    /// Inserts or replaces the sealed subject of a voucher, inside the caller's transaction.
    func upsertVoucherSubject(voucherID: String, activatedAt: Date, sealed: ByteBuffer, on connection: PostgresConnection) async throws {
        let milliseconds = PostgresJSONColumn.milliseconds(activatedAt)
        try await connection.query(
            """
            INSERT INTO voucher_subject (voucher_id, activated_at, payload) VALUES (\(voucherID), \(milliseconds), \(sealed))
            ON CONFLICT (voucher_id) DO UPDATE SET payload = excluded.payload
            """, logger: self.logger)
    }

    /// Vouchers not ended on `activeOn` with their subjects, in voucher id order (see the protocol).
    public func voucherSubjects(activeOn: CalendarDate, activatedSince: Date?, afterVoucherID: String?, limit: Int)
        async throws(StoreError) -> [VoucherSubjectRecord]
    {
        let since = activatedSince.map(PostgresJSONColumn.milliseconds) ?? Int64.min
        let after = afterVoucherID ?? ""
        let limit = Int64(max(0, limit))
        let rows = try await rows(
            """
            SELECT s.voucher_id, s.activated_at, s.payload FROM voucher_subject s JOIN voucher v ON v.id = s.voucher_id
            WHERE v.period_end >= \(activeOn.description) AND v.suspended_at IS NULL AND s.activated_at >= \(since) AND s.voucher_id > \(after) COLLATE "C"
            ORDER BY s.voucher_id COLLATE "C" LIMIT \(limit)
            """)
        return try rows.map { row throws(StoreError) in
            let columns = PostgresColumns(row)
            let id = try columns.text("voucher_id")
            return VoucherSubjectRecord(
                voucherID: id, activatedAt: try columns.date("activated_at"),
                payload: try protector.open(columns.blob("payload"), context: Self.voucherSubjectContext(id)))
        }
    }

    /// Saves a new run. `.conflict` when the id exists.
    public func createReverificationRun(_ run: ReverificationRunRecord) async throws(StoreError) {
        let since = run.activatedSince.map(PostgresJSONColumn.milliseconds)
        let counts = PostgresJSONColumn.text(run.counts)
        let createdAt = PostgresJSONColumn.milliseconds(run.createdAt)
        let updatedAt = PostgresJSONColumn.milliseconds(run.updatedAt)
        _ = try await rows(
            """
            INSERT INTO reverification_run (id, status, active_on, activated_since, counts, created_at, updated_at)
            VALUES (\(run.id), \(run.status.rawValue), \(run.activeOn.description), \(since), \(counts), \(createdAt), \(updatedAt))
            """)
    }

    /// One run.
    public func reverificationRun(id: String) async throws(StoreError) -> ReverificationRunRecord? {
        try await rows("SELECT * FROM reverification_run WHERE id = \(id)").first.map { row throws(StoreError) in
            try Self.reverificationRun(PostgresColumns(row))
        }
    }

    /// Runs, newest first.
    public func reverificationRuns(limit: Int) async throws(StoreError) -> [ReverificationRunRecord] {
        let limit = Int64(max(0, limit))
        return try await rows("SELECT * FROM reverification_run ORDER BY created_at DESC, id COLLATE \"C\" DESC LIMIT \(limit)").map {
            row throws(StoreError) in try Self.reverificationRun(PostgresColumns(row))
        }
    }

    /// Sets a run's status and counters.
    @discardableResult
    public func updateReverificationRun(id: String, status: ReverificationRunRecord.Status, counts: [String: Int], at time: Date)
        async throws(StoreError) -> ReverificationRunRecord
    {
        let milliseconds = PostgresJSONColumn.milliseconds(time)
        let countsText = PostgresJSONColumn.text(counts)
        let rows = try await rows(
            "UPDATE reverification_run SET status = \(status.rawValue), counts = \(countsText), updated_at = \(milliseconds) WHERE id = \(id) RETURNING *")
        guard let row = rows.first else { throw .notFound(kind: "reverification run", id: id) }
        return try Self.reverificationRun(PostgresColumns(row))
    }

    /// Saves one chunk's results in one transaction; replayed vouchers keep their first result.
    @discardableResult
    public func saveReverificationChunk(runID: String, results: [ReverificationResultRecord], at time: Date) async throws(StoreError) -> Int {
        var ids: [String] = []
        var outcomes: [String] = []
        var payloads: [ByteBuffer] = []
        for result in results {
            ids.append(result.voucherID)
            outcomes.append(result.outcome)
            payloads.append(PostgresJSONColumn.bytes(try protector.seal(result.payload, context: Self.reverificationResultContext(runID, result.voucherID))))
        }
        let milliseconds = PostgresJSONColumn.milliseconds(time)
        return try await transaction { [ids, outcomes, payloads] connection in
            let run = try await connection.query(
                "UPDATE reverification_run SET updated_at = \(milliseconds) WHERE id = \(runID) RETURNING id", logger: self.logger
            ).collect()
            guard run.count == 1 else { throw StoreError.notFound(kind: "reverification run", id: runID) }
            guard !ids.isEmpty else { return 0 }
            let inserted = try await connection.query(
                """
                INSERT INTO reverification_result (run_id, voucher_id, outcome, payload)
                SELECT \(runID), v, o, p FROM unnest(\(ids)::text[], \(outcomes)::text[], \(payloads)::bytea[]) AS t(v, o, p)
                ON CONFLICT DO NOTHING RETURNING voucher_id
                """, logger: self.logger
            ).collect()
            return inserted.count
        }
    }

    /// The checkpoint: the greatest voucher id saved for the run (byte order).
    public func lastReverifiedVoucherID(runID: String) async throws(StoreError) -> String? {
        try await rows("SELECT max(voucher_id COLLATE \"C\") AS last FROM reverification_result WHERE run_id = \(runID)").first.flatMap {
            row throws(StoreError) in try PostgresColumns(row).optionalText("last")
        }
    }

    /// One page of a run's results, payloads decrypted.
    public func reverificationResults(runID: String, afterVoucherID: String?, limit: Int) async throws(StoreError) -> [ReverificationResultRecord] {
        let after = afterVoucherID ?? ""
        let limit = Int64(max(0, limit))
        let rows = try await rows(
            """
            SELECT * FROM reverification_result WHERE run_id = \(runID) AND voucher_id > \(after) COLLATE "C"
            ORDER BY voucher_id COLLATE "C" LIMIT \(limit)
            """)
        return try rows.map { row throws(StoreError) in
            let columns = PostgresColumns(row)
            let id = try columns.text("voucher_id")
            return ReverificationResultRecord(
                voucherID: id, outcome: try columns.text("outcome"),
                payload: try protector.open(columns.blob("payload"), context: Self.reverificationResultContext(runID, id)))
        }
    }

    static func voucherSubjectContext(_ voucherID: String) -> String { "voucher-subject:" + voucherID }

    static func reverificationResultContext(_ runID: String, _ voucherID: String) -> String { "reverification:\(runID):\(voucherID)" }

    static func reverificationRun(_ columns: PostgresColumns) throws(StoreError) -> ReverificationRunRecord {
        let status = try columns.text("status")
        guard let parsed = ReverificationRunRecord.Status(rawValue: status) else { throw .database("unknown run status \(status)") }
        return ReverificationRunRecord(
            id: try columns.text("id"), status: parsed, activeOn: try calendarDate(columns.text("active_on")),
            activatedSince: try columns.optionalDate("activated_since"), counts: try columns.intMap("counts"),
            createdAt: try columns.date("created_at"), updatedAt: try columns.date("updated_at"))
    }
}
