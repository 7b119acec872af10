import Foundation
import Identifiers
import Testing

struct RandomUUIDTests {
    @Test("makes lowercase version-4 UUIDs that Foundation reads back, different every time")
    func makesVersion4UUIDs() throws {
        var seen = Set<String>()
        for _ in 0..<1_000 {
            let text = RandomUUID.lowercased()
            #expect(text.utf8.count == 36)
            #expect(text == text.lowercased())
            let uuid = try #require(UUID(uuidString: text))
            #expect(uuid.uuidString.lowercased() == text)
            #expect(uuid.uuid.6 >> 4 == 4, "version 4")
            #expect(uuid.uuid.8 >> 6 == 0b10, "RFC 4122 variant")
            seen.insert(text)
        }
        #expect(seen.count == 1_000)
    }

    @Test("concurrent callers never get the same bytes, across many refills, and the bits are balanced")
    func concurrentDrawsAreDistinct() async throws {
        let batches = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<2_000).map { _ in RandomUUID.lowercased() } } }
            return await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        let all = batches.flatMap { $0 }
        #expect(all.count == 16_000)
        #expect(Set(all).count == 16_000)
        // 122 random bits per UUID (version and variant fixed): the share of ones stays near one half.
        var ones = 0
        for text in all {
            let uuid = try #require(UUID(uuidString: text)).uuid
            var bytes = withUnsafeBytes(of: uuid) { Array($0) }
            bytes[6] &= 0x0F
            bytes[8] &= 0x3F
            ones += bytes.reduce(0) { $0 + $1.nonzeroBitCount }
        }
        let share = Double(ones) / Double(all.count * 122)
        #expect(share > 0.49 && share < 0.51, "share of one bits \(share)")
    }
}
