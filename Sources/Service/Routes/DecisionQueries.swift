import Foundation
import Hummingbird
import Identifiers
import Normalization
import Reverification
import Storage
import Verification

/// `GET /v1/decisions/{id}`, `GET /v1/reviews`, `POST /v1/reviews/{id}/resolve`.
///
/// A resolution must be an outcome of the review's kind: ACTIVATE/REJECT (voucher activation), KEEP/SUSPEND
/// (re-verification of an active voucher), MATCH/MISMATCH (registration), QUALIFIED/NOT_QUALIFIED (provider check).
struct DecisionQueries: Sendable {
    let dependencies: GatewayDependencies

    func decision(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let decision = try await dependencies.store.decision(id: id) else { throw ServiceProblem.notFound("No decision \(id).") }
        // A provider admin sees provider checks only; other kinds are about children and parents, so they answer as absent.
        if context.client?.role == .providerAdmin, decision.kind != .providerCheck { throw ServiceProblem.notFound("No decision \(id).") }
        return DecisionRecorder.json(decision.payload, status: .ok)
    }

    /// One review in the list.
    struct ReviewView: Encodable {
        var reviewId: String
        var decisionId: String
        var kind: String
        var status: String
        var reasons: [String]
        var regionKATO: String?
        var createdAt: String
        var resolution: String?
        var comment: String?
        var resolvedBy: String?
        var resolvedAt: String?

        init(_ item: ReviewItem) {
            reviewId = item.id
            decisionId = item.decisionID
            kind = item.kind.rawValue
            status = item.status.rawValue
            reasons = item.reasonCodes
            regionKATO = item.regionKATO
            createdAt = internetDateTime(item.createdAt)
            resolution = item.resolution
            comment = item.comment
            resolvedBy = item.resolvedBy
            resolvedAt = item.resolvedAt.map { internetDateTime($0) }
        }
    }

    struct ReviewList: Encodable {
        var items: [ReviewView]
        var limit: Int
        var offset: Int
    }

    func reviews(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        var filter = ReviewQuery()
        if let status = query["status"].map(String.init) {
            if status == "all" {
                filter.status = nil
            } else if let parsed = ReviewItem.Status(rawValue: status) {
                filter.status = parsed
            } else {
                throw ServiceProblem.badRequest("status must be open, resolved or all", code: "QUERY_INVALID")
            }
        }
        filter.reasonCode = query["reason"].map(String.init)
        filter.regionKATO = query["region"].map(String.init)
        if let from = query["from"].map(String.init) {
            guard let date = parseInternetDateTime(from) else { throw ServiceProblem.badRequest("from must be an RFC 3339 date-time", code: "QUERY_INVALID") }
            filter.createdFrom = date
        }
        if let to = query["to"].map(String.init) {
            guard let date = parseInternetDateTime(to) else { throw ServiceProblem.badRequest("to must be an RFC 3339 date-time", code: "QUERY_INVALID") }
            filter.createdTo = date
        }
        if let limit = query["limit"].map(String.init) {
            guard let value = Int(limit), (1...500).contains(value) else { throw ServiceProblem.badRequest("limit must be 1…500", code: "QUERY_INVALID") }
            filter.limit = value
        }
        if let offset = query["offset"].map(String.init) {
            guard let value = Int(offset), value >= 0 else { throw ServiceProblem.badRequest("offset must be ≥ 0", code: "QUERY_INVALID") }
            filter.offset = value
        }
        let items = try await dependencies.store.reviews(filter)
        return try Self.encode(ReviewList(items: items.map(ReviewView.init), limit: filter.limit, offset: filter.offset), status: .ok)
    }

    struct Resolution: Decodable {
        var resolution: String
        var comment: String
    }

    func resolve(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let body = try await request.decode(as: Resolution.self, context: context)
        let resolved = try await resolveReview(id: id, resolution: body.resolution, comment: body.comment, context: context)
        var view = ReviewView(resolved)
        view.comment = resolved.comment
        return try Self.encode(view, status: .ok)
    }

    /// The outcomes a review of `kind` may be resolved with (a re-verification review: ``reverificationResolutions``).
    static func allowedResolutions(for kind: DecisionKind) -> [String] {
        switch kind {
        case .voucherActivation: ["ACTIVATE", "REJECT"]
        case .registration: ["MATCH", "MISMATCH"]
        case .providerCheck: ["QUALIFIED", "NOT_QUALIFIED"]
        }
    }

