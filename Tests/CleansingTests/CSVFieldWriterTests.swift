import Testing

@testable import Cleansing

/// One record in memory, written and parsed back (the checkpoint payload format).
@Suite struct CSVFieldWriterTests {
    static func parse(_ text: String) -> [String]? {
        CSVFieldWriter.parseRecord(Array(text.utf8), separator: UInt8(ascii: ","))
    }

    @Test(
        "well-formed records parse field by field",
        arguments: [
            ("", [""]),
            ("a", ["a"]),
            ("a,b", ["a", "b"]),
            ("a,", ["a", ""]),
            (",", ["", ""]),
            (",,x", ["", "", "x"]),
            ("\"\"", [""]),
            ("\"a,b\",c", ["a,b", "c"]),
            ("\"say \"\"hi\"\"\",x", ["say \"hi\"", "x"]),
            ("\"\"\"\"", ["\""]),
            ("\"line1\r\nline2\"", ["line1\r\nline2"]),
            ("x,\"\"", ["x", ""]),
            ("ӘСЕЛ,\"СЕРІК; ҚЫЗЫ\"", ["ӘСЕЛ", "СЕРІК; ҚЫЗЫ"]),
        ])
    func parses(text: String, fields: [String]) {
        #expect(Self.parse(text) == fields)
    }

    @Test(
        "anything but one RFC 4180 record is refused",
        arguments: ["a\"b", "\"open", "\"a\"b", "\"a\" ,b", "a\nb", "a\rb", "\"a\"\"", "x,\"y"])
    func refuses(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test("invalid UTF-8 inside a field is refused, quoted or not")
    func refusesInvalidUTF8() {
        #expect(CSVFieldWriter.parseRecord([0x61, 0x2C, 0xFF], separator: UInt8(ascii: ",")) == nil)
        #expect(CSVFieldWriter.parseRecord([0x22, 0xC3, 0x22], separator: UInt8(ascii: ",")) == nil)
        #expect(CSVFieldWriter.parseRecord([0x22, 0x22, 0x22, 0xFE, 0x22], separator: UInt8(ascii: ",")) == nil)
    }

    @Test("whatever appendRecord writes parses back to the same fields")
    func roundTrip() {
        let samples = [
            ["plain", "", " lead", "trail ", "a,b", "q\"q", "\"", "cr\rlf\n", "Иванов", "Ә\"Ө,Ү"],
            [""], ["", ""], ["\"\"\"\""], [",,,"],
        ]
        for fields in samples {
            var bytes: [UInt8] = []
            CSVFieldWriter.appendRecord(fields, separator: UInt8(ascii: ","), lineEnding: [], to: &bytes)
            #expect(CSVFieldWriter.parseRecord(bytes, separator: UInt8(ascii: ",")) == fields)
        }
    }
}
