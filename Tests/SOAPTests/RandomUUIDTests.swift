import Foundation
import SOAP
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
}
