/// The outcome of one provider requirement.
public enum ProviderRequirementStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The registries show the requirement is met.
    case passed = "PASSED"
    /// A registry statement (or a locally invalid identifier) shows it is not met: the provider does not qualify.
    case failed = "FAILED"
    /// No usable answer (registry unavailable, invalid response) or an uncertain match: an operator must look.
    case unknown = "UNKNOWN"
}
