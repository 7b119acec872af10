/// A confusion table of cleansing decisions: how many rows whose ground truth called for one decision got each
/// decision — for evaluating the pipeline on a generated population (tests, `qorgan cleanse` evaluations).
///
/// ```swift
/// var accuracy = CleansingAccuracy()
/// accuracy.record(expected: .notFound, actual: row.decision)
/// accuracy.count(expected: .notFound, actual: .valid)   // must be 0
/// print(accuracy)                                        // the table with row percentages
/// ```
public struct CleansingAccuracy: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `counts[expected][actual]`, by decision code; `UNREADABLE` is a possible actual status.
    public private(set) var counts: [String: [String: Int]] = [:]

    /// An empty table.
    public init() {}

    /// Counts one row.
    public mutating func record(expected: CleansingDecision, actual: CleansingRowStatus) {
        counts[expected.rawValue, default: [:]][actual.rawValue, default: 0] += 1
    }

    /// Counts one decided row.
    public mutating func record(expected: CleansingDecision, actual: CleansingDecision) {
        record(expected: expected, actual: .decided(actual))
    }

    /// Rows expected to be `expected` that got `actual`.
    public func count(expected: CleansingDecision, actual: CleansingDecision) -> Int {
        counts[expected.rawValue]?[actual.rawValue] ?? 0
    }

    /// Rows expected to be `expected`.
    public func total(expected: CleansingDecision) -> Int {
        counts[expected.rawValue]?.values.reduce(0, +) ?? 0
    }

    /// All rows.
    public var total: Int { counts.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// The share of rows expected to be `expected` that got one of `actual` (0 when there are none).
    public func rate(of actual: Set<CleansingDecision>, among expected: CleansingDecision) -> Double {
        let all = total(expected: expected)
        guard all > 0 else { return 0 }
        return Double(actual.reduce(0) { $0 + count(expected: expected, actual: $1) }) / Double(all)
    }

    /// Rows whose decision equals the expected one, as a share of all rows.
    public var agreement: Double {
        guard total > 0 else { return 0 }
        return Double(CleansingDecision.allCases.reduce(0) { $0 + count(expected: $1, actual: $1) }) / Double(total)
    }

    /// Adds another table's counts.
    public mutating func merge(_ other: CleansingAccuracy) {
        for (expected, row) in other.counts {
            for (actual, count) in row { counts[expected, default: [:]][actual, default: 0] += count }
        }
    }

    /// A plain-text table: one line per expected decision that occurred, a column per decision, then the total.
    public var description: String {
        let columns = CleansingDecision.allCases.map(\.rawValue) + ["UNREADABLE"]
        let used = columns.filter { column in counts.values.contains { ($0[column] ?? 0) > 0 } }
        func cell(_ text: String, _ width: Int) -> String { text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count) }
        var lines = [cell("expected \\ got", 22) + used.map { cell($0, 22) }.joined() + "total"]
        for expected in CleansingDecision.allCases where total(expected: expected) > 0 {
            let all = total(expected: expected)
            var line = cell(expected.rawValue, 22)
            for column in used {
                let count = counts[expected.rawValue]?[column] ?? 0
                let permille = Int((Double(count) / Double(all) * 1000).rounded())
                line += cell(count == 0 ? "·" : "\(count) (\(permille / 10).\(permille % 10) %)", 22)
            }
            lines.append(line + "\(all)")
        }
        return lines.joined(separator: "\n")
    }
}
