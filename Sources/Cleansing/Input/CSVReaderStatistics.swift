/// Counters a ``CSVRecordReader`` keeps while it reads: what it yielded, what it skipped, how much it buffered.
public struct CSVReaderStatistics: Sendable, Hashable {
    /// Well-formed data records yielded.
    public var records = 0
    /// Unreadable rows yielded.
    public var unreadableRows = 0
    /// Blank records skipped (empty lines, lines of separators only).
    public var blankRecords = 0
    /// Bytes consumed from the input so far (including the BOM).
    public var bytesRead = 0
    /// Physical lines seen so far.
    public var physicalLines = 0
    /// The most bytes the reader ever held at once (chunk buffer plus the record being assembled): stays below
    /// ``CSVReaderConfiguration/chunkSize`` + 2 × ``CSVReaderConfiguration/maximumRecordBytes`` whatever the input size.
    public var peakBufferedBytes = 0

    /// All zero.
    public init() {}
}
