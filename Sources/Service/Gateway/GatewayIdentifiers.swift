import Foundation

/// Opaque, URL-safe ids with a kind prefix (`dec_`, `rev_`, `vch_`, `cns_`): 26 base32 characters from 128 random bits.
enum GatewayIdentifiers {
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    static func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = prefix + "_"
        for _ in 0..<26 { text.append(alphabet[Int(generator.next() % 32)]) }
        return text
    }
}
