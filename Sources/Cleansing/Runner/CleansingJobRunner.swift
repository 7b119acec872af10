public import Logging
public import Storage
public import Verification
import Foundation

/// Runs a batch cleansing job: streams the input, decides every row with bounded concurrency, checkpoints chunks of
/// results in the store, notifies parents once, and at the end writes the results file, the report and the summary.
///
/// Exactly once: each chunk's results and the lines it covers are one transaction, so after `kill -9` a rerun with
/// `resume` skips the lines already saved and decides the rest; the results file is written from the store, in line
/// order, so it holds every input row once whatever happened before. The cross-row index is fed every row of the
/// input in order on every run (done rows included), so duplicates are found the same way after a resume.
///
/// ```swift
/// let runner = CleansingJobRunner(store: store, protector: store.personalData, pipeline: pipeline, sms: adapters.sms)
/// let outcome = try await runner.run(CleansingJobRequest(inputPath: "parents.csv", outputPath: "out.csv", reportPath: "report.html"))
/// ```
public struct CleansingJobRunner: Sendable {
    private let store: any BatchStore
    private let protector: PersonalDataProtector
    private let pipeline: CleansingPipeline
    private let sms: (any SMSGateway)?
    private let configuration: CleansingJobConfiguration
    private let crossRow: CrossRowConfiguration
    private let progress: ProgressConfiguration
    private let progressSink: CleansingProgressReporter.Sink?
    private let logger: Logger

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - sms: the SMS gateway for notifications; `nil` makes every run a dry run.
    ///   - progressSink: where progress text goes; `nil` = standard error.
    public init(
        store: any BatchStore, protector: PersonalDataProtector, pipeline: CleansingPipeline, sms: (any SMSGateway)?,
        configuration: CleansingJobConfiguration = CleansingJobConfiguration(), crossRow: CrossRowConfiguration = CrossRowConfiguration(),
        progress: ProgressConfiguration = .default, progressSink: CleansingProgressReporter.Sink? = nil,
        logger: Logger = Logger(label: "qorgan.cleanse")
    ) {
        self.store = store
        self.protector = protector
        self.pipeline = pipeline
        self.sms = sms
        self.configuration = configuration
        self.crossRow = crossRow
        self.progress = progress
        self.progressSink = progressSink
        self.logger = logger
    }