    /// A re-verification review is about a voucher already in force: KEEP leaves it, SUSPEND suspends it.
    static let reverificationResolutions = ["KEEP", "SUSPEND"]

    /// The voucher a re-verification decision (``ReverificationDecisionDocument``) is about; `nil` for any other decision.
    static func reverifiedVoucher(of decision: StoredDecision) -> String? {
        guard decision.kind == .voucherActivation else { return nil }
        return ReverificationDecisionDocument.decoded(decision.payload)?.voucherId
    }

    /// The outcomes `review` may be resolved with, given the decision it is about (as read from the store).
    static func allowedResolutions(for review: ReviewItem, decision: StoredDecision?) -> [String] {
        decision.flatMap(reverifiedVoucher(of:)) == nil ? allowedResolutions(for: review.kind) : reverificationResolutions
    }

    /// Resolves review `id` with the rules shared by `POST /v1/reviews/{id}/resolve` and the operator console: a comment
    /// of 1–2000 characters, an outcome of the review's kind, an ACTIVATE that still fits the voucher rules, a SUSPEND
    /// (re-verification) that suspends the voucher it is about; the resolution, the voucher change and the audit entry
    /// (`review.resolved`, actor = the context's client) are written atomically.
    func resolveReview(id: String, resolution: String, comment rawComment: String, context: GatewayRequestContext) async throws -> ReviewItem {
        let body = Resolution(resolution: resolution, comment: rawComment)
        let comment = body.comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !comment.isEmpty, comment.count <= 2_000 else {
            throw ServiceProblem.validationFailed(code: "COMMENT_REQUIRED", detail: "comment must be 1–2000 characters")
        }
        let store = dependencies.store
        guard let review = try await store.review(id: id) else { throw ServiceProblem.notFound("No review \(id).") }
        let decision = review.kind == .voucherActivation ? try await store.decision(id: review.decisionID) : nil
        let reverified = decision.flatMap(Self.reverifiedVoucher(of:))
        let allowed = Set(Self.allowedResolutions(for: review, decision: decision))
        guard allowed.contains(body.resolution) else {
            throw ServiceProblem.validationFailed(code: "RESOLUTION_INVALID", detail: "resolution must be one of \(allowed.sorted().joined(separator: ", "))")
        }
        var voucher: VoucherRecord?
        if review.kind == .voucherActivation, body.resolution == "ACTIVATE" {
            guard let decision,
                let document = try? JSONDecoder().decode(DecisionDocument.self, from: decision.payload),
                let child = decision.subjects.first, let programme = document.facts["programmeId"],
                let start = document.facts["periodStart"].flatMap({ try? DateParser().parse($0) }),
                let end = document.facts["periodEnd"].flatMap({ try? DateParser().parse($0) })
            else { throw ServiceProblem.conflict("The decision under review lacks the child or programme needed to activate.") }
            if !(try await store.activeVouchers(child: child, overlapping: start, end)).isEmpty {
                throw ServiceProblem.conflict("The child already has an active voucher for an overlapping period.", code: ReasonCode.duplicateVoucher.rawValue)
            }
            voucher = VoucherRecord(
                id: GatewayIdentifiers.make("vch"), child: child, programmeID: programme, periodStart: start, periodEnd: end,
                decisionID: review.decisionID, activatedAt: dependencies.now())
        }
        let suspending = body.resolution == "SUSPEND" ? reverified : nil
        let actor = context.actorName
        var details = ["decision_id": review.decisionID, "resolution": body.resolution, "request_id": context.requestID]
        if let reverified { details["voucher_id"] = reverified }
        let audit = AuditDraft(actor: actor, action: "review.resolved", subjectID: id, details: details)
        let result: Result<ReviewItem, StoreError>
        do {
            result = .success(
                try await store.resolve(
                    id: id, resolution: body.resolution, comment: comment, actor: actor, voucher: voucher, suspending: suspending, audit: audit))
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let item): return item
        case .failure(.conflict): throw ServiceProblem.conflict("The review is already resolved.", code: "REVIEW_ALREADY_RESOLVED")
        case .failure(.notFound(kind: "voucher", _)): throw ServiceProblem.conflict("The voucher under review no longer exists.", code: "VOUCHER_NOT_FOUND")
        case .failure(let error): throw error
        }
    }

    static func encode(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return DecisionRecorder.json(try encoder.encode(value), status: status)
    }
}
