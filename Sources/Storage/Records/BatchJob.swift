public import Foundation

/// A batch cleansing job as the store keeps it: what was asked, how far it got, and its counters.
///
/// Nothing here is personal data: `inputName` is the uploaded file's name, `options` the job's settings.
public struct BatchJob: Sendable, Hashable {
    /// Where a job is in its life.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Accepted, not started.
        case queued
        /// Rows are being processed (or the process died and a resume will continue it).
        case running
        /// Every row has a result.
        case finished
        /// Stopped for a reason other than being killed (see `failureReason`).
        case failed
    }

    /// Batch id (`bat_…`), unique.
    public var id: String
    /// Queued, running, finished or failed.
    public var status: Status
    /// The input's name (file name of the upload or path given to `qorgan cleanse`), for finding a job to resume.
    public var inputName: String
    /// The job's options as JSON (separator, column mapping, notify …), opaque to the store.
    public var options: Data
    /// Counters the runner keeps (rows read, unreadable, SMS sent …), replaced as a whole by `updateBatch`.
    /// Per-status counts of stored results are kept by the store itself (`BatchStore.resultCounts(batchID:)`).
    public var counts: [String: Int]
    /// Why the job failed (no personal data), when `status == .failed`.
    public var failureReason: String?
    /// When it was created.
    public var createdAt: Date
    /// When its status or counts last changed, or a chunk of results was saved.
    public var updatedAt: Date

    /// Creates a job record.
    public init(
        id: String, status: Status = .queued, inputName: String, options: Data = Data("{}".utf8), counts: [String: Int] = [:],
        failureReason: String? = nil, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.status = status
        self.inputName = inputName
        self.options = options
        self.counts = counts
        self.failureReason = failureReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
