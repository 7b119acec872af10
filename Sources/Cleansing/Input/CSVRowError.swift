/// Why one CSV row could not be read, with the physical line it starts on.
///
/// A row-level error never stops the stream: the row is yielded as an ``UnreadableRow`` and ends up in the
/// output with status `UNREADABLE`. The message names counts and positions, never field content.
public struct CSVRowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of unreadable rows.
    public enum Reason: Sendable, Hashable {
        /// The row has `found` fields where the header has `expected`.
        case fieldCount(expected: Int, found: Int)
        /// A quoted field is still open at the end of the file (or after ``CSVReaderConfiguration/maximumRecordBytes``);
        /// only the row's first physical line is taken as unreadable and reading resumes on the next line.
        case unterminatedQuote
        /// A closing quote is followed by something other than a separator or the end of the line.
        case misplacedQuote(field: Int)
        /// Bytes that are not valid in the file's encoding, in the given 1-based field.
        case undecodableBytes(field: Int)
        /// The row is longer than ``CSVReaderConfiguration/maximumRecordBytes``.
        case recordTooLong(limit: Int)

        /// A stable code: `FIELD_COUNT`, `UNTERMINATED_QUOTE`, `MISPLACED_QUOTE`, `UNDECODABLE_BYTES`, `RECORD_TOO_LONG`.
        public var code: String {
            switch self {
            case .fieldCount: "FIELD_COUNT"
            case .unterminatedQuote: "UNTERMINATED_QUOTE"
            case .misplacedQuote: "MISPLACED_QUOTE"
            case .undecodableBytes: "UNDECODABLE_BYTES"
            case .recordTooLong: "RECORD_TOO_LONG"
            }
        }

        /// An English explanation without field content.
        public var message: String {
            switch self {
            case .fieldCount(let expected, let found): "expected \(expected) fields, found \(found)"
            case .unterminatedQuote: "a quoted field is never closed"
            case .misplacedQuote(let field): "field \(field): text after a closing quote"
            case .undecodableBytes(let field): "field \(field): bytes not valid in the file's encoding"
            case .recordTooLong(let limit): "row longer than \(limit) bytes"
            }
        }

        /// The same in Russian, for operators.
        public var messageRu: String {
            switch self {
            case .fieldCount(let expected, let found): "ожидалось полей: \(expected), найдено: \(found)"
            case .unterminatedQuote: "кавычка открыта и не закрыта"
            case .misplacedQuote(let field): "поле \(field): текст после закрывающей кавычки"
            case .undecodableBytes(let field): "поле \(field): байты не в кодировке файла"
            case .recordTooLong(let limit): "строка длиннее \(limit) байт"
            }
        }
    }

    /// The 1-based physical line the row starts on.
    public let line: Int
    /// What is wrong with it.
    public let reason: Reason

    /// Creates a row error.
    public init(line: Int, reason: Reason) {
        self.line = line
        self.reason = reason
    }

    /// `line 7: FIELD_COUNT (expected 9 fields, found 8)`.
    public var description: String { "line \(line): \(reason.code) (\(reason.message))" }
}
