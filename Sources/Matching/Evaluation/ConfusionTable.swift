/// Decisions counted against ground truth: for true matches and true non-matches, how many landed in
/// MATCH, REVIEW and MISMATCH — the table `qorgan eval` prints.
///
/// ```swift
/// var table = ConfusionTable()
/// table.record(score.decision, truth: .match)
/// table.rate(of: .match, among: .nonMatch)   // auto-accepted fraud share
/// ```
public struct ConfusionTable: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the pair really is.
    public enum Truth: String, Sendable, Hashable, Codable, CaseIterable {
        /// Both records describe the same person (a genuine declaration).
        case match
        /// Different people, or a defective/fraudulent declaration.
        case nonMatch
    }

    private var counts: [Truth: [MatchDecision: Int]] = [:]

    /// An empty table.
    public init() {}

    /// Counts one decision.
    public mutating func record(_ decision: MatchDecision, truth: Truth) {
        counts[truth, default: [:]][decision, default: 0] += 1
    }

    /// Adds another table's counts (e.g. from parallel workers).
    public mutating func merge(_ other: ConfusionTable) {
        for truth in Truth.allCases {
            for decision in MatchDecision.allCases {
                let count = other.count(truth: truth, decision: decision)
                if count > 0 { counts[truth, default: [:]][decision, default: 0] += count }
            }
        }
    }

    /// Pairs with `truth` that got `decision`.
    public func count(truth: Truth, decision: MatchDecision) -> Int {
        counts[truth]?[decision] ?? 0
    }

    /// Pairs with `truth`.
    public func total(truth: Truth) -> Int {
        counts[truth]?.values.reduce(0, +) ?? 0
    }

    /// All pairs counted.
    public var total: Int { Truth.allCases.reduce(0) { $0 + total(truth: $1) } }

    /// Share (0…1) of the pairs with `truth` that got `decision`; 0 when there are none.
    public func rate(of decision: MatchDecision, among truth: Truth) -> Double {
        let all = total(truth: truth)
        return all == 0 ? 0 : Double(count(truth: truth, decision: decision)) / Double(all)
    }

    /// Share of all pairs sent to REVIEW.
    public var reviewRate: Double {
        total == 0 ? 0 : Double(Truth.allCases.reduce(0) { $0 + count(truth: $1, decision: .review) }) / Double(total)
    }

    /// Of the pairs auto-matched, the share that are true matches (1 when none were auto-matched).
    public var precision: Double {
        let matched = count(truth: .match, decision: .match) + count(truth: .nonMatch, decision: .match)
        return matched == 0 ? 1 : Double(count(truth: .match, decision: .match)) / Double(matched)
    }

    /// Of the true matches, the share auto-matched.
    public var recall: Double { rate(of: .match, among: .match) }

    /// Counts as `{truth: {decision: n}}` with raw values as keys, every cell present.
    public var dictionary: [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        for truth in Truth.allCases {
            var row: [String: Int] = [:]
            for decision in MatchDecision.allCases { row[decision.rawValue] = count(truth: truth, decision: decision) }
            result[truth.rawValue] = row
        }
        return result
    }

    /// A plain-text table with counts and row percentages.
    public var description: String {
        var lines = ["truth       MATCH            REVIEW           MISMATCH         total"]
        for truth in Truth.allCases {
            var line = truth.rawValue.padding(12)
            for decision in MatchDecision.allCases {
                let count = count(truth: truth, decision: decision)
                let percent = Int((rate(of: decision, among: truth) * 10_000).rounded())
                line += "\(count) (\(percent / 100).\(percent % 100 < 10 ? "0" : "")\(percent % 100) %)".padding(17)
            }
            line += "\(total(truth: truth))"
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: [String: Int]].self)
        for (truthName, row) in raw {
            guard let truth = Truth(rawValue: truthName) else { continue }
            for (decisionName, count) in row {
                guard let decision = MatchDecision(rawValue: decisionName), count > 0 else { continue }
                counts[truth, default: [:]][decision] = count
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dictionary)
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
