import Foundation
import Identifiers
import Normalization
public import Logging
public import Storage
import Verification

/// Re-verifies the active vouchers: pages through them in voucher id order, re-checks each one against the
/// registries with bounded concurrency (the voucher gate's collector and policy), saves each chunk's results as one
/// checkpoint, queues every flagged voucher for an operator, and at the end writes the CSV files, the HTML report
/// and the JSON summary with the contradictions and provider anomalies.
///
/// After `kill -9`, `resume` continues the newest unfinished run after its last saved voucher; a flagged voucher is
/// queued once per run whatever happens (idempotent decision writes).
///
/// ```swift
/// let runner = ReverificationRunner(store: store, protector: store.personalData, checker: checker)
/// let outcome = try await runner.run(ReverificationRequest(activeOn: today, reportPath: "reverify.html"))
/// ```
public struct ReverificationRunner: Sendable {
    private let store: any ReverificationStore & DecisionStore
    private let checker: ReverificationChecker
    private let policy: ReverificationPolicy
    private let finder: ContradictionFinder
    private let configuration: ReverificationConfiguration
    private let reviews: ReverificationReviewWriter
    private let logger: Logger
    private let progress: (@Sendable (Int) -> Void)?

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - progress: called after each saved chunk with the vouchers checked so far by this invocation.
    public init(
        store: any ReverificationStore & DecisionStore, protector: PersonalDataProtector, checker: ReverificationChecker,
        policy: ReverificationPolicy = ReverificationPolicy(), finder: ContradictionFinder = ContradictionFinder(),
        configuration: ReverificationConfiguration = ReverificationConfiguration(), logger: Logger = Logger(label: "qorgan.reverify"),
        progress: (@Sendable (Int) -> Void)? = nil
    ) {
        self.store = store
        self.checker = checker
        self.policy = policy
        self.finder = finder
        self.configuration = configuration
        self.reviews = ReverificationReviewWriter(store: store, protector: protector, actor: configuration.actor)
        self.logger = logger
        self.progress = progress
    }

    /// Runs (or, with `request.resume`, continues) a re-verification.
    ///
    /// - Throws: ``ReverificationError`` when the store fails, a stored subject cannot be read, the outputs cannot be
    ///   written, or the run is cancelled (the chunks saved so far stay; `resume` continues).
    public func run(_ request: ReverificationRequest) async throws(ReverificationError) -> ReverificationRunOutcome {
        let started = ContinuousClock.now
        let startedAt = Date()
        let (run, resumed) = try await openRun(request)
        var log = logger
        log[metadataKey: "run_id"] = "\(run.id)"
        var after: String?
        do { after = try await store.lastReverifiedVoucherID(runID: run.id) } catch { throw Self.storeError(error) }
        log.info("qorgan.reverify.started", metadata: ["resumed": "\(resumed)", "active_on": "\(run.activeOn)"])

        var checked = 0
        while true {
            let page: [VoucherSubjectRecord]
            do {
                page = try await store.voucherSubjects(
                    activeOn: run.activeOn, activatedSince: run.activatedSince, afterVoucherID: after, limit: configuration.chunkSize)
            } catch {
                throw Self.storeError(error)
            }
            guard let last = page.last else { break }
            let results = try await check(page, runID: run.id, day: run.activeOn)
            if Task.isCancelled { throw ReverificationError(.interrupted, "cancelled; the vouchers saved so far stay, --resume continues") }
            do {
                try await store.saveReverificationChunk(
                    runID: run.id, results: results.map { ReverificationResultRecord(voucherID: $0.voucherID, outcome: $0.outcome.rawValue, payload: $0.encoded()) },
                    at: Date())
            } catch {
                throw Self.storeError(error)
            }
            checked += page.count
            after = last.voucherID
            progress?(checked)
            log.debug("qorgan.reverify.chunk", metadata: ["checked": "\(checked)"])
        }

        let duration = (ContinuousClock.now - started) / .seconds(1)
        let (summary, anomalies) = try await writeOutputs(request: request, run: run, checkedNow: checked, duration: duration, startedAt: startedAt)
        do {
            try await store.updateReverificationRun(id: run.id, status: .finished, counts: summary.outcomes, at: Date())
        } catch {
            throw Self.storeError(error)
        }
        log.info(
            "qorgan.reverify.finished",
            metadata: [
                "checked": "\(checked)", "vouchers": "\(summary.vouchers)", "flagged": "\(summary.flagged)", "anomalies": "\(anomalies.count)",
                "seconds": "\(duration)",
            ])
        return ReverificationRunOutcome(
            runID: run.id, resumed: resumed, checkedNow: checked, summary: summary, anomalies: anomalies, durationSeconds: duration)
    }

