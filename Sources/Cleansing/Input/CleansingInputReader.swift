/// The cleansing job's input: a ``CSVRecordReader`` plus the ``CleansingHeaderMapping`` of its header, yielding
/// ``CleansingInputItem``s (mapped rows and unreadable rows) in file order, in constant memory.
///
/// ```swift
/// let input = try CleansingInputReader(path: "parents.csv", overrides: ColumnMappingOverrides(parsing: columns))
/// while let item = try input.next() { … }
/// ```
///
/// Not thread-safe: one reader per task.
public final class CleansingInputReader {
    /// The underlying reader (encoding, separator, header, statistics).
    public let reader: CSVRecordReader
    /// Which column holds which field.
    public let mapping: CleansingHeaderMapping

    /// Opens a file, detects its format and maps its header.
    ///
    /// - Throws: ``CleansingError`` when the file cannot be read, has no header, or lacks an IIN column.
    public convenience init(
        path: String, configuration: CSVReaderConfiguration = .default, overrides: ColumnMappingOverrides = ColumnMappingOverrides()
    ) throws(CleansingError) {
        try self.init(reader: CSVRecordReader(path: path, configuration: configuration), overrides: overrides)
    }

    /// The same over bytes in memory.
    public convenience init(
        bytes: [UInt8], configuration: CSVReaderConfiguration = .default, overrides: ColumnMappingOverrides = ColumnMappingOverrides()
    ) throws(CleansingError) {
        try self.init(reader: CSVRecordReader(bytes: bytes, configuration: configuration), overrides: overrides)
    }

    /// Maps the header of an open reader.
    public init(reader: CSVRecordReader, overrides: ColumnMappingOverrides = ColumnMappingOverrides()) throws(CleansingError) {
        self.reader = reader
        mapping = try CleansingHeaderMapping(header: reader.header, overrides: overrides)
    }

    /// The next data row, `nil` at the end.
    ///
    /// - Throws: ``CleansingError/Code/io`` only.
    public func next() throws(CleansingError) -> CleansingInputItem? {
        switch try reader.next() {
        case .record(let record): .row(mapping.row(from: record))
        case .unreadable(let row): .unreadable(row)
        case nil: nil
        }
    }
}
