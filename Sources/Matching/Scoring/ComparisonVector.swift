/// The level each comparison of a model reached for one record pair (`nil` = a side was missing): all that
/// scoring and EM training need to know about the pair.
public struct ComparisonVector: Sendable, Hashable {
    /// Level indices per comparison, −1 for missing.
    @usableFromInline var storage: [Int8]

    /// Creates a vector from level indices in the model's comparison order (`nil` = missing).
    public init(levels: [Int?]) {
        self.storage = levels.map { Int8(clamping: $0 ?? -1) }
    }

    /// Number of comparisons.
    public var count: Int { storage.count }

    /// The level index of comparison `index`, or `nil` when a side was missing.
    public subscript(index: Int) -> Int? {
        let value = storage[index]
        return value < 0 ? nil : Int(value)
    }

    /// All level indices.
    public var levels: [Int?] { storage.map { $0 < 0 ? nil : Int($0) } }
}
