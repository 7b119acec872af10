import Foundation
import Logging
import NIOCore
import PostgresNIO
public import Storage

// MARK: - ReviewStore

extension PostgresGatewayStore {
    /// Reviews matching `query`, oldest first (ties by id), one page.
    public func reviews(_ query: ReviewQuery) async throws(StoreError) -> [ReviewItem] {
        var conditions: [String] = []
        var binds = PostgresBindings()
        if let status = query.status {
            binds.append(status.rawValue)
            conditions.append("r.status = $\(binds.count)")
        }
        if let region = query.regionKATO {
            binds.append(region)
            conditions.append("r.region_kato = $\(binds.count)")
        }
        if let from = query.createdFrom {
            binds.append(PostgresJSONColumn.milliseconds(from))
            conditions.append("r.created_at >= $\(binds.count)")
        }
        if let to = query.createdTo {
            binds.append(PostgresJSONColumn.milliseconds(to))
            conditions.append("r.created_at < $\(binds.count)")
        }
        if let code = query.reasonCode {
            binds.append(code)
            conditions.append("EXISTS (SELECT 1 FROM review_reason c WHERE c.reason_code = $\(binds.count) AND c.review_id = r.id)")
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        binds.append(Int64(max(0, query.limit)))
        binds.append(Int64(max(0, query.offset)))
        let rows = try await rows(
            PostgresQuery(
                unsafeSQL: "SELECT r.* FROM review r \(whereClause) ORDER BY r.created_at, r.id LIMIT $\(binds.count - 1) OFFSET $\(binds.count)",
                binds: binds))
        return try rows.map { row throws(StoreError) in try Self.review(PostgresColumns(row), protector: protector) }
    }

    /// One review, comment decrypted.
    public func review(id: String) async throws(StoreError) -> ReviewItem? {
        try await rows("SELECT * FROM review WHERE id = \(id)").first.map { row throws(StoreError) in
            try Self.review(PostgresColumns(row), protector: protector)
        }
    }

    /// Resolves an open review, activates `voucher` when given (after the overlap check) and appends `audit`, in one
    /// transaction under the chain head's lock.
    ///
    /// - Throws: `.notFound` for an unknown id; `.conflict` when the review is already resolved or the voucher
    ///   overlaps an existing one of the same child (nothing is written then).
    public func resolve(
        id: String, resolution: String, comment: String, actor: String, voucher: VoucherRecord?, suspending voucherID: String?, audit: AuditDraft
    ) async throws(StoreError) -> ReviewItem {
        let sealed = PostgresJSONColumn.bytes(try protector.seal(Data(comment.utf8), context: Self.reviewCommentContext(id)))
        let resolvedAt = PostgresJSONColumn.milliseconds(Date())
        let protector = self.protector
        return try await transaction { connection in
            try await self.lockAuditHead(connection)
            guard let row = try await connection.query("SELECT * FROM review WHERE id = \(id) FOR UPDATE", logger: self.logger).collect().first else {
                throw StoreError.notFound(kind: "review", id: id)
            }
            var review = try Self.review(PostgresColumns(row), protector: protector)
            guard review.status == .open else { throw StoreError.conflict("review \(id) is already resolved") }
            if let voucher {
                if let existing = try await self.overlappingVouchers(
                    on: connection, child: voucher.child, from: voucher.periodStart, to: voucher.periodEnd
                ).first {
                    throw StoreError.conflict("voucher overlaps active voucher \(existing.id)")
                }
                try await self.insertVoucher(voucher, on: connection)
            }
            if let voucherID {
                let exists = try await connection.query("SELECT 1 FROM voucher WHERE id = \(voucherID) FOR UPDATE", logger: self.logger).collect()
                guard !exists.isEmpty else { throw StoreError.notFound(kind: "voucher", id: voucherID) }
                try await connection.query(
                    "UPDATE voucher SET suspended_at = \(resolvedAt), suspended_by_review = \(id) WHERE id = \(voucherID) AND suspended_at IS NULL",
                    logger: self.logger)
            }
            try await connection.query(
                """
                UPDATE review SET status = 'resolved', resolution = \(resolution), comment = \(sealed), resolved_by = \(actor), resolved_at = \(resolvedAt)
                WHERE id = \(id) AND status = 'open'
                """, logger: self.logger)
            try await self.appendAudit(audit, on: connection)
            review.status = .resolved
            review.resolution = resolution
            review.comment = comment
            review.resolvedBy = actor
            review.resolvedAt = AuditCanonicalForm.date(milliseconds: resolvedAt)
            return review
        }
    }

    // MARK: - Inside transactions

    static func reviewCommentContext(_ id: String) -> String { "review-comment:" + id }

    /// The review's comment sealed for storage, when it has one.
    func sealedComment(of review: ReviewItem?) throws(StoreError) -> ByteBuffer? {
        guard let review, let comment = review.comment else { return nil }
        return PostgresJSONColumn.bytes(try protector.seal(Data(comment.utf8), context: Self.reviewCommentContext(review.id)))
    }

    func insertReview(_ review: ReviewItem, sealedComment: ByteBuffer?, on connection: PostgresConnection) async throws {
        let reasonCodes = PostgresJSONColumn.text(review.reasonCodes)
        let createdAt = PostgresJSONColumn.milliseconds(review.createdAt)
        let resolvedAt = review.resolvedAt.map(PostgresJSONColumn.milliseconds)
        try await connection.query(
            """
            INSERT INTO review (id, decision_id, kind, status, reason_codes, region_kato, created_at, resolution, comment, resolved_by, resolved_at)
            VALUES (\(review.id), \(review.decisionID), \(review.kind.rawValue), \(review.status.rawValue), \(reasonCodes), \(review.regionKATO),
                    \(createdAt), \(review.resolution), \(sealedComment), \(review.resolvedBy), \(resolvedAt))
            """, logger: logger)
        let codes = Array(Set(review.reasonCodes)).sorted()
        if !codes.isEmpty {
            try await connection.query(
                "INSERT INTO review_reason (review_id, reason_code) SELECT \(review.id), unnest(\(codes)::text[])", logger: logger)
        }
    }

    static func review(_ columns: PostgresColumns, protector: PersonalDataProtector) throws(StoreError) -> ReviewItem {
        let id = try columns.text("id")
        guard let kind = DecisionKind(rawValue: try columns.text("kind")), let status = ReviewItem.Status(rawValue: try columns.text("status")) else {
            throw .database("unknown review kind or status")
        }
        let comment = try columns.optionalBlob("comment").map { sealed throws(StoreError) in
            String(decoding: try protector.open(sealed, context: reviewCommentContext(id)), as: UTF8.self)
        }
        return ReviewItem(
            id: id, decisionID: try columns.text("decision_id"), kind: kind, status: status, reasonCodes: try columns.list("reason_codes"),
            regionKATO: try columns.optionalText("region_kato"), createdAt: try columns.date("created_at"),
            resolution: try columns.optionalText("resolution"), comment: comment, resolvedBy: try columns.optionalText("resolved_by"),
            resolvedAt: try columns.optionalDate("resolved_at"))
    }
}
