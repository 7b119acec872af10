/// What an EM run did: how long, whether it converged, and how the fit improved.
public struct TrainingReport: Sendable, Hashable, Codable {
    /// Record pairs trained on.
    public let pairs: Int
    /// Distinct comparison vectors among them (EM works on these, weighted by count).
    public let distinctPatterns: Int
    /// EM iterations run.
    public let iterations: Int
    /// Whether the largest parameter change fell below the tolerance before `maxIterations`.
    public let converged: Bool
    /// Largest absolute change of any m, u or λ in the last iteration.
    public let lastChange: Double
    /// Log-likelihood of the data after each iteration (non-decreasing, up to rounding).
    public let logLikelihoods: [Double]
    /// λ before and after training.
    public let initialLambda: Double
    /// λ after training.
    public let lambda: Double
}
