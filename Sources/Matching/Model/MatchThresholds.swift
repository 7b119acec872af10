/// Where decisions fall on the total match weight (prior log2-odds plus every field's weight).
public struct MatchThresholds: Sendable, Hashable, Codable {
    /// Totals at or above this are MATCH. In the default model: 8 bits (posterior odds 256 : 1, ≈ 99.6 %).
    public var match: Double
    /// Totals at or above this (and below `match`) are REVIEW; lower totals are MISMATCH. Default model: 0
    /// bits (even odds).
    public var review: Double

    /// Creates thresholds; `review` must not exceed `match`.
    public init(match: Double, review: Double) {
        self.match = match
        self.review = review
    }
}
