import Foundation
import Population
import Testing

@testable import Service

/// `DecisionDocument.encoded()` writes its JSON by hand; stored payloads and API answers must stay byte for byte what
/// `JSONEncoder` with `.sortedKeys` writes.
@Suite struct DecisionDocumentEncodingTests {
    private static func foundation(_ document: DecisionDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(document)
    }

    @Test("seeded random documents (escapes, Cyrillic and emoji, numbers of every size, optional members, odd keys) match JSONEncoder")
    func matchesJSONEncoder() throws {
        var generator = SplitMix64(seed: 20_261_207)
        for round in 0..<400 {
            let object = Self.randomDocument(using: &generator)
            let data = try JSONSerialization.data(withJSONObject: object)
            let document = try JSONDecoder().decode(DecisionDocument.self, from: data)
            let ours = document.encoded()
            let theirs = try Self.foundation(document)
            #expect(ours == theirs, "round \(round): \(String(decoding: ours, as: UTF8.self)) ≠ \(String(decoding: theirs, as: UTF8.self))")
            if ours != theirs { return }
        }
    }

    // MARK: - Generation

    private static let characters: [String] = [
        "a", "Z", "0", "9", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}", "Ә", "ң", "Ж", "ё",
        "😀", "é", "_", "-", ":", ",", "{", "}", "<", "&",
    ]
    private static let keys = ["child", "parent", "person", "item10", "item9", "Item2", "Zeta", "alpha", "a_b", "A1", "a1", "ключ", "b", "B", ""]
    private static let numbers: [Double] = [
        0, 1, -1, 0.5, -2.25, 0.1, 0.30000000000000004, 1e-7, 1.2345678901234567, 123_456_789_012.5, 1e21, 1e-300, 5e-324, 1e300, 3.0e15, 12,
    ]

    private static func text(_ generator: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in characters.randomElement(using: &generator)! }.joined()
    }

    private static func number(_ generator: inout SplitMix64) -> Double {
        Bool.random(using: &generator) ? numbers.randomElement(using: &generator)! : Double.random(in: -40...40, using: &generator)
    }

    private static func coin(_ generator: inout SplitMix64) -> Bool { Bool.random(using: &generator) }

    private static func dictionary(_ generator: inout SplitMix64, _ value: (inout SplitMix64) -> Any) -> [String: Any] {
        var result: [String: Any] = [:]
        for _ in 0..<Int.random(in: 0...5, using: &generator) { result[keys.randomElement(using: &generator)!] = value(&generator) }
        return result
    }

    private static func evidence(_ generator: inout SplitMix64) -> [String: Any] {
        var item: [String: Any] = ["registry": text(&generator), "messageId": text(&generator)]
        item["resultCode"] = coin(&generator) ? text(&generator) : nil
        return item
    }

    private static func score(_ generator: inout SplitMix64) -> [String: Any] {
        let fields = ["surname", "firstName", "patronymic", "birthDate", "gender"]
        let contributions: [[String: Any]] = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
            var item: [String: Any] = [
                "field": fields.randomElement(using: &generator)!, "description": text(&generator), "weight": number(&generator),
            ]
            item["level"] = coin(&generator) ? text(&generator) : nil
            item["m"] = coin(&generator) ? number(&generator) : nil
            item["u"] = coin(&generator) ? number(&generator) : nil
            return item
        }
        return [
            "modelVersion": text(&generator), "prior": number(&generator), "total": number(&generator), "contributions": contributions,
            "decision": ["MATCH", "REVIEW", "MISMATCH"].randomElement(using: &generator)!,
        ]
    }

    private static func person(_ generator: inout SplitMix64) -> [String: Any] {
        var item: [String: Any] = [
            "iin": text(&generator), "surname": text(&generator), "firstName": text(&generator), "lifeStatus": text(&generator),
        ]
        item["patronymic"] = coin(&generator) ? text(&generator) : nil
        item["birthYear"] = coin(&generator) ? Int.random(in: -5...2030, using: &generator) : nil
        item["gender"] = coin(&generator) ? text(&generator) : nil
        item["regionKATO"] = coin(&generator) ? text(&generator) : nil
        return item
    }

    private static func randomDocument(using generator: inout SplitMix64) -> [String: Any] {
        var document: [String: Any] = [
            "decisionId": text(&generator), "kind": text(&generator), "decision": text(&generator), "decidedAt": text(&generator),
            "reasons": (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                ["code": text(&generator), "messageRu": text(&generator), "messageKk": text(&generator)]
            },
            "explanations": dictionary(&generator, score), "registry": dictionary(&generator, person),
            "facts": dictionary(&generator) { text(&$0) },
            "evidence": (0..<Int.random(in: 0...3, using: &generator)).map { _ in evidence(&generator) },
        ]
        document["requestId"] = coin(&generator) ? text(&generator) : nil
        document["reviewId"] = coin(&generator) ? text(&generator) : nil
        if coin(&generator) {
            document["requirements"] = (0..<Int.random(in: 0...3, using: &generator)).map { _ -> [String: Any] in
                var item: [String: Any] = [
                    "requirement": text(&generator), "subject": text(&generator), "status": text(&generator),
                    "evidence": (0..<Int.random(in: 0...2, using: &generator)).map { _ in evidence(&generator) },
                ]
                item["coachIndex"] = coin(&generator) ? Int.random(in: 0...20, using: &generator) : nil
                item["identifier"] = coin(&generator) ? text(&generator) : nil
                item["reasonCode"] = coin(&generator) ? text(&generator) : nil
                item["messageRu"] = coin(&generator) ? text(&generator) : nil
                item["messageKk"] = coin(&generator) ? text(&generator) : nil
                return item
            }
        }
        return document
    }
}
