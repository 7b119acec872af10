import Foundation
import Testing

@testable import Service

/// Decision, review, voucher and consent ids: format, order by creation time, and randomness.
struct GatewayIdentifiersTests {
    private let alphabet = Set("0123456789abcdefghjkmnpqrstvwxyz")

    @Test("an id is the prefix, an underscore and 26 lowercase base32 characters; the first 10 read back as the time")
    func format() throws {
        let milliseconds: UInt64 = 1_796_601_600_123
        var generator = SystemRandomNumberGenerator()
        let id = GatewayIdentifiers.make("dec", milliseconds: milliseconds, using: &generator)
        #expect(id.hasPrefix("dec_"))
        let body = id.dropFirst(4)
        #expect(body.count == 26)
        #expect(body.allSatisfy { alphabet.contains($0) })
        let digits = Array("0123456789abcdefghjkmnpqrstvwxyz")
        let decoded = body.prefix(10).reduce(UInt64(0)) { $0 << 5 | UInt64(digits.firstIndex(of: $1)!) }
        #expect(decoded == milliseconds)
    }

    @Test("ids sort by creation time, whatever their random part")
    func orderedByTime() {
        var generator = SystemRandomNumberGenerator()
        var previous = ""
        var milliseconds: UInt64 = 1_700_000_000_000
        for step in 0..<2_000 {
            milliseconds += UInt64(step % 7 == 0 ? 1 : 1 + step % 97)
            let id = GatewayIdentifiers.make("rev", milliseconds: milliseconds, using: &generator)
            #expect(id > previous)
            previous = id
        }
    }

    @Test("ids made in the same millisecond differ in their 80 random bits")
    func randomPart() {
        var generator = SystemRandomNumberGenerator()
        let ids = (0..<10_000).map { _ in GatewayIdentifiers.make("vch", milliseconds: 42, using: &generator) }
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids.map { $0.dropFirst(4).prefix(10) }).count == 1)
        let now = GatewayIdentifiers.make("cns")
        #expect(now.count == 30 && now.hasPrefix("cns_"))
    }
}
