/// Strict base64 (RFC 4648, standard alphabet, padded) for the `xs:base64Binary` values of XML-DSig, decoded straight
/// from UTF-8 text.
///
/// XML whitespace (space, TAB, LF, CR) is skipped anywhere, because generic tools wrap long values; anything else
/// outside the alphabet, a length that is not a multiple of four, or padding anywhere but at the end is refused.
enum XMLBase64 {
    /// The decoded bytes of `text`, or `nil` when it is not strict base64.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    /// The decoded bytes of UTF-8 `text`, or `nil` when it is not strict base64.
    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 4 * 3)
        var quantum: UInt32 = 0
        var filled = 0  // data characters in the current quantum
        var padding = 0  // '=' characters seen
        var finished = false  // a padded quantum ended the value
        for byte in text {
            let value = table[Int(byte)]
            if value == whitespace { continue }
            guard !finished else { return nil }
            if value < 64 {
                guard padding == 0 else { return nil }
                quantum = quantum << 6 | UInt32(value)
                filled += 1
                if filled == 4 {
                    output.append(UInt8(truncatingIfNeeded: quantum >> 16))
                    output.append(UInt8(truncatingIfNeeded: quantum >> 8))
                    output.append(UInt8(truncatingIfNeeded: quantum))
                    filled = 0
                    quantum = 0
                }
            } else if value == pad {
                // "xx==" or "xxx=": padding only after two or three data characters, completing the quantum.
                guard filled >= 2 else { return nil }
                padding += 1
                if filled + padding == 4 {
                    quantum <<= 6 * UInt32(padding)
                    output.append(UInt8(truncatingIfNeeded: quantum >> 16))
                    if filled == 3 { output.append(UInt8(truncatingIfNeeded: quantum >> 8)) }
                    finished = true
                }
            } else {
                return nil
            }
        }
        guard finished || (filled == 0 && padding == 0) else { return nil }
        return output
    }

    private static let whitespace: UInt8 = 0xFE
    private static let pad: UInt8 = 0xFD
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        for character in " \t\n\r".utf8 { table[Int(character)] = whitespace }
        table[Int(UInt8(ascii: "="))] = pad
        return table
    }()
}
