public import Foundation

/// One input row's result in a batch: its input line number, its status in clear (for counts) and the output row
/// as an opaque payload the store encrypts at rest.
public struct BatchRowResult: Sendable, Hashable {
    /// The input line number the row starts on (1-based; unique within a batch).
    public var line: Int64
    /// The row's outcome code (`VALID`, `CORRECTABLE`, `UNREADABLE` …); no personal data.
    public var status: String
    /// The output row (e.g. its CSV or JSON form); encrypted at rest, returned decrypted.
    public var payload: Data

    /// Creates a row result.
    public init(line: Int64, status: String, payload: Data) {
        self.line = line
        self.status = status
        self.payload = payload
    }
}
