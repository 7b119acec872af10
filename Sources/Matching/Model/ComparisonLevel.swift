import Foundation

/// One level of a field comparison (Splink style): a rule, the probability of seeing it among true
/// matches (`m`) and among non-matches (`u`), and a plain-words description.
///
/// Its weight is `log2(m / u)`: positive when the level is evidence for a match.
public struct ComparisonLevel: Sendable, Hashable, Codable {
    /// Short label, e.g. "exact", "transliteration".
    public var name: String
    /// What the level means, in plain words, for explanations.
    public var description: String
    /// The test.
    public var rule: LevelRule
    /// P(level | match), in (0, 1].
    public var m: Double
    /// P(level | non-match), in (0, 1].
    public var u: Double

    /// Creates a level.
    public init(name: String, description: String, rule: LevelRule, m: Double, u: Double) {
        self.name = name
        self.description = description
        self.rule = rule
        self.m = m
        self.u = u
    }

    /// The match weight, `log2(m / u)` (bits of evidence).
    public var weight: Double { log2(m / u) }
}
