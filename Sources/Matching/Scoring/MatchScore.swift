import Foundation

/// A score with its explanation: the prior, then each comparison's level and weight, the total and the
/// decision. `prior + Σ contributions.weight == total`.
public struct MatchScore: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One comparison's part in the score.
    public struct Contribution: Sendable, Hashable, Codable {
        /// The field compared.
        public let field: PersonField
        /// The level reached (its `name`), or `nil` when a side was missing.
        public let level: String?
        /// The level's plain-words description, or "missing on one side".
        public let description: String
        /// `log2(m / u)` of the level; 0 when missing.
        public let weight: Double
        /// The level's m, when a level applied.
        public let m: Double?
        /// The level's u, when a level applied.
        public let u: Double?

        /// Whether the field was missing on either side (weight 0).
        public var isMissing: Bool { level == nil }
    }

    /// The model version that produced the score.
    public let modelVersion: String
    /// The prior weight, `log2(λ / (1 − λ))`.
    public let prior: Double
    /// Each comparison in model order.
    public let contributions: [Contribution]
    /// Prior plus every weight: the posterior log2-odds of a match.
    public let total: Double
    /// The decision from the model's thresholds.
    public let decision: MatchDecision

    /// The posterior match probability, `2^total / (1 + 2^total)`.
    public var probability: Double {
        let odds = exp2(total)
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }

    /// The contribution of `field`, if the model compares it.
    public func contribution(of field: PersonField) -> Contribution? {
        contributions.first { $0.field == field }
    }

    /// A plain-text waterfall: prior, one line per field, total and decision.
    public var description: String {
        var lines = ["model \(modelVersion): prior \(Self.signed(prior))"]
        for item in contributions {
            if let level = item.level {
                lines.append("  \(item.field.rawValue): \(level) — \(item.description) \(Self.signed(item.weight))")
            } else {
                lines.append("  \(item.field.rawValue): missing on one side +0.00")
            }
        }
        lines.append("total \(Self.signed(total)) → \(decision.rawValue)")
        return lines.joined(separator: "\n")
    }

    private static func signed(_ value: Double) -> String {
        let scaled = Int((abs(value) * 100).rounded())
        let fraction = scaled % 100
        return "\(value < 0 ? "−" : "+")\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
