import Foundation

/// A Fellegi–Sunter record-linkage model: the prior match probability λ, the field comparisons with their
/// levels' m/u probabilities, and the two decision thresholds — all data, stored as a versioned JSON file.
///
/// Score = `log2(λ / (1 − λ))` + Σ over fields present on both sides of `log2(m / u)` of the level that
/// applies; missing fields add 0. Scores at or above `thresholds.match` are MATCH, at or above
/// `thresholds.review` REVIEW, else MISMATCH. Parameters come from `ModelTrainer` (EM on unlabelled pairs) or
/// from the hand-set `MatchModel.default`.
public struct MatchModel: Sendable, Hashable, Codable {
    /// The newest file format this build reads and writes.
    public static let currentFormat = 1

    /// File format number (structure of the JSON), `currentFormat` when written by this build.
    public var format: Int
    /// The model's own version, e.g. "qorgan-default-1" or "qorgan-default-1+em"; quoted in every score.
    public var version: String
    /// What the model is for and where its parameters come from.
    public var description: String
    /// Prior probability that a compared pair is a match, in (0, 1).
    public var lambda: Double
    /// Field comparisons, in explanation order.
    public var comparisons: [FieldComparison]
    /// Decision thresholds on the total weight.
    public var thresholds: MatchThresholds

    /// Creates a model (call `validate()` before use when parameters come from outside).
    public init(
        format: Int = MatchModel.currentFormat, version: String, description: String, lambda: Double, comparisons: [FieldComparison],
        thresholds: MatchThresholds
    ) {
        self.format = format
        self.version = version
        self.description = description
        self.lambda = lambda
        self.comparisons = comparisons
        self.thresholds = thresholds
    }

    /// The prior as a weight, `log2(λ / (1 − λ))`.
    public var priorWeight: Double { log2(lambda / (1 - lambda)) }

    /// Checks the invariants: λ in (0, 1); each comparison has levels, ends with `else`, has m and u in (0, 1]
    /// summing to 1 (± 0.001); rules carry the thresholds they need; `review` ≤ `match`.
    ///
    /// - Throws: `MatchingError` with reason `invalidModel` or `unsupportedFormat`.
    public func validate() throws(MatchingError) {
        guard format <= Self.currentFormat else { throw .unsupportedFormat(format) }
        guard lambda > 0 && lambda < 1 else { throw .invalidModel("lambda \(lambda) outside (0, 1)") }
        guard thresholds.review <= thresholds.match else { throw .invalidModel("review threshold above match threshold") }
        var seen = Set<PersonField>()
        for comparison in comparisons {
            let field = comparison.field.rawValue
            guard seen.insert(comparison.field).inserted else { throw .invalidModel("\(field) compared twice") }
            guard let last = comparison.levels.last, last.rule.kind == .else else {
                throw .invalidModel("\(field): the last level must be `else`")
            }
            for level in comparison.levels {
                guard level.m > 0, level.m <= 1, level.u > 0, level.u <= 1 else {
                    throw .invalidModel("\(field)/\(level.name): m and u must lie in (0, 1]")
                }
                if level.rule.kind == .jaroWinkler || level.rule.kind == .damerauLevenshtein, level.rule.threshold == nil {
                    throw .invalidModel("\(field)/\(level.name): \(level.rule.kind.rawValue) needs a threshold")
                }
            }
            let mSum = comparison.levels.reduce(0) { $0 + $1.m }
            let uSum = comparison.levels.reduce(0) { $0 + $1.u }
            guard abs(mSum - 1) <= 0.001, abs(uSum - 1) <= 0.001 else {
                throw .invalidModel("\(field): m sums to \(mSum), u to \(uSum); both must be 1")
            }
        }
    }
}
