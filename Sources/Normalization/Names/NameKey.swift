/// A name's comparison key: the folded skeleton `NameKeyEncoder` computes, where look-alikes, Kazakh
/// letters and their Russian fallbacks, and Cyrillic and Latin spellings of the same name collapse.
///
/// Never store or show a key as the person's name — it is lossy by design (И and Й, Ш and Щ collapse).
/// Use `NormalizedName.canonical` for display.
///
/// ```swift
/// NameKey("Әлия Нұрланқызы") == NameKey("Aliya Nurlankyzy")  // true: both ALIANURLANKIZI
/// ```
public struct NameKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The skeleton bytes (ASCII, plus the UTF-8 of letters from other scripts).
    public let bytes: [UInt8]

    /// The key of `text`.
    public init(_ text: String) {
        var buffer = [UInt8]()
        buffer.reserveCapacity(text.utf8.count)
        NameKeyEncoder.encode(text, into: &buffer)
        self.bytes = buffer
    }

    /// A key from skeleton bytes already computed (by `NameKeyEncoder` or taken from another key).
    public init(skeleton bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether the text had no letters at all; such a name is missing data, not a mismatch.
    public var isEmpty: Bool { bytes.isEmpty }

    /// The skeleton as text, e.g. `ALIANURLANKIZI`.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// Whether the key ends with the ASCII `suffix` and leaves at least `minimumStem` bytes before it.
    func hasSuffix(_ suffix: StaticString, minimumStem: Int) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count + minimumStem else { return false }
        return suffix.withUTF8Buffer { suffixBytes in
            bytes[(bytes.count - count)...].elementsEqual(suffixBytes)
        }
    }

    /// The key without its last `count` bytes.
    func dropping(_ count: Int) -> NameKey {
        NameKey(skeleton: Array(bytes.dropLast(count)))
    }
}
