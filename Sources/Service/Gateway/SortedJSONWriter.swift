import Foundation

/// Writes JSON text exactly as Foundation's `JSONEncoder` with `.sortedKeys` does (key order, string escapes, number
/// forms), without its generic encoding machinery: for the documents the gateway writes on every request.
struct SortedJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// An object with the members `keys` names, in `JSONEncoder`'s sorted order (``sortedKeys(_:)``, computed once by
    /// the caller): `value` writes the value of one key and answers `false` to leave the member out (a `nil` optional).
    mutating func object(_ keys: [String], _ value: (inout SortedJSONWriter, String) -> Bool) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for key in keys {
            let mark = bytes.count
            if !first { bytes.append(UInt8(ascii: ",")) }
            string(key)
            bytes.append(UInt8(ascii: ":"))
            if value(&self, key) {
                first = false
            } else {
                bytes.removeSubrange(mark...)
            }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// A `[String: String]`-like object, its keys sorted now.
    mutating func object<Value>(_ dictionary: [String: Value], _ value: (inout SortedJSONWriter, Value) -> Void) {
        object(Self.sortedKeys(Array(dictionary.keys))) { writer, key in
            value(&writer, dictionary[key]!)
            return true
        }
    }

    /// `keys` in `JSONEncoder`'s `.sortedKeys` order.
    static func sortedKeys(_ keys: [String]) -> [String] {
        keys.sorted(by: precedes)
    }

    /// An array of `items`, each written by `write`.
    mutating func array<Item>(_ items: [Item], _ write: (inout SortedJSONWriter, Item) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A string, escaped as `JSONEncoder` escapes (`"`, `\`, `/`, control characters).
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "/"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "/")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20:
                bytes += Array("\\u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An integer.
    mutating func integer(_ value: Int) {
        bytes += Array(String(value).utf8)
    }

    /// A finite double in `JSONEncoder`'s form (its shortest description, without a trailing `.0`).
    mutating func double(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes += Array(text.utf8)
    }

    /// Whether `left` sorts before `right` among `JSONEncoder`'s sorted keys: plain `String` order (so `Item2` before
    /// `a1`; the seeded test in `DecisionDocumentEncodingTests` pins this against `JSONEncoder`).
    static func precedes(_ left: String, _ right: String) -> Bool {
        left < right
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
