import Cleansing
import Foundation
import Hummingbird
import Logging
import NIOCore
import Storage

/// `POST /v1/batches`, `GET /v1/batches/{id}`, `GET /v1/batches/{id}/results`, `GET /v1/batches/{id}/report`.
///
/// An upload is streamed to `<batches>/<id>/input.csv` (up to ``GatewayServiceConfiguration/maxUploadBodySize``), its
/// header is checked for an IIN column (422 otherwise), the job is recorded `queued` with an audit entry and handed
/// to the ``BatchJobScheduler``; the answer is 202 with the `Batch` document and `Location`. Downloads are 409 until
/// the job has finished.
struct BatchRoutes: Sendable {
    let dependencies: GatewayDependencies

    // MARK: - POST /v1/batches

    func start(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let scheduler = try scheduler()
        let query = request.uri.queryParameters
        let notify: Bool
        switch query["notify"].map(String.init) {
        case nil, "false": notify = false
        case "true": notify = true
        default: throw ServiceProblem.badRequest("notify must be true or false", code: "QUERY_INVALID")
        }
        let columns = query["columns"].map(String.init) ?? ""
        let job = try await accept(request.body, notify: notify, columns: columns, scheduler: scheduler, context: context)
        var response = try DecisionQueries.encode(BatchDocument(job: job, counts: [:]), status: .accepted)
        response.headers[.location] = "/v1/batches/\(job.id)"
        return response
    }

    /// Takes an upload as `POST /v1/batches` and the operator console do: streams `body` to disk (cut off at the
    /// context's upload limit), checks its header, records the job `queued` with a `batch.created` audit entry and
    /// submits it. Returns the queued job.
    func accept(
        _ body: RequestBody, notify: Bool, columns: String, scheduler: BatchJobScheduler, context: GatewayRequestContext
    ) async throws -> BatchJob {
        let id = CleansingJobRunner.newBatchID()
        let files = scheduler.files(for: id)
        let tally = UploadStream<RequestBody>.Tally()
        do {
            try FileManager.default.createDirectory(at: files.directory, withIntermediateDirectories: true)
            try await FileIO().writeFile(
                contents: UploadStream(base: body, limit: context.maxUploadSize, tally: tally), path: files.input.path, context: context)
            try Self.checkHeader(path: files.input.path, columns: columns)
        } catch {
            try? FileManager.default.removeItem(at: files.directory)
            throw error
        }

        let now = dependencies.now()
        let options = BatchUploadOptions(notify: notify, columns: columns, bytes: tally.bytes, estimatedRows: max(0, tally.lines - 1))
        let job = BatchJob(id: id, status: .queued, inputName: files.input.path, options: options.encoded(), createdAt: now)
        do {
            try await dependencies.store.createBatch(
                job,
                audit: AuditDraft(
                    actor: context.actorName, action: "batch.created", subjectID: id,
                    details: ["notify": "\(notify)", "bytes": "\(tally.bytes)", "columnsMapped": "\(!columns.isEmpty)"]))
        } catch {
            try? FileManager.default.removeItem(at: files.directory)
            throw ServiceProblem(storeError: error)
        }
        context.logger.info("qorgan.batch.accepted", metadata: ["batch_id": "\(id)", "bytes": "\(tally.bytes)", "notify": "\(notify)"])
        await scheduler.submit(id)
        return job
    }

    /// Opens the upload as the job will (encoding, separator, header mapping): a file without an IIN column, an empty
    /// file or a bad `columns` mapping is refused before anything is queued.
    static func checkHeader(path: String, columns: String) throws {
        do {
            let overrides = try ColumnMappingOverrides(parsing: columns)
            _ = try CleansingInputReader(path: path, overrides: overrides)
        } catch {
            if error.code == .io { throw ServiceProblem.internalError }
            throw ServiceProblem.validationFailed(code: error.shortDescription.uppercased(), detail: error.message)
        }
    }

    // MARK: - GET /v1/batches/{id}

    func status(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let job = try await job(context)
        let counts = try await dependencies.store.resultCounts(batchID: job.id)
        return try DecisionQueries.encode(BatchDocument(job: job, counts: counts), status: .ok)
    }

    // MARK: - Downloads

    func results(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let job = try await finishedJob(context)
        let files = try scheduler().files(for: job.id)
        return try await Self.download(
            files.results, contentType: "text/csv; charset=utf-8", disposition: "attachment; filename=\"\(job.id)-results.csv\"", context: context)
    }

    func report(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let job = try await finishedJob(context)
        let files = try scheduler().files(for: job.id)
        let accept = request.headers[.accept] ?? ""
        var response =
            if accept.contains("text/html") {
                try await Self.download(
                    files.report, contentType: "text/html; charset=utf-8", disposition: "inline; filename=\"\(job.id)-report.html\"", context: context)
            } else {
                try await Self.download(files.summary, contentType: "application/json; charset=utf-8", disposition: nil, context: context)
            }
        response.headers[.vary] = "Accept"
        return response
    }

    /// A file streamed from disk with its length.
    static func download(_ file: URL, contentType: String, disposition: String?, context: GatewayRequestContext) async throws -> Response {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int else {
            throw ServiceProblem.notFound("The batch's file is not on this server.")
        }
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentLength] = String(size)
        headers[.cacheControl] = "no-store"
        if let disposition { headers[.contentDisposition] = disposition }
        let body = try await FileIO().loadFile(path: file.path, context: context)
        return Response(status: .ok, headers: headers, body: body)
    }

    // MARK: - Lookup

    func scheduler() throws -> BatchJobScheduler {
        guard let scheduler = dependencies.batches else {
            throw ServiceProblem.serviceUnavailable("Batch jobs are not enabled on this server.", code: "BATCHES_DISABLED")
        }
        return scheduler
    }

    private func job(_ context: GatewayRequestContext) async throws -> BatchJob {
        let id = try context.parameters.require("id")
        guard BatchFiles.isWellFormed(id), let job = try await dependencies.store.batch(id: id) else {
            throw ServiceProblem.notFound("No batch \(id).")
        }
        return job
    }

    private func finishedJob(_ context: GatewayRequestContext) async throws -> BatchJob {
        let job = try await job(context)
        guard job.status == .finished else {
            throw ServiceProblem.conflict("Batch \(job.id) is \(job.status.rawValue); its results and report exist once it has finished.", code: "BATCH_NOT_FINISHED")
        }
        return job
    }
}
