import Foundation
import Identifiers

/// Opaque, URL-safe ids with a kind prefix (`dec_`, `rev_`, `vch_`, `cns_`): 26 lowercase base32 characters, the first
/// 10 the creation time in milliseconds since 1970 and the other 16 from 80 random bits (as ULIDs do).
///
/// The time part makes ids of one kind sort by creation, so the store appends to its primary-key indexes instead of
/// writing a random page of each per decision; the random part keeps them unguessable. (Before, all 26 characters were
/// random and each took its own `getrandom` call; the random bits now come from `ReserveRandomNumberGenerator`.)
enum GatewayIdentifiers {
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

    static func make(_ prefix: String, now: Date = Date()) -> String {
        var generator = ReserveRandomNumberGenerator()
        return make(prefix, milliseconds: UInt64(max(0, now.timeIntervalSince1970 * 1000)), using: &generator)
    }

    /// The id for `milliseconds` since 1970 with random bits from `generator` (tests pass a seeded one).
    static func make(_ prefix: String, milliseconds: UInt64, using generator: inout some RandomNumberGenerator) -> String {
        var bytes = Array(prefix.utf8)
        bytes.reserveCapacity(bytes.count + 27)
        bytes.append(UInt8(ascii: "_"))
        // 10 characters carry 50 bits: enough until the year 37,648.
        for index in (0..<10).reversed() {
            bytes.append(alphabet[Int((milliseconds >> (UInt64(index) * 5)) & 31)])
        }
        var random = generator.next() as UInt64
        for index in 0..<16 {
            if index == 12 { random = generator.next() }
            bytes.append(alphabet[Int(random & 31)])
            random >>= 5
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
