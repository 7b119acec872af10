extension MatchModel {
    /// Scores two records: the prior, each comparison's level and weight, the total and the decision.
    ///
    /// ```swift
    /// let score = MatchModel.default.score(
    ///     PersonFields(surname: "Нұрланова", firstName: "Әлия", birthDate: CalendarDate(year: 2015, month: 4, day: 3)),
    ///     PersonFields(surname: "Nurlanova", firstName: "Aliya", birthDate: CalendarDate(year: 2015, month: 4, day: 3)))
    /// score.decision   // .match
    /// print(score)     // the waterfall
    /// ```
    public func score(_ a: PersonFields, _ b: PersonFields) -> MatchScore {
        score(PreparedPerson(a), PreparedPerson(b))
    }

    /// Scores two prepared records (prepare a registry record once when comparing it many times).
    public func score(_ a: PreparedPerson, _ b: PreparedPerson) -> MatchScore {
        score(comparisonVector(a, b))
    }

    /// The level each comparison reaches for two records (`nil` when either side lacks the field).
    public func comparisonVector(_ a: PreparedPerson, _ b: PreparedPerson) -> ComparisonVector {
        var levels = [Int?]()
        levels.reserveCapacity(comparisons.count)
        for comparison in comparisons {
            guard a.has(comparison.field), b.has(comparison.field) else {
                levels.append(nil)
                continue
            }
            let index = comparison.levels.firstIndex { $0.rule.holds(for: comparison.field, a, b) }
            levels.append(index ?? comparison.levels.count - 1)
        }
        return ComparisonVector(levels: levels)
    }

    /// Scores a comparison vector computed with this model.
    public func score(_ vector: ComparisonVector) -> MatchScore {
        let prior = priorWeight
        var total = prior
        var contributions = [MatchScore.Contribution]()
        contributions.reserveCapacity(comparisons.count)
        for (index, comparison) in comparisons.enumerated() {
            if index < vector.count, let levelIndex = vector[index], comparison.levels.indices.contains(levelIndex) {
                let level = comparison.levels[levelIndex]
                let weight = level.weight
                total += weight
                contributions.append(.init(field: comparison.field, level: level.name, description: level.description, weight: weight, m: level.m, u: level.u))
            } else {
                contributions.append(.init(field: comparison.field, level: nil, description: "missing on one side", weight: 0, m: nil, u: nil))
            }
        }
        return MatchScore(modelVersion: version, prior: prior, contributions: contributions, total: total, decision: decision(for: total))
    }

    /// The decision a total weight gets under this model's thresholds.
    public func decision(for total: Double) -> MatchDecision {
        if total >= thresholds.match { return .match }
        if total >= thresholds.review { return .review }
        return .mismatch
    }
}
