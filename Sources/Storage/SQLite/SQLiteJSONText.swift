/// The JSON text the store keeps for lists and maps, written by hand instead of by `JSONEncoder` (every recorded
/// decision writes four of them). A list is byte for byte what `JSONEncoder` with `.withoutEscapingSlashes` wrote;
/// a map's keys are in UTF-8 byte order, as the audit log's canonical form has them. (`JSONEncoder`'s `.sortedKeys`
/// order for dictionary keys is not a plain order the tests could pin.) Readers decode these columns with
/// `JSONDecoder`, which takes keys in any order, so rows written before read the same; no hash covers this text.
enum SQLiteJSONText {
    /// `["a","b"]`.
    static func list(_ values: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(2 + values.reduce(0) { $0 + $1.utf8.count + 3 })
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `{"a":"x","b":"y"}`, keys in UTF-8 byte order.
    static func map(_ values: [String: String]) -> String {
        map(values) { appendString($0, to: &$1) }
    }

    /// `{"a":1,"b":2}`, keys in UTF-8 byte order.
    static func map(_ values: [String: Int]) -> String {
        map(values) { $1.append(contentsOf: String($0).utf8) }
    }

    private static func map<Value>(_ values: [String: Value], value write: (Value, inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, key) in values.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            write(values[key]!, &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string literal with `JSONEncoder`'s escapes (`/` left alone, as `.withoutEscapingSlashes` asks).
    private static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20:
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
