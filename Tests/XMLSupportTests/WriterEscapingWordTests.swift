import Testing

@testable import XMLSupport

/// The escaper skips eight bytes at a time when none of them needs a look; these pin that shortcut to the byte rule.
struct WriterEscapingWordTests {
    /// The bytes the escaper must look at: C0 controls, `"`, `&`, `<`, `>` and 0xEF (the lead byte of U+FFFE/U+FFFF).
    static func needsAttention(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0xEF
    }

    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    @Test("each byte value in each of the eight positions, among harmless and among high bytes")
    func everyByteEveryPosition() {
        for filler: UInt8 in [UInt8(ascii: "a"), 0x80, 0xBF, 0x7F, 0x21] {
            for position in 0..<8 {
                for value in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = value
                    #expect(XMLWriter.wordNeedsAttention(Self.word(bytes)) == Self.needsAttention(value))
                }
            }
        }
    }

    @Test("random words agree with the byte rule")
    func randomWords() {
        var draws = SeededDraws(seed: 20261207)
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in UInt8(draws.next(256)) }
            #expect(XMLWriter.wordNeedsAttention(Self.word(bytes)) == bytes.contains(where: Self.needsAttention))
        }
    }

    @Test("a special character at any offset of a long value is escaped, in text and in attributes")
    func escapesAtEveryOffset() {
        let specials: [(String, text: String, attribute: String)] = [
            ("&", "&amp;", "&amp;"), ("<", "&lt;", "&lt;"), (">", "&gt;", "&gt;"), ("\"", "\"", "&quot;"),
            ("\t", "\t", "&#x9;"), ("\n", "\n", "&#xA;"), ("\r", "&#xD;", "&#xD;"), ("\u{1}", "\u{FFFD}", "\u{FFFD}"),
            ("\u{FFFF}", "\u{FFFD}", "\u{FFFD}"), ("\u{FFFE}", "\u{FFFD}", "\u{FFFD}"), ("\u{FFFD}", "\u{FFFD}", "\u{FFFD}"),
        ]
        for (special, text, attribute) in specials {
            for offset in 0..<24 {
                let before = String(repeating: "x", count: offset)
                let after = String(repeating: "y", count: 23 - offset)
                var writer = XMLWriter()
                writer.startElement("e")
                writer.attribute("a", value: before + special + after)
                writer.text(before + special + after)
                writer.endElement()
                let expected = "<e a=\"" + before + attribute + after + "\">" + before + text + after + "</e>"
                #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
            }
        }
    }
}
