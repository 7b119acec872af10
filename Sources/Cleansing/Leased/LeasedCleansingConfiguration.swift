/// How chunks of a shared batch job are leased by `qorgan worker` processes and awaited by the coordinator
/// (`qorgan cleanse --database postgres://… --distributed`). Every field states its default.
public struct LeasedCleansingConfiguration: Sendable, Hashable {
    /// How long a lease lasts without renewal: a killed worker's chunk is taken over this long after its last
    /// renewal. Default 30 seconds.
    public var leaseDuration: Duration
    /// How often a working worker renews its lease. Default 10 seconds (a third of the lease).
    public var renewInterval: Duration
    /// How long an idle worker (or the waiting coordinator) sleeps between looks for work. Default 1 second.
    public var pollInterval: Duration
    /// Whether a worker stops once no chunk of any job is available (benchmarks, tests). Default `false`: it waits.
    public var exitsWhenIdle: Bool

    /// Creates a configuration; omitted fields take their defaults.
    public init(
        leaseDuration: Duration = .seconds(30), renewInterval: Duration? = nil, pollInterval: Duration = .seconds(1), exitsWhenIdle: Bool = false
    ) {
        self.leaseDuration = leaseDuration
        self.renewInterval = renewInterval ?? leaseDuration / 3
        self.pollInterval = pollInterval
        self.exitsWhenIdle = exitsWhenIdle
    }
}
