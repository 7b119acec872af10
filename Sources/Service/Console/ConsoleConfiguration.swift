/// Settings of the operator console (``OperatorConsole``).
public struct ConsoleConfiguration: Sendable, Hashable {
    /// A session unused for this long ends. Default 30 minutes.
    public var sessionIdleTimeout: Duration
    /// A session ends this long after login, used or not. Default 8 hours.
    public var sessionAbsoluteTimeout: Duration
    /// Whether cookies carry `Secure` (set it when the console is served over HTTPS, e.g. behind a TLS proxy).
    /// Default `false`: `qorgan serve` listens on plain HTTP on loopback.
    public var secureCookies: Bool
    /// Sessions held at once; the least recently used is dropped beyond it. Default 10 000.
    public var maximumSessions: Int
    /// Reviews per page of the queue. Default 50.
    public var reviewPageSize: Int
    /// Audit entries shown per search. Default 100.
    public var auditPageSize: Int

    /// Creates settings (defaults as documented).
    public init(
        sessionIdleTimeout: Duration = .seconds(30 * 60), sessionAbsoluteTimeout: Duration = .seconds(8 * 3_600), secureCookies: Bool = false,
        maximumSessions: Int = 10_000, reviewPageSize: Int = 50, auditPageSize: Int = 100
    ) {
        self.sessionIdleTimeout = sessionIdleTimeout
        self.sessionAbsoluteTimeout = sessionAbsoluteTimeout
        self.secureCookies = secureCookies
        self.maximumSessions = maximumSessions
        self.reviewPageSize = reviewPageSize
        self.auditPageSize = auditPageSize
    }

    /// The defaults.
    public static let `default` = ConsoleConfiguration()
}

extension Duration {
    /// The duration in seconds, as `TimeInterval` (for `Date` arithmetic).
    var timeInterval: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
