/// The leading bytes of a row's three name keys packed into 24 bytes: surname 10, first name 8, patronymic 6.
///
/// What the cross-row index keeps of a row's names instead of the names themselves, enough for the match model to
/// tell a spelling variant from another person. Keys are the folded skeletons (`NameKey`), never display names.
/// Internal.
struct NameSketch: Sendable, Hashable {
    static let surnameBytes = 10
    static let firstNameBytes = 8
    static let patronymicBytes = 6

    private var words: (UInt64, UInt64, UInt64)

    init(surname: [UInt8], firstName: [UInt8], patronymic: [UInt8]) {
        var bytes = [UInt8](repeating: 0, count: 24)
        func put(_ key: [UInt8], at offset: Int, limit: Int) {
            for (index, byte) in key.prefix(limit).enumerated() { bytes[offset + index] = byte }
        }
        put(surname, at: 0, limit: Self.surnameBytes)
        put(firstName, at: Self.surnameBytes, limit: Self.firstNameBytes)
        put(patronymic, at: Self.surnameBytes + Self.firstNameBytes, limit: Self.patronymicBytes)
        func word(_ index: Int) -> UInt64 {
            var value: UInt64 = 0
            for byte in bytes[(index * 8)..<(index * 8 + 8)].reversed() { value = value << 8 | UInt64(byte) }
            return value
        }
        words = (word(0), word(1), word(2))
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.words == rhs.words }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
    }

    private var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(24)
        for word in [words.0, words.1, words.2] {
            for shift in stride(from: 0, to: 64, by: 8) { result.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return result
    }

    /// The three truncated keys as text (`nil` when empty).
    var names: (surname: String?, firstName: String?, patronymic: String?) {
        let all = bytes
        func text(_ offset: Int, _ count: Int) -> String? {
            let part = all[offset..<(offset + count)].prefix { $0 != 0 }
            return part.isEmpty ? nil : String(decoding: part, as: UTF8.self)
        }
        return (text(0, Self.surnameBytes), text(Self.surnameBytes, Self.firstNameBytes),
                text(Self.surnameBytes + Self.firstNameBytes, Self.patronymicBytes))
    }
}
