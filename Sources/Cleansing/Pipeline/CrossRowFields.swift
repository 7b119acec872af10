import Identifiers
import Normalization

/// The keys the cross-row index derives from an input row: packed IIN digits, name keys and their hash, the
/// blocking date and the phone. Computed, used and dropped within `register`. Internal.
struct CrossRowFields {
    /// The typed IIN's digits (blanks, dashes and other characters dropped), 1–15 of them, packed as
    /// `value | count << 50`; 0 when there are none.
    let iinKey: UInt64
    let surnameKey: [UInt8]
    let firstNameKey: [UInt8]
    let patronymicKey: [UInt8]
    let nameHash: UInt32
    /// Birth date for blocking (`CrossRowEntry.date` encoding).
    let date: UInt32
    /// The Kazakhstan mobile number, when valid.
    let phone: UInt64?
    let sketch: NameSketch

    static let declaredFlag: UInt32 = 1 << 31
    private static let countShift: UInt64 = 50

    init(_ row: CleansingInputRow, dateParser: DateParser) {
        var value: UInt64 = 0
        var count: UInt64 = 0
        for scalar in (row.iin ?? "").unicodeScalars where ("0"..."9").contains(scalar) {
            count += 1
            if count <= 15 { value = value * 10 + UInt64(scalar.value - 0x30) }
        }
        iinKey = (1...15).contains(count) ? value | count << Self.countShift : 0

        func key(_ text: String?) -> [UInt8] { text.map { NameKey($0).bytes } ?? [] }
        surnameKey = key(row.surname)
        firstNameKey = key(row.firstName)
        patronymicKey = key(row.patronymic)
        var hash = StableHash()
        hash.combine(surnameKey)
        hash.combine(UInt8(0))
        hash.combine(firstNameKey)
        hash.combine(UInt8(0))
        hash.combine(patronymicKey)
        nameHash = UInt32(truncatingIfNeeded: hash.value ^ hash.value >> 32)
        sketch = NameSketch(surname: surnameKey, firstName: firstNameKey, patronymic: patronymicKey)

        if let text = NormalizedParentRow.trimmed(row.birthDate), let declared = try? dateParser.parse(text) {
            date = Self.pack(declared) | Self.declaredFlag
        } else if count == 12 {
            date = Self.iinDate(value).map(Self.pack) ?? 0
        } else {
            date = 0
        }
        phone = NormalizedParentRow.trimmed(row.phone).flatMap { try? PhoneNumber($0) }.map { UInt64($0.national) }
    }

    static func pack(_ date: CalendarDate) -> UInt32 {
        UInt32(date.year * 10_000 + date.month * 100 + date.day)
    }

    static func unpack(_ date: UInt32) -> CalendarDate? {
        let value = Int(date & ~declaredFlag)
        return CalendarDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }

    /// The birth date digits 1–7 of a twelve-digit IIN name (YYMMDD + century in digit 7), even when its check digit
    /// is wrong; `nil` when they name no date.
    static func iinDate(_ digits: UInt64) -> CalendarDate? {
        let yymmdd = Int(digits / 1_000_000)
        let century = Int(digits / 100_000 % 10)
        let base: Int
        switch century {
        case 1, 2: base = 1800
        case 3, 4: base = 1900
        case 5, 6: base = 2000
        default: return nil
        }
        return CalendarDate(year: base + yymmdd / 10_000, month: yymmdd / 100 % 100, day: yymmdd % 100)
    }

    /// The digits of a packed IIN key as ASCII bytes (leading zeros kept).
    static func digits(ofKey key: UInt64) -> [UInt8] {
        let count = Int(key >> countShift)
        var value = key & ((1 << countShift) - 1)
        var result = [UInt8](repeating: 0x30, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            result[index] = 0x30 + UInt8(value % 10)
            value /= 10
        }
        return result
    }
}
