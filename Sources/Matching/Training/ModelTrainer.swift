import Foundation

/// Estimates a model's m, u and λ by expectation–maximisation on **unlabelled** record pairs (Fellegi–Sunter
/// with conditional independence of fields, as in Splink).
///
/// E-step: for every distinct comparison vector, the probability that the pair is a match given the current
/// parameters (missing fields skipped). M-step: m of each level = expected share of matches showing it among
/// matches with the field present; u likewise for non-matches; λ = expected share of matches. Probabilities
/// are floored at `probabilityFloor` and renormalised so no level's weight becomes infinite. Levels, rules,
/// thresholds and descriptions are kept from the initial model; labels are never an input — check the trained
/// model against ground truth separately (`ConfusionTable`).
public enum ModelTrainer {
    /// The smallest m or u a level keeps (a level never seen would otherwise weigh ±∞). Value: 1e-6.
    public static let probabilityFloor = 1e-6

    /// Trains on record pairs: compares each pair under `initial`, then runs EM on the comparison vectors.
    ///
    /// - Parameters:
    ///   - pairs: unlabelled pairs, e.g. declarations against the registry records their IINs point to.
    ///   - initial: the starting model; its level structure is kept and its m/u/λ are the starting point
    ///     (they decide which EM class is "match", so start with m above u on agreeing levels).
    ///   - maxIterations: iteration cap (default 100).
    ///   - tolerance: stop when no parameter moves by more than this (default 1e-6).
    /// - Returns: the trained model (version `<initial>+em`) and a report.
    /// - Throws: `MatchingError.noTrainingPairs` for an empty input; `invalidModel` if `initial` is invalid.
    public static func train(
        pairs: [RecordPair], initial: MatchModel, maxIterations: Int = 100, tolerance: Double = 1e-6
    ) throws(MatchingError) -> (model: MatchModel, report: TrainingReport) {
        let vectors = pairs.map { initial.comparisonVector(PreparedPerson($0.left), PreparedPerson($0.right)) }
        return try train(vectors: vectors, initial: initial, maxIterations: maxIterations, tolerance: tolerance)
    }

    /// Trains on comparison vectors already computed with `initial` (see `MatchModel.comparisonVector`).
    ///
    /// - Throws: `MatchingError.noTrainingPairs` for an empty input; `invalidModel` if `initial` is invalid or a
    ///   vector does not fit its comparisons.
    public static func train(
        vectors: [ComparisonVector], initial: MatchModel, maxIterations: Int = 100, tolerance: Double = 1e-6
    ) throws(MatchingError) -> (model: MatchModel, report: TrainingReport) {
        guard !vectors.isEmpty else { throw .noTrainingPairs }
        try initial.validate()
        let comparisons = initial.comparisons
        var patterns: [ComparisonVector: Int] = [:]
        for vector in vectors {
            guard vector.count == comparisons.count else { throw .invalidModel("a comparison vector has \(vector.count) fields, the model \(comparisons.count)") }
            for index in 0..<vector.count {
                if let level = vector[index], !comparisons[index].levels.indices.contains(level) {
                    throw .invalidModel("level \(level) out of range for \(comparisons[index].field.rawValue)")
                }
            }
            patterns[vector, default: 0] += 1
        }
        let distinct = Array(patterns)
        var m = comparisons.map { $0.levels.map(\.m) }
        var u = comparisons.map { $0.levels.map(\.u) }
        var lambda = initial.lambda
        var logLikelihoods: [Double] = []
        var iterations = 0
        var change = Double.infinity
        while iterations < maxIterations && change > tolerance {
            iterations += 1
            var mSums = m.map { [Double](repeating: 0, count: $0.count) }
            var uSums = u.map { [Double](repeating: 0, count: $0.count) }
            var matchMass = 0.0
            var logLikelihood = 0.0
            let logLambda = log(lambda)
            let logOneMinusLambda = log(1 - lambda)
            for (vector, count) in distinct {
                var logMatch = logLambda
                var logNonMatch = logOneMinusLambda
                for index in 0..<vector.count {
                    guard let level = vector[index] else { continue }
                    logMatch += log(m[index][level])
                    logNonMatch += log(u[index][level])
                }
                let high = max(logMatch, logNonMatch)
                let logTotal = high + log(exp(logMatch - high) + exp(logNonMatch - high))
                let posterior = exp(logMatch - logTotal)
                let weight = Double(count)
                logLikelihood += weight * logTotal
                matchMass += weight * posterior
                for index in 0..<vector.count {
                    guard let level = vector[index] else { continue }
                    mSums[index][level] += weight * posterior
                    uSums[index][level] += weight * (1 - posterior)
                }
            }
            logLikelihoods.append(logLikelihood)
            change = 0
            for index in comparisons.indices {
                let newM = normalised(mSums[index], fallback: m[index])
                let newU = normalised(uSums[index], fallback: u[index])
                for level in newM.indices {
                    change = max(change, abs(newM[level] - m[index][level]), abs(newU[level] - u[index][level]))
                }
                m[index] = newM
                u[index] = newU
            }
            let newLambda = min(max(matchMass / Double(vectors.count), probabilityFloor), 1 - probabilityFloor)
            change = max(change, abs(newLambda - lambda))
            lambda = newLambda
        }
        var model = initial
        model.lambda = lambda
        model.version = initial.version + "+em"
        model.description = "EM-trained on \(vectors.count) unlabelled pairs from \(initial.version) (\(iterations) iterations)."
        for index in model.comparisons.indices {
            for level in model.comparisons[index].levels.indices {
                model.comparisons[index].levels[level].m = m[index][level]
                model.comparisons[index].levels[level].u = u[index][level]
            }
        }
        let report = TrainingReport(
            pairs: vectors.count, distinctPatterns: distinct.count, iterations: iterations, converged: change <= tolerance,
            lastChange: change, logLikelihoods: logLikelihoods, initialLambda: initial.lambda, lambda: lambda
        )
        return (model, report)
    }

    /// Counts → probabilities with the floor applied; the previous values when nothing was observed.
    private static func normalised(_ sums: [Double], fallback: [Double]) -> [Double] {
        let total = sums.reduce(0, +)
        guard total > 0 else { return fallback }
        let floored = sums.map { max($0 / total, probabilityFloor) }
        let flooredTotal = floored.reduce(0, +)
        return floored.map { $0 / flooredTotal }
    }
}
