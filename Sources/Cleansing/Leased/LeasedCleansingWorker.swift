public import Logging
public import Storage
public import Verification
import Foundation

/// A batch worker (`qorgan worker`): leases chunks of any running job from the shared store, decides their rows with
/// the same pipeline as `CleansingJobRunner`, and completes each chunk with its results in one transaction — renewing
/// the lease meanwhile, so a live worker keeps its chunk and a killed one loses it after `leaseDuration`.
///
/// Exactly once: a chunk's results are saved only while its lease holds, a line keeps its first result, and the
/// cross-row index is rebuilt from the input in order (every earlier row registered) so duplicates are found the same
/// way on any worker. Parents are notified at most once per job through the store's claims.
///
/// ```swift
/// let worker = LeasedCleansingWorker(store: store, protector: store.personalData, pipeline: pipeline, sms: adapters.sms, name: "w1")
/// let report = try await worker.run()            // until cancelled, or until idle with `exitsWhenIdle`
/// ```
public struct LeasedCleansingWorker: Sendable {
    /// The store: job records, results, notification claims and chunk leases.
    public typealias Store = BatchStore & BatchChunkLeaseStore

    /// What a worker did before it stopped.
    public struct Report: Sendable, Hashable {
        /// Chunks completed.
        public var chunks: Int
        /// Rows decided and saved.
        public var rows: Int
        /// Chunks whose lease was lost before completion (their rows were decided again elsewhere).
        public var lostLeases: Int
    }

    private let store: any Store
    private let protector: PersonalDataProtector
    private let pipeline: CleansingPipeline
    private let sms: (any SMSGateway)?
    private let name: String
    private let job: CleansingJobConfiguration
    private let leasing: LeasedCleansingConfiguration
    private let crossRow: CrossRowConfiguration
    private let logger: Logger

    /// Creates a worker.
    ///
    /// - Parameters:
    ///   - name: the worker's name in leases and logs (e.g. host and process id); unique per live worker.
    ///   - job: row concurrency, per-row budget and SMS settings (whether to notify comes from each job's options).
    public init(
        store: any Store, protector: PersonalDataProtector, pipeline: CleansingPipeline, sms: (any SMSGateway)?, name: String,
        job: CleansingJobConfiguration = CleansingJobConfiguration(), leasing: LeasedCleansingConfiguration = LeasedCleansingConfiguration(),
        crossRow: CrossRowConfiguration = CrossRowConfiguration(), logger: Logger = Logger(label: "qorgan.worker")
    ) {
        self.store = store
        self.protector = protector
        self.pipeline = pipeline
        self.sms = sms
        self.name = name
        self.job = job
        self.leasing = leasing
        self.crossRow = crossRow
        self.logger = logger
    }

    /// Takes and finishes chunks until cancelled (or, with `exitsWhenIdle`, until none is available).
    ///
    /// - Throws: ``CleansingError`` when the store fails or a job's input changed under it.
    public func run() async throws(CleansingError) -> Report {
        var report = Report(chunks: 0, rows: 0, lostLeases: 0)
        var cursor: LeasedInputCursor?
        var notifiers: [String: CleansingNotifier] = [:]
        var log = logger
        log[metadataKey: "worker"] = "\(name)"
        log.info("qorgan.worker.started")
        while !Task.isCancelled {
            let lease: BatchChunkLease?
            do {
                lease = try await store.leaseChunk(worker: name, batchID: nil, duration: leasing.leaseDuration, at: Date())
            } catch {
                throw .store(error)
            }
            guard let lease else {
                if leasing.exitsWhenIdle { break }
                do { try await Task.sleep(for: leasing.pollInterval) } catch { break }
                continue
            }
            var chunkLog = log
            chunkLog[metadataKey: "batch_id"] = "\(lease.batchID)"
            chunkLog[metadataKey: "first_line"] = "\(lease.lines.lowerBound)"
            if cursor?.batchID != lease.batchID {
                cursor = try await openCursor(lease.batchID)
                if notifiers[lease.batchID] == nil {
                    notifiers[lease.batchID] = try await notifier(for: lease.batchID)
                }
            }
            guard let open = cursor else { continue }
            let items = try open.items(in: lease.lines, expected: lease.rows)
            let rows: [CleansingResultRow]
            do {
                rows = try await decideHoldingLease(lease, items: items)
                try await store.completeChunk(lease, results: rows.map(\.batchRowResult), at: Date())
            } catch StoreError.conflict(let message) {
                report.lostLeases += 1
                chunkLog.warning("qorgan.worker.lease-lost", metadata: ["reason": "\(message)"])
                continue
            } catch is CancellationError {
                break
            } catch let error as StoreError {
                throw .store(error)
            } catch {
                throw .store(error)
            }
            if var notifier = notifiers[lease.batchID] {
                for row in rows {
                    do { _ = try await notifier.handle(row) } catch { throw .store(error) }
                }
                notifiers[lease.batchID] = notifier
            }
            report.chunks += 1
            report.rows += rows.count
            chunkLog.debug("qorgan.worker.chunk-done", metadata: ["rows": "\(rows.count)", "attempt": "\(lease.attempt)"])
        }
        log.info("qorgan.worker.stopped", metadata: ["chunks": "\(report.chunks)", "rows": "\(report.rows)", "lost_leases": "\(report.lostLeases)"])
        return report
    }

