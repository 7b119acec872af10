/// Request ids: which incoming `X-Request-ID` values the gateway honours and how it makes new ones.
///
/// An incoming id is honoured when it is 1–128 characters of `A–Z a–z 0–9 - _ . :` and has no run of 12 or
/// more digits (such a run would be masked in the logs as a possible IIN, and the id in the logs would no longer
/// match the one the client holds). Anything else is replaced by a generated id.
public enum RequestIdentifier {
    /// The longest incoming id honoured.
    public static let maximumLength = 128

    /// Whether an incoming `X-Request-ID` value is sane enough to keep.
    public static func isAcceptable(_ candidate: some StringProtocol) -> Bool {
        let bytes = candidate.utf8
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        var digitRun = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digitRun += 1
                if digitRun >= PersonalDataMasker.standard.minimumDigits { return false }
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
                digitRun = 0
            default:
                return false
            }
        }
        return true
    }

    /// A new random id: 24 letters (≈ 137 bits), e.g. `qWzkTbLpRmXaVcNdHsJfYgUe`. Letters only, so it can never
    /// look like an IIN.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A new id drawn from `generator` (tests pass a seeded one).
    public static func generate(using generator: inout some RandomNumberGenerator) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        while bytes.count < 24 {
            var word = generator.next() as UInt64
            for _ in 0..<8 where bytes.count < 24 {
                let value = UInt8(truncatingIfNeeded: word)
                word >>= 8
                // 208 = 4 × 52: values below it map onto the 52 letters without bias.
                if value < 208 { bytes.append(alphabet[Int(value % 52)]) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
}
