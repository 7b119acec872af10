/// Twelve decimal digits packed as nibbles into one integer, first digit in the highest nibble.
///
/// Packing keeps identifiers allocation-free, trivially `Hashable`, and ordered like their decimal text.
@usableFromInline
struct PackedDigits: Sendable, Hashable, Comparable {
    @usableFromInline let raw: UInt64

    @inlinable init(raw: UInt64) { self.raw = raw }

    /// The digit at a zero-based index 0…11.
    @inlinable subscript(index: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: (raw >> UInt64(4 * (11 - index))) & 0xF)
    }

    /// The integer value of digits `from…through` (zero-based, inclusive), e.g. `number(0, 1)` is YY.
    @inlinable func number(_ from: Int, _ through: Int) -> Int {
        var value = 0
        for index in from...through { value = value &* 10 &+ Int(self[index]) }
        return value
    }

    @inlinable static func < (lhs: Self, rhs: Self) -> Bool { lhs.raw < rhs.raw }

    /// The twelve ASCII digits as text.
    var text: String {
        String(unsafeUninitializedCapacity: 12) { buffer in
            for index in 0..<12 { buffer[index] = 48 &+ self[index] }
            return 12
        }
    }
}

/// Turns input into twelve checked digits; shared by `IIN` and `BIN`.
@usableFromInline
enum DigitParser {
    /// Strict form: exactly twelve ASCII digits, nothing else. Allocation-free.
    @inlinable
    static func strict(_ bytes: UnsafeBufferPointer<UInt8>, kind: IdentifierKind) throws(IdentifierError) -> PackedDigits {
        guard bytes.count == 12 else {
            throw bytes.isEmpty ? IdentifierError(kind: kind, code: .empty) : IdentifierError(kind: kind, code: .wrongLength(count: bytes.count))
        }
        var raw: UInt64 = 0
        for index in 0..<12 {
            let digit = bytes[index] &- 48
            guard digit <= 9 else {
                throw IdentifierError(kind: kind, code: .invalidCharacter(position: index + 1, scalar: UInt32(bytes[index])))
            }
            raw = raw << 4 | UInt64(digit)
        }
        let digits = PackedDigits(raw: raw)
        try verifyCheckDigit(digits, kind: kind)
        return digits
    }

    /// Lenient form for what people type: ignores blanks, dashes and the like anywhere, but never guesses a
    /// digit — any other character (a letter, a full-width or non-Latin digit) is an error naming its position.
    static func lenient(_ input: some StringProtocol, kind: IdentifierKind) throws(IdentifierError) -> PackedDigits {
        var raw: UInt64 = 0
        var count = 0
        var position = 0
        for scalar in input.unicodeScalars {
            position += 1
            let value = scalar.value
            if value >= 48 && value <= 57 {
                count += 1
                if count <= 12 { raw = raw << 4 | UInt64(value - 48) }
            } else if !isIgnorable(value) {
                throw IdentifierError(kind: kind, code: .invalidCharacter(position: position, scalar: value))
            }
        }
        guard count == 12 else {
            throw count == 0 ? IdentifierError(kind: kind, code: .empty) : IdentifierError(kind: kind, code: .wrongLength(count: count))
        }
        let digits = PackedDigits(raw: raw)
        try verifyCheckDigit(digits, kind: kind)
        return digits
    }

    /// Separators people and spreadsheets put between digit groups: blanks and dash-like characters.
    static func isIgnorable(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2007, 0x202F, 0xFEFF:  // blanks, no-break spaces, BOM
            return true
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212:  // hyphen-minus, hyphens, figure/en dash, minus
            return true
        default:
            return false
        }
    }

    /// Checks digit 12 against the two-pass algorithm; rejects never-issued prefixes.
    @inlinable
    static func verifyCheckDigit(_ digits: PackedDigits, kind: IdentifierKind) throws(IdentifierError) {
        var first = 0
        var second = 0
        for index in 0..<11 {
            let value = Int(digits[index])
            first &+= (index + 1) &* value
            second &+= ((index + 2) % 11 + 1) &* value
        }
        switch CheckDigit.outcome(firstSum: first, secondSum: second) {
        case .digit(let expected, _):
            let given = digits[11]
            if expected != given {
                throw IdentifierError(kind: kind, code: .checksum(computed: expected, given: given))
            }
        case .notIssuable:
            throw IdentifierError(kind: kind, code: .notIssuable)
        }
    }
}
