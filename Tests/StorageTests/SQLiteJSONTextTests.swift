import Foundation
import Testing

@testable import Storage

/// The hand-written JSON columns against `JSONEncoder` (`[.sortedKeys, .withoutEscapingSlashes]`), which wrote them
/// before: lists byte for byte the same, maps read back the same by `JSONDecoder` with keys in UTF-8 byte order.
struct SQLiteJSONTextTests {
    private func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One string as `JSONEncoder` writes it (the list's brackets taken off).
    private func literal(_ text: String) throws -> String {
        String(try encoded([text]).dropFirst().dropLast())
    }

    /// The object with `members` (values already JSON), keys as `JSONEncoder` writes them, in UTF-8 byte order.
    private func byteOrderedObject(_ members: [String: String]) throws -> String {
        let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return "{" + (try keys.map { try literal($0) + ":" + members[$0]! }).joined(separator: ",") + "}"
    }

    @Test("writes lists as JSONEncoder did and maps that decode back, keys in byte order, on 500 seeded random values")
    func matchesJSONEncoder() throws {
        var state: UInt64 = 0x1EAF
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = [
            "", "a", "A", "Z1", "id-1", "/", "a/b", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{1}", "\u{1F}", "\u{7F}",
            "ключ", "Әйел", "🏅", "\u{2028}", "é", "e\u{301}", "IIN_MISMATCH", "0", "-", " ",
        ]
        func text() -> String { (0..<next(4)).map { _ in pieces[next(pieces.count)] }.joined() }
        for _ in 0..<500 {
            let list = (0..<next(5)).map { _ in text() }
            #expect(SQLiteJSONText.list(list) == (try encoded(list)))
            var strings: [String: String] = [:]
            var integers: [String: Int] = [:]
            for _ in 0..<next(5) {
                strings[text()] = text()
                integers[text()] = [0, 1, -1, 42, Int.max, Int.min][next(6)]
            }
            let stringsText = SQLiteJSONText.map(strings)
            let integersText = SQLiteJSONText.map(integers)
            #expect(try JSONDecoder().decode([String: String].self, from: Data(stringsText.utf8)) == strings)
            #expect(try JSONDecoder().decode([String: Int].self, from: Data(integersText.utf8)) == integers)
            #expect(stringsText == (try byteOrderedObject(strings.mapValues { try literal($0) })))
            #expect(integersText == (try byteOrderedObject(integers.mapValues { String($0) })))
            // The same text as JSONEncoder wherever its order is the plain one (the audit details' ASCII keys).
            if strings.keys.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A || $0 == 0x5F } }) {
                #expect(stringsText == (try encoded(strings)))
            }
        }
    }
}
