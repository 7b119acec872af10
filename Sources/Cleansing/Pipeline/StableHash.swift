/// FNV-1a, 64 bit: a hash that is the same in every process, so an index rebuilt on a resumed run holds the same keys
/// (Swift's `Hasher` is seeded per process). Internal; not for security.
struct StableHash: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func combine(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01b3
    }

    mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { combine(byte) }
    }

    mutating func combine(_ word: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { combine(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
    }
}
