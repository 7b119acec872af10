/// How `PostgresGatewayStore` uses its database. Every field states its default.
public struct PostgresStoreConfiguration: Sendable {
    /// Connections the store's pool opens at most. Default 10 (each gateway or worker process has its own pool;
    /// keep the sum under the server's `max_connections`).
    public var maximumConnections: Int
    /// How long to wait for a connection to the server. Default 10 seconds.
    public var connectTimeout: Duration
    /// Audit entries read per page by `verifyChain()`. Default 1,000.
    public var auditPageSize: Int
    /// Whether to create the URL's schema when it does not exist. Default `true`.
    public var createsSchema: Bool

    /// Creates a configuration; omitted fields take their defaults.
    public init(maximumConnections: Int = 10, connectTimeout: Duration = .seconds(10), auditPageSize: Int = 1_000, createsSchema: Bool = true) {
        self.maximumConnections = maximumConnections
        self.connectTimeout = connectTimeout
        self.auditPageSize = auditPageSize
        self.createsSchema = createsSchema
    }

    /// The defaults.
    public static let `default` = PostgresStoreConfiguration()
}
