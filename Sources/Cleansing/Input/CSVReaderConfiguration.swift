/// How ``CSVRecordReader`` reads a file. Every field documents its default; `.default` is what `qorgan cleanse` uses.
public struct CSVReaderConfiguration: Sendable, Hashable {
    /// The input's encoding; `nil` detects it from the first ``encodingDetectionBytes`` (a UTF-8 BOM means UTF-8;
    /// valid UTF-8 means UTF-8; anything else Windows-1251). Default `nil`.
    public var encoding: CSVTextEncoding?
    /// The field separator; `nil` detects it from the header line (``CSVSeparator/detect(headerLine:)``). Default `nil`.
    public var separator: CSVSeparator?
    /// Bytes read from the file at a time. Default 65,536.
    public var chunkSize: Int
    /// The longest record (bytes, all its physical lines) read as one; longer ones become unreadable rows
    /// (a quote left open is retried as an ordinary line). Bounds memory. Default 65,536.
    public var maximumRecordBytes: Int
    /// How many bytes at most are inspected to detect the encoding. Default 1,048,576.
    public var encodingDetectionBytes: Int
    /// How many bytes of an unreadable row's raw text are kept. Default 4,096.
    public var rawTextLimit: Int
    /// Whether records whose fields are all blank (e.g. `;;;;` lines Excel leaves behind) are skipped. They are
    /// counted in ``CSVReaderStatistics/blankRecords``, never silently lost. Default `true`.
    public var skipsBlankRecords: Bool
    /// Whether extra trailing fields that are empty (`a;b;c;` under a three-column header) are tolerated and
    /// dropped instead of making the row unreadable. Default `true`.
    public var toleratesTrailingEmptyFields: Bool

    /// Creates a configuration; every argument defaults to the documented default.
    public init(
        encoding: CSVTextEncoding? = nil, separator: CSVSeparator? = nil, chunkSize: Int = 65_536, maximumRecordBytes: Int = 65_536,
        encodingDetectionBytes: Int = 1_048_576, rawTextLimit: Int = 4_096, skipsBlankRecords: Bool = true,
        toleratesTrailingEmptyFields: Bool = true
    ) {
        self.encoding = encoding
        self.separator = separator
        self.chunkSize = max(16, chunkSize)
        self.maximumRecordBytes = max(16, maximumRecordBytes)
        self.encodingDetectionBytes = max(16, encodingDetectionBytes)
        self.rawTextLimit = max(0, rawTextLimit)
        self.skipsBlankRecords = skipsBlankRecords
        self.toleratesTrailingEmptyFields = toleratesTrailingEmptyFields
    }

    /// Detect encoding and separator, 64 KiB chunks and records, skip blank records.
    public static let `default` = CSVReaderConfiguration()
}
