import Foundation
import GRDB

// MARK: - ReviewStore

extension SQLiteGatewayStore {
    /// Reviews matching `query`, oldest first (ties by id), one page.
    public func reviews(_ query: ReviewQuery) async throws(StoreError) -> [ReviewItem] {
        let protector = self.protector
        return try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let status = query.status {
                conditions.append("r.status = ?")
                arguments += [status.rawValue]
            }
            if let region = query.regionKATO {
                conditions.append("r.region_kato = ?")
                arguments += [region]
            }
            if let from = query.createdFrom {
                conditions.append("r.created_at >= ?")
                arguments += [SQLiteColumnCoding.milliseconds(from)]
            }
            if let to = query.createdTo {
                conditions.append("r.created_at < ?")
                arguments += [SQLiteColumnCoding.milliseconds(to)]
            }
            if let code = query.reasonCode {
                conditions.append("EXISTS (SELECT 1 FROM review_reason c WHERE c.reason_code = ? AND c.review_id = r.id)")
                arguments += [code]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [max(0, query.limit), max(0, query.offset)]
            let rows = try Row.fetchAll(
                db, sql: "SELECT r.* FROM review r \(whereClause) ORDER BY r.created_at, r.id LIMIT ? OFFSET ?", arguments: arguments)
            return try rows.map { row throws(StoreError) in try Self.review(row, protector: protector) }
        }
    }

    /// One review, comment decrypted.
    public func review(id: String) async throws(StoreError) -> ReviewItem? {
        let protector = self.protector
        return try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM review WHERE id = ?", arguments: [id]).map { row throws(StoreError) in
                try Self.review(row, protector: protector)
            }
        }
    }

    /// Resolves an open review, activates `voucher` when given (after the overlap check) or suspends the voucher
    /// `suspending` names, and appends `audit`, in one transaction.
    ///
    /// - Throws: `.notFound` for an unknown review or voucher; `.conflict` when the review is already resolved or the
    ///   voucher overlaps an existing one of the same child (nothing is written then).
    public func resolve(
        id: String, resolution: String, comment: String, actor: String, voucher: VoucherRecord?, suspending voucherID: String?, audit: AuditDraft
    ) async throws(StoreError) -> ReviewItem {
        let sealed = try protector.seal(Data(comment.utf8), context: Self.reviewCommentContext(id))
        let resolvedAt = SQLiteColumnCoding.milliseconds(Date())
        let protector = self.protector
        return try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM review WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(kind: "review", id: id)
            }
            var review = try Self.review(row, protector: protector)
            guard review.status == .open else { throw StoreError.conflict("review \(id) is already resolved") }
            if let voucher {
                if let existing = try Self.overlappingVouchers(db, child: voucher.child, from: voucher.periodStart, to: voucher.periodEnd).first {
                    throw StoreError.conflict("voucher overlaps active voucher \(existing.id)")
                }
                try Self.insertVoucher(voucher, in: db)
            }
            if let voucherID {
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM voucher WHERE id = ?)", arguments: [voucherID]) == true else {
                    throw StoreError.notFound(kind: "voucher", id: voucherID)
                }
                try db.execute(
                    sql: "UPDATE voucher SET suspended_at = ?, suspended_by_review = ? WHERE id = ? AND suspended_at IS NULL",
                    arguments: [resolvedAt, id, voucherID])
            }
            try db.execute(
                sql: """
                    UPDATE review SET status = 'resolved', resolution = ?, comment = ?, resolved_by = ?, resolved_at = ?
                    WHERE id = ? AND status = 'open'
                    """,
                arguments: [resolution, sealed, actor, resolvedAt, id])
            try Self.appendAudit(audit, in: db)
            review.status = .resolved
            review.resolution = resolution
            review.comment = comment
            review.resolvedBy = actor
            review.resolvedAt = SQLiteColumnCoding.date(resolvedAt)
            return review
        }
    }

    // MARK: - Inside transactions

    static func reviewCommentContext(_ id: String) -> String { "review-comment:" + id }

    /// The review's comment sealed for storage, when it has one.
    func sealedComment(of review: ReviewItem?) throws(StoreError) -> Data? {
        guard let review, let comment = review.comment else { return nil }
        return try protector.seal(Data(comment.utf8), context: Self.reviewCommentContext(review.id))
    }

    static func insertReview(_ review: ReviewItem, sealedComment: Data?, in db: Database) throws {
        try db.executeCached(
            sql: """
                INSERT INTO review (id, decision_id, kind, status, reason_codes, region_kato, created_at, resolution, comment, resolved_by, resolved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                review.id, review.decisionID, review.kind.rawValue, review.status.rawValue, SQLiteColumnCoding.json(review.reasonCodes),
                review.regionKATO, SQLiteColumnCoding.milliseconds(review.createdAt), review.resolution, sealedComment, review.resolvedBy,
                review.resolvedAt.map(SQLiteColumnCoding.milliseconds),
            ])
        for code in Set(review.reasonCodes) {
            try db.executeCached(sql: "INSERT INTO review_reason (review_id, reason_code) VALUES (?, ?)", arguments: [review.id, code])
        }
    }

    static func review(_ row: Row, protector: PersonalDataProtector) throws(StoreError) -> ReviewItem {
        typealias C = SQLiteColumnCoding
        let id = try C.text(row, "id")
        guard let kind = DecisionKind(rawValue: try C.text(row, "kind")), let status = ReviewItem.Status(rawValue: try C.text(row, "status")) else {
            throw .database("unknown review kind or status")
        }
        let comment = try C.optionalBlob(row, "comment").map { sealed throws(StoreError) in
            String(decoding: try protector.open(sealed, context: reviewCommentContext(id)), as: UTF8.self)
        }
        return ReviewItem(
            id: id, decisionID: try C.text(row, "decision_id"), kind: kind, status: status, reasonCodes: try C.list(C.text(row, "reason_codes")),
            regionKATO: try C.optionalText(row, "region_kato"), createdAt: C.date(try C.integer(row, "created_at")),
            resolution: try C.optionalText(row, "resolution"), comment: comment, resolvedBy: try C.optionalText(row, "resolved_by"),
            resolvedAt: C.date(try C.optionalInteger(row, "resolved_at")))
    }
}
