/// A pattern in our own store that suggests paper-only sections or coaches.
public enum ProviderAnomalyKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// One coach listed by several providers.
    case coachSharedByProviders = "COACH_SHARED_BY_PROVIDERS"
    /// More children per coach than the norm for the section type.
    case coachOverloaded = "COACH_OVERLOADED"
    /// The same child in two sections whose declared schedules overlap.
    case overlappingSchedules = "OVERLAPPING_SCHEDULES"
    /// Most of a provider's children are flagged by re-verification.
    case providerMostlyFlagged = "PROVIDER_MOSTLY_FLAGGED"
}