    /// Re-checks one page with at most `maximumConcurrentVouchers` in flight; results in page order.
    private func check(_ page: [VoucherSubjectRecord], runID: String, day: CalendarDate) async throws(ReverificationError) -> [ReverificationResult] {
        var decoded: [ReverificationSubject] = []
        decoded.reserveCapacity(page.count)
        for record in page { decoded.append(try ReverificationSubject.decoded(record.payload)) }
        let subjects = decoded
        let timeout = configuration.voucherTimeout
        let limit = configuration.maximumConcurrentVouchers
        let outcomes = await withTaskGroup(of: (Int, Result<ReverificationResult, ReverificationError>).self) { group in
            var results = [Result<ReverificationResult, ReverificationError>?](repeating: nil, count: subjects.count)
            var next = 0
            while next < subjects.count, next < limit {
                let index = next
                group.addTask { (index, await self.check(subjects[index], runID: runID, day: day, timeout: timeout)) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < subjects.count {
                    let index = next
                    group.addTask { (index, await self.check(subjects[index], runID: runID, day: day, timeout: timeout)) }
                    next += 1
                }
            }
            return results
        }
        var results: [ReverificationResult] = []
        results.reserveCapacity(outcomes.count)
        for outcome in outcomes {
            guard let outcome else { throw ReverificationError(.interrupted, "a voucher was not checked") }
            results.append(try outcome.get())
        }
        return results
    }

    /// Re-checks one voucher and queues it for review when flagged.
    private func check(_ subject: ReverificationSubject, runID: String, day: CalendarDate, timeout: Duration) async
        -> Result<ReverificationResult, ReverificationError>
    {
        let evidence = await checker.gather(subject, within: .after(timeout))
        let (outcome, reasons, changes, messages) = policy.assess(subject, evidence: evidence)
        let now = Date()
        var result = ReverificationResult(
            voucherID: subject.voucherID, outcome: outcome, reasons: reasons.map(\.rawValue), changes: changes, evidence: messages,
            regionKATO: subject.programme.region.kato, provider: subject.providerLabel, section: subject.section.name,
            contradictions: finder.find(evidence, on: day), checkedAt: now)
        if outcome.isFlagged {
            if Task.isCancelled { return .failure(ReverificationError(.interrupted, "cancelled")) }
            do {
                let (decisionID, reviewID) = try await reviews.record(result, subject: subject, runID: runID, at: now)
                result.decisionID = decisionID
                result.reviewID = reviewID
            } catch {
                return .failure(Self.storeError(error))
            }
        }
        return .success(result)
    }

    /// Finds the run to continue, or creates a new one.
    private func openRun(_ request: ReverificationRequest) async throws(ReverificationError) -> (ReverificationRunRecord, Bool) {
        do {
            if request.resume {
                guard let previous = try await store.reverificationRuns(limit: 1).first, previous.status == .running else {
                    throw ReverificationError(.nothingToResume, "no unfinished re-verification run to resume; run without --resume")
                }
                return (previous, true)
            }
            let now = Date()
            let run = ReverificationRunRecord(
                id: ReverificationIdentifiers.make("rvr"), activeOn: request.activeOn, activatedSince: request.activatedSince, createdAt: now, updatedAt: now)
            try await store.createReverificationRun(run)
            return (run, false)
        } catch let error as ReverificationError {
            throw error
        } catch let error as StoreError {
            throw Self.storeError(error)
        } catch {
            throw ReverificationError(.store, String(describing: type(of: error)))
        }
    }

    /// Reads every result and subject of the run back, builds the summary and anomalies, writes the outputs.
    private func writeOutputs(request: ReverificationRequest, run: ReverificationRunRecord, checkedNow: Int, duration: Double, startedAt: Date)
        async throws(ReverificationError) -> (ReverificationSummary, [ProviderAnomaly])
    {
        var builder = ReverificationSummaryBuilder()
        var checkedIDs = Set<String>()
        var flaggedIDs = Set<String>()
        let resultsFile = try request.resultsPath.map { path throws(ReverificationError) in try CSVFileWriter(path: path, header: ReverificationCSV.resultColumns) }
        let contradictionsFile = try request.contradictionsPath.map { path throws(ReverificationError) in
            try CSVFileWriter(path: path, header: ReverificationCSV.contradictionColumns)
        }
        var after: String?
        while true {
            let page: [ReverificationResultRecord]
            do { page = try await store.reverificationResults(runID: run.id, afterVoucherID: after, limit: 1_000) } catch { throw Self.storeError(error) }
            guard let last = page.last else { break }
            for record in page {
                let result = try ReverificationResult.decoded(record.payload)
                builder.add(result)
                checkedIDs.insert(result.voucherID)
                if result.outcome.isFlagged { flaggedIDs.insert(result.voucherID) }
                try resultsFile?.write(ReverificationCSV.resultRow(result))
                for contradiction in result.contradictions { try contradictionsFile?.write(ReverificationCSV.contradictionRow(contradiction, of: result)) }
            }
            after = last.voucherID
        }
        try resultsFile?.close()
        try contradictionsFile?.close()

        var detector = ProviderAnomalyDetector(configuration: configuration.anomalies)
        after = nil
        while true {
            let page: [VoucherSubjectRecord]
            do {
                page = try await store.voucherSubjects(activeOn: run.activeOn, activatedSince: run.activatedSince, afterVoucherID: after, limit: 1_000)
            } catch {
                throw Self.storeError(error)
            }
            guard let last = page.last else { break }
            for record in page where checkedIDs.contains(record.voucherID) {
                detector.add(try ReverificationSubject.decoded(record.payload), flagged: flaggedIDs.contains(record.voucherID))
            }
            after = last.voucherID
        }
        let anomalies = detector.anomalies()
        for anomaly in anomalies { builder.add(anomaly) }
        if let path = request.anomaliesPath {
            let file = try CSVFileWriter(path: path, header: ReverificationCSV.anomalyColumns)
            for anomaly in anomalies { try file.write(ReverificationCSV.anomalyRow(anomaly)) }
            try file.close()
        }
        let summary = builder.summary(
            runID: run.id, activeOn: run.activeOn.description, activatedSince: run.activatedSince, checkedNow: checkedNow, durationSeconds: duration,
            startedAt: startedAt, finishedAt: Date())
        do {
            if let path = request.reportPath {
                try Data(ReverificationReportRenderer().html(for: summary, anomalies: anomalies).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            if let path = request.summaryPath {
                try summary.jsonData().write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            throw ReverificationError(.io, "cannot write the report or the summary")
        }
        return (summary, anomalies)
    }

    static func storeError(_ error: StoreError) -> ReverificationError {
        ReverificationError(.store, error.description)
    }
}
