/// A minimal, allocation-light JSON writer with a fixed key order, so exported bytes are stable.
///
/// Keys are written in the order the caller writes them (never hashed); nil optionals are written as
/// `null` so every line of a file has the same keys.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var first = true

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        first = true
    }

    mutating func open() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        first = true
    }

    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    mutating func openArray(_ key: String) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        first = true
    }

    mutating func closeArray() {
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// Starts a nested object under `key`.
    mutating func openObject(_ key: String) {
        self.key(key)
        bytes.append(UInt8(ascii: "{"))
        first = true
    }

    mutating func newline() {
        bytes.append(10)
        first = true
    }

    mutating func key(_ key: String) {
        separate()
        quoted(key)
        bytes.append(UInt8(ascii: ":"))
        first = true  // the value follows without a comma
    }

    mutating func field(_ key: String, _ value: String?) {
        self.key(key)
        if let value { quoted(value) } else { bytes.append(contentsOf: "null".utf8) }
        first = false
    }

    mutating func field(_ key: String, _ value: Int?) {
        self.key(key)
        if let value { bytes.append(contentsOf: String(value).utf8) } else { bytes.append(contentsOf: "null".utf8) }
        first = false
    }

    mutating func field(_ key: String, _ value: Bool) {
        self.key(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        first = false
    }

    /// A bare string element inside an array.
    mutating func element(_ value: String) {
        separate()
        quoted(value)
        first = false
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func quoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case 92: bytes.append(contentsOf: [92, 92])
            case 10: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
