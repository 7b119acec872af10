/// Where a job stands: rows done (of how many), elapsed time, rate and estimated time left.
public struct ProgressSnapshot: Sendable, Hashable {
    /// Rows done, including those done by an earlier run of a resumed job.
    public var done: Int
    /// Rows in all, when known.
    public var total: Int?
    /// Rows done by this run (the rate's numerator).
    public var doneThisRun: Int
    /// Time since this run started.
    public var elapsed: Duration

    /// Creates a snapshot.
    public init(done: Int, total: Int?, doneThisRun: Int, elapsed: Duration) {
        self.done = done
        self.total = total
        self.doneThisRun = doneThisRun
        self.elapsed = elapsed
    }

    /// Seconds since this run started.
    public var elapsedSeconds: Double { Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18 }

    /// Rows per second in this run; 0 before any time has passed.
    public var rowsPerSecond: Double {
        let seconds = elapsedSeconds
        return seconds > 0 ? Double(doneThisRun) / seconds : 0
    }

    /// Share done, 0…1, when the total is known.
    public var fraction: Double? {
        guard let total else { return nil }
        guard total > 0 else { return 1 }
        return min(1, max(0, Double(done) / Double(total)))
    }

    /// Estimated time left, when the total is known and the rate positive.
    public var estimatedRemaining: Duration? {
        guard let total, rowsPerSecond > 0 else { return nil }
        let remaining = max(0, total - done)
        return .milliseconds(Int64((Double(remaining) / rowsPerSecond * 1_000).rounded()))
    }
}