    /// Runs (or, with `request.resume`, continues) the job for `request`.
    ///
    /// - Throws: ``CleansingError`` when the input cannot be read at all (no file, no IIN column), the store fails,
    ///   or `resume` finds the input changed. Bad rows are not errors: they are in the results as `UNREADABLE`.
    public func run(_ request: CleansingJobRequest) async throws(CleansingError) -> CleansingJobOutcome {
        let started = ContinuousClock.now
        let startedAt = Date()
        let (job, resumed, input, survey, log) = try await open(request)
        let coverage: BatchCoverage
        let alreadyDone: Int
        do {
            coverage = try await store.completedLines(batchID: job.id)
            alreadyDone = try await store.resultCounts(batchID: job.id).values.reduce(0, +)
        } catch {
            throw .store(error)
        }
        log.info("qorgan.cleanse.started", metadata: ["resumed": "\(resumed)", "rows_already_done": "\(alreadyDone)", "bytes": "\(survey.size)"])

        let reporter = CleansingProgressReporter(
            total: max(survey.estimatedRows, alreadyDone), alreadyDone: alreadyDone, configuration: progress, sink: progressSink)
        var notifier = CleansingNotifier(store: store, protector: protector, sms: sms, batchID: job.id, configuration: configuration)
        var notifications: [NotificationOutcome: Int] = [:]
        var index = CleansingCrossRowIndex(configuration: crossRow)
        var decided = 0

        do {
            try await withThrowingTaskGroup(of: (Int, CleansingResultRow).self) { group in
                var assembler = CleansingChunkAssembler(chunkSize: configuration.chunkSize)
                var inFlight = 0

                func save(_ chunk: CleansingChunkAssembler.ReadyChunk?) async throws {
                    guard let chunk else { return }
                    // A cancelled job's last rows may carry "cancelled" instead of the registry's answer: never save them.
                    try Task.checkCancellation()
                    try await store.saveChunk(batchID: job.id, lines: chunk.lines, results: chunk.rows.map(\.batchRowResult), at: Date())
                    for row in chunk.rows { notifications[try await notifier.handle(row), default: 0] += 1 }
                    decided += chunk.rows.count
                    reporter.advance(by: chunk.rows.count)
                }

                while let item = try input.next() {
                    var finding: CrossRowFinding?
                    if case .row(let row) = item { finding = index.register(row) }
                    guard !coverage.contains(Int64(item.line)) else { continue }
                    let (chunkID, ready) = assembler.assign(line: item.line)
                    try await save(ready)
                    switch item {
                    case .unreadable(let bad):
                        try await save(assembler.deliver(CleansingResultRow(unreadable: bad), to: chunkID))
                    case .row(let row):
                        let timeout = configuration.rowTimeout
                        group.addTask { [pipeline, finding] in
                            (chunkID, await pipeline.cleanse(row, crossRow: finding, within: .after(timeout)))
                        }
                        inFlight += 1
                    }
                    while inFlight >= configuration.maximumConcurrentRows, let (chunkID, row) = try await group.next() {
                        inFlight -= 1
                        try await save(assembler.deliver(row, to: chunkID))
                    }
                }
                try await save(assembler.closeCurrent())
                while let (chunkID, row) = try await group.next() {
                    try await save(assembler.deliver(row, to: chunkID))
                }
            }
        } catch let error as CleansingError {
            throw error
        } catch is CancellationError {
            throw CleansingError(.interrupted, "cancelled; the rows saved so far stay, --resume continues")
        } catch {
            throw .store(error)
        }
        reporter.finish()

        let written = try await writeOutputs(
            request: request, job: job, index: index, input: input, reporter: reporter, started: started, startedAt: startedAt)
        try await finish(job, rows: written.rows)
        let duration = (ContinuousClock.now - started) / .seconds(1)
        log.info("qorgan.cleanse.finished", metadata: ["rows_decided": "\(decided)", "rows_written": "\(written.rows)", "seconds": "\(duration)"])
        return CleansingJobOutcome(
            batchID: job.id, resumed: resumed, rowsDecided: decided, rowsAlreadyDone: alreadyDone, rowsWritten: written.rows,
            summary: written.summary, notifications: notifications, durationSeconds: duration, unreadable: written.unreadable)
    }

    /// Surveys and opens the input and finds (or creates) the job; the logger carries the batch id.
    func open(_ request: CleansingJobRequest) async throws(CleansingError)
        -> (job: BatchJob, resumed: Bool, input: CleansingInputReader, survey: CleansingInputSurvey, logger: Logger)
    {
        let survey = try CleansingInputSurvey.survey(path: request.inputPath)
        let overrides = try ColumnMappingOverrides(parsing: request.columns)
        let input = try CleansingInputReader(path: request.inputPath, configuration: request.reader, overrides: overrides)
        let inputName = URL(fileURLWithPath: request.inputPath).standardizedFileURL.path
        let options = CleansingJobOptions(input: survey, notify: configuration.notify, columns: request.columns)
        let (job, resumed) = try await openJob(inputName: inputName, options: options, resume: request.resume, batchID: request.batchID)
        var log = logger
        log[metadataKey: "batch_id"] = "\(job.id)"
        return (job, resumed, input, survey, log)
    }

    /// Marks the job finished with its final counts (audited as `batch.finished`).
    func finish(_ job: BatchJob, rows: Int) async throws(CleansingError) {
        do {
            let counts = try await store.resultCounts(batchID: job.id)
            _ = try await store.updateBatch(
                id: job.id, status: .finished, counts: counts, failureReason: nil, at: Date(),
                audit: AuditDraft(actor: "qorgan-cleanse", action: "batch.finished", subjectID: job.id, details: ["rows": "\(rows)"]))
        } catch {
            throw .store(error)
        }
    }

