/// How a declarations CSV file is written: the two dialects the platform receives.
public struct CSVDialect: Sendable, Hashable {
    /// Field separator.
    public let delimiter: UInt8
    /// Line terminator bytes.
    public let lineEnding: [UInt8]
    /// Whether the file starts with a UTF-8 byte-order mark.
    public let byteOrderMark: Bool

    /// Creates a dialect.
    public init(delimiter: UInt8, lineEnding: [UInt8], byteOrderMark: Bool) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.byteOrderMark = byteOrderMark
    }

    /// What Excel in a Kazakh/Russian locale writes ("CSV UTF-8"): `;`, CRLF, BOM.
    public static let excel = CSVDialect(delimiter: UInt8(ascii: ";"), lineEnding: [13, 10], byteOrderMark: true)
    /// Plain comma-separated UTF-8 with LF line ends, no BOM.
    public static let comma = CSVDialect(delimiter: UInt8(ascii: ","), lineEnding: [10], byteOrderMark: false)
}

/// RFC 4180 writing and reading for the declarations files.
enum CSV {
    /// One record: fields quoted when they hold the delimiter, a quote, CR or LF (quotes doubled).
    static func append(_ fields: [String], to bytes: inout [UInt8], dialect: CSVDialect) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(dialect.delimiter) }
            let utf8 = field.utf8
            let needsQuotes = utf8.contains { $0 == dialect.delimiter || $0 == 34 || $0 == 10 || $0 == 13 }
            if needsQuotes {
                bytes.append(34)
                for byte in utf8 {
                    if byte == 34 { bytes.append(34) }
                    bytes.append(byte)
                }
                bytes.append(34)
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(contentsOf: dialect.lineEnding)
    }

    /// Parses a whole file: optional BOM, quoted fields, CRLF or LF. Returns records of fields.
    static func parse(_ bytes: [UInt8], delimiter: UInt8) -> [[String]]? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldStarted = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == 34 {
                    if index < bytes.count, bytes[index] == 34 { field.append(34); index += 1 } else { quoted = false }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 34 where field.isEmpty && !fieldStarted:
                quoted = true
                fieldStarted = true
            case delimiter:
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldStarted = false
            case 13 where index < bytes.count && bytes[index] == 10:
                break
            case 10:
                record.append(String(decoding: field, as: UTF8.self))
                records.append(record)
                record = []
                field.removeAll(keepingCapacity: true)
                fieldStarted = false
            default:
                field.append(byte)
                fieldStarted = true
            }
        }
        if quoted { return nil }
        if fieldStarted || !field.isEmpty || !record.isEmpty {
            record.append(String(decoding: field, as: UTF8.self))
            records.append(record)
        }
        return records
    }
}
