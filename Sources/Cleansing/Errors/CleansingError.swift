/// Why a cleansing input, mapping or output could not be used at all.
///
/// Row-level problems are *not* errors of this kind: an unreadable row becomes an ``UnreadableRow`` and the
/// stream goes on. A `CleansingError` stops the job (the file cannot be opened, the header has no IIN column,
/// a `--columns` string does not parse, an output row cannot be parsed back). Messages name columns and
/// positions, never a field's content. Compare with the static members (`error.code == .missingRequiredColumn`);
/// ``shortDescription`` is a stable label without payload, fit for metrics.
public struct CleansingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, without detail.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable, Hashable {
            case io
            case emptyInput = "empty_input"
            case unreadableHeader = "unreadable_header"
            case missingRequiredColumn = "missing_required_column"
            case ambiguousColumn = "ambiguous_column"
            case invalidColumnMapping = "invalid_column_mapping"
            case invalidResultRow = "invalid_result_row"
            case invalidOutputHeader = "invalid_output_header"
            case store
            case inputChanged = "input_changed"
            case interrupted
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// Reading or writing a file failed (open, read, seek, write).
        public static let io = Code(.io)
        /// The input holds no header line.
        public static let emptyInput = Code(.emptyInput)
        /// The header line itself cannot be read (a quote left open, text after a closing quote).
        public static let unreadableHeader = Code(.unreadableHeader)
        /// A required column (the IIN) is not in the header and not in the `--columns` mapping.
        public static let missingRequiredColumn = Code(.missingRequiredColumn)
        /// Two header columns claim the same field; a `--columns` mapping resolves it.
        public static let ambiguousColumn = Code(.ambiguousColumn)
        /// A `--columns` mapping string does not parse or names a header that is not there.
        public static let invalidColumnMapping = Code(.invalidColumnMapping)
        /// A stored result row (checkpoint) cannot be parsed back.
        public static let invalidResultRow = Code(.invalidResultRow)
        /// A results file does not start with the expected header.
        public static let invalidOutputHeader = Code(.invalidOutputHeader)
        /// The checkpoint store failed (the job stops; `--resume` continues it once the store is back).
        public static let store = Code(.store)
        /// `--resume` found the interrupted job, but the input file is no longer the one it was reading.
        public static let inputChanged = Code(.inputChanged)
        /// The job was cancelled; what was checkpointed stays, `--resume` continues.
        public static let interrupted = Code(.interrupted)

        /// A stable snake-case label.
        public var description: String { kind.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong, naming columns and positions but never a field's content.
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// A stable label without payload (`missing_required_column`, `io`, …), for metric labels.
    public var shortDescription: String { code.description }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    static func io(_ message: String) -> CleansingError { CleansingError(.io, message) }

    static func store(_ error: any Error) -> CleansingError { CleansingError(.store, "checkpoint store: \(error)") }
}
