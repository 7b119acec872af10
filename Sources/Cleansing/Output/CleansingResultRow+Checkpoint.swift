public import Foundation
public import Storage

extension CleansingResultRow {
    /// The row as a checkpoint payload: its results-file line (comma-separated, RFC 4180 quoting, UTF-8, no line
    /// ending). Parses back with ``init(checkpointPayload:)``.
    public var checkpointPayload: Data {
        var bytes: [UInt8] = []
        CSVFieldWriter.appendRecord(csvFields, separator: UInt8(ascii: ","), lineEnding: [], to: &bytes)
        return Data(bytes)
    }

    /// Parses a payload written by ``checkpointPayload``.
    ///
    /// - Throws: ``CleansingError/Code/invalidResultRow``.
    public init(checkpointPayload: Data) throws(CleansingError) {
        guard let fields = CSVFieldWriter.parseRecord([UInt8](checkpointPayload), separator: UInt8(ascii: ",")) else {
            throw CleansingError(.invalidResultRow, "the checkpoint payload is not one CSV record")
        }
        try self.init(csvFields: fields)
    }

    /// The row as the store keeps it: line, status code and the payload.
    public var batchRowResult: BatchRowResult {
        BatchRowResult(line: Int64(line), status: status.rawValue, payload: checkpointPayload)
    }

    /// Parses a stored result.
    ///
    /// - Throws: ``CleansingError/Code/invalidResultRow`` when the payload does not parse or disagrees with the
    ///   stored line or status.
    public init(batchRowResult: BatchRowResult) throws(CleansingError) {
        try self.init(checkpointPayload: batchRowResult.payload)
        guard Int64(line) == batchRowResult.line, status.rawValue == batchRowResult.status else {
            throw CleansingError(.invalidResultRow, "the stored line or status disagrees with the payload")
        }
    }
}
