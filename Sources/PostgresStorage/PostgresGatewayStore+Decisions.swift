import Foundation
public import Identifiers
import Logging
import PostgresNIO
public import Storage

// MARK: - DecisionStore, VoucherStore

extension PostgresGatewayStore {
    /// Writes the decision with its subjects, review or voucher and audit entry in one transaction, after checking
    /// (in the same transaction, under the chain head's lock) for a replayed client request id and for an
    /// overlapping voucher.
    public func record(_ write: DecisionWrite) async throws(StoreError) -> DecisionWriteOutcome {
        var truncated = write.decision
        truncated.createdAt = PostgresJSONColumn.truncated(truncated.createdAt)
        let decision = truncated
        let sealed = PostgresJSONColumn.bytes(try protector.seal(decision.payload, context: "decision:" + decision.id))
        let sealedComment = try sealedComment(of: write.review)
        let sealedSubject = try sealedVoucherSubject(of: write)
        return try await transaction { connection in
            try await self.lockAuditHead(connection)
            if let clientRequestID = decision.clientRequestID,
                let existing = try await self.fetchDecision(
                    on: connection, "SELECT * FROM decision WHERE kind = \(decision.kind.rawValue) AND client_request_id = \(clientRequestID)")
            {
                return .replayed(existing)
            }
            if let voucher = write.voucher,
                let existing = try await self.overlappingVouchers(on: connection, child: voucher.child, from: voucher.periodStart, to: voucher.periodEnd)
                    .first
            {
                return .voucherConflict(existing: existing)
            }
            let reasonCodes = PostgresJSONColumn.text(decision.reasonCodes)
            let messageIDs = PostgresJSONColumn.text(decision.registryMessageIDs)
            let createdAt = PostgresJSONColumn.milliseconds(decision.createdAt)
            try await connection.query(
                """
                INSERT INTO decision (id, kind, outcome, reason_codes, client_request_id, request_fingerprint, region_kato,
                                      registry_message_ids, created_at, payload)
                VALUES (\(decision.id), \(decision.kind.rawValue), \(decision.outcome), \(reasonCodes), \(decision.clientRequestID),
                        \(decision.requestFingerprint), \(decision.regionKATO), \(messageIDs), \(createdAt), \(sealed))
                """, logger: self.logger)
            if !decision.subjects.isEmpty {
                let positions = (0..<decision.subjects.count).map { Int64($0) }
                let keys = decision.subjects.map(\.hex)
                try await connection.query(
                    """
                    INSERT INTO decision_subject (decision_id, position, subject_key)
                    SELECT \(decision.id), p, k FROM unnest(\(positions)::bigint[], \(keys)::text[]) AS t(p, k)
                    """, logger: self.logger)
            }
            if let review = write.review { try await self.insertReview(review, sealedComment: sealedComment, on: connection) }
            if let voucher = write.voucher {
                try await self.insertVoucher(voucher, on: connection)
                if let sealedSubject {
                    try await self.upsertVoucherSubject(voucherID: voucher.id, activatedAt: voucher.activatedAt, sealed: sealedSubject, on: connection)
                }
            }
            try await self.appendAudit(write.audit, on: connection)
            return .recorded(decision)
        }
    }

    /// The voucher's re-verification subject sealed for storage, when the write carries a voucher and a subject.
    func sealedVoucherSubject(of write: DecisionWrite) throws(StoreError) -> ByteBuffer? {
        guard let voucher = write.voucher, let subject = write.voucherSubject else { return nil }
        return PostgresJSONColumn.bytes(try protector.seal(subject, context: Self.voucherSubjectContext(voucher.id)))
    }

    /// The decision with this id, payload decrypted.
    public func decision(id: String) async throws(StoreError) -> StoredDecision? {
        try await transaction { connection in try await self.fetchDecision(on: connection, "SELECT * FROM decision WHERE id = \(id)") }
    }

