/// A row the reader could not turn into a record, kept with its raw text so that nothing is dropped.
///
/// The raw text is personal data: `description` prints only the line and the reason.
public struct UnreadableRow: Sendable, Hashable, CustomStringConvertible {
    /// Why and where.
    public let error: CSVRowError
    /// The row's bytes as text (undecodable bytes as U+FFFD), without its line ending, cut at
    /// ``CSVReaderConfiguration/rawTextLimit`` bytes.
    public let rawText: String

    /// Creates an unreadable row.
    public init(error: CSVRowError, rawText: String) {
        self.error = error
        self.rawText = rawText
    }

    /// The 1-based physical line the row starts on.
    public var line: Int { error.line }

    /// `UnreadableRow(line 7: FIELD_COUNT …)` without the raw text.
    public var description: String { "UnreadableRow(\(error))" }
}
