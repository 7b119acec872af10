/// A CSV field separator: `;` (Excel in Kazakhstan and Russia), `,` or a tab.
public enum CSVSeparator: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// `;`, what Excel writes where the decimal mark is a comma.
    case semicolon = ";"
    /// `,`.
    case comma = ","
    /// A horizontal tab.
    case tab = "\t"

    /// The separator's byte.
    public var byte: UInt8 {
        switch self {
        case .semicolon: UInt8(ascii: ";")
        case .comma: UInt8(ascii: ",")
        case .tab: UInt8(ascii: "\t")
        }
    }

    /// `;`, `,` or `\t`.
    public var description: String { self == .tab ? "\\t" : rawValue }

    /// The separator a header line uses: whichever of `;`, `,` and tab occurs most often outside quotes
    /// (ties and a line with none go to `;`).
    public static func detect(headerLine: some Sequence<UInt8>) -> CSVSeparator {
        var counts = [0, 0, 0]
        var quoted = false
        for byte in headerLine {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ";") where !quoted: counts[0] += 1
            case UInt8(ascii: ",") where !quoted: counts[1] += 1
            case UInt8(ascii: "\t") where !quoted: counts[2] += 1
            case UInt8(ascii: "\n") where !quoted: break
            default: continue
            }
            if byte == UInt8(ascii: "\n") && !quoted { break }
        }
        if counts[1] > counts[0] && counts[1] >= counts[2] { return .comma }
        if counts[2] > counts[0] && counts[2] > counts[1] { return .tab }
        return .semicolon
    }
}
