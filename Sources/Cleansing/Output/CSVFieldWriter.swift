/// RFC 4180 writing of one record, and parsing of one record held in memory (checkpoint payloads).
enum CSVFieldWriter {
    /// Appends fields separated by `separator`, quoting a field when it holds the separator, a quote, CR or LF, or
    /// starts or ends with a space (quotes doubled), then `lineEnding`.
    static func appendRecord(_ fields: [String], separator: UInt8, lineEnding: [UInt8], to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(separator) }
            let utf8 = field.utf8
            let needsQuotes =
                utf8.contains { $0 == separator || $0 == 34 || $0 == 10 || $0 == 13 } || utf8.first == 32 || utf8.last == 32
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
        bytes.append(contentsOf: lineEnding)
    }

    /// Parses exactly one record (no trailing line ending); `nil` when the bytes are not one well-formed record.
    static func parseRecord(_ bytes: [UInt8], separator: UInt8) -> [String]? {
        var fields: [String] = []
        var field: [UInt8] = []
        var index = 0
        var quoted = false
        var afterQuote = false
        var started = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == 34 {
                    if index < bytes.count, bytes[index] == 34 {
                        field.append(34)
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == separator {
                guard let text = String(validating: field, as: UTF8.self) else { return nil }
                fields.append(text)
                field.removeAll(keepingCapacity: true)
                afterQuote = false
                started = false
            } else if afterQuote {
                return nil
            } else if byte == 34, !started {
                quoted = true
                started = true
            } else if byte == 10 || byte == 13 || byte == 34 {
                return nil
            } else {
                field.append(byte)
                started = true
            }
        }
        guard !quoted, let text = String(validating: field, as: UTF8.self) else { return nil }
        fields.append(text)
        return fields
    }
}
