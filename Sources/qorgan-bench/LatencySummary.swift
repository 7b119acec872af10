/// Percentiles of a set of request latencies (nearest-rank), in milliseconds.
///
/// Nearest rank: the p-th percentile of n sorted samples is the sample at rank ⌈p/100 · n⌉ (1-based), so every
/// reported value is a latency that was actually observed and p100 is the maximum.
///
/// ```swift
/// let summary = LatencySummary(nanoseconds: [3_000_000, 1_000_000, 2_000_000])
/// summary.p50   // 2.0 (ms)
/// ```
struct LatencySummary: Sendable, Hashable, Codable {
    /// Number of samples.
    let count: Int
    /// Median, ms.
    let p50: Double
    /// 90th percentile, ms.
    let p90: Double
    /// 99th percentile, ms.
    let p99: Double
    /// 99.9th percentile, ms.
    let p999: Double
    /// Largest sample, ms.
    let max: Double
    /// Arithmetic mean, ms.
    let mean: Double

    /// Summarises latencies given in nanoseconds (any order); all zero when there are none.
    init(nanoseconds samples: [UInt64]) {
        let sorted = samples.sorted()
        count = sorted.count
        p50 = Self.percentile(50, ofSorted: sorted)
        p90 = Self.percentile(90, ofSorted: sorted)
        p99 = Self.percentile(99, ofSorted: sorted)
        p999 = Self.percentile(99.9, ofSorted: sorted)
        max = (sorted.last).map { Double($0) / 1e6 } ?? 0
        mean = sorted.isEmpty ? 0 : sorted.reduce(0.0) { $0 + Double($1) } / Double(sorted.count) / 1e6
    }

    /// Percentiles computed elsewhere (wrk's histogram), in milliseconds.
    init(count: Int, p50: Double, p90: Double, p99: Double, p999: Double, max: Double, mean: Double) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.p999 = p999
        self.max = max
        self.mean = mean
    }

    /// The nearest-rank `percentile` (0 < p ≤ 100) of ascending samples in nanoseconds, as milliseconds; 0 when empty.
    static func percentile(_ percentile: Double, ofSorted sorted: [UInt64]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        // The small slack keeps a product like 99.9 × 1000 that lands a hair above an integer on that integer.
        let rank = Int((percentile * Double(sorted.count) / 100 - 1e-9).rounded(.up))
        let index = Swift.min(Swift.max(rank, 1), sorted.count) - 1
        return Double(sorted[index]) / 1e6
    }
}
