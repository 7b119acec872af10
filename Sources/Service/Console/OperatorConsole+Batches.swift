import Foundation
import Hummingbird
import Storage

/// Batch jobs: upload (the `/v1/batches` machinery), the list, a batch's live progress and its downloads.
extension OperatorConsole {
    func batchesPage(_ page: Page) async throws -> Response {
        guard dependencies.batches != nil else {
            return render("message", titleKey: "batchesTitle", page, values: ["error": page.text("batchesDisabled")], status: .serviceUnavailable)
        }
        let jobs = try await dependencies.store.batches(inputName: nil, limit: 20)
            .filter { BatchUploadOptions.decoded($0.options) != nil }
        let rows: [[String: Any]] = jobs.map { job in
            [
                "id": job.id, "statusLabel": Self.statusLabel(job.status, page), "rowsDone": job.counts.values.reduce(0, +),
                "created": internetDateTime(job.createdAt),
            ]
        }
        return render("batches", titleKey: "batchesTitle", page, values: ["batches": rows, "hasBatches": !rows.isEmpty])
    }

    static func statusLabel(_ status: BatchJob.Status, _ page: Page) -> String {
        switch status {
        case .queued: page.text("statusQueued")
        case .running: page.text("statusRunning")
        case .finished: page.text("statusFinished")
        case .failed: page.text("statusFailed")
        }
    }

    /// `POST /console/batches?notify=&columns=` from the page's script: the CSV as the body, the CSRF token in a header.
    /// Answers `{"id", "location"}` (202) or `{"message"}` with the refusal's status.
    func upload(_ request: Request, _ context: GatewayRequestContext, _ page: Page) async throws -> Response {
        let routes = BatchRoutes(dependencies: dependencies)
        let query = request.uri.queryParameters
        do {
            let scheduler = try routes.scheduler()
            let notify: Bool
            switch query["notify"].map(String.init) {
            case nil, "false": notify = false
            case "true": notify = true
            default: throw ServiceProblem.badRequest("notify must be true or false", code: "QUERY_INVALID")
            }
            let job = try await routes.accept(request.body, notify: notify, columns: query["columns"].map(String.init) ?? "", scheduler: scheduler, context: context)
            struct Accepted: Encodable {
                var id: String
                var location: String
            }
            return ConsoleRenderer.json(Accepted(id: job.id, location: "/console/batches/\(job.id)"), status: .accepted)
        } catch let problem as ServiceProblem {
            return ConsoleRenderer.json(["message": problem.detail ?? problem.title], status: problem.status)
        }
    }

    func batchPage(_ context: GatewayRequestContext, _ page: Page) async throws -> Response {
        guard let job = try await job(context) else {
            return render("message", titleKey: "notFound", page, values: ["error": page.text("notFound")], status: .notFound)
        }
        let counts = try await dependencies.store.resultCounts(batchID: job.id)
        let document = BatchDocument(job: job, counts: counts)
        var batch: [String: Any] = ["id": document.id, "status": document.status, "rowsDone": document.rowsDone, "created": document.createdAt]
        if let reason = document.failureReason { batch["failureReason"] = reason }
        let values: [String: Any] = [
            "batch": batch, "statusLabel": Self.statusLabel(job.status, page), "finished": job.status == .finished,
            "progressMax": max(document.rowsTotal ?? document.rowsDone, 1), "rowsTotalText": document.rowsTotal.map(String.init) ?? "?",
            "counts": counts.sorted { $0.key < $1.key }.map { ["status": $0.key, "count": $0.value] as [String: Any] },
        ]
        return render("batch", titleKey: "batchTitle", page, values: values)
    }

    /// The `Batch` document of the API, for the page's progress poll.
    func batchStatus(_ context: GatewayRequestContext) async throws -> Response {
        guard let job = try await job(context) else { return ConsoleRenderer.json(["message": "not found"], status: .notFound) }
        let counts = try await dependencies.store.resultCounts(batchID: job.id)
        return ConsoleRenderer.json(BatchDocument(job: job, counts: counts))
    }

    /// The results CSV or the HTML report, once the job has finished (409 page before).
    func batchFile(_ request: Request, _ context: GatewayRequestContext, _ page: Page, report: Bool) async throws -> Response {
        guard let job = try await job(context), let scheduler = dependencies.batches else {
            return render("message", titleKey: "notFound", page, values: ["error": page.text("notFound")], status: .notFound)
        }
        guard job.status == .finished else {
            return render("message", titleKey: "batchTitle", page, values: ["error": Self.statusLabel(job.status, page)], status: .conflict)
        }
        let files = scheduler.files(for: job.id)
        return
            if report {
                try await BatchRoutes.download(
                    files.report, contentType: "text/html; charset=utf-8", disposition: "inline; filename=\"\(job.id)-report.html\"", context: context)
            } else {
                try await BatchRoutes.download(
                    files.results, contentType: "text/csv; charset=utf-8", disposition: "attachment; filename=\"\(job.id)-results.csv\"", context: context)
            }
    }

    private func job(_ context: GatewayRequestContext) async throws -> BatchJob? {
        let id = try context.parameters.require("id")
        guard BatchFiles.isWellFormed(id) else { return nil }
        return try await dependencies.store.batch(id: id)
    }
}
