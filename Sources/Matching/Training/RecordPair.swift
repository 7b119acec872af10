/// Two records to compare, with no label: training never sees whether they truly match.
public struct RecordPair: Sendable, Hashable {
    /// One side (e.g. the declaration).
    public var left: PersonFields
    /// The other side (e.g. the registry record).
    public var right: PersonFields

    /// Creates a pair.
    public init(left: PersonFields, right: PersonFields) {
        self.left = left
        self.right = right
    }
}
