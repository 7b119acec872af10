/// A parsed JSON value, for reading exported JSON Lines back (objects keep their key order).
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }
}

/// Parses one JSON document (integers only — the export writes no fractions) from UTF-8 bytes.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    struct Failure: Error { let reason: String }

    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: line)
        let value = try parser.value()
        parser.skipSpace()
        guard parser.position == line.count else { throw Failure(reason: "trailing characters") }
        return value
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipSpace() {
        while position < bytes.count, [32, 9, 10, 13].contains(bytes[position]) { position += 1 }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        skipSpace()
        guard position < bytes.count else { throw Failure(reason: "unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [(String, JSONValue)] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            while true {
                skipSpace()
                guard case .string(let key) = try value() else { throw Failure(reason: "object key is not a string") }
                skipSpace()
                try expect(UInt8(ascii: ":"))
                members.append((key, try value()))
                skipSpace()
                guard position < bytes.count else { throw Failure(reason: "unterminated object") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "}"))
                return .object(members)
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONValue] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                items.append(try value())
                skipSpace()
                guard position < bytes.count else { throw Failure(reason: "unterminated array") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "]"))
                return .array(items)
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            var negative = false
            if bytes[position] == UInt8(ascii: "-") { negative = true; position += 1 }
            var number = 0
            var digits = 0
            while position < bytes.count, (48...57).contains(bytes[position]) {
                number = number &* 10 &+ Int(bytes[position] - 48)
                position += 1
                digits += 1
            }
            guard digits > 0 else { throw Failure(reason: "unexpected character") }
            return .number(negative ? -number : number)
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard position < bytes.count, bytes[position] == byte else { throw Failure(reason: "expected '\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    private mutating func literal(_ text: String) throws(Failure) {
        for byte in text.utf8 { try expect(byte) }
    }

    private mutating func string() throws(Failure) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        // Fast path: no escapes.
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != 92 { position += 1 }
        guard position < bytes.count else { throw Failure(reason: "unterminated string") }
        if bytes[position] == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            position += 1
            return text
        }
        var out = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            guard byte == 92 else { out.append(byte); continue }
            guard position < bytes.count else { break }
            let escaped = bytes[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                guard position + 4 <= bytes.count, let scalar = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + 4)]), as: UTF8.self), radix: 16),
                    let unicode = Unicode.Scalar(scalar)
                else { throw Failure(reason: "bad \\u escape") }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
                position += 4
            default: out.append(escaped)
            }
        }
        throw Failure(reason: "unterminated string")
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue {
        if case .object(let members) = self {
            for (name, value) in members where name == key { return value }
        }
        return .null
    }

    var string: String? { if case .string(let text) = self { text } else { nil } }
    var int: Int? { if case .number(let value) = self { value } else { nil } }
    var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    var array: [JSONValue] { if case .array(let items) = self { items } else { [] } }
    var isNull: Bool { if case .null = self { true } else { false } }
}
