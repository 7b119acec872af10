/// Turns result rows into the results file's bytes: the BOM and header, then one RFC 4180 record per row.
///
/// Pure and cheap; ``CleansingResultWriter`` uses it for files, the service for streamed downloads.
public struct CleansingResultEncoder: Sendable, Hashable {
    /// The format written.
    public let configuration: CleansingOutputConfiguration

    /// Creates an encoder.
    public init(configuration: CleansingOutputConfiguration = .default) {
        self.configuration = configuration
    }

    /// The BOM (when configured) and the header line.
    public func preamble() -> [UInt8] {
        var bytes: [UInt8] = configuration.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        CSVFieldWriter.appendRecord(
            CleansingOutputColumn.headerNames, separator: configuration.separator.byte, lineEnding: configuration.lineEnding.bytes, to: &bytes)
        return bytes
    }

    /// Appends one row's record, line ending included.
    public func append(_ row: CleansingResultRow, to bytes: inout [UInt8]) {
        CSVFieldWriter.appendRecord(row.csvFields, separator: configuration.separator.byte, lineEnding: configuration.lineEnding.bytes, to: &bytes)
    }

    /// One row's record, line ending included.
    public func encode(_ row: CleansingResultRow) -> [UInt8] {
        var bytes: [UInt8] = []
        append(row, to: &bytes)
        return bytes
    }
}
