/// How a re-verification run goes: checkpoint size, concurrency towards the registries, per-voucher budget, anomaly
/// norms. Every default is the one `qorgan reverify` and the service's scheduled job use.
public struct ReverificationConfiguration: Sendable, Hashable {
    /// Vouchers saved per checkpoint transaction. Default 500 (as cleansing's chunks).
    public var chunkSize: Int
    /// Vouchers whose registry calls may be in flight at once (bounds the load on each registry). Default 32: each
    /// voucher asks five registries at once, so about 160 calls are in flight, as cleansing's 64 rows × 2–3.
    public var maximumConcurrentVouchers: Int
    /// Budget for one voucher's registry calls. Default 10 s.
    public var voucherTimeout: Duration
    /// Norms for the provider anomalies.
    public var anomalies: ProviderAnomalyConfiguration
    /// The audit and review actor. Default `qorgan-reverify`.
    public var actor: String

    /// Creates a configuration; see each property for its default.
    public init(
        chunkSize: Int = 500, maximumConcurrentVouchers: Int = 32, voucherTimeout: Duration = .seconds(10),
        anomalies: ProviderAnomalyConfiguration = .init(), actor: String = "qorgan-reverify"
    ) {
        self.chunkSize = max(1, chunkSize)
        self.maximumConcurrentVouchers = max(1, maximumConcurrentVouchers)
        self.voucherTimeout = voucherTimeout
        self.anomalies = anomalies
        self.actor = actor
    }
}
