extension String {
    /// The text without leading and trailing white space and line breaks — the Unicode `White_Space` scalars plus
    /// U+200B ZERO WIDTH SPACE, the same set as Foundation's `.whitespacesAndNewlines` (checked scalar by scalar in
    /// `BlankTrimmingTests`).
    ///
    /// Pure Swift: Foundation's `trimmingCharacters(in:)` bridges through `NSString` and a re-validated copy, which
    /// cost ≈ 5 % of the cleanser's CPU when every registry field and CSV cell went through it.
    public func trimmingBlanks() -> String {
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self  // nothing to trim (the common case): no copy
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isBlank(scalars[start]) {
            start = scalars.index(after: start)
        }
        while start < end {
            let before = scalars.index(before: end)
            guard Self.isBlank(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(self[start..<end])
    }

    /// The Unicode `White_Space` set (a stable property: these 25 scalars) plus U+200B, by value — the property
    /// look-up cost ≈ 0.5 % of the cleanser's CPU on Cyrillic registry fields, whose first byte skips the fast path.
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
