import Foundation
import Hummingbird
import Identifiers
import Normalization
import Storage
import Verification

/// The review queue, one decision, and its resolution.
extension OperatorConsole {
    func reviewsPage(_ request: Request, _ page: Page) async throws -> Response {
        let query = request.uri.queryParameters
        func field(_ name: String) -> String? {
            query[Substring(name)].map(String.init).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        var filter = ReviewQuery(limit: configuration.reviewPageSize)
        filter.reasonCode = field("reason")
        filter.regionKATO = field("region")
        let status = field("status") ?? "open"
        filter.status = ReviewItem.Status(rawValue: status)
        var error: String?
        var status400 = false
        for (name, isEnd) in [("from", false), ("to", true)] {
            guard let text = field(name) else { continue }
            guard let date = Self.day(text) else {
                error = page.text("badDate")
                status400 = true
                continue
            }
            if isEnd { filter.createdTo = date.addingTimeInterval(86_400) } else { filter.createdFrom = date }
        }
        let items = status400 ? [] : try await dependencies.store.reviews(filter)
        let rows: [[String: Any]] = items.map { item in
            [
                "id": item.id, "kind": item.kind.rawValue, "reasons": item.reasonCodes.joined(separator: ", "), "region": item.regionKATO ?? "—",
                "created": internetDateTime(item.createdAt), "status": item.status.rawValue,
            ]
        }
        let statuses: [[String: Any]] = [("open", "statusOpen"), ("resolved", "statusResolved"), ("all", "statusAll")].map {
            ["value": $0.0, "label": page.text($0.1), "selected": $0.0 == status]
        }
        var values: [String: Any] = [
            "items": rows, "hasItems": !rows.isEmpty, "statuses": statuses, "reasonCodes": Self.reviewReasons,
            "filters": ["reason": field("reason") ?? "", "region": field("region") ?? "", "from": field("from") ?? "", "to": field("to") ?? ""],
        ]
        if let error { values["error"] = error }
        return render("reviews", titleKey: "reviewsTitle", page, values: values, status: status400 ? .badRequest : .ok)
    }

    /// Reason codes offered as suggestions in the queue's reason filter (any code may be typed).
    static let reviewReasons: [String] = [
        ReasonCode.identityUncertain, .parentIdentityUncertain, .parentLinkByAddress, .regionUnknown, .registryUnavailable,
        .registryResponseInvalid, .headIdentityUncertain, .coachIdentityUncertain,
    ].map(\.rawValue)

    /// `yyyy-MM-dd` as the start of that day (UTC).
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day else { return nil }
        return date
    }

    func reviewPage(_ context: GatewayRequestContext, _ page: Page, error: String? = nil, comment: String = "", resolution: String? = nil,
                    status: HTTPResponse.Status = .ok, notice: String? = nil) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let review = try await dependencies.store.review(id: id) else {
            return render("message", titleKey: "notFound", page, values: ["error": page.text("notFound")], status: .notFound)
        }
        var reviewValues: [String: Any] = [
            "id": review.id, "kind": review.kind.rawValue, "status": review.status.rawValue, "created": internetDateTime(review.createdAt),
            "comment": review.comment ?? "", "resolvedBy": review.resolvedBy ?? "", "resolvedAt": review.resolvedAt.map { internetDateTime($0) } ?? "",
        ]
        if let resolution = review.resolution { reviewValues["resolution"] = resolution }
        var values: [String: Any] = ["review": reviewValues, "commentValue": comment]
        let stored = try await dependencies.store.decision(id: review.decisionID)
        if let stored, let document = try? JSONDecoder().decode(DecisionDocument.self, from: stored.payload) {
            let view = ConsoleDecisionView(document: document, language: page.language)
            values["decision"] = ["id": document.decisionId, "outcome": document.decision, "reasons": view.reasons] as [String: Any]
            values["people"] = view.people
            values["evidence"] = view.evidence
            values["hasEvidence"] = !document.evidence.isEmpty
        } else if let stored, let view = ConsoleReverificationView(payload: stored.payload, language: page.language) {
            values["decision"] = view.decision
            values["reverification"] = view.values
        }
        let canWrite = ConsoleGate.writers.contains(page.session.client.role)
        if review.status == .open, canWrite {
            let allowed = DecisionQueries.allowedResolutions(for: review, decision: stored)
            values["resolvable"] = true
            values["resolutions"] = allowed.map { ["value": $0, "selected": $0 == resolution] as [String: Any] }
        }
        if let error { values["error"] = error }
        if let notice { values["notice"] = notice }
        return render("review", titleKey: "reviewTitle", page, values: values, status: status)
    }

    func resolve(_ context: GatewayRequestContext, _ page: Page) async throws -> Response {
        let id = try context.parameters.require("id")
        let resolution = page.form["resolution"] ?? ""
        let comment = page.form.fields["comment"] ?? ""
        do {
            _ = try await DecisionQueries(dependencies: dependencies).resolveReview(id: id, resolution: resolution, comment: comment, context: context)
        } catch let problem as ServiceProblem {
            let key: String? =
                switch problem.code {
                case "COMMENT_REQUIRED": "commentRequired"
                case "RESOLUTION_INVALID": "resolutionInvalid"
                case "REVIEW_ALREADY_RESOLVED": "alreadyResolved"
                default: nil
                }
            let message = key.map(page.text) ?? page.text("conflict") + (problem.detail ?? problem.title)
            return try await reviewPage(context, page, error: message, comment: comment, resolution: resolution, status: problem.status)
        }
        return ConsoleRenderer.redirect("/console/reviews/\(id)?resolved=1")
    }
}
