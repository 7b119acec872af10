import Foundation

/// The sorted-keys form of a JSON document, byte for byte as `JSONSerialization.data(withJSONObject:options:
/// [.sortedKeys])` writes it, for the documents request bodies usually are — or `nil` for any other document, which
/// the caller then gives to `JSONSerialization`.
///
/// Stored idempotency fingerprints were computed with `JSONSerialization`, so this form must never differ from it:
/// it accepts only what it can reproduce exactly — object keys of ASCII letters only (so Foundation's numeric,
/// case-insensitive key order is plain order of the lower-cased keys), strings without escapes or control
/// characters (`/` is written `\/`, other characters as they are), integers of at most 18 digits, `true`,
/// `false`, `null`, nesting up to 64 levels — and `SortedKeysJSONTests` compares the two on voucher bodies and on
/// seeded random documents. It exists because `JSONSerialization` cost 4 % of the gateway's CPU per activation.
enum SortedKeysJSON {
    /// The canonical bytes of `body`, or `nil` when the document is outside the reproducible subset.
    static func canonical(_ body: Data) -> Data? {
        let bytes = [UInt8](body)
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        var parser = Parser(bytes: bytes)
        guard let value = parser.document() else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        write(value, into: &out)
        return Data(out)
    }

    private indirect enum Value {
        case object([(key: [UInt8], value: Value)])
        case array([Value])
        case string(ArraySlice<UInt8>)
        case literal(ArraySlice<UInt8>)  // an integer, true, false or null, written as read
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// A whole document: one object, nothing after it but blanks.
        mutating func document() -> Value? {
            skipBlanks()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{"), let value = value(depth: 0) else { return nil }
            skipBlanks()
            return index == bytes.count ? value : nil
        }

        private mutating func skipBlanks() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        private mutating func value(depth: Int) -> Value? {
            guard depth < 64 else { return nil }
            skipBlanks()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "t"): return word("true")
            case UInt8(ascii: "f"): return word("false")
            case UInt8(ascii: "n"): return word("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer()
            default: return nil
            }
        }

        private mutating func object(depth: Int) -> Value? {
            index += 1
            var members: [(folded: [UInt8], key: [UInt8], value: Value)] = []
            var seen: Set<[UInt8]> = []
            skipBlanks()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object([])
            }
            while true {
                skipBlanks()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string(), !key.isEmpty,
                    key.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
                else { return nil }
                let folded = key.map { $0 | 0x20 }
                guard seen.insert(folded).inserted else { return nil }  // duplicates, or keys equal but for case
                skipBlanks()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let member = value(depth: depth + 1) else { return nil }
                members.append((folded, Array(key), member))
                skipBlanks()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { return nil }
                index += 1
                members.sort { $0.folded.lexicographicallyPrecedes($1.folded) }
                return .object(members.map { (key: $0.key, value: $0.value) })
            }
        }

        private mutating func array(depth: Int) -> Value? {
            index += 1
            var elements: [Value] = []
            skipBlanks()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                guard let element = value(depth: depth + 1) else { return nil }
                elements.append(element)
                skipBlanks()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { return nil }
                index += 1
                return .array(elements)
            }
        }

        /// The raw bytes between the quotes; `nil` for an escape or a control character.
        private mutating func string() -> ArraySlice<UInt8>? {
            index += 1
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return bytes[start..<(index - 1)]
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        private mutating func word(_ text: StaticString) -> Value? {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return nil }
            let slice = bytes[index..<(index + count)]
            guard slice.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: count)) else { return nil }
            index += count
            return .literal(slice)
        }

        /// `-?(0|[1-9][0-9]*)` with at most 18 digits, not `-0`, not followed by a fraction or an exponent.
        private mutating func integer() -> Value? {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digitsStart = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            let digits = index - digitsStart
            guard digits >= 1, digits <= 18 else { return nil }
            if bytes[digitsStart] == UInt8(ascii: "0") && (digits > 1 || digitsStart > start) { return nil }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return nil }
            return .literal(bytes[start..<index])
        }
    }

    private static func write(_ value: Value, into out: inout [UInt8]) {
        switch value {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (offset, member) in members.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key[...], into: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let bytes):
            writeString(bytes, into: &out)
        case .literal(let bytes):
            out.append(contentsOf: bytes)
        }
    }

    private static func writeString(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "/") { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}
