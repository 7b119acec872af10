/// Fresh random (version 4) UUIDs as lowercase text, for registry message ids, `wsu:Id`s and request ids.
///
/// Foundation's `UUID()` on Linux opens, reads and closes `/dev/urandom` for every value — three system calls and a
/// path lookup, several microseconds a message. This takes the 16 bytes from the same kernel CSPRNG, read 4 KiB at a
/// time through a descriptor kept open (`ReserveRandomNumberGenerator`), and formats them without Foundation.
///
/// ```swift
/// let messageId = RandomUUID.lowercased()   // e.g. "3f2b8c1e-5a7d-4e0f-9b6a-0c1d2e3f4a5b"
/// ```
public enum RandomUUID {
    /// A fresh version-4 UUID, lowercase, with hyphens (36 characters).
    public static func lowercased() -> String {
        var generator = ReserveRandomNumberGenerator()
        var bytes: (UInt64, UInt64) = (generator.next(), generator.next())
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = raw[6] & 0x0F | 0x40  // version 4
            raw[8] = raw[8] & 0x3F | 0x80  // RFC 4122 variant
            return String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = hexDigits[Int(raw[index] >> 4)]
                    text[position + 1] = hexDigits[Int(raw[index] & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
