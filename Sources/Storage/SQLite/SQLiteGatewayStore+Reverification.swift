public import Foundation
import GRDB
public import Identifiers

// MARK: - ReverificationStore

extension SQLiteGatewayStore: ReverificationStore {
    /// Saves (or replaces) the sealed subject of a voucher. `.notFound` when the voucher does not exist.
    public func saveVoucherSubject(_ subject: VoucherSubjectRecord) async throws(StoreError) {
        let sealed = try protector.seal(subject.payload, context: Self.voucherSubjectContext(subject.voucherID))
        try await write { db in
            guard try Bool.fetchOneCached(db, sql: "SELECT EXISTS (SELECT 1 FROM voucher WHERE id = ?)", arguments: [subject.voucherID]) == true else {
                throw StoreError.notFound(kind: "voucher", id: subject.voucherID)
            }
            try Self.upsertVoucherSubject(voucherID: subject.voucherID, activatedAt: subject.activatedAt, sealed: sealed, in: db)
        }
    }

    /// Inserts or replaces the sealed subject of a voucher, inside the caller's write transaction.
    static func upsertVoucherSubject(voucherID: String, activatedAt: Date, sealed: Data, in db: Database) throws {
        try db.executeCached(
            sql: """
                INSERT INTO voucher_subject (voucher_id, activated_at, payload) VALUES (?, ?, ?)
                ON CONFLICT (voucher_id) DO UPDATE SET payload = excluded.payload
                """,
            arguments: [voucherID, SQLiteColumnCoding.milliseconds(activatedAt), sealed])
    }

