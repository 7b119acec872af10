/// What a score means: accept automatically, send to a person, or reject.
public enum MatchDecision: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The records describe the same person (total ≥ match threshold).
    case match = "MATCH"
    /// Unclear: an operator must look (review threshold ≤ total < match threshold).
    case review = "REVIEW"
    /// The records describe different people (total < review threshold).
    case mismatch = "MISMATCH"

    private var rank: Int {
        switch self {
        case .match: 0
        case .review: 1
        case .mismatch: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
