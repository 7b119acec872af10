import Foundation
import GRDB
public import Identifiers

// MARK: - DecisionStore, VoucherStore

extension SQLiteGatewayStore {
    /// Writes the decision with its subjects, review or voucher and audit entry in one transaction, after checking
    /// (in the same transaction) for a replayed client request id and for an overlapping voucher.
    public func record(_ write: DecisionWrite) async throws(StoreError) -> DecisionWriteOutcome {
        var truncated = write.decision
        truncated.createdAt = SQLiteColumnCoding.truncated(truncated.createdAt)
        let decision = truncated
        let sealed = try protector.seal(decision.payload, context: Self.decisionContext(decision.id))
        let sealedComment = try sealedComment(of: write.review)
        let sealedSubject = try sealedVoucherSubject(of: write)
        let protector = self.protector
        return try await self.write { db in
            if let clientRequestID = decision.clientRequestID,
                let existing = try Self.fetchDecision(
                    db, protector: protector, sql: "SELECT * FROM decision WHERE kind = ? AND client_request_id = ?",
                    arguments: [decision.kind.rawValue, clientRequestID])
            {
                return .replayed(existing)
            }
            if let voucher = write.voucher,
                let existing = try Self.overlappingVouchers(db, child: voucher.child, from: voucher.periodStart, to: voucher.periodEnd).first
            {
                return .voucherConflict(existing: existing)
            }
            try db.executeCached(
                sql: """
                    INSERT INTO decision (id, kind, outcome, reason_codes, client_request_id, request_fingerprint, region_kato,
                                          registry_message_ids, created_at, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    decision.id, decision.kind.rawValue, decision.outcome, SQLiteColumnCoding.json(decision.reasonCodes), decision.clientRequestID,
                    decision.requestFingerprint, decision.regionKATO, SQLiteColumnCoding.json(decision.registryMessageIDs),
                    SQLiteColumnCoding.milliseconds(decision.createdAt), sealed,
                ])
            for (position, subject) in decision.subjects.enumerated() {
                try db.executeCached(
                    sql: "INSERT INTO decision_subject (decision_id, position, subject_key) VALUES (?, ?, ?)",
                    arguments: [decision.id, position, subject.hex])
            }
            if let review = write.review { try Self.insertReview(review, sealedComment: sealedComment, in: db) }
            if let voucher = write.voucher {
                try Self.insertVoucher(voucher, in: db)
                if let sealedSubject { try Self.upsertVoucherSubject(voucherID: voucher.id, activatedAt: voucher.activatedAt, sealed: sealedSubject, in: db) }
            }
            try Self.appendAudit(write.audit, in: db)
            return .recorded(decision)
        }
    }

    /// The voucher's re-verification subject sealed for storage, when the write carries a voucher and a subject.
    func sealedVoucherSubject(of write: DecisionWrite) throws(StoreError) -> Data? {
        guard let voucher = write.voucher, let subject = write.voucherSubject else { return nil }
        return try protector.seal(subject, context: Self.voucherSubjectContext(voucher.id))
    }

    /// The decision with this id, payload decrypted.
    public func decision(id: String) async throws(StoreError) -> StoredDecision? {
        let protector = self.protector
        return try await read { db in
            try Self.fetchDecision(db, protector: protector, sql: "SELECT * FROM decision WHERE id = ?", arguments: [id])
        }
    }

    /// The decision recorded under this client request id for `kind`, payload decrypted.
    public func decision(kind: DecisionKind, clientRequestID: String) async throws(StoreError) -> StoredDecision? {
        let protector = self.protector
        return try pointRead { db in
            try Self.fetchDecision(
                db, protector: protector, sql: "SELECT * FROM decision WHERE kind = ? AND client_request_id = ?",
                arguments: [kind.rawValue, clientRequestID])
        }
    }

    /// Vouchers of `child` in force (not suspended) whose period overlaps `start…end` (both inclusive), earliest first.
    public func activeVouchers(child: SubjectKey, overlapping start: CalendarDate, _ end: CalendarDate) async throws(StoreError) -> [VoucherRecord] {
        try pointRead { db in try Self.overlappingVouchers(db, child: child, from: start, to: end) }
    }

    // MARK: - Inside transactions

    static func decisionContext(_ id: String) -> String { "decision:" + id }

    static func fetchDecision(_ db: Database, protector: PersonalDataProtector, sql: String, arguments: StatementArguments) throws -> StoredDecision? {
        guard let row = try Row.fetchOneCached(db, sql: sql, arguments: arguments) else { return nil }
        typealias C = SQLiteColumnCoding
        let id = try C.text(row, "id")
        guard let kind = DecisionKind(rawValue: try C.text(row, "kind")) else { throw StoreError.database("unknown decision kind") }
        let subjects = try String.fetchAllCached(db, sql: "SELECT subject_key FROM decision_subject WHERE decision_id = ? ORDER BY position", arguments: [id])
        return StoredDecision(
            id: id, kind: kind, outcome: try C.text(row, "outcome"), reasonCodes: try C.list(C.text(row, "reason_codes")),
            subjects: subjects.map(SubjectKey.init(hex:)), clientRequestID: try C.optionalText(row, "client_request_id"),
            requestFingerprint: try C.optionalText(row, "request_fingerprint"), regionKATO: try C.optionalText(row, "region_kato"),
            registryMessageIDs: try C.list(C.text(row, "registry_message_ids")), createdAt: C.date(try C.integer(row, "created_at")),
            payload: try protector.open(C.blob(row, "payload"), context: decisionContext(id)))
    }

    static func overlappingVouchers(_ db: Database, child: SubjectKey, from start: CalendarDate, to end: CalendarDate) throws -> [VoucherRecord] {
        let rows = try Row.fetchAllCached(
            db,
            sql: """
                SELECT * FROM voucher WHERE child_key = ? AND period_start <= ? AND period_end >= ? AND suspended_at IS NULL
                ORDER BY period_start, id
                """,
            arguments: [child.hex, end.description, start.description])
        return try rows.map(voucher)
    }

    static func insertVoucher(_ voucher: VoucherRecord, in db: Database) throws {
        try db.executeCached(
            sql: """
                INSERT INTO voucher (id, child_key, programme_id, period_start, period_end, decision_id, activated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                voucher.id, voucher.child.hex, voucher.programmeID, voucher.periodStart.description, voucher.periodEnd.description,
                voucher.decisionID, SQLiteColumnCoding.milliseconds(voucher.activatedAt),
            ])
    }

    static func voucher(_ row: Row) throws(StoreError) -> VoucherRecord {
        typealias C = SQLiteColumnCoding
        return VoucherRecord(
            id: try C.text(row, "id"), child: SubjectKey(hex: try C.text(row, "child_key")), programmeID: try C.text(row, "programme_id"),
            periodStart: try C.calendarDate(C.text(row, "period_start")), periodEnd: try C.calendarDate(C.text(row, "period_end")),
            decisionID: try C.text(row, "decision_id"), activatedAt: C.date(try C.integer(row, "activated_at")),
            suspendedAt: C.date(row["suspended_at"] as Int64?))
    }
}