    /// Vouchers not ended on `activeOn` with their subjects, in voucher id order (see the protocol).
    public func voucherSubjects(activeOn: CalendarDate, activatedSince: Date?, afterVoucherID: String?, limit: Int)
        async throws(StoreError) -> [VoucherSubjectRecord]
    {
        let protector = self.protector
        return try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.voucher_id, s.activated_at, s.payload FROM voucher_subject s JOIN voucher v ON v.id = s.voucher_id
                    WHERE v.period_end >= ? AND v.suspended_at IS NULL AND s.activated_at >= ? AND s.voucher_id > ?
                    ORDER BY s.voucher_id LIMIT ?
                    """,
                arguments: [
                    activeOn.description, activatedSince.map(SQLiteColumnCoding.milliseconds) ?? Int64.min, afterVoucherID ?? "", max(0, limit),
                ])
            return try rows.map { row throws(StoreError) in
                let id = try SQLiteColumnCoding.text(row, "voucher_id")
                return VoucherSubjectRecord(
                    voucherID: id, activatedAt: SQLiteColumnCoding.date(try SQLiteColumnCoding.integer(row, "activated_at")),
                    payload: try protector.open(SQLiteColumnCoding.blob(row, "payload"), context: Self.voucherSubjectContext(id)))
            }
        }
    }

    /// Saves a new run. `.conflict` when the id exists.
    public func createReverificationRun(_ run: ReverificationRunRecord) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO reverification_run (id, status, active_on, activated_since, counts, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.id, run.status.rawValue, run.activeOn.description, run.activatedSince.map(SQLiteColumnCoding.milliseconds),
                    SQLiteColumnCoding.json(run.counts), SQLiteColumnCoding.milliseconds(run.createdAt), SQLiteColumnCoding.milliseconds(run.updatedAt),
                ])
        }
    }

    /// One run.
    public func reverificationRun(id: String) async throws(StoreError) -> ReverificationRunRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM reverification_run WHERE id = ?", arguments: [id]).map(Self.reverificationRun)
        }
    }

    /// Runs, newest first.
    public func reverificationRuns(limit: Int) async throws(StoreError) -> [ReverificationRunRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reverification_run ORDER BY created_at DESC, id DESC LIMIT ?", arguments: [max(0, limit)])
                .map(Self.reverificationRun)
        }
    }

    /// Sets a run's status and counters.
    @discardableResult
    public func updateReverificationRun(id: String, status: ReverificationRunRecord.Status, counts: [String: Int], at time: Date)
        async throws(StoreError) -> ReverificationRunRecord
    {
        let milliseconds = SQLiteColumnCoding.milliseconds(time)
        return try await write { db in
            try db.execute(
                sql: "UPDATE reverification_run SET status = ?, counts = ?, updated_at = ? WHERE id = ?",
                arguments: [status.rawValue, SQLiteColumnCoding.json(counts), milliseconds, id])
            guard db.changesCount == 1, let row = try Row.fetchOne(db, sql: "SELECT * FROM reverification_run WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "reverification run", id: id)
            }
            return try Self.reverificationRun(row)
        }
    }

    /// Saves one chunk's results in one transaction; replayed vouchers keep their first result.
    @discardableResult
    public func saveReverificationChunk(runID: String, results: [ReverificationResultRecord], at time: Date) async throws(StoreError) -> Int {
        var sealed: [(ReverificationResultRecord, Data)] = []
        sealed.reserveCapacity(results.count)
        for result in results {
            sealed.append((result, try protector.seal(result.payload, context: Self.reverificationResultContext(runID, result.voucherID))))
        }
        let rows = sealed
        let milliseconds = SQLiteColumnCoding.milliseconds(time)
        return try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reverification_run WHERE id = ?)", arguments: [runID]) == true else {
                throw StoreError.notFound(kind: "reverification run", id: runID)
            }
            var inserted = 0
            for (result, payload) in rows {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO reverification_result (run_id, voucher_id, outcome, payload) VALUES (?, ?, ?, ?)",
                    arguments: [runID, result.voucherID, result.outcome, payload])
                inserted += db.changesCount
            }
            try db.execute(sql: "UPDATE reverification_run SET updated_at = ? WHERE id = ?", arguments: [milliseconds, runID])
            return inserted
        }
    }

    /// The checkpoint: the greatest voucher id saved for the run.
    public func lastReverifiedVoucherID(runID: String) async throws(StoreError) -> String? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT MAX(voucher_id) FROM reverification_result WHERE run_id = ?", arguments: [runID])
        }
    }

    /// One page of a run's results, payloads decrypted.
    public func reverificationResults(runID: String, afterVoucherID: String?, limit: Int) async throws(StoreError) -> [ReverificationResultRecord] {
        let protector = self.protector
        return try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM reverification_result WHERE run_id = ? AND voucher_id > ? ORDER BY voucher_id LIMIT ?",
                arguments: [runID, afterVoucherID ?? "", max(0, limit)])
            return try rows.map { row throws(StoreError) in
                let id = try SQLiteColumnCoding.text(row, "voucher_id")
                return ReverificationResultRecord(
                    voucherID: id, outcome: try SQLiteColumnCoding.text(row, "outcome"),
                    payload: try protector.open(SQLiteColumnCoding.blob(row, "payload"), context: Self.reverificationResultContext(runID, id)))
            }
        }
    }

    static func voucherSubjectContext(_ voucherID: String) -> String { "voucher-subject:" + voucherID }

    static func reverificationResultContext(_ runID: String, _ voucherID: String) -> String { "reverification:\(runID):\(voucherID)" }

    static func reverificationRun(_ row: Row) throws(StoreError) -> ReverificationRunRecord {
        typealias C = SQLiteColumnCoding
        let status = try C.text(row, "status")
        guard let parsed = ReverificationRunRecord.Status(rawValue: status) else { throw StoreError.database("unknown run status \(status)") }
        return ReverificationRunRecord(
            id: try C.text(row, "id"), status: parsed, activeOn: try C.calendarDate(C.text(row, "active_on")),
            activatedSince: C.date(try C.optionalInteger(row, "activated_since")), counts: try C.intMap(C.text(row, "counts")),
            createdAt: C.date(try C.integer(row, "created_at")), updatedAt: C.date(try C.integer(row, "updated_at")))
    }
}
