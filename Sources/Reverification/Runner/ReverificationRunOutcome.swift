/// What a run came to.
public struct ReverificationRunOutcome: Sendable {
    /// The run.
    public var runID: String
    /// Whether it continued an earlier, interrupted run.
    public var resumed: Bool
    /// Vouchers checked by this invocation.
    public var checkedNow: Int
    /// The summary over every voucher of the run.
    public var summary: ReverificationSummary
    /// The provider anomalies.
    public var anomalies: [ProviderAnomaly]
    /// Wall time of this invocation, seconds.
    public var durationSeconds: Double
}