    /// The decision recorded under this client request id for `kind`, payload decrypted.
    public func decision(kind: DecisionKind, clientRequestID: String) async throws(StoreError) -> StoredDecision? {
        try await transaction { connection in
            try await self.fetchDecision(on: connection, "SELECT * FROM decision WHERE kind = \(kind.rawValue) AND client_request_id = \(clientRequestID)")
        }
    }

    /// Vouchers of `child` in force (not suspended) whose period overlaps `start…end` (both inclusive), earliest first.
    public func activeVouchers(child: SubjectKey, overlapping start: CalendarDate, _ end: CalendarDate) async throws(StoreError) -> [VoucherRecord] {
        try await transaction { connection in try await self.overlappingVouchers(on: connection, child: child, from: start, to: end) }
    }

    // MARK: - Inside transactions

    func fetchDecision(on connection: PostgresConnection, _ query: PostgresQuery) async throws -> StoredDecision? {
        guard let row = try await connection.query(query, logger: logger).collect().first else { return nil }
        let columns = PostgresColumns(row)
        let id = try columns.text("id")
        guard let kind = DecisionKind(rawValue: try columns.text("kind")) else { throw StoreError.database("unknown decision kind") }
        var subjects: [SubjectKey] = []
        for try await key in try await connection.query(
            "SELECT subject_key FROM decision_subject WHERE decision_id = \(id) ORDER BY position", logger: logger
        ).decode(String.self) {
            subjects.append(SubjectKey(hex: key))
        }
        return StoredDecision(
            id: id, kind: kind, outcome: try columns.text("outcome"), reasonCodes: try columns.list("reason_codes"), subjects: subjects,
            clientRequestID: try columns.optionalText("client_request_id"), requestFingerprint: try columns.optionalText("request_fingerprint"),
            regionKATO: try columns.optionalText("region_kato"), registryMessageIDs: try columns.list("registry_message_ids"),
            createdAt: try columns.date("created_at"), payload: try protector.open(columns.blob("payload"), context: "decision:" + id))
    }

    func overlappingVouchers(on connection: PostgresConnection, child: SubjectKey, from start: CalendarDate, to end: CalendarDate) async throws
        -> [VoucherRecord]
    {
        let rows = try await connection.query(
            """
            SELECT * FROM voucher WHERE child_key = \(child.hex) AND period_start <= \(end.description) AND period_end >= \(start.description)
              AND suspended_at IS NULL
            ORDER BY period_start, id
            """, logger: logger
        ).collect()
        return try rows.map { row throws(StoreError) in try Self.voucher(PostgresColumns(row)) }
    }

    func insertVoucher(_ voucher: VoucherRecord, on connection: PostgresConnection) async throws {
        let activatedAt = PostgresJSONColumn.milliseconds(voucher.activatedAt)
        try await connection.query(
            """
            INSERT INTO voucher (id, child_key, programme_id, period_start, period_end, decision_id, activated_at)
            VALUES (\(voucher.id), \(voucher.child.hex), \(voucher.programmeID), \(voucher.periodStart.description), \(voucher.periodEnd.description),
                    \(voucher.decisionID), \(activatedAt))
            """, logger: logger)
    }

    static func voucher(_ columns: PostgresColumns) throws(StoreError) -> VoucherRecord {
        VoucherRecord(
            id: try columns.text("id"), child: SubjectKey(hex: try columns.text("child_key")), programmeID: try columns.text("programme_id"),
            periodStart: try calendarDate(columns.text("period_start")), periodEnd: try calendarDate(columns.text("period_end")),
            decisionID: try columns.text("decision_id"), activatedAt: try columns.date("activated_at"), suspendedAt: try columns.optionalDate("suspended_at"))
    }

    static func calendarDate(_ text: String) throws(StoreError) -> CalendarDate {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let date = CalendarDate(year: year, month: month, day: day)
        else { throw .database("stored day is not yyyy-MM-dd") }
        return date
    }
}
