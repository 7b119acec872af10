/// Which input lines of a batch are done: the union of the line ranges of every saved chunk, kept merged.
///
/// It stays small whatever the input size: one range for the finished prefix plus one per chunk that finished
/// ahead of a slower one (bounded by the runner's concurrency), so checking 700,000 lines costs a binary search each.
///
/// ```swift
/// let done = try await store.completedLines(batchID: id)
/// for record in csv where !done.contains(record.line) { … }
/// ```
public struct BatchCoverage: Sendable, Hashable {
    /// Disjoint, non-adjacent line ranges in ascending order.
    public let ranges: [ClosedRange<Int64>]

    /// Wraps ranges already merged (disjoint, non-adjacent, ascending), as the store returns them.
    public init(ranges: [ClosedRange<Int64>]) {
        self.ranges = ranges
    }

    /// The last line of the first range when it starts at `firstLine`: every line from `firstLine` through it is
    /// done. `firstLine - 1` when nothing from `firstLine` on is done.
    public func contiguousThrough(from firstLine: Int64 = 1) -> Int64 {
        guard let first = ranges.first, first.lowerBound <= firstLine else { return firstLine - 1 }
        return first.upperBound
    }

    /// Whether `line` lies in a saved chunk.
    public func contains(_ line: Int64) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if line < range.lowerBound {
                high = middle - 1
            } else if line > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// How many lines the ranges cover.
    public var lineCount: Int64 {
        ranges.reduce(0) { $0 + ($1.upperBound - $1.lowerBound + 1) }
    }
}
