import Foundation
import Storage

/// The `Batch` document of `openapi.yaml`: a job's status, progress, counts per result status and links.
struct BatchDocument: Encodable, Sendable {
    /// Where the batch and its downloads are.
    struct Links: Encodable, Sendable {
        var selfLink: String
        var results: String
        var report: String

        enum CodingKeys: String, CodingKey {
            case selfLink = "self"
            case results, report
        }
    }

    var id: String
    /// `queued`, `running`, `finished` or `failed` (`BatchJob.Status`).
    var status: String
    /// Whether parents who must act get an SMS.
    var notify: Bool
    /// Rows with a saved result (the sum of ``counts``).
    var rowsDone: Int
    /// Rows in the input: exact once finished, otherwise an upper estimate from the upload's lines; absent if unknown.
    var rowsTotal: Int?
    /// Saved results per status (`VALID`, `CORRECTABLE`, …, `UNREADABLE`).
    var counts: [String: Int]
    /// Why the job failed, without personal data.
    var failureReason: String?
    var createdAt: String
    var updatedAt: String
    var links: Links

    init(job: BatchJob, counts: [String: Int]) {
        let options = BatchUploadOptions.decoded(job.options)
        let done = counts.values.reduce(0, +)
        id = job.id
        status = job.status.rawValue
        notify = options?.notify ?? false
        rowsDone = done
        rowsTotal = job.status == .finished ? done : options.map { max($0.estimatedRows, done) }
        self.counts = counts
        failureReason = job.status == .failed ? job.failureReason : nil
        createdAt = internetDateTime(job.createdAt)
        updatedAt = internetDateTime(job.updatedAt)
        let base = "/v1/batches/\(job.id)"
        links = Links(selfLink: base, results: base + "/results", report: base + "/report")
    }
}
