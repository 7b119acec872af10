public import Cleansing

/// How the service runs batch cleansing jobs (`POST /v1/batches`), each default documented.
public struct BatchJobsConfiguration: Sendable, Hashable {
    /// Jobs run at the same time at most. Default 1: a job already keeps the registries busy with
    /// ``job``'s `maximumConcurrentRows`; later uploads wait, queued, in arrival order.
    public var maximumConcurrentJobs: Int
    /// How each job runs (chunk size, rows in flight, per-row budget, SMS rate); `notify` is taken from the upload's
    /// `notify=true`. Default: ``CleansingJobConfiguration``'s defaults (500-row chunks, 64 rows in flight).
    public var job: CleansingJobConfiguration
    /// How many of the newest jobs are looked at on start for ones to resume. Default 1 000.
    public var resumeScanLimit: Int

    /// A configuration; every parameter defaults to the documented default.
    public init(maximumConcurrentJobs: Int = 1, job: CleansingJobConfiguration = CleansingJobConfiguration(), resumeScanLimit: Int = 1_000) {
        self.maximumConcurrentJobs = max(1, maximumConcurrentJobs)
        self.job = job
        self.resumeScanLimit = max(1, resumeScanLimit)
    }

    /// All defaults: one job at a time, the cleanse defaults.
    public static let `default` = BatchJobsConfiguration()
}
