import Foundation
import Logging
import Testing

@testable import Service

/// The hand-written parts of a JSON log line: the timestamp against Foundation's ISO 8601 style, and string escaping
/// through a JSON parser.
struct LogLineRenderingTests {
    @Test("timestamps read as Date.ISO8601FormatStyle with fractional seconds writes them, on 3,000 seeded dates")
    func timestampsMatchFoundation() throws {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        var state: UInt64 = 0x7157
        var dates: [Date] = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400.999), Date(timeIntervalSince1970: 4_107_542_399.5)]
        for _ in 0..<3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // 1970 … 2200, whole milliseconds as the store and clocks give them, plus some sub-millisecond noise.
            let milliseconds = Double((state >> 24) % 7_258_118_400_000)
            let noise = Double(state & 0xFF) / 1_000_000
            dates.append(Date(timeIntervalSince1970: milliseconds / 1_000 + noise))
        }
        var identical = 0
        for date in dates {
            var bytes: [UInt8] = []
            LogTimestamp.append(date, to: &bytes)
            let ours = String(decoding: bytes, as: UTF8.self)
            let foundation = date.formatted(style)
            if ours == foundation {
                identical += 1
                continue
            }
            // Foundation takes the fraction from the binary double and can land one millisecond low
            // (951782400.999 → ".998"); ours is the whole number of milliseconds, one more than Foundation's.
            let oursParsed = try #require(try? style.parse(ours))
            let foundationParsed = try #require(try? style.parse(foundation))
            #expect(abs(oursParsed.timeIntervalSince(foundationParsed) - 0.001) < 1e-6, "\(ours) vs \(foundation)")
            #expect(abs(oursParsed.timeIntervalSince1970 - (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000) < 1e-6)
        }
        #expect(identical > dates.count * 9 / 10)
    }

    @Test("strings that need escapes come out as valid JSON with the same (masked) text")
    func escapes() throws {
        let lines = LogLines()
        let logger = Logger(label: "qorgan.test") { JSONLogHandler(label: $0, destination: .custom { lines.append($0) }) }
        let texts = ["plain", "quote \" and \\ slash /", "line\nbreak\r\ttab", "\u{1}\u{1F}", "sep\u{2028}and\u{2029}", "Әйел 🏅 – —", "iin 850415300121"]
        for text in texts {
            logger.info("\(text)", metadata: ["value": .string(text), text: "key"])
        }
        #expect(lines.all.count == texts.count)
        for (line, text) in zip(lines.all, texts) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            let expected = PersonalDataMasker.standard.mask(text)
            #expect(object["message"] as? String == expected)
            let metadata = try #require(object["metadata"] as? [String: Any])
            #expect(metadata["value"] as? String == expected)
            #expect(metadata[expected] as? String == "key")
            #expect(!line.contains("\u{2028}") && !line.contains("\n"))
        }
    }
}
