public import Storage
import Foundation
public import Logging

/// The submitting side of a shared batch job (`qorgan cleanse --database postgres://… --distributed`): opens the job
/// (or continues it with `resume`), reads the input once to plan its chunks for `qorgan worker` processes, waits
/// while workers decide them, then writes the results file, the report and the summary from the store — the same
/// outputs, written by the same code, as `CleansingJobRunner.run`.
///
/// Planning is idempotent (chunks already planned stay), so a coordinator killed while waiting is simply started
/// again with `resume`: the workers never stopped.
///
/// ```swift
/// let coordinator = LeasedCleansingCoordinator(runner: runner, leases: store)
/// let outcome = try await coordinator.run(CleansingJobRequest(inputPath: "parents.csv", outputPath: "out.csv"))
/// ```
public struct LeasedCleansingCoordinator: Sendable {
    private let runner: CleansingJobRunner
    private let leases: any BatchChunkLeaseStore
    private let store: any BatchStore
    private let configuration: CleansingJobConfiguration
    private let leasing: LeasedCleansingConfiguration
    private let crossRow: CrossRowConfiguration
    private let progress: ProgressConfiguration
    private let progressSink: CleansingProgressReporter.Sink?
    private let logger: Logger

    /// Creates a coordinator over the same store, pipeline settings and outputs as `runner`.
    ///
    /// - Parameters:
    ///   - store: the store the runner uses, seen as its chunk leases (the same object).
    ///   - configuration: `chunkSize` is the rows per leased chunk; the same value as the runner's.
    public init(
        runner: CleansingJobRunner, store: any BatchStore & BatchChunkLeaseStore, configuration: CleansingJobConfiguration = CleansingJobConfiguration(),
        leasing: LeasedCleansingConfiguration = LeasedCleansingConfiguration(), crossRow: CrossRowConfiguration = CrossRowConfiguration(),
        progress: ProgressConfiguration = .default, progressSink: CleansingProgressReporter.Sink? = nil, logger: Logger = Logger(label: "qorgan.cleanse")
    ) {
        self.runner = runner
        self.leases = store
        self.store = store
        self.configuration = configuration
        self.leasing = leasing
        self.crossRow = crossRow
        self.progress = progress
        self.progressSink = progressSink
        self.logger = logger
    }

    /// Plans the job's chunks, waits until workers have completed every one, and writes the outputs.
    ///
    /// - Throws: ``CleansingError`` when the input cannot be read, the store fails, or `resume` finds the input changed.
    public func run(_ request: CleansingJobRequest) async throws(CleansingError) -> CleansingJobOutcome {
        let started = ContinuousClock.now
        let startedAt = Date()
        let (job, resumed, input, _, log) = try await runner.open(request)

        // One pass over the input: the chunk plan, and the cross-row index the outputs are finalised with.
        var index = CleansingCrossRowIndex(configuration: crossRow)
        var plan: [BatchChunkPlan] = []
        var first: Int64 = 1
        var last: Int64 = 0
        var count = 0
        while let item = try input.next() {
            if case .row(let row) = item { _ = index.register(row) }
            count += 1
            last = Int64(item.line)
            if count == configuration.chunkSize {
                plan.append(BatchChunkPlan(lines: first...last, rows: count))
                first = last + 1
                count = 0
            }
        }
        if count > 0 { plan.append(BatchChunkPlan(lines: first...last, rows: count)) }
        let alreadyDone: Int
        do {
            try await leases.planChunks(batchID: job.id, chunks: plan, at: Date())
            alreadyDone = try await store.resultCounts(batchID: job.id).values.reduce(0, +)
        } catch {
            throw .store(error)
        }
        let total = plan.reduce(0) { $0 + $1.rows }
        log.info("qorgan.cleanse.planned", metadata: ["chunks": "\(plan.count)", "rows": "\(total)", "resumed": "\(resumed)"])

        let reporter = CleansingProgressReporter(total: total, alreadyDone: alreadyDone, configuration: progress, sink: progressSink)
        var reported = alreadyDone
        while true {
            let done: Int
            let state: BatchChunkProgress
            do {
                state = try await leases.chunkProgress(batchID: job.id, at: Date())
                done = try await store.resultCounts(batchID: job.id).values.reduce(0, +)
            } catch {
                throw .store(error)
            }
            if done > reported {
                reporter.advance(by: done - reported)
                reported = done
            }
            if state.isComplete || plan.isEmpty { break }
            do {
                try await Task.sleep(for: leasing.pollInterval)
            } catch {
                throw CleansingError(.interrupted, "cancelled while workers decide; workers go on, rerun with --resume to collect the results")
            }
        }
        reporter.finish()

        let written = try await runner.writeOutputs(
            request: request, job: job, index: index, input: input, reporter: reporter, started: started, startedAt: startedAt)
        try await runner.finish(job, rows: written.rows)
        let duration = (ContinuousClock.now - started) / .seconds(1)
        log.info("qorgan.cleanse.finished", metadata: ["rows_written": "\(written.rows)", "seconds": "\(duration)"])
        return CleansingJobOutcome(
            batchID: job.id, resumed: resumed, rowsDecided: reported - alreadyDone, rowsAlreadyDone: alreadyDone, rowsWritten: written.rows,
            summary: written.summary, notifications: [:], durationSeconds: duration, unreadable: written.unreadable)
    }
}
