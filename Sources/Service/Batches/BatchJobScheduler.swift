public import Cleansing
public import Foundation
public import Logging
import RegistryAdapters
public import Storage
public import Verification

/// Runs the service's batch cleansing jobs in the background, one at a time by default, and resumes those a stopped
/// process left `queued` or `running`.
///
/// Lifetime: ``run()`` is the scheduler's whole life — it resumes unfinished jobs, then runs accepted ones until the
/// task running it is cancelled (the server's shutdown). Jobs run as child tasks of ``run()``, so cancelling it stops
/// them; a stopped job keeps its checkpoints and status `running`, and the next ``run()`` continues it. Run it beside
/// the application:
///
/// ```swift
/// let batches = BatchJobScheduler(store: store, protector: store.personalData,
///                                 pipeline: CleansingPipeline(persons: adapters.persons, model: model),
///                                 sms: adapters.sms, directory: data.appendingPathComponent("batches"), logger: logger)
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { await batches.run() }
///     try await app.runService()          // returns on SIGTERM/SIGINT
///     group.cancelAll()                   // stops the running job at a checkpoint
/// }
/// ```
///
/// A job that fails (input unreadable midway, store error) is marked `failed` with a reason naming the kind of
/// failure only (`io`, `store`, …), never row content.
public actor BatchJobScheduler {
    /// Where each batch's directory is made (`<directory>/<id>/…`).
    public nonisolated let directory: URL
    /// How jobs run.
    public nonisolated let configuration: BatchJobsConfiguration

    private let store: any GatewayStore
    private let protector: PersonalDataProtector
    private let pipeline: CleansingPipeline
    private let sms: (any SMSGateway)?
    private let logger: Logger
    private let wakeUps: AsyncStream<String>
    private let submissions: AsyncStream<String>.Continuation
    /// Ids queued or running in this process (a job is never run twice at once).
    private var known: Set<String> = []

    /// Creates a scheduler; nothing runs until ``run()``.
    ///
    /// - Parameters:
    ///   - pipeline: decides each row (`CleansingPipeline(persons: adapters.persons, model: model)`).
    ///   - sms: the SMS gateway for uploads with `notify=true`; `nil` makes every job a dry run.
    ///   - directory: where uploads, results and reports go (created when needed).
    public init(
        store: any GatewayStore, protector: PersonalDataProtector, pipeline: CleansingPipeline, sms: (any SMSGateway)?, directory: URL,
        configuration: BatchJobsConfiguration = .default, logger: Logger
    ) {
        self.store = store
        self.protector = protector
        self.pipeline = pipeline
        self.sms = sms
        self.directory = directory
        self.configuration = configuration
        self.logger = logger
        (wakeUps, submissions) = AsyncStream.makeStream(of: String.self)
    }

    /// A scheduler over the gateway's own collaborators: its store, its ГБД ФЛ adapter and match model (the pipeline),
    /// its SMS gateway.
    public init(dependencies: GatewayDependencies, directory: URL, configuration: BatchJobsConfiguration = .default, logger: Logger) {
        self.init(
            store: dependencies.store, protector: dependencies.protector,
            pipeline: CleansingPipeline(persons: dependencies.registries.persons, model: dependencies.model), sms: dependencies.registries.sms,
            directory: directory, configuration: configuration, logger: logger)
    }

    /// The files of batch `id`.
    public nonisolated func files(for id: String) -> BatchFiles {
        BatchFiles(root: directory, id: id)
    }

    /// Queues batch `id` (its record exists and its input is in place); it runs when a slot is free.
    public func submit(_ id: String) {
        guard known.insert(id).inserted else { return }
        submissions.yield(id)
    }

    /// Resumes the jobs left unfinished, then runs submitted jobs, at most
    /// ``BatchJobsConfiguration/maximumConcurrentJobs`` at once, until cancelled. Call it once per scheduler.
    public func run() async {
        await resumeUnfinished()
        let limit = configuration.maximumConcurrentJobs
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            for await id in wakeUps {
                if running >= limit {
                    await group.next()
                    running -= 1
                }
                group.addTask { await self.execute(id) }
                running += 1
            }
            group.cancelAll()
        }
    }

    // MARK: - Jobs

    /// Queues the service's jobs a previous process left `queued` or `running`, oldest first.
    private func resumeUnfinished() async {
        do {
            let jobs = try await store.batches(inputName: nil, limit: configuration.resumeScanLimit)
            for job in jobs.reversed() where job.status == .queued || job.status == .running {
                // Only the service's own jobs: `qorgan cleanse` jobs are resumed by `qorgan cleanse --resume`.
                guard BatchUploadOptions.decoded(job.options) != nil, BatchFiles.isWellFormed(job.id),
                    FileManager.default.fileExists(atPath: files(for: job.id).input.path)
                else { continue }
                logger.info("qorgan.batch.resuming", metadata: ["batch_id": "\(job.id)", "status": "\(job.status.rawValue)"])
                submit(job.id)
            }
        } catch {
            logger.warning("qorgan.batch.resume_scan_failed", metadata: ["error_type": "\(error.shortDescription)"])
        }
    }

    /// Runs one job to its end; marks it failed unless it was stopped by cancellation (then it stays resumable).
    private func execute(_ id: String) async {
        defer { known.remove(id) }
        var log = logger
        log[metadataKey: "batch_id"] = "\(id)"
        let job: BatchJob
        do {
            guard let found = try await store.batch(id: id) else { return }
            job = found
        } catch {
            log.warning("qorgan.batch.lookup_failed", metadata: ["error_type": "\(error.shortDescription)"])
            return
        }
        guard job.status == .queued || job.status == .running else { return }
        let options = BatchUploadOptions.decoded(job.options) ?? BatchUploadOptions(notify: false, columns: "", bytes: 0, estimatedRows: 0)
        var jobConfiguration = configuration.job
        jobConfiguration.notify = options.notify
        let runner = CleansingJobRunner(
            store: store, protector: protector, pipeline: pipeline, sms: sms, configuration: jobConfiguration,
            progress: ProgressConfiguration(style: .silent), progressSink: { _ in }, logger: log)
        let files = files(for: id)
        let request = CleansingJobRequest(
            inputPath: files.input.path, outputPath: files.results.path, reportPath: files.report.path, summaryPath: files.summary.path,
            resume: true, columns: options.columns, batchID: id)
        log.info("qorgan.batch.started", metadata: ["resumed": "\(job.status == .running)", "notify": "\(options.notify)"])
        do {
            let outcome = try await runner.run(request)
            log.info(
                "qorgan.batch.finished",
                metadata: ["rows_written": "\(outcome.rowsWritten)", "rows_decided": "\(outcome.rowsDecided)", "seconds": "\(outcome.durationSeconds)"])
        } catch {
            if Task.isCancelled || error.code == .interrupted {
                log.info("qorgan.batch.interrupted", metadata: ["error_type": "\(error.shortDescription)"])
                return
            }
            log.error("qorgan.batch.failed", metadata: ["error_type": "\(error.shortDescription)"])
            await markFailed(job, reason: Self.failureReason(error))
        }
    }

    private func markFailed(_ job: BatchJob, reason: String) async {
        do {
            let counts = (try? await store.resultCounts(batchID: job.id)) ?? job.counts
            _ = try await store.updateBatch(
                id: job.id, status: .failed, counts: counts, failureReason: reason, at: Date(),
                audit: AuditDraft(actor: "qorgan-batches", action: "batch.failed", subjectID: job.id, details: ["reason": reason]))
        } catch {
            logger.error("qorgan.batch.mark_failed_failed", metadata: ["batch_id": "\(job.id)", "error_type": "\(error.shortDescription)"])
        }
    }

    /// A reason without payload: the failure's kind and a fixed phrase.
    static func failureReason(_ error: CleansingError) -> String {
        let phrase =
            switch error.code {
            case .io: "the input or an output file could not be read or written"
            case .store: "the checkpoint store failed; the saved rows stay"
            case .inputChanged: "the uploaded file changed since the job started"
            case .emptyInput, .unreadableHeader, .missingRequiredColumn, .ambiguousColumn, .invalidColumnMapping: "the input's header cannot be used"
            case .invalidResultRow, .invalidOutputHeader: "a saved result could not be read back"
            default: "the job stopped"
            }
        return "\(error.shortDescription): \(phrase)"
    }
}
