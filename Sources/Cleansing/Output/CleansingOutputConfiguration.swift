/// How the results file is written. Every field documents its default; `.default` is what Excel in Kazakhstan
/// opens without an import dialog.
public struct CleansingOutputConfiguration: Sendable, Hashable {
    /// The line ending to write.
    public enum LineEnding: String, Sendable, Hashable, CaseIterable {
        /// `\r\n`, as Excel writes and RFC 4180 asks.
        case crlf
        /// `\n`.
        case lf

        var bytes: [UInt8] { self == .crlf ? [13, 10] : [10] }
    }

    /// Field separator. Default `;` (Excel where the decimal mark is a comma).
    public var separator: CSVSeparator
    /// Whether the file starts with a UTF-8 byte-order mark, which makes Excel read it as UTF-8. Default `true`.
    public var byteOrderMark: Bool
    /// Line ending. Default CRLF.
    public var lineEnding: LineEnding
    /// Bytes buffered before a write to the file. Default 65,536.
    public var bufferSize: Int

    /// Creates a configuration; every argument defaults to the documented default.
    public init(separator: CSVSeparator = .semicolon, byteOrderMark: Bool = true, lineEnding: LineEnding = .crlf, bufferSize: Int = 65_536) {
        self.separator = separator
        self.byteOrderMark = byteOrderMark
        self.lineEnding = lineEnding
        self.bufferSize = max(1, bufferSize)
    }

    /// `;`, BOM, CRLF.
    public static let `default` = CleansingOutputConfiguration()
    /// `,`, BOM, CRLF.
    public static let comma = CleansingOutputConfiguration(separator: .comma)
}
