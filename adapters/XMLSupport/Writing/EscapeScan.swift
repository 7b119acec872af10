/// Eight bytes at a time: whether a word of text holds a byte an escaper must look at. Both escapers (the writer's and
/// the canonicalizer's) skip runs of harmless bytes with it; the answers are exact, never approximate.
enum EscapeScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is a C0 control (below 0x20) or one of `"`, `&`, `<`, `>`.
    @inline(__always)
    static func hasMarkupByte(_ word: UInt64) -> Bool {
        // A byte below 0x20: its high bit is clear and subtracting 0x20 borrows into it.
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        return below || contains(word, 0x22) || contains(word, 0x26) || contains(word, 0x3C) || contains(word, 0x3E)
    }

    /// Whether any byte of `word` equals `byte`.
    @inline(__always)
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let value = word ^ (ones &* UInt64(byte))
        return (value &- ones) & ~value & highs != 0
    }
}
