/// The new decision on an active voucher after its facts were checked again. Nothing is suspended automatically:
/// SUSPEND_SUGGESTED and REVIEW go to the operators' review queue.
public enum ReverificationOutcome: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Nothing that matters changed (informational changes, such as a priority category, may be listed).
    case ok = "OK"
    /// Something changed or could not be checked (a registry was unavailable): an operator looks.
    case review = "REVIEW"
    /// A registry fact rules the voucher out now (death, move, liquidation …): an operator is asked to suspend it.
    case suspendSuggested = "SUSPEND_SUGGESTED"

    /// Whether the outcome goes to the review queue.
    public var isFlagged: Bool { self != .ok }

    /// Orders by severity (OK < REVIEW < SUSPEND_SUGGESTED).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.severity < rhs.severity }

    private var severity: Int {
        switch self {
        case .ok: 0
        case .review: 1
        case .suspendSuggested: 2
        }
    }
}
