/// The verdict of a provider check.
///
/// Any FAILED requirement → ``notQualified``; otherwise any UNKNOWN → ``review``; otherwise ``qualified``. Missing
/// evidence (a registry down or untrustworthy) therefore yields REVIEW — never NOT_QUALIFIED, never QUALIFIED.
public enum ProviderQualificationDecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every requirement passed.
    case qualified = "QUALIFIED"
    /// Nothing failed, but something could not be established: an operator must look.
    case review = "REVIEW"
    /// At least one requirement failed on registry facts (or a locally invalid identifier).
    case notQualified = "NOT_QUALIFIED"

    /// The decision the requirement results imply.
    public init(results: some Sequence<ProviderRequirementResult>) {
        var decision = ProviderQualificationDecision.qualified
        for result in results {
            switch result.status {
            case .failed: self = .notQualified; return
            case .unknown: decision = .review
            case .passed: break
            }
        }
        self = decision
    }
}