    /// Decides the chunk's rows (bounded concurrency, line order) while a sibling task renews the lease; a lost lease
    /// ends the work with `StoreError.conflict`.
    private func decideHoldingLease(_ lease: BatchChunkLease, items: [(item: CleansingInputItem, finding: CrossRowFinding?)]) async throws
        -> [CleansingResultRow]
    {
        let store = self.store
        let leasing = self.leasing
        return try await withThrowingTaskGroup(of: [CleansingResultRow]?.self) { group in
            group.addTask {
                var current = lease
                while true {
                    try await Task.sleep(for: leasing.renewInterval)
                    current = try await store.renewLease(current, duration: leasing.leaseDuration, at: Date())
                }
            }
            group.addTask { [pipeline, job] in
                try await Self.decide(items, pipeline: pipeline, job: job)
            }
            while let finished = try await group.next() {
                if let rows = finished {
                    group.cancelAll()
                    return rows
                }
            }
            throw CancellationError()
        }
    }

    /// Decides every item with at most `maximumConcurrentRows` rows in flight; rows come back in line order.
    private static func decide(
        _ items: [(item: CleansingInputItem, finding: CrossRowFinding?)], pipeline: CleansingPipeline, job: CleansingJobConfiguration
    ) async throws -> [CleansingResultRow] {
        var rows: [CleansingResultRow?] = Array(repeating: nil, count: items.count)
        try await withThrowingTaskGroup(of: (Int, CleansingResultRow).self) { group in
            var inFlight = 0
            for (position, entry) in items.enumerated() {
                switch entry.item {
                case .unreadable(let bad):
                    rows[position] = CleansingResultRow(unreadable: bad)
                case .row(let row):
                    let finding = entry.finding
                    let timeout = job.rowTimeout
                    group.addTask { (position, await pipeline.cleanse(row, crossRow: finding, within: .after(timeout))) }
                    inFlight += 1
                }
                while inFlight >= job.maximumConcurrentRows, let (position, row) = try await group.next() {
                    inFlight -= 1
                    rows[position] = row
                }
            }
            while let (position, row) = try await group.next() { rows[position] = row }
        }
        // A cancelled chunk's last rows may carry "cancelled" instead of the registry's answer: never complete it then.
        try Task.checkCancellation()
        return rows.compactMap { $0 }
    }

    private func openCursor(_ batchID: String) async throws(CleansingError) -> LeasedInputCursor {
        let (stored, options) = try await jobAndOptions(batchID)
        return try LeasedInputCursor(job: stored, options: options, crossRow: crossRow)
    }

    private func notifier(for batchID: String) async throws(CleansingError) -> CleansingNotifier {
        let (_, options) = try await jobAndOptions(batchID)
        var configuration = job
        configuration.notify = options.notify
        return CleansingNotifier(store: store, protector: protector, sms: sms, batchID: batchID, configuration: configuration)
    }

    private func jobAndOptions(_ batchID: String) async throws(CleansingError) -> (BatchJob, CleansingJobOptions) {
        let stored: BatchJob?
        do { stored = try await store.batch(id: batchID) } catch { throw .store(error) }
        guard let stored, let options = CleansingJobOptions.decoded(stored.options) else {
            throw CleansingError(.store, "batch \(batchID) has no readable options")
        }
        return (stored, options)
    }
}
