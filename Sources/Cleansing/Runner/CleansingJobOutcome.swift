/// What a cleansing job did: its batch, how many rows this run decided and how many an earlier run had, the summary
/// of every row, and the notifications.
public struct CleansingJobOutcome: Sendable {
    /// The batch id in the store.
    public var batchID: String
    /// Whether this run continued an interrupted job.
    public var resumed: Bool
    /// Rows decided by this run.
    public var rowsDecided: Int
    /// Rows an earlier run had decided (skipped now).
    public var rowsAlreadyDone: Int
    /// Rows written to the results file (every input row exactly once).
    public var rowsWritten: Int
    /// The summary of every row (also written as JSON beside the report).
    public var summary: CleansingSummary
    /// This run's notification outcomes.
    public var notifications: [NotificationOutcome: Int]
    /// This run's wall time, seconds.
    public var durationSeconds: Double
    /// The first unreadable rows (line and reason code), for a line-numbered message; all are in the results.
    public var unreadable: [UnreadableLine]

    /// An unreadable input row, by line.
    public struct UnreadableLine: Sendable, Hashable {
        /// The physical input line.
        public var line: Int
        /// The reason code (`FIELD_COUNT`, `UNTERMINATED_QUOTE`, …).
        public var reason: String
    }
}
