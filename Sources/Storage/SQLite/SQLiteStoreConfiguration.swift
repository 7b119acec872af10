/// How `SQLiteGatewayStore` opens its database. Every field states its default.
///
/// The database always runs in WAL mode with `synchronous = NORMAL` (a power cut may lose the last
/// transactions, never corrupt the file or break the audit chain) and foreign keys on.
public struct SQLiteStoreConfiguration: Sendable {
    /// How long a writer waits for another process's write lock before failing. Default 5 seconds.
    public var busyTimeout: Duration
    /// Concurrent reader connections of the pool. Default 5.
    public var maximumReaderCount: Int
    /// Audit entries read per page by `verifyChain()`. Default 1,000.
    public var auditPageSize: Int

    /// Creates a configuration; omitted fields take their defaults.
    public init(busyTimeout: Duration = .seconds(5), maximumReaderCount: Int = 5, auditPageSize: Int = 1_000) {
        self.busyTimeout = busyTimeout
        self.maximumReaderCount = maximumReaderCount
        self.auditPageSize = auditPageSize
    }

    /// The defaults.
    public static let `default` = SQLiteStoreConfiguration()

    /// The busy timeout in seconds, as SQLite takes it.
    var busyTimeoutSeconds: Double {
        let (seconds, attoseconds) = busyTimeout.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
