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
    /// Strict form: exactly twelve ASCII digits, nothing else. Allocation-free, straight-line code with
    /// constant weights (this is the bulk hot path; see `qorgan-bench iin`).
    ///
    /// Returns a `Result` rather than throwing: bulk callers see many invalid rows, and a returned error costs
    /// nothing while a thrown one goes through the runtime's throw hook.
    @inlinable @inline(__always)
    static func strict(_ bytes: UnsafeBufferPointer<UInt8>, kind: IdentifierKind) -> Result<PackedDigits, IdentifierError> {
        guard bytes.count == 12, let p = bytes.baseAddress else {
            return .failure(bytes.isEmpty ? IdentifierError(kind: kind, code: .empty) : IdentifierError(kind: kind, code: .wrongLength(count: bytes.count)))
        }
        @inline(__always) func digit(_ index: Int) -> UInt32 { UInt32(p[index] &- 48) }
        let d0 = digit(0), d1 = digit(1), d2 = digit(2), d3 = digit(3), d4 = digit(4), d5 = digit(5)
        let d6 = digit(6), d7 = digit(7), d8 = digit(8), d9 = digit(9), d10 = digit(10), d11 = digit(11)
        // A byte is a digit iff (value - 48) <= 9 iff (value - 48 + 6) < 16: OR them all and test the high bits.
        let spread = (d0 &+ 6) | (d1 &+ 6) | (d2 &+ 6) | (d3 &+ 6) | (d4 &+ 6) | (d5 &+ 6)
            | (d6 &+ 6) | (d7 &+ 6) | (d8 &+ 6) | (d9 &+ 6) | (d10 &+ 6) | (d11 &+ 6)
        guard spread & ~0xF == 0 else { return .failure(invalidCharacterError(bytes, kind: kind)) }
        // First pass weights 1…11; second pass 3…11, 1, 2.
        let first = d0 &+ 2 &* d1 &+ 3 &* d2 &+ 4 &* d3 &+ 5 &* d4 &+ 6 &* d5 &+ 7 &* d6 &+ 8 &* d7 &+ 9 &* d8 &+ 10 &* d9 &+ 11 &* d10
        var expected = first % 11
        if expected == 10 {
            let second = 3 &* d0 &+ 4 &* d1 &+ 5 &* d2 &+ 6 &* d3 &+ 7 &* d4 &+ 8 &* d5 &+ 9 &* d6 &+ 10 &* d7 &+ 11 &* d8 &+ d9 &+ 2 &* d10
            expected = second % 11
            if expected == 10 { return .failure(IdentifierError(kind: kind, code: .notIssuable)) }
        }
        guard expected == d11 else {
            return .failure(IdentifierError(kind: kind, code: .checksum(computed: UInt8(expected), given: UInt8(d11))))
        }
        let high = UInt64(d0) << 44 | UInt64(d1) << 40 | UInt64(d2) << 36 | UInt64(d3) << 32 | UInt64(d4) << 28 | UInt64(d5) << 24
        let low = UInt64(d6) << 20 | UInt64(d7) << 16 | UInt64(d8) << 12 | UInt64(d9) << 8 | UInt64(d10) << 4 | UInt64(d11)
        return .success(PackedDigits(raw: high | low))
    }

    /// The error for the first byte that is not an ASCII digit (slow path, off the hot loop).
    @usableFromInline @inline(never)
    static func invalidCharacterError(_ bytes: UnsafeBufferPointer<UInt8>, kind: IdentifierKind) -> IdentifierError {
        let index = bytes.firstIndex { $0 < 48 || $0 > 57 } ?? 0
        return IdentifierError(kind: kind, code: .invalidCharacter(position: index + 1, scalar: UInt32(bytes[index])))
    }

    /// Lenient form for what people type: ignores blanks, dashes and the like anywhere, but never guesses a
    /// digit — any other character (a letter, a full-width or non-Latin digit) is an error naming its position.
    @inlinable
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
    @inlinable
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
