/// One well-formed data record of a CSV file: its fields, decoded, and the physical line it starts on.
///
/// Fields are personal data; `description` prints only the line and the field count.
public struct CSVRecord: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based physical line the record starts on (the header is line 1 when the file starts with it).
    public let line: Int
    /// The fields, decoded, unquoted, otherwise untouched (no trimming).
    public let fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// `CSVRecord(line 7, 12 fields)`.
    public var description: String { "CSVRecord(line \(line), \(fields.count) fields)" }
}

/// What a ``CSVRecordReader`` yields for each data row: a record, or a row it could not read.
public enum CSVReadItem: Sendable, Hashable {
    /// A well-formed record with the header's number of fields.
    case record(CSVRecord)
    /// A row kept with its raw text and the reason it could not be read.
    case unreadable(UnreadableRow)

    /// The physical line the row starts on.
    public var line: Int {
        switch self {
        case .record(let record): record.line
        case .unreadable(let row): row.line
        }
    }
}
