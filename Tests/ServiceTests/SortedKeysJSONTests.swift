import Foundation
import Population
import Testing

@testable import Service

/// `SortedKeysJSON` must write exactly what `JSONSerialization` writes with `.sortedKeys` (stored idempotency
/// fingerprints were computed that way), and must decline every document it cannot reproduce.
@Suite struct SortedKeysJSONTests {
    private func foundation(_ body: Data) throws -> Data {
        try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: body), options: [.sortedKeys])
    }

    @Test("voucher, registration and provider bodies come out byte for byte as JSONSerialization writes them", arguments: [
        #"{"requestId":"req-1","child":{"iin":"150101500017","surname":"Ахметова","name":"Айгерім"},"parent":{"iin":"850415300121"},"programme":{"id":"prog-sport-2025","minAge":6,"maxAge":18,"regionKATO":"750000000","period":{"from":"2025-09-01","to":"2026-05-31"}},"provider":{"bin":"050140000015","sectionType":"SPORT","requiresSportsClearance":true}}"#,
        #"{ "iin" : "850415300121", "surname": "Иванов", "name":"Пётр", "birthDate":"1985-04-15", "gender":"male" }"#,
        "{\n\t\"zeta\": [1, -2, 0, 123456789012345678],\r\n \"Alpha\": null, \"beta\": [true, false, {}, []], \"url\": \"http://a/b\"}",
        #"{"b":{"d":{"f":{"h":[[[]]]}}},"a":"","C":"ҚазақшаӘӨҮҰІҢҒ 😀"}"#,
    ])
    func reproducesFoundation(_ text: String) throws {
        let body = Data(text.utf8)
        let ours = try #require(SortedKeysJSON.canonical(body))
        #expect(ours == (try foundation(body)), "\(String(decoding: ours, as: UTF8.self))")
        #expect(requestFingerprint(body) == sha256Hex(try foundation(body)))
    }

    @Test("declines what it cannot reproduce exactly", arguments: [
        #"{"a":1.5}"#, #"{"a":1e3}"#, #"{"a":-0}"#, #"{"a":01}"#, #"{"a":1234567890123456789}"#,
        #"{"a":"line\nbreak"}"#, #"{"a":"\u0041"}"#, #"{"a_b":1}"#, #"{"a1":1}"#, #"{"":1}"#, #"{"a":1,"a":2}"#,
        #"{"a":1,"A":2}"#, #"[1,2]"#, #""text""#, #"{"a":1} x"#, #"{"a":1,}"#, #"{"a":[1,]}"#, #"{"a":tru}"#, "{", "",
    ])
    func declines(_ text: String) {
        #expect(SortedKeysJSON.canonical(Data(text.utf8)) == nil, "\(text)")
    }

    @Test("declines invalid UTF-8 and nesting deeper than 64 levels")
    func declinesBytesAndDepth() {
        #expect(SortedKeysJSON.canonical(Data([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])) == nil)
        let deep = String(repeating: #"{"a":"#, count: 70) + "1" + String(repeating: "}", count: 70)
        #expect(SortedKeysJSON.canonical(Data(deep.utf8)) == nil)
        let shallow = String(repeating: #"{"a":"#, count: 60) + "1" + String(repeating: "}", count: 60)
        #expect(SortedKeysJSON.canonical(Data(shallow.utf8)) != nil)
    }

    @Test("seeded random documents: whenever it answers, the answer is JSONSerialization's")
    func randomDocuments() throws {
        var generator = SplitMix64(seed: 20_261_205)
        var answered = 0
        for _ in 0..<2_000 {
            let text = Self.randomObject(depth: 0, using: &generator)
            let body = Data(text.utf8)
            guard let ours = SortedKeysJSON.canonical(body) else { continue }
            answered += 1
            #expect(ours == (try foundation(body)), "\(text)")
        }
        #expect(answered > 1_000, "only \(answered) of 2,000 documents were in the reproducible subset")
    }

    private static let keyPool = ["a", "b", "Ab", "aC", "iin", "Iin2", "requestId", "surname", "zeta", "Z", "name", "x_y"]
    private static let stringPool = ["", "Айгерім", "a/b", "plain", "Ұлы", "with space", "😀", "quote\\\"", "tab\t"]

    private static func randomObject(depth: Int, using generator: inout SplitMix64) -> String {
        let count = Int.random(in: 0...5, using: &generator)
        var keys: [String] = []
        for _ in 0..<count {
            let key = keyPool.randomElement(using: &generator)!
            if !keys.contains(key) || Int.random(in: 0..<20, using: &generator) == 0 { keys.append(key) }
        }
        let members = keys.map { "\"\($0)\": " + randomValue(depth: depth + 1, using: &generator) }
        return "{" + members.joined(separator: Bool.random(using: &generator) ? "," : " ,\n ") + "}"
    }

    private static func randomValue(depth: Int, using generator: inout SplitMix64) -> String {
        switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
        case 0: return "\"" + stringPool.randomElement(using: &generator)! + "\""
        case 1: return String(Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &generator))
        case 2: return ["true", "false", "null"].randomElement(using: &generator)!
        case 3: return Int.random(in: 0..<10, using: &generator) == 0 ? "2.5" : String(Int.random(in: 0...99, using: &generator))
        case 4: return "\"\(Int.random(in: 0...9_999, using: &generator))\""
        case 5:
            let elements = (0..<Int.random(in: 0...3, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) }
            return "[" + elements.joined(separator: ",") + "]"
        default: return randomObject(depth: depth, using: &generator)
        }
    }
}
