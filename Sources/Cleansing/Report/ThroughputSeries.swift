/// Rows done per time interval over a run, in constant memory: when the series would exceed its bucket limit,
/// neighbouring buckets are merged and the interval doubles.
public struct ThroughputSeries: Sendable, Hashable, Codable {
    /// Bucket sizing. Every field documents its default.
    public struct Configuration: Sendable, Hashable {
        /// The first interval. Default 1 second.
        public var initialInterval: Duration
        /// The most buckets kept (even, ≥ 2). Default 120.
        public var maximumBuckets: Int

        /// Creates a configuration; every argument defaults to the documented default.
        public init(initialInterval: Duration = .seconds(1), maximumBuckets: Int = 120) {
            self.initialInterval = initialInterval
            self.maximumBuckets = max(2, maximumBuckets + maximumBuckets % 2)
        }

        /// 1-second buckets, at most 120.
        public static let `default` = Configuration()
    }

    /// The length of each bucket, in seconds.
    public private(set) var intervalSeconds: Double
    /// Rows done in each interval since the start, in order.
    public private(set) var buckets: [Int]
    /// The most buckets kept.
    public let maximumBuckets: Int

    /// An empty series.
    public init(configuration: Configuration = .default) {
        let components = configuration.initialInterval.components
        intervalSeconds = max(0.001, Double(components.seconds) + Double(components.attoseconds) / 1e18)
        maximumBuckets = configuration.maximumBuckets
        buckets = []
    }

    /// A series with given buckets (tests, decoding stored summaries).
    public init(intervalSeconds: Double, buckets: [Int], maximumBuckets: Int = 120) {
        self.intervalSeconds = intervalSeconds
        self.buckets = buckets
        self.maximumBuckets = max(2, maximumBuckets + maximumBuckets % 2)
    }

    /// Adds `rows` done at `elapsed` since the start.
    public mutating func record(rows: Int, at elapsed: Duration) {
        let index = bucketIndex(elapsed)
        buckets[index] += rows
    }

    /// Makes the series reach `elapsed` (trailing empty intervals count as zero rows).
    public mutating func extend(to elapsed: Duration) {
        _ = bucketIndex(elapsed)
    }

    /// Total rows recorded.
    public var totalRows: Int { buckets.reduce(0, +) }

    /// The highest rate of one interval, rows per second.
    public var peakRowsPerSecond: Double { Double(buckets.max() ?? 0) / intervalSeconds }

    private mutating func bucketIndex(_ elapsed: Duration) -> Int {
        let components = elapsed.components
        let seconds = max(0, Double(components.seconds) + Double(components.attoseconds) / 1e18)
        var index = Int(seconds / intervalSeconds)
        while index >= maximumBuckets {
            var merged: [Int] = []
            merged.reserveCapacity(maximumBuckets)
            var position = 0
            while position < buckets.count {
                merged.append(buckets[position] + (position + 1 < buckets.count ? buckets[position + 1] : 0))
                position += 2
            }
            buckets = merged
            intervalSeconds *= 2
            index = Int(seconds / intervalSeconds)
        }
        if buckets.count <= index { buckets.append(contentsOf: repeatElement(0, count: index + 1 - buckets.count)) }
        return index
    }
}
