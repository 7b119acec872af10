/// Counts the cross-row index keeps for the report and the benchmark, with an estimate of the memory it holds.
public struct CrossRowStatistics: Sendable, Hashable, Codable {
    /// Rows registered.
    public var rows: Int
    /// Entries held (one per registered row).
    public var entries: Int
    /// Groups of rows that duplicate each other (a group has a first row and at least one later row).
    public var duplicateGroups: Int
    /// Rows found to relate to an earlier row (the first row of each group not counted).
    public var duplicateRows: Int
    /// Those rows by kind (`CrossRowFinding.Kind` raw value → count).
    public var duplicateRowsByKind: [String: Int]
    /// Phone numbers behind at least `CrossRowConfiguration.sharedPhoneThreshold` distinct IINs.
    public var sharedPhones: Int
    /// Estimated bytes held by the index: entry storage plus hash-table capacity (keys, values, bitmaps), as allocated.
    public var estimatedBytes: Int

    /// Creates statistics.
    public init(
        rows: Int = 0, entries: Int = 0, duplicateGroups: Int = 0, duplicateRows: Int = 0, duplicateRowsByKind: [String: Int] = [:],
        sharedPhones: Int = 0, estimatedBytes: Int = 0
    ) {
        self.rows = rows
        self.entries = entries
        self.duplicateGroups = duplicateGroups
        self.duplicateRows = duplicateRows
        self.duplicateRowsByKind = duplicateRowsByKind
        self.sharedPhones = sharedPhones
        self.estimatedBytes = estimatedBytes
    }

    /// `estimatedBytes / entries` (0 when empty).
    public var bytesPerEntry: Double { entries == 0 ? 0 : Double(estimatedBytes) / Double(entries) }
}
