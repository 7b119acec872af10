public import Foundation

/// Checkpoints of batch cleansing jobs: the job, each row's result, which input lines are done, and the
/// notify-once claims — everything `qorgan cleanse --resume` needs to finish with every row exactly once.
///
/// The runner saves results in chunks; each chunk (its results and the input lines it covers) is one transaction,
/// so after `kill -9` a chunk is either wholly saved or not at all. On resume it skips lines in
/// `completedLines(batchID:)` and writes the output by streaming `resultRows(batchID:)`.
///
/// ```swift
/// try await store.saveChunk(batchID: id, lines: 2...501, results: rows, at: .now)
/// if try await store.claimNotification(batchID: id, subject: parent, line: 17, at: .now) {
///     let messageID = try await sms.send(…)            // claim first, then send: at most once
///     try await store.markNotificationSent(batchID: id, subject: parent, smsMessageID: messageID, at: .now)
/// }
/// ```
public protocol BatchStore: Sendable {
    /// Saves a new job and, when given, appends `audit` (e.g. `batch.created`) in the same transaction.
    /// Throws `.conflict` when the id exists.
    func createBatch(_ job: BatchJob, audit: AuditDraft?) async throws(StoreError)
    /// One job.
    func batch(id: String) async throws(StoreError) -> BatchJob?
    /// Jobs, newest first; only those read from `inputName` when given (to find the job `--resume` continues).
    func batches(inputName: String?, limit: Int) async throws(StoreError) -> [BatchJob]
    /// Sets a job's status, counters and failure reason, and `updatedAt = time`; appends `audit` when given.
    /// Returns the updated job; `.notFound` for an unknown id.
    func updateBatch(id: String, status: BatchJob.Status, counts: [String: Int], failureReason: String?, at time: Date, audit: AuditDraft?)
        async throws(StoreError) -> BatchJob
    /// Saves one chunk in one transaction: its row results (payloads encrypted) and the input lines it covers.
    ///
    /// - Parameters:
    ///   - lines: every input line the chunk accounts for, including lines of multi-line records and blank
    ///     lines, so that the chunks of a finished job cover the whole input without holes (the first chunk may
    ///     start at 1 to cover the header). Ranges of different chunks may overlap (a resumed run).
    ///   - results: the chunk's rows; each `line` must lie in `lines`. A line already saved keeps its first
    ///     result (a replayed chunk changes nothing).
    /// - Returns: how many results were new.
    /// - Throws: `.notFound` for an unknown batch, `.conflict` for a result outside `lines`.
    @discardableResult
    func saveChunk(batchID: String, lines: ClosedRange<Int64>, results: [BatchRowResult], at time: Date) async throws(StoreError) -> Int
    /// Which input lines are done (merged ranges of saved chunks; small whatever the input size).
    func completedLines(batchID: String) async throws(StoreError) -> BatchCoverage
    /// One page of results in line order: lines greater than `afterLine`, at most `limit`, payloads decrypted.
    func results(batchID: String, afterLine: Int64, limit: Int) async throws(StoreError) -> [BatchRowResult]
    /// How many stored results carry each status (kept up to date by `saveChunk`, cheap to read).
    func resultCounts(batchID: String) async throws(StoreError) -> [String: Int]
    /// Claims the right to notify `subject` for this batch. Returns `true` exactly once per (batch, subject);
    /// `false` when an earlier run (or another worker) claimed it already — do not send then.
    func claimNotification(batchID: String, subject: SubjectKey, line: Int64, at time: Date) async throws(StoreError) -> Bool
    /// Records that the claimed notification went out. `.notFound` when there is no claim.
    func markNotificationSent(batchID: String, subject: SubjectKey, smsMessageID: String, at time: Date) async throws(StoreError)
    /// The claim for `subject`, if any.
    func notificationClaim(batchID: String, subject: SubjectKey) async throws(StoreError) -> NotificationClaim?
}

extension BatchStore {
    /// Every result of a batch in line order, read in pages of `pageSize` (constant memory whatever the batch size).
    ///
    /// ```swift
    /// for try await row in store.resultRows(batchID: id) { try writer.write(row.payload) }
    /// ```
    public func resultRows(batchID: String, pageSize: Int = 1_000) -> BatchResultRows {
        BatchResultRows(store: self, batchID: batchID, pageSize: pageSize)
    }
}
