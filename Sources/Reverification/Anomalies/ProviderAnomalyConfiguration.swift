public import Verification

/// Norms for the provider anomalies.
public struct ProviderAnomalyConfiguration: Sendable, Hashable, Codable {
    /// Children per coach at most, by section type. Default: sport 25, art 20 (the sanitary norms for group classes).
    public var childrenPerCoach: [ProviderSectionType: Int]
    /// The norm when the section type was not declared. Default 25.
    public var defaultChildrenPerCoach: Int
    /// Share of flagged vouchers above which a provider is anomalous. Default 0.5 ("mostly").
    public var flaggedShare: Double
    /// Vouchers a provider needs before its flagged share counts. Default 4.
    public var minimumVouchersForShare: Int

    /// Creates a configuration (defaults as documented).
    public init(
        childrenPerCoach: [ProviderSectionType: Int] = [.sport: 25, .art: 20], defaultChildrenPerCoach: Int = 25, flaggedShare: Double = 0.5,
        minimumVouchersForShare: Int = 4
    ) {
        self.childrenPerCoach = childrenPerCoach
        self.defaultChildrenPerCoach = defaultChildrenPerCoach
        self.flaggedShare = flaggedShare
        self.minimumVouchersForShare = minimumVouchersForShare
    }

    /// The norm for `type`.
    public func norm(for type: ProviderSectionType?) -> Int {
        type.flatMap { childrenPerCoach[$0] } ?? defaultChildrenPerCoach
    }
}
