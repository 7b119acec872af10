/// Reads a results file back into ``CleansingResultRow``s, in constant memory (re-reading a finished job's output,
/// tests, tools). Accepts either separator, with or without BOM.
public final class CleansingResultReader {
    private let reader: CSVRecordReader

    /// Opens a results file and checks its header.
    ///
    /// - Throws: ``CleansingError/Code/invalidOutputHeader`` when the header is not ``CleansingOutputColumn``'s,
    ///   ``CleansingError/Code/io`` when the file cannot be read.
    public convenience init(path: String) throws(CleansingError) {
        try self.init(reader: CSVRecordReader(path: path, configuration: Self.readerConfiguration))
    }

    /// Reads results already in memory.
    public convenience init(bytes: [UInt8]) throws(CleansingError) {
        try self.init(reader: CSVRecordReader(bytes: bytes, configuration: Self.readerConfiguration))
    }

    private init(reader: CSVRecordReader) throws(CleansingError) {
        guard reader.header == CleansingOutputColumn.headerNames else {
            throw CleansingError(.invalidOutputHeader, "the header is not the results file's (\(CleansingOutputColumn.allCases.count) columns from line, status)")
        }
        self.reader = reader
    }

    private static let readerConfiguration = CSVReaderConfiguration(encoding: .utf8, maximumRecordBytes: 1 << 20, toleratesTrailingEmptyFields: false)

    /// The next row, `nil` at the end.
    ///
    /// - Throws: ``CleansingError/Code/invalidResultRow`` for a row that does not parse (with its line).
    public func next() throws(CleansingError) -> CleansingResultRow? {
        switch try reader.next() {
        case nil:
            return nil
        case .unreadable(let row):
            throw CleansingError(.invalidResultRow, "line \(row.line): \(row.error.reason.code)")
        case .record(let record):
            do {
                return try CleansingResultRow(csvFields: record.fields)
            } catch {
                throw CleansingError(.invalidResultRow, "line \(record.line): \(error.message)")
            }
        }
    }
}
