public import Matching

/// Accumulates reasons and the decision they imply: any rejecting reason → MISMATCH, else any reviewing reason →
/// REVIEW, else MATCH (informational notes do not lower it). Each reason keeps its weight, so a later
/// check (e.g. the voucher gate after `FamilyPolicy`) extends a verdict without re-classifying its reasons.
public struct Verdict: Sendable, Hashable {
    /// How much one reason weighs.
    enum Weight: Int, Sendable, Hashable, Comparable {
        case note, review, reject

        static func < (lhs: Weight, rhs: Weight) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Reasons in the order found (no duplicates).
    public private(set) var reasons: [ReasonCode] = []
    private var weights: [ReasonCode: Weight] = [:]

    /// An empty verdict (MATCH).
    public init() {}

    /// The decision the reasons imply.
    public var decision: MatchDecision {
        switch weights.values.max() {
        case .reject?: .mismatch
        case .review?: .review
        case .note?, nil: .match
        }
    }

    /// A reason that fails the declaration.
    public mutating func reject(_ reason: ReasonCode) { add(reason, .reject) }

    /// A reason that needs an operator.
    public mutating func review(_ reason: ReasonCode) { add(reason, .review) }

    /// An informational reason.
    public mutating func note(_ reason: ReasonCode) { add(reason, .note) }

    private mutating func add(_ reason: ReasonCode, _ weight: Weight) {
        if let current = weights[reason] {
            weights[reason] = max(current, weight)
        } else {
            reasons.append(reason)
            weights[reason] = weight
        }
    }
}
