/// One provider anomaly. Coaches and children appear masked; providers as BIN (or IIN masked).
public struct ProviderAnomaly: Sendable, Hashable, Codable {
    /// What was found.
    public var kind: ProviderAnomalyKind
    /// The providers concerned.
    public var providers: [String]
    /// The coach concerned (masked IIN), when any.
    public var coach: String?
    /// The vouchers concerned.
    public var voucherIDs: [String]
    /// КАТО of the region (of the first voucher concerned).
    public var regionKATO: String
    /// The measured figure, e.g. `providers=3`, `children=41 norm=25`, `flagged=9/12`.
    public var detail: String

    /// Creates an anomaly.
    public init(kind: ProviderAnomalyKind, providers: [String], coach: String? = nil, voucherIDs: [String], regionKATO: String, detail: String) {
        self.kind = kind
        self.providers = providers
        self.coach = coach
        self.voucherIDs = voucherIDs
        self.regionKATO = regionKATO
        self.detail = detail
    }
}
