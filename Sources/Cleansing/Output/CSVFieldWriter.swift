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
    ///
    /// Fields are cut from the bytes by range; only a quoted field with doubled quotes is copied byte by byte.
    static func parseRecord(_ bytes: [UInt8], separator: UInt8) -> [String]? {
        bytes.withUnsafeBufferPointer { buffer -> [String]? in
            var fields: [String] = []
            fields.reserveCapacity(32)
            let count = buffer.count
            var index = 0
            while true {
                // One field starts at `index`.
                if index < count, buffer[index] == 34 {
                    // Quoted: up to the closing quote, which must end the record or precede the separator.
                    var unescaped: [UInt8]?
                    var runStart = index + 1
                    var cursor = index + 1
                    var closed = false
                    while cursor < count {
                        if buffer[cursor] == 34 {
                            if cursor + 1 < count, buffer[cursor + 1] == 34 {
                                unescaped = unescaped ?? []
                                unescaped!.append(contentsOf: buffer[runStart...cursor])
                                cursor += 2
                                runStart = cursor
                                continue
                            }
                            closed = true
                            break
                        }
                        cursor += 1
                    }
                    guard closed else { return nil }
                    let text: String?
                    if var unescaped {
                        unescaped.append(contentsOf: buffer[runStart..<cursor])
                        text = String(validating: unescaped, as: UTF8.self)
                    } else {
                        text = String(validating: UnsafeBufferPointer(rebasing: buffer[runStart..<cursor]), as: UTF8.self)
                    }
                    guard let text else { return nil }
                    fields.append(text)
                    index = cursor + 1
                    if index == count { return fields }
                    guard buffer[index] == separator else { return nil }
                    index += 1
                } else {
                    // Unquoted: up to the separator or the end; no quote, CR or LF inside.
                    var cursor = index
                    while cursor < count {
                        let byte = buffer[cursor]
                        if byte == separator { break }
                        if byte == 34 || byte == 10 || byte == 13 { return nil }
                        cursor += 1
                    }
                    guard let text = String(validating: UnsafeBufferPointer(rebasing: buffer[index..<cursor]), as: UTF8.self) else { return nil }
                    fields.append(text)
                    if cursor == count { return fields }
                    index = cursor + 1
                }
            }
        }
    }
}
