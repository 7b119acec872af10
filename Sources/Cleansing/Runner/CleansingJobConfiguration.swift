/// How a cleansing job runs: checkpoint size, concurrency towards the registries, per-row budget and notifications.
///
/// Every default is the one `qorgan cleanse` uses; each can be overridden on the command line.
public struct CleansingJobConfiguration: Sendable, Hashable {
    /// Rows saved per checkpoint transaction. Default 500: a `kill -9` loses at most the chunks in flight, and a
    /// 700,000-row file makes 1,400 transactions.
    public var chunkSize: Int
    /// Rows whose registry calls may be in flight at once (bounds the load on each registry). Default 64.
    public var maximumConcurrentRows: Int
    /// Budget for one row's registry calls. Default 10 s.
    public var rowTimeout: Duration
    /// Whether rows that need the parent to act send an SMS. Default `false`: a dry run that only counts them.
    public var notify: Bool
    /// Notifications per second at most. Default 20.
    public var notificationsPerSecond: Double
    /// The sender short number of notifications. Default `1414`.
    public var notificationSender: String
    /// Budget for one SMS. Default 5 s.
    public var notificationTimeout: Duration

    /// Creates a configuration; see each property for its default.
    public init(
        chunkSize: Int = 500, maximumConcurrentRows: Int = 64, rowTimeout: Duration = .seconds(10), notify: Bool = false,
        notificationsPerSecond: Double = 20, notificationSender: String = "1414", notificationTimeout: Duration = .seconds(5)
    ) {
        self.chunkSize = max(1, chunkSize)
        self.maximumConcurrentRows = max(1, maximumConcurrentRows)
        self.rowTimeout = rowTimeout
        self.notify = notify
        self.notificationsPerSecond = notificationsPerSecond
        self.notificationSender = notificationSender
        self.notificationTimeout = notificationTimeout
    }
}