    /// Finds the job to continue, or creates a new one.
    func openJob(inputName: String, options: CleansingJobOptions, resume: Bool, batchID: String?) async throws(CleansingError)
        -> (BatchJob, Bool)
    {
        do {
            let candidate: BatchJob? =
                if let batchID { try await store.batch(id: batchID) } else if resume { try await store.batches(inputName: inputName, limit: 1).first } else { nil }
            if resume || batchID != nil, let previous = candidate {
                if let stored = CleansingJobOptions.decoded(previous.options), stored.input != options.input {
                    throw CleansingError(.inputChanged, "the input is not the file batch \(previous.id) was reading (size or content differ); run without --resume")
                }
                if previous.status != .running {
                    _ = try await store.updateBatch(id: previous.id, status: .running, counts: previous.counts, failureReason: nil, at: Date(), audit: nil)
                }
                return (previous, previous.status != .queued)
            }
            let job = BatchJob(id: batchID ?? Self.newBatchID(), status: .running, inputName: inputName, options: options.encoded(), createdAt: Date())
            try await store.createBatch(
                job, audit: AuditDraft(actor: "qorgan-cleanse", action: "batch.created", subjectID: job.id, details: ["notify": "\(options.notify)"]))
            return (job, false)
        } catch let error as CleansingError {
            throw error
        } catch {
            throw .store(error)
        }
    }

    /// Streams the stored results in line order into the results file (via a temporary file), builds the summary and
    /// writes the report and the JSON summary.
    func writeOutputs(
        request: CleansingJobRequest, job: BatchJob, index: CleansingCrossRowIndex, input: CleansingInputReader, reporter: CleansingProgressReporter,
        started: ContinuousClock.Instant, startedAt: Date
    ) async throws(CleansingError) -> (rows: Int, summary: CleansingSummary, unreadable: [CleansingJobOutcome.UnreadableLine]) {
        let temporary = request.outputPath + ".partial"
        let writer = try CleansingResultWriter(path: temporary)
        var builder = CleansingSummaryBuilder()
        var unreadable: [CleansingJobOutcome.UnreadableLine] = []
        do {
            for try await stored in store.resultRows(batchID: job.id) {
                let row = index.finalise(try CleansingResultRow(batchRowResult: stored))
                try writer.write(row)
                builder.add(row)
                if row.status == .unreadable, unreadable.count < Self.unreadableLinesReported {
                    unreadable.append(.init(line: row.line, reason: row.reasonCodes.first ?? ""))
                }
            }
        } catch let error as CleansingError {
            throw error
        } catch {
            throw .store(error)
        }
        try writer.close()
        do {
            if FileManager.default.fileExists(atPath: request.outputPath) { try FileManager.default.removeItem(atPath: request.outputPath) }
            try FileManager.default.moveItem(atPath: temporary, toPath: request.outputPath)
        } catch {
            throw .io("cannot move the results into place")
        }
        let reader = input.reader
        let summary = builder.summary(
            durationSeconds: (ContinuousClock.now - started) / .seconds(1), throughput: reporter.throughput,
            input: CleansingSummary.Input(
                fileName: URL(fileURLWithPath: request.inputPath).lastPathComponent, encoding: reader.encoding.rawValue,
                separator: reader.separator.description,
                columns: Dictionary(uniqueKeysWithValues: input.mapping.headerNames.map { ($0.key.rawValue, $0.value) })),
            startedAt: startedAt, finishedAt: Date())
        do {
            if let reportPath = request.reportPath {
                try CleansingReportRenderer().htmlData(for: summary).write(to: URL(fileURLWithPath: reportPath), options: .atomic)
            }
            if let summaryPath = request.resolvedSummaryPath {
                try summary.jsonData().write(to: URL(fileURLWithPath: summaryPath), options: .atomic)
            }
        } catch {
            throw .io("cannot write the report or the summary")
        }
        return (writer.rowsWritten, summary, unreadable)
    }

    /// How many unreadable rows the outcome names by line (all of them are in the results file).
    static let unreadableLinesReported = 20

    /// `bat_` and 26 random base-32 characters.
    public static func newBatchID() -> String {
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
        var generator = SystemRandomNumberGenerator()
        return "bat_" + String((0..<26).map { _ in alphabet[Int(generator.next() % 32)] })
    }
}
